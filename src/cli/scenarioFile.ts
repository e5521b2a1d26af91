// Finds and loads a scenario named by id (scenarios/<id>.json) or by path.
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Scenario } from '../engine';
import type { LoadedScenario } from '../engine';
import { formatProblem, readScenarioText } from '../engine';
import { InputError } from './errors';
import { readTextFile, SCENARIO_LIMIT, userPath } from './files';
import { documentKind, notA } from './documents';
import { closest, FORMAT_VERSION } from '../engine';

export const SCENARIO_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../scenarios');

/** The ids of the shipped scenarios (scenarios/<id>.json, the format's schema aside), sorted. */
export function shippedIds(): string[] {
  return readdirSync(SCENARIO_DIR)
    .filter((name) => name.endsWith('.json') && name !== 'schema.json')
    .map((name) => name.slice(0, -'.json'.length))
    .sort();
}

/**
 * The shipped id a mistyped one most likely meant: a slip of spelling (the engine's
 * `closest`), else the id it begins (`samarkand` for samarkand-2022: the year left off is
 * the usual slip, and too many letters for `closest`).
 */
export function nearestShipped(word: string, ids: readonly string[]): string | undefined {
  return closest(word, ids) ?? ids.find((id) => id.startsWith(word)) ?? ids.find((id) => id.includes(word));
}

/**
 * The file a scenario argument names: a shipped id, else a file. A word that looks like an
 * id (no folder, no extension) and is neither is taken for a mistyped id, and said so with
 * the shipped ids, not as a missing file.
 */
export function scenarioPath(idOrPath: string): string {
  if (/^[a-z0-9][a-z0-9-]*$/.test(idOrPath)) {
    const byId = join(SCENARIO_DIR, `${idOrPath}.json`);
    if (existsSync(byId)) return byId;
    if (!existsSync(userPath(idOrPath))) {
      const ids = shippedIds();
      const near = nearestShipped(idOrPath, ids);
      throw new InputError(`no shipped scenario "${idOrPath}"${near === undefined ? '' : ` (did you mean ${near}?)`}; shipped: ${ids.join(', ')}`);
    }
  }
  return idOrPath;
}

/** Every problem of a scenario's text, one `<file>: <what>` line each; none if it is valid. */
export function scenarioProblems(path: string, text: string): { loaded: LoadedScenario } | { problems: string[] } {
  const other = notA('scenario', documentKind(text));
  if (other !== null) return { problems: [`${path}: ${other}`] };
  const r = readScenarioText(text);
  return r.ok ? { loaded: r.value } : { problems: r.error.map((p) => formatProblem(path, p)) };
}

/** What loading a file of an earlier form assumed, one `<file>: note: …` line each. */
export const migrationNotes = (path: string, loaded: LoadedScenario): string[] =>
  loaded.notes.length === 0 ? [] : [`${path}: note: written in form ${loaded.from} of the format, read as form ${FORMAT_VERSION} (validate --migrate writes it so):`, ...loaded.notes.map((n) => `${path}: note:   ${n}`)];

/** Loads a scenario for a command; notes on an earlier form go to `note` (stderr). */
export function loadScenarioFile(idOrPath: string, note: (line: string) => void = () => undefined): { scenario: Scenario; path: string } {
  const path = scenarioPath(idOrPath);
  const r = scenarioProblems(path, readTextFile(path, SCENARIO_LIMIT));
  if ('problems' in r) throw new InputError(r.problems);
  for (const line of migrationNotes(path, r.loaded)) note(line);
  return { scenario: r.loaded.scenario, path };
}
