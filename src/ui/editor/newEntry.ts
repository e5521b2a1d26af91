// What "Add" puts in a list, and what a union becomes when its kind changes: a value the
// schema accepts, filled from the scenario where it can be (the first power, the first
// city, an unused map shape), so a newcomer's additions are valid from the start and the
// validator only speaks when they change something into a mistake.
import type { Path, PathPart } from './paths';
import { idRecord } from '../../engine';
import { MAX_NESTING } from './nesting';
import { getAtPath, setAtPath } from './paths';
import { labelFor } from './labels';
import type { MapShape } from './references';
import { choicesFor, recordKeys } from './references';
import type { SchemaNode } from './schemaNode';
import { discriminatorOf, nodeKind, variantsOf } from './schemaNode';

/** The singular of a list's name, as buttons say it: "Add a country". */
const SINGULAR: Record<string, string> = {
  sources: 'source',
  powers: 'power',
  tracks: 'track',
  organisations: 'organisation',
  countries: 'country',
  borders: 'border',
  memberships: 'membership',
  cities: 'city',
  actions: 'action',
  effects: 'effect',
  projects: 'project',
  route: 'city',
  onComplete: 'effect',
  perTurn: 'effect',
  sponsors: 'sponsor',
  events: 'event',
  all: 'condition',
  flags: 'flag',
  briefings: 'briefing',
};
export const singular = (listKey: PathPart | undefined): string => (Object.hasOwn(SINGULAR, String(listKey)) ? SINGULAR[String(listKey)] : undefined) ?? 'entry';

const slug = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50) || 'entry';

/** Every id used anywhere in the scenario, so a new one never collides. */
function usedIds(json: unknown): Set<string> {
  const ids = new Set<string>();
  const walk = (v: unknown, depth: number): void => {
    if (depth > MAX_NESTING) return;
    if (Array.isArray(v)) for (const x of v) walk(x, depth + 1);
    else if (v !== null && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) {
        if (k === 'id' && typeof x === 'string') ids.add(x);
        else walk(x, depth + 1);
      }
  };
  walk(json, 0);
  return ids;
}

export function freshId(json: unknown, base: string): string {
  const used = usedIds(json);
  if (!used.has(base)) return base;
  for (let n = 2; ; n += 1) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}

export interface NewValueContext {
  json: unknown;
  map: readonly MapShape[];
}

/** A value for `node` at `path` that the schema accepts. */
export function newValue(node: SchemaNode, path: Path, ctx: NewValueContext): unknown {
  if (node.default !== undefined) return structuredClone(node.default);
  const key = path[path.length - 1];
  switch (nodeKind(node)) {
    case 'const':
      return node.const;
    case 'enum':
      return node.enum?.[0];
    case 'union':
      return newValue(variantsOf(node)[0] as SchemaNode, path, ctx);
    case 'boolean':
      return false;
    case 'number': {
      const lo = node.minimum ?? -Infinity;
      const hi = node.maximum ?? Infinity;
      return Math.min(Math.max(0, lo), hi);
    }
    case 'list': {
      const out: unknown[] = [];
      for (let i = 0; i < (node.minItems ?? 0); i += 1) out.push(newValue(node.items ?? {}, [...path, i], ctx));
      return out;
    }
    case 'record': {
      const keys = recordKeys(path, ctx.json) ?? [];
      const value = typeof node.additionalProperties === 'object' ? node.additionalProperties : {};
      return idRecord(keys.map((k) => [k.value, newValue(value, [...path, k.value], ctx)]));
    }
    case 'object': {
      return idRecord(Object.entries(node.properties ?? {}).flatMap(([k, child]) => (node.required?.includes(k) ? [[k, newValue(child, [...path, k], ctx)] as const] : [])));
    }
    case 'text': {
      const choices = choicesFor(path, ctx.json, ctx.map);
      const real = choices?.options.find((o) => !o.value.startsWith('$'));
      if (choices && !choices.open && real) return real.value;
      if (key === 'id') return freshId(ctx.json, `new-${singular(path[path.length - 3])}`);
      if (node.pattern?.includes('\\d{4}')) return typeof getAtPath(ctx.json, ['start']) === 'string' ? getAtPath(ctx.json, ['start']) : '2024-01';
      if (node.pattern?.includes('#[0-9a-fA-F]')) return '#8a8a8a';
      if (choices?.open) return freshId(ctx.json, `new-${String(key)}`);
      return `New ${singular(path[path.length - 3])}: ${labelFor(String(key)).toLowerCase()}`;
    }
    default:
      return null;
  }
}

const mapName = (map: readonly MapShape[], mapId: unknown): string | undefined => map.find((m) => m.mapId === mapId)?.name;

/** A new entry for the list at `listPath`, with the touches a designer expects of each kind. */
export function newEntry(listNode: SchemaNode, listPath: Path, ctx: NewValueContext): unknown {
  const list = getAtPath(ctx.json, listPath);
  const index = Array.isArray(list) ? list.length : 0;
  const item = listNode.items ?? {};
  const value = newValue(item, [...listPath, index], ctx);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    // In a list of references (a route, borders, sponsors), the next one the list lacks.
    const choices = choicesFor([...listPath, index], ctx.json, ctx.map);
    if (!choices || choices.open) return value;
    const held = new Set(Array.isArray(list) ? list : []);
    return choices.options.find((o) => !held.has(o.value) && !o.value.startsWith('$'))?.value ?? value;
  }
  const entry = value as Record<string, unknown>;
  const top = pathTop(listPath);
  if (top === 'countries') {
    // A new country takes the first map shape no country uses yet, and its name.
    const used = new Set(Array.isArray(list) ? list.map((c) => (c as { mapId?: unknown }).mapId) : []);
    const shape = ctx.map.find((m) => !used.has(m.mapId));
    if (shape) {
      entry.mapId = shape.mapId;
      entry.name = shape.name;
      entry.id = freshId(ctx.json, slug(shape.name));
      entry.borders = mapBorders(ctx.json, shape.mapId, ctx.map);
    }
    if (entry.role === 'contested') Object.assign(entry, { importance: 2, stability: 60, sovereignty: 50, influence: idRecord(Object.keys(entry.influence as object).map((p) => [p, 10])) });
  }
  if (top === 'cities') {
    // Near the region's middle until the designer places it (by clicking the map, or typing).
    Object.assign(entry, { lat: 45, lon: 65 });
  }
  if (top === 'powers') {
    // A new power's home is a neighbour no other power calls home yet, when there is one.
    const homes = new Set(Array.isArray(list) ? list.map((p) => (p as { home?: unknown }).home) : []);
    const free = choicesFor([...listPath, index, 'home'], ctx.json, ctx.map)?.options.find((o) => !homes.has(o.value));
    Object.assign(entry, { income: 10, startBudget: 10 }, free ? { home: free.value } : {});
  }
  for (const k of ['name', 'title']) if (typeof entry[k] === 'string' && entry[k].startsWith('New ')) entry[k] = `New ${singular(listPath[listPath.length - 1])}`;
  return entry;
}

/** The scenario with a new entry at the end of the list at `listPath` (and, for a new power, a place in every country's values). */
export function addEntry(listNode: SchemaNode, listPath: Path, ctx: NewValueContext, entry: unknown = newEntry(listNode, listPath, ctx)): unknown {
  const list = getAtPath(ctx.json, listPath);
  let json = setAtPath(ctx.json, listPath, [...(Array.isArray(list) ? list : []), entry]);
  const id = (entry as { id?: unknown } | null)?.id;
  const borders = (entry as { borders?: unknown } | null)?.borders;
  // Borders go both ways: the new country's neighbours list it too.
  if (listPath.length === 1 && listPath[0] === 'countries' && typeof id === 'string' && Array.isArray(borders)) json = linkBorders(json, id, [], borders as string[]);
  if (listPath.length === 1 && listPath[0] === 'powers' && typeof id === 'string') {
    const countries = getAtPath(json, ['countries']);
    if (Array.isArray(countries))
      countries.forEach((c, i) => {
        if ((c as { role?: unknown }).role !== 'contested') return;
        for (const at of [['influence'], ['dependence', 'economic'], ['dependence', 'security']]) json = setAtPath(json, ['countries', i, ...at, id], 0);
      });
  }
  return json;
}

const pathTop = (listPath: Path): PathPart | undefined => (listPath.length === 1 ? listPath[0] : undefined);

/** The value a union takes when its kind changes: the new variant, keeping fields both share. */
export function switchVariant(unionNode: SchemaNode, path: Path, current: unknown, tag: string, ctx: NewValueContext): unknown {
  const d = discriminatorOf(unionNode);
  const variant = variantsOf(unionNode).find((v) => d !== null && v.properties?.[d]?.const === tag);
  if (!variant || d === null) return current;
  const fresh = newValue(variant, path, ctx) as Record<string, unknown>;
  const old = current !== null && typeof current === 'object' ? (current as Record<string, unknown>) : {};
  for (const k of Object.keys(variant.properties ?? {})) if (k !== d && Object.hasOwn(old, k)) fresh[k] = old[k];
  return fresh;
}


/**
 * A country's map shape changed: a name (and id) that still came from the old shape follow
 * the new one, so "Add a country" then choosing Kyrgyzstan gives Kyrgyzstan, not
 * "Afghanistan" drawn as Kyrgyzstan. Ids other entries refer to are left alone.
 */
export function followMapShape(json: unknown, countryIndex: number, mapId: string, map: readonly MapShape[]): unknown {
  const path = ['countries', countryIndex];
  const country = getAtPath(json, path) as { id?: unknown; name?: unknown; mapId?: unknown; borders?: unknown } | undefined;
  let next = setAtPath(json, [...path, 'mapId'], mapId);
  if (!country || typeof country.id !== 'string') return next;
  // Borders the map gave (not ones the designer chose) are taken back, both ways, and redone.
  const had = Array.isArray(country.borders) ? (country.borders as string[]) : [];
  const fromMap = typeof country.mapId === 'string' && sameSet(had, mapBorders(json, country.mapId, map));
  if (fromMap) next = setAtPath(linkBorders(next, country.id, had, []), [...path, 'borders'], []);
  let id = country.id;
  const before = mapName(map, country.mapId);
  const after = mapName(map, mapId);
  if (before !== undefined && after !== undefined && country.name === before) {
    next = setAtPath(next, [...path, 'name'], after);
    if (id === slug(before) && !isReferenced(next, id)) {
      id = freshId(next, slug(after));
      next = setAtPath(next, [...path, 'id'], id);
    }
  }
  if (!fromMap) return next;
  const borders = mapBorders(next, mapId, map).filter((b) => b !== id);
  return linkBorders(setAtPath(next, [...path, 'borders'], borders), id, [], borders);
}

/** The scenario's countries whose map shapes share a land border with `mapId`. */
function mapBorders(json: unknown, mapId: string, map: readonly MapShape[]): string[] {
  const near = new Set(map.find((m) => m.mapId === mapId)?.neighbours ?? []);
  const countries = getAtPath(json, ['countries']);
  return (Array.isArray(countries) ? (countries as { id?: unknown; mapId?: unknown }[]) : []).flatMap((c) => (typeof c.id === 'string' && typeof c.mapId === 'string' && near.has(c.mapId) ? [c.id] : []));
}

const sameSet = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x) => b.includes(x));

/** Country `id` leaves the borders of the countries in `from` and joins those of the countries in `to`. */
function linkBorders(json: unknown, id: string, from: readonly string[], to: readonly string[]): unknown {
  const countries = getAtPath(json, ['countries']);
  if (!Array.isArray(countries)) return json;
  let next = json;
  countries.forEach((c, i) => {
    const other = c as { id?: unknown; borders?: unknown };
    if (typeof other.id !== 'string' || other.id === id) return;
    const borders = Array.isArray(other.borders) ? (other.borders as string[]) : [];
    if (to.includes(other.id) && !borders.includes(id)) next = setAtPath(next, ['countries', i, 'borders'], [...borders, id]);
    else if (from.includes(other.id) && !to.includes(other.id)) next = setAtPath(next, ['countries', i, 'borders'], borders.filter((b) => b !== id));
  });
  return next;
}

/** Whether any value other than an entry's own id equals `id`. */
function isReferenced(json: unknown, id: string): boolean {
  let found = false;
  const walk = (v: unknown, key: string | null, depth: number): void => {
    if (found || depth > MAX_NESTING) return;
    if (Array.isArray(v)) for (const x of v) walk(x, null, depth + 1);
    else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k, depth + 1);
    else if (v === id && key !== 'id') found = true;
    // Keys of influence/dependence maps are power ids, never country ids, so values suffice.
  };
  walk(json, null, 0);
  return found;
}

/**
 * An entry was (re)named: an id the editor made up ("new-city-2") that nothing refers to
 * yet follows the name, so a city named Bishkek gets the id "bishkek". Ids a designer typed
 * or that something uses are left alone. Returns the scenario and the new id, if any.
 */
export function followName(json: unknown, entryPath: Path, name: string): { json: unknown; id: string | null } {
  const id = getAtPath(json, [...entryPath, 'id']);
  if (typeof id !== 'string' || !/^new-/.test(id) || isReferenced(json, id) || name.trim() === '') return { json, id: null };
  const next = freshId(json, slug(name));
  return { json: setAtPath(json, [...entryPath, 'id'], next), id: next };
}
