// Finding the part of the zod schema that describes a JSON path of the input, so that a
// problem can say what *is* allowed at that place: the fields an object has (for a union,
// those of the variant its discriminator chose in the input), whether a number must be whole.
import { z } from 'zod';
import type { PathPart } from './problems';

/** The few parts of zod's internal definitions the walk reads. */
interface Def {
  type: string;
  innerType?: z.ZodType;
  element?: z.ZodType;
  valueType?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  options?: z.ZodType[];
  discriminator?: string;
  in?: z.ZodType;
  values?: unknown[];
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Through optional, default, nullable and similar wrappers to the schema they wrap. */
function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  for (let i = 0; i < 20; i++) {
    const def = defOf(s);
    if (def.innerType) s = def.innerType;
    else if (def.type === 'pipe' && def.in) s = def.in;
    else return s;
  }
  return s;
}

/** The fields of an object schema, in the schema's order; null if `schema` is not an object. */
export function objectFields(schema: z.ZodType): string[] | null {
  const def = defOf(unwrap(schema));
  return def.type === 'object' && def.shape ? Object.keys(def.shape) : null;
}

const ownValue = (value: unknown, key: PathPart): unknown => (value !== null && typeof value === 'object' && Object.hasOwn(value, key) ? (value as Record<PathPart, unknown>)[key] : undefined);

/** A discriminated union's variant that the input's discriminator value names, with that value; the union itself otherwise. */
export function chosenVariant(schema: z.ZodType, value: unknown): SchemaPlace {
  const s = unwrap(schema);
  const def = defOf(s);
  if (def.type !== 'union' || def.discriminator === undefined || !def.options) return { schema: s };
  const field = def.discriminator;
  const tag = ownValue(value, field);
  for (const option of def.options) {
    const literal = defOf(unwrap(option)).shape?.[field];
    if (literal && defOf(unwrap(literal)).values?.includes(tag)) return { schema: unwrap(option), discriminator: { field, value: tag } };
  }
  return { schema: s };
}

/** Where a path leads in the schema: the schema there, and for a union the discriminator value that chose its variant. */
export interface SchemaPlace {
  schema: z.ZodType;
  discriminator?: { field: string; value: unknown };
}

/**
 * The schema at `path` of `input` (unwrapped, with a discriminated union resolved to the
 * variant the input chose), or null where the path leaves the schema (an unknown field).
 */
export function schemaAt(root: z.ZodType, input: unknown, path: readonly PathPart[]): SchemaPlace | null {
  let place = chosenVariant(root, input);
  let value = input;
  for (const part of path) {
    const def = defOf(place.schema);
    let next: z.ZodType | undefined;
    if (def.type === 'object') next = typeof part === 'string' && def.shape && Object.hasOwn(def.shape, part) ? def.shape[part] : undefined;
    else if (def.type === 'array') next = def.element;
    else if (def.type === 'record') next = def.valueType;
    if (!next) return null;
    value = ownValue(value, part);
    place = chosenVariant(next, value);
  }
  return place;
}

/** Whether `schema` is a number that must be whole (`z.number().int()`). */
export const isWholeNumber = (schema: z.ZodType | undefined): boolean => schema instanceof z.ZodNumber && schema.format === 'safeint';

/** Edit distance (insertions, deletions, substitutions), for "did you mean" hints. */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length] ?? 0;
}

/** The candidate closest to `word` if it is close enough to be a slip of spelling or case, else undefined. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  // A third of the word's letters (at least one, at most three) may be wrong: "ankra" → "ankara", not "any" → "all".
  return bestDistance <= Math.min(3, Math.max(1, Math.floor(word.length / 3))) ? best : undefined;
}
