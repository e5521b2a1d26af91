// Finds and loads a scenario named by id (scenarios/<id>.json) or by path.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Scenario } from '../engine';
import { formatProblem, loadScenarioText } from '../engine';
import { InputError } from './errors';

export const SCENARIO_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../scenarios');

export function scenarioPath(idOrPath: string): string {
  if (/^[a-z0-9][a-z0-9-]*$/.test(idOrPath)) {
    const byId = join(SCENARIO_DIR, `${idOrPath}.json`);
    if (existsSync(byId)) return byId;
  }
  return idOrPath;
}

export function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(`${path}: cannot read the file (${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (code ?? 'unknown error')})`);
  }
}

export function loadScenarioFile(idOrPath: string): { scenario: Scenario; path: string } {
  const path = scenarioPath(idOrPath);
  const r = loadScenarioText(readText(path));
  if (!r.ok) throw new InputError(r.error.map((p) => formatProblem(path, p)).join('\n'));
  return { scenario: r.value, path };
}
