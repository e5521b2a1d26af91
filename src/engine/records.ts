// Records keyed by ids that come from data (scenario files, saves, share links,
// messages). A plain `{}` inherits from Object.prototype, so an id such as
// "constructor" would read the global Object function, and a write through it would
// change a built-in for the whole page or process. The records made here have no
// prototype, so every id is just a key; `own` reads any record (also one that crossed
// JSON or postMessage and got its prototype back) without seeing inherited names.

/** A record with no prototype, optionally filled from entries. */
export function idRecord<T>(entries?: Iterable<readonly [string, T]>): Record<string, T> {
  const r = Object.create(null) as Record<string, T>;
  if (entries) for (const [k, v] of entries) r[k] = v;
  return r;
}

/**
 * An empty record with no prototype, as idRecord makes, for the small records the game
 * state copies every turn (a value per power): V8 keeps an object made this way in its
 * fast form, where `Object.create(null)` starts as a dictionary, slower to list and copy.
 */
export function smallIdRecord<T>(): Record<string, T> {
  return Object.setPrototypeOf({}, null) as Record<string, T>;
}

/** The value stored under `key` as the record's own; never an inherited one. */
export function own<T>(r: Readonly<Record<string, T>> | null | undefined, key: string): T | undefined {
  return r != null && Object.hasOwn(r, key) ? r[key] : undefined;
}

/** A copy with no prototype (of a record that may have one). */
export function copyRecord<T>(r: Readonly<Record<string, T>>): Record<string, T> {
  const out = Object.create(null) as Record<string, T>;
  for (const k of Object.keys(r)) out[k] = r[k] as T;
  return out;
}

/** Keys that JSON.parse keeps as data but that object literals, spreads and zod records treat as the prototype. */
export const PROTO_KEY = '__proto__';

/**
 * JSON paths of every "__proto__" key in parsed JSON. Such a key is data to JSON.parse
 * but is silently dropped (or becomes the prototype) as soon as the value is copied, so
 * untrusted files carrying one are refused with its path instead.
 */
export function protoKeyPaths(value: unknown, limit = 10, maxDepth = 64): (string | number)[][] {
  const found: (string | number)[][] = [];
  // Deeper values are refused by the nesting limits of scenarios and saves; stopping here keeps the walk off the stack's edge.
  const walk = (v: unknown, path: (string | number)[]): void => {
    if (found.length >= limit || path.length > maxDepth || v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      v.forEach((x, i) => walk(x, [...path, i]));
      return;
    }
    for (const k of Object.keys(v)) {
      if (k === PROTO_KEY) found.push([...path, k]);
      else walk((v as Record<string, unknown>)[k], [...path, k]);
    }
  };
  walk(value, []);
  return found;
}
