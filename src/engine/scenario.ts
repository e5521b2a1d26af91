// Loading a scenario: untrusted JSON in, a validated Scenario (or every problem at
// once, each with its JSON path) out. Shape problems come from the zod schema; if the
// shape is right, cross-reference problems follow (they need a well-formed file).
import type { Scenario } from './schema';
import { ScenarioSchema } from './schema';
import type { Problem } from './problems';
import { formatPath, problemsFromZod } from './problems';
import { checkScenario } from './scenarioCheck';
import type { Result } from './result';
import { err, ok } from './result';
import { hashJson } from './hash';
import { PROTO_KEY, protoKeyPaths } from './records';
import { FORMAT_VERSION, migrateScenario } from './migrate';

/** Larger files are refused before parsing: a scenario is a few hundred KB at most. */
export const MAX_SCENARIO_BYTES = 1_000_000;
export const MAX_NESTING = 24;

function depthOf(value: unknown, limit: number): number {
  if (value === null || typeof value !== 'object') return 0;
  if (limit <= 0) return 1;
  let max = 0;
  for (const v of Object.values(value)) max = Math.max(max, depthOf(v, limit - 1));
  return max + 1;
}

/** A validated scenario, with what was assumed to bring it from an earlier form of the format (see migrate.ts). */
export interface LoadedScenario {
  scenario: Scenario;
  /** What the migration assumed; empty for a file in the current form. */
  notes: string[];
  /** For a file of an earlier form: the file in the current form, as written (defaults not filled in), to save in its place. */
  migrated: unknown;
  /** The form the file was in. */
  from: number;
}

/** Validates untrusted JSON, migrating an earlier form first and saying what that assumed. */
export function readScenario(input: unknown): Result<LoadedScenario, Problem[]> {
  const depth = depthOf(input, MAX_NESTING + 1);
  if (depth > MAX_NESTING) return err([{ path: '', found: `nesting deeper than ${MAX_NESTING} levels`, expected: 'a scenario as the schema describes it' }]);
  const protoKeys = protoKeyPaths(input).map(protoKeyProblem);
  const { json, notes, from } = migrateScenario(input);
  if (from > FORMAT_VERSION) return err([{ path: 'formatVersion', found: String(from), expected: `form ${FORMAT_VERSION} or earlier (the file was written for a newer version of the game)` }]);
  const parsed = ScenarioSchema.safeParse(json);
  if (!parsed.success) return err([...protoKeys, ...problemsFromZod(json, parsed.error.issues, ScenarioSchema).filter((p) => !p.path.endsWith(PROTO_KEY))]);
  // Zod dropped those keys without a word; the rest of the file may be fine, but it is not what was written.
  if (protoKeys.length > 0) return err(protoKeys);
  const problems = checkScenario(parsed.data);
  return problems.length > 0 ? err(problems) : ok({ scenario: parsed.data, notes, migrated: json, from });
}

export function loadScenario(input: unknown): Result<Scenario, Problem[]> {
  const r = readScenario(input);
  return r.ok ? ok(r.value.scenario) : r;
}

/**
 * A "__proto__" key survives JSON.parse but vanishes (or swaps the prototype) in any
 * copy, so the validator would never see it: it is refused here, where it was found.
 */
export function protoKeyProblem(path: readonly (string | number)[]): Problem {
  return { path: formatPath(path), found: `a key "${PROTO_KEY}"`, expected: 'no such key: it is neither a field of the format nor an id, and JavaScript would silently drop it' };
}

/** Parses JSON text first, reporting a syntax error with its line and column. */
export function readScenarioText(raw: string): Result<LoadedScenario, Problem[]> {
  const text = withoutBom(raw);
  if (text.length > MAX_SCENARIO_BYTES) return err([{ path: '', found: `${text.length} characters`, expected: `a file of at most ${MAX_SCENARIO_BYTES} characters` }]);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return err([{ path: '', found: `text that is not JSON (${jsonErrorWhere(text, e)})`, expected: 'a JSON object' }]);
  }
  return readScenario(json);
}

export function loadScenarioText(raw: string): Result<Scenario, Problem[]> {
  const r = readScenarioText(raw);
  return r.ok ? ok(r.value.scenario) : r;
}

/**
 * Text without one leading byte-order mark: editors on Windows write one, and browsers
 * drop it when they read a file, so every reader drops it and a file gets the same answer everywhere.
 */
export const withoutBom = (text: string): string => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

/**
 * Where `text` stops being JSON, as the command line says it ("Expected ',' or '}' after
 * property value at line 10, column 3"), or null when it parses or the parser names no place.
 */
export function jsonBreak(text: string): string | null {
  try {
    JSON.parse(text);
    return null;
  } catch (e) {
    const where = jsonErrorWhere(text, e);
    return /at line \d+, column \d+$/.test(where) ? where : null;
  }
}

function jsonErrorWhere(text: string, e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  const m = /position (\d+)/.exec(message);
  if (!m) return message;
  const pos = Number(m[1]);
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  const col = pos - before.lastIndexOf('\n');
  return `${message.replace(/ in JSON at position \d+.*$/, '')} at line ${line}, column ${col}`;
}

const hashes = new WeakMap<Scenario, string>();

/** A stable hash of the validated scenario, stored in every game state and save. */
export function scenarioHash(s: Scenario): string {
  let h = hashes.get(s);
  if (h === undefined) {
    h = hashJson(s);
    hashes.set(s, h);
  }
  return h;
}
