// Removing an entry others refer to: what names it goes with it where that is plainly
// right — a border, a route stop, an effect or condition about it, a city in a removed
// country, a power's influence values, an optional field — and what cannot go without
// changing the designer's intent (a power's home, an event's source) stays, for the
// validator to point at. One undo step brings everything back.
import { idRecord, own } from '../../engine';
import { MAX_NESTING } from './nesting';
import type { Path, PathPart } from './paths';
import { getAtPath, pathKey } from './paths';
import type { RefKind } from './references';
import { refKind } from './references';
import type { SchemaNode } from './schemaNode';
import { isRequired, nodeAt, nodeKind, variantFor } from './schemaNode';

/** What each list's ids are referred to as. */
const KINDS: Record<string, RefKind[]> = {
  countries: ['country', 'contested', 'neighbour', 'role'],
  powers: ['power', 'role'],
  cities: ['city'],
  sources: ['source'],
  organisations: ['organisation'],
  projects: ['project'],
  tracks: ['track'],
};

/** Top-level lists whose entries belong to what they name, and go with it. */
const BELONGS = new Set(['cities', 'briefings']);

export interface Removal {
  json: unknown;
  /** Paths (validator spelling) of what went with the entry. */
  removed: string[];
}

interface Ref {
  path: PathPart[];
  /** The id is a key of a map (a power's influence), not a value. */
  asKey: boolean;
}

function referencesTo(json: unknown, id: string, kinds: readonly RefKind[], own: string): Ref[] {
  const out: Ref[] = [];
  const walk = (v: unknown, at: PathPart[]): void => {
    if (at.length > MAX_NESTING || pathKey(at) === own) return;
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...at, i]));
    else if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        // Influence and dependence are maps keyed by power id.
        if (k === id && kinds.includes('power') && ['influence', 'economic', 'security'].includes(String(at[at.length - 1]))) out.push({ path: [...at, k], asKey: true });
        else walk(x, [...at, k]);
      }
    } else if (v === id) {
      const kind = refKind(at);
      if (kind !== null && kinds.includes(kind)) out.push({ path: at, asKey: false });
    }
  };
  walk(json, []);
  return out;
}

/** The part to delete for a reference at `path`, or null when it must stay (and be reported). */
function partToDelete(schema: SchemaNode, json: unknown, ref: Ref): PathPart[] | null {
  if (ref.asKey) return ref.path;
  for (let end = ref.path.length; end > 1; end -= 1) {
    const at = ref.path.slice(0, end);
    const last = at[at.length - 1] as PathPart;
    const parentPath = at.slice(0, -1);
    if (typeof last === 'number') {
      // A list element: inside an entry it goes; a top-level entry only if it belongs to the id.
      if (parentPath.length > 1 || BELONGS.has(String(parentPath[0]))) return at;
      return null;
    }
    const found = nodeAt(schema, json, parentPath);
    if (!found) return null;
    if (nodeKind(found) === 'record') return at;
    // An optional field goes; a required one takes its owner along, one level up.
    const parentNode = nodeKind(found) === 'union' ? variantFor(found, getAtPath(json, parentPath)) : found;
    if (!isRequired(parentNode, last) && own(parentNode.properties, last)?.default === undefined) return at;
  }
  return null;
}

/** A copy of `json` without the parts at `paths` (keys as the validator spells them). */
function without(json: unknown, paths: ReadonlySet<string>, at: PathPart[] = []): unknown {
  // Nothing that goes lies deeper than a scenario nests.
  if (at.length > MAX_NESTING) return json;
  if (Array.isArray(json)) return json.flatMap((x, i) => (paths.has(pathKey([...at, i])) ? [] : [without(x, paths, [...at, i])]));
  if (json !== null && typeof json === 'object') {
    return idRecord(Object.entries(json).flatMap(([k, x]) => (paths.has(pathKey([...at, k])) ? [] : [[k, without(x, paths, [...at, k])] as const])));
  }
  return json;
}

/** Removes the entry at `entryPath` (e.g. ["countries", 2]) and what plainly goes with it. */
export function removeEntry(schema: SchemaNode, json: unknown, entryPath: Path): Removal {
  const doomed = new Map<string, Path>([[pathKey(entryPath), entryPath]]);
  const goes = (key: string): boolean => [...doomed.keys()].some((d) => key === d || key.startsWith(`${d}.`) || key.startsWith(`${d}[`));
  const queue: Path[] = [entryPath];
  const follow = (): void => {
    while (queue.length > 0) {
      const path = queue.shift() as Path;
      const entry = getAtPath(json, path) as { id?: unknown } | undefined;
      const list = String(path[path.length - 2]);
      const kinds = Object.hasOwn(KINDS, list) ? KINDS[list] : undefined;
      if (!kinds || typeof entry?.id !== 'string') continue;
      for (const ref of referencesTo(json, entry.id, kinds, pathKey(path))) {
        const part = partToDelete(schema, json, ref);
        if (!part || goes(pathKey(part))) continue;
        doomed.set(pathKey(part), part);
        // A city that goes takes its route stops with it.
        if (part.length === 2 && part[0] === 'cities') queue.push(part);
      }
    }
  };
  follow();
  // An entry left with fewer elements than it needs (a route with no stop, an event with no
  // effect, an order no power may give) was about what went, and goes too.
  for (let changed = true; changed; ) {
    changed = false;
    const shrunk = new Map<string, Path>();
    for (const path of doomed.values()) if (typeof path[path.length - 1] === 'number' && path.length > 2) shrunk.set(pathKey(path.slice(0, -1)), path.slice(0, -1));
    for (const [key, list] of shrunk) {
      const owner = list.slice(0, -1);
      if (goes(key) || goes(pathKey(owner))) continue;
      const items = getAtPath(json, list);
      const left = Array.isArray(items) ? items.filter((_, i) => !doomed.has(pathKey([...list, i]))).length : 0;
      const min = nodeAt(schema, json, list)?.minItems ?? 0;
      if (left >= min) continue;
      const ownerNode = nodeAt(schema, json, owner);
      if (ownerNode && nodeKind(ownerNode) === 'record') {
        // A list under a key of a map (a field's citations): the key goes, the map stays.
        doomed.set(key, list);
        changed = true;
        continue;
      }
      if (typeof owner[owner.length - 1] !== 'number') continue;
      doomed.set(pathKey(owner), owner);
      queue.push(owner);
      changed = true;
    }
    follow();
  }
  const removed = [...doomed.keys()].filter((k) => k !== pathKey(entryPath) && !(k !== pathKey(entryPath) && [...doomed.keys()].some((d) => d !== k && (k.startsWith(`${d}.`) || k.startsWith(`${d}[`)))));
  return { json: without(json, new Set(doomed.keys())), removed };
}
