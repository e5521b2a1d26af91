// Which ids a field refers to, and the choices the form offers for it: a city's country is
// one of the scenario's countries, a route is a list of its cities, an effect's power is a
// power or "$self"… Closed sets become drop-downs (a value outside them still shows, so the
// validator's problem stays visible); flags are open (a new flag is a new name).
import { MAX_NESTING } from './nesting';
import type { Path } from './paths';

export interface Choice {
  value: string;
  label: string;
}

export interface ChoiceSet {
  options: Choice[];
  /** True when any new value may be typed (flags); false for a fixed list. */
  open: boolean;
}

/** A country shape the map can draw: ISO numeric code and name. */
export interface MapShape {
  mapId: string;
  name: string;
  /** Map ids of the shapes it shares a land border with. */
  neighbours?: readonly string[];
}

export interface Entry {
  id?: unknown;
  name?: unknown;
  title?: unknown;
  role?: unknown;
  tracks?: unknown;
  [field: string]: unknown;
}

/** The entries of a top-level list of the scenario (those that are objects). */
export const entries = (json: unknown, key: string): Entry[] => {
  const v = json !== null && typeof json === 'object' ? (json as Record<string, unknown>)[key] : undefined;
  return Array.isArray(v) ? (v.filter((x) => x !== null && typeof x === 'object') as Entry[]) : [];
};
const asChoice = (e: Entry): Choice[] => (typeof e.id === 'string' ? [{ value: e.id, label: typeof e.name === 'string' ? e.name : typeof e.title === 'string' ? e.title : e.id }] : []);

/** Every flag the scenario names anywhere: set at the start, set or cleared by effects, read by conditions and orders. */
export function knownFlags(json: unknown): string[] {
  const found = new Set<string>();
  const walk = (v: unknown, key: string | null, depth: number): void => {
    if (depth > MAX_NESTING) return;
    if (Array.isArray(v)) for (const x of v) walk(x, key === 'flags' ? 'flag' : null, depth + 1);
    else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k, depth + 1);
    else if (key === 'flag' && typeof v === 'string') found.add(v);
  };
  walk(json, null, 0);
  return [...found].sort();
}

/** The kind of id the value at `path` refers to, or null when it names nothing. */
export type RefKind = 'country' | 'neighbour' | 'contested' | 'power' | 'city' | 'source' | 'organisation' | 'project' | 'track' | 'flag' | 'role' | 'map';

export function refKind(path: Path): RefKind | null {
  const last = path[path.length - 1];
  const inList = typeof last === 'number';
  const key = inList ? path[path.length - 2] : last;
  const top = path[0];
  switch (key) {
    case 'borders':
      return inList ? 'country' : null;
    case 'home':
      return 'neighbour';
    case 'country':
      // A sea link may lead to a neighbour as well as to a contested country.
      return top === 'cities' || path.includes('seaLinks') ? 'country' : 'contested';
    case 'power':
    case 'owner':
      return 'power';
    case 'powers':
    case 'sponsors':
      return inList && top !== undefined && top !== 'powers' ? 'power' : null;
    case 'route':
      return inList ? 'city' : null;
    case 'source':
      return 'source';
    case 'memberships':
      return inList ? 'organisation' : null;
    case 'membership':
      return 'organisation';
    case 'project':
      return 'project';
    case 'track':
      return 'track';
    case 'flag':
      return 'flag';
    case 'flags':
      return inList ? 'flag' : null;
    case 'role':
      return top === 'briefings' ? 'role' : null;
    case 'mapId':
      return 'map';
    default:
      return null;
  }
}

/** Placeholders an effect may use where it sits: "$target" in orders, "$route" in projects. */
function placeholders(path: Path, kind: RefKind): Choice[] {
  const inEffect = path.some((p) => p === 'effects' || p === 'onComplete' || p === 'perTurn');
  if (!inEffect) return [];
  const top = path[0];
  if (kind === 'contested') {
    if (top === 'actions') return [{ value: '$target', label: 'the country the order names ($target)' }];
    if (top === 'projects') return [{ value: '$route', label: 'every country on the route ($route)' }];
    return [];
  }
  if (kind === 'power' && (top === 'actions' || top === 'projects'))
    return [
      { value: '$self', label: top === 'actions' ? 'the power giving the order ($self)' : 'the owner ($self)' },
      { value: '$others', label: 'every other power ($others)' },
    ];
  return [];
}

export function choicesFor(path: Path, json: unknown, map: readonly MapShape[]): ChoiceSet | null {
  const kind = refKind(path);
  if (kind === null) return null;
  const closed = (options: Choice[]): ChoiceSet => ({ options, open: false });
  switch (kind) {
    case 'country':
      return closed(entries(json, 'countries').flatMap(asChoice));
    case 'neighbour':
      return closed(entries(json, 'countries').filter((c) => c.role === 'neighbour').flatMap(asChoice));
    case 'contested':
      return closed([...placeholders(path, kind), ...entries(json, 'countries').filter((c) => c.role === 'contested').flatMap(asChoice)]);
    case 'power':
      return closed([...placeholders(path, kind), ...entries(json, 'powers').flatMap(asChoice)]);
    case 'city':
      return closed(entries(json, 'cities').flatMap(asChoice));
    case 'source':
      return closed(entries(json, 'sources').flatMap(asChoice).map((c) => ({ value: c.value, label: `${c.value}: ${c.label}` })));
    case 'organisation':
      return closed(entries(json, 'organisations').flatMap(asChoice));
    case 'project':
      return closed(entries(json, 'projects').flatMap(asChoice));
    case 'track':
      return closed(entries(json, 'powers').flatMap((p) => (Array.isArray(p.tracks) ? (p.tracks as Entry[]).flatMap(asChoice) : [])));
    case 'role':
      return closed([...entries(json, 'powers'), ...entries(json, 'countries')].flatMap(asChoice));
    case 'map':
      return closed(map.map((m) => ({ value: m.mapId, label: `${m.name} (${m.mapId})` })));
    case 'flag':
      return { options: knownFlags(json).map((f) => ({ value: f, label: f })), open: true };
  }
}

/** The keys a map of values per key offers: one per power for influence and dependence. */
export function recordKeys(path: Path, json: unknown): Choice[] | null {
  const key = path[path.length - 1];
  if (key === 'influence' || key === 'economic' || key === 'security') return entries(json, 'powers').flatMap(asChoice);
  return null;
}
