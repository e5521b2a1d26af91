// Finds and loads a scenario named by id (scenarios/<id>.json) or by path.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Scenario } from '../engine';
import { formatProblem, loadScenarioText } from '../engine';
import { InputError } from './errors';
import { readTextFile, SCENARIO_LIMIT } from './files';
import { documentKind, notA } from './documents';

export const SCENARIO_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../scenarios');

export function scenarioPath(idOrPath: string): string {
  if (/^[a-z0-9][a-z0-9-]*$/.test(idOrPath)) {
    const byId = join(SCENARIO_DIR, `${idOrPath}.json`);
    if (existsSync(byId)) return byId;
  }
  return idOrPath;
}

/** Every problem of a scenario's text, one `<file>: <what>` line each; none if it is valid. */
export function scenarioProblems(path: string, text: string): { scenario: Scenario } | { problems: string[] } {
  const other = notA('scenario', documentKind(text));
  if (other !== null) return { problems: [`${path}: ${other}`] };
  const r = loadScenarioText(text);
  return r.ok ? { scenario: r.value } : { problems: r.error.map((p) => formatProblem(path, p)) };
}

export function loadScenarioFile(idOrPath: string): { scenario: Scenario; path: string } {
  const path = scenarioPath(idOrPath);
  const r = scenarioProblems(path, readTextFile(path, SCENARIO_LIMIT));
  if ('problems' in r) throw new InputError(r.problems);
  return { scenario: r.scenario, path };
}
