// A problem in untrusted input (a scenario or a save), said as a player or designer
// needs it: where (JSON path), what was found, what was expected.
import type { z } from 'zod';
import { showHiddenCharacters } from './text';
import { closest, isWholeNumber, objectFields, schemaAt } from './schemaPath';

export interface Problem {
  /** JSON path such as `countries[3].influence.bejing`; empty for the whole file. */
  path: string;
  found: string;
  expected: string;
}

export type PathPart = string | number;

export function formatPath(parts: readonly PathPart[]): string {
  let out = '';
  for (const part of parts) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (/^[A-Za-z_$][A-Za-z0-9_$-]*$/.test(part)) out += out === '' ? part : `.${part}`;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out;
}

/** One line: `file: path: found X; expected Y`. */
export function formatProblem(file: string, p: Problem): string {
  const where = p.path === '' ? '(top level)' : p.path;
  return `${file}: ${where}: found ${p.found}; expected ${p.expected}`;
}

export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'object') return 'an object';
  // JSON escapes the controls; direction marks would still reorder the message around them.
  const text = showHiddenCharacters(JSON.stringify(value));
  // Cut short without splitting an escape such as \u202e.
  return text.length > 60 ? `${text.slice(0, 57).replace(/\\(u[0-9a-f]{0,3})?$/, '')}…` : text;
}

function valueAt(root: unknown, parts: readonly PathPart[]): unknown {
  let cur: unknown = root;
  for (const part of parts) {
    if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, part)) return undefined;
    cur = (cur as Record<string | number, unknown>)[part];
  }
  return cur;
}

type Issue = z.core.$ZodIssue;

/** Zod's type names in the words `describeValue` uses for what was found. */
const TYPE_WORDS = new Map([
  ['array', 'a list'],
  ['nonoptional', 'a value'],
  ['int', 'a whole number'],
  ['integer', 'a whole number'],
]);

/** `"a", "b", "c"`: names quoted for a message. */
const quoteList = (names: readonly string[]): string => names.map((n) => `"${n}"`).join(', ');

/**
 * An unknown field, said with the fields that do exist at that place (a misspelling
 * and a feature the format does not have get the same answer: here is what there is).
 */
function unknownField(schema: z.ZodType | undefined, input: unknown, parts: readonly PathPart[], key: string): Problem {
  const path = formatPath([...parts, key]);
  const place = schema ? schemaAt(schema, input, parts) : null;
  const fields = place ? objectFields(place.schema) : null;
  if (!place || !fields) return { path, found: `unknown field "${key}"`, expected: 'no such field (check its spelling)' };
  const d = place.discriminator;
  const found = d ? `field "${key}", which an entry with "${d.field}": ${describeValue(d.value)} does not have` : `field "${key}", which does not exist here`;
  const near = closest(key, fields);
  return { path, found, expected: `one of the fields that exist here: ${quoteList(fields)}${near === undefined ? '' : ` (did you mean "${near}"?)`}` };
}

/**
 * A citation keyed by something that is not a field name, such as "risk.chancePct": the
 * fields this entry can cite, and how a value inside one of them is cited.
 */
function citationKey(schema: z.ZodType | undefined, input: unknown, parts: readonly PathPart[], issue: Extract<Issue, { code: 'invalid_key' }>): Problem {
  const key = parts[parts.length - 1];
  const path = formatPath(parts);
  const found = `key ${JSON.stringify(key)}`;
  const place = schema && parts[parts.length - 2] === 'citations' ? schemaAt(schema, input, parts.slice(0, -2)) : null;
  const fields = place ? objectFields(place.schema)?.filter((f) => f !== 'citations') : undefined;
  if (!fields || typeof key !== 'string') return { path, found, expected: issue.issues[0]?.message ?? 'a valid key' };
  const head = /^[A-Za-z]+/.exec(key)?.[0];
  const inside = head !== undefined && head !== key && fields.includes(head) ? ` (a value inside "${head}" is cited as "${head}")` : '';
  return { path, found, expected: `the name of a field of this entry, one of ${quoteList(fields)}${inside}` };
}

/**
 * Turn zod's issues into problems, reading the offending values from the input. With the
 * schema that gave the issues, a problem can also say what the schema allows at its place.
 */
export function problemsFromZod(input: unknown, issues: readonly Issue[], schema?: z.ZodType): Problem[] {
  const out: Problem[] = [];
  for (const issue of issues) {
    const parts = issue.path.filter((p): p is PathPart => typeof p !== 'symbol');
    const found = describeValue(valueAt(input, parts));
    switch (issue.code) {
      case 'unrecognized_keys':
        for (const key of issue.keys) out.push(unknownField(schema, input, parts, key));
        break;
      case 'invalid_type': {
        // "5" where a whole number belongs: zod expected "number", but the designer needs to know it must be whole too.
        const whole = issue.expected === 'number' && schema !== undefined && isWholeNumber(schemaAt(schema, input, parts)?.schema);
        out.push({ path: formatPath(parts), found, expected: whole ? 'a whole number' : (TYPE_WORDS.get(issue.expected) ?? `${/^[aeiou]/.test(issue.expected) ? 'an' : 'a'} ${issue.expected}`) });
        break;
      }
      case 'too_small':
        out.push({
          path: formatPath(parts),
          found,
          expected: issue.origin === 'array' ? `at least ${String(issue.minimum)} entries` : issue.origin === 'string' ? `at least ${String(issue.minimum)} characters` : `at least ${String(issue.minimum)}`,
        });
        break;
      case 'too_big':
        out.push({
          path: formatPath(parts),
          found,
          expected: issue.origin === 'array' ? `at most ${String(issue.maximum)} entries` : issue.origin === 'string' ? `at most ${String(issue.maximum)} characters` : `at most ${String(issue.maximum)}`,
        });
        break;
      case 'invalid_value':
        out.push({ path: formatPath(parts), found, expected: `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}` });
        break;
      case 'invalid_format':
        out.push({ path: formatPath(parts), found, expected: issue.message });
        break;
      case 'invalid_union': {
        const options = (issue as { options?: unknown[] }).options;
        out.push({
          path: formatPath(parts),
          found,
          expected: options ? `one of ${options.map((v) => JSON.stringify(v)).join(', ')}` : 'one of the allowed forms',
        });
        break;
      }
      case 'invalid_key':
        out.push(citationKey(schema, input, parts, issue));
        break;
      case 'not_multiple_of':
        out.push({ path: formatPath(parts), found, expected: `a multiple of ${String(issue.divisor)}` });
        break;
      default:
        out.push({ path: formatPath(parts), found, expected: issue.message });
    }
  }
  return out;
}
