import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Problem, Scenario } from '../engine';
import { FORMAT_VERSION, formatProblem, scenarioWarnings } from '../engine';
import type { MapAsset } from '../map/mapAsset';
import { mapWarnings } from '../map/scenarioMap';
import { drawCheck } from '../ai/drawCheck';
import { readTextFile, SCENARIO_LIMIT, userPath } from './files';
import { documentKind } from './documents';
import { migrationNotes, scenarioProblems } from './scenarioFile';
import type { LoadedScenario } from '../engine';
import { InputError } from './errors';
import type { LineWriter } from './terminal';

export function summaryLine(path: string, s: Scenario): string {
  const contested = s.countries.filter((c) => c.role === 'contested').length;
  const n = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;
  return `${path}: ok — ${JSON.stringify(s.title)}, ${n(s.powers.length, 'power', 'powers')}, ${n(contested, 'contested country', 'contested countries')}, ${s.turns} turns from ${s.start}, ${n(s.actions.length, 'action', 'actions')}, ${n(s.projects.length, 'project', 'projects')}, ${n(s.events.length, 'event', 'events')}`;
}

const MAP_ASSET = resolve(dirname(fileURLToPath(import.meta.url)), '../../assets/map/central-asia.json');
let asset: MapAsset | undefined;

/**
 * What would make the game misbehave although the file is valid: the engine's warnings,
 * the map's (shapes, where cities lie) and, unless those already show that nobody can
 * win, a few quick computer games that all end in a draw.
 */
export function warningsOf(s: Scenario): Problem[] {
  asset ??= JSON.parse(readFileSync(MAP_ASSET, 'utf8')) as MapAsset;
  const found = [...scenarioWarnings(s), ...mapWarnings(s, asset)];
  const unwinnable = found.some((w) => w.path === 'victory');
  return unwinnable ? found : [...found, ...drawCheck(s).warnings];
}

/** One line: `file: warning: path: found X; expected Y`. */
export const formatWarning = (file: string, w: Problem): string => formatProblem(`${file}: warning`, w);

/**
 * Writes a file of an earlier form in the current form, in its place; the original is
 * kept beside it (`name.form1.json`), never overwritten.
 */
function writeMigrated(file: string, original: string, loaded: LoadedScenario): string {
  const kept = file.replace(/(\.json)?$/, `.form${loaded.from}.json`);
  try {
    writeFileSync(userPath(kept), original, { flag: 'wx' });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(`${file}: not migrated: cannot keep the original as ${kept} (${code === 'EEXIST' ? 'that file exists already' : (code ?? 'error')})`);
  }
  writeFileSync(userPath(file), `${JSON.stringify(loaded.migrated, null, 2)}\n`);
  return `${file}: migrated to form ${FORMAT_VERSION}; the original is kept as ${kept}`;
}

/**
 * Validates every file; returns the exit code (1 if any is invalid). The format's own
 * JSON Schema (scenarios/schema.json) is skipped with a note, so that
 * `validate scenarios/*.json` checks the scenarios.
 */
export function validate(files: readonly string[], out: LineWriter, errOut: LineWriter, migrate = false): number {
  let bad = 0;
  for (const file of files) {
    let text: string;
    try {
      text = readTextFile(file, SCENARIO_LIMIT);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      for (const line of e.lines) errOut(line);
      bad++;
      continue;
    }
    if (documentKind(text) === 'json-schema') {
      out(`${file}: skipped — a JSON Schema (the description of the scenario format), not a scenario`);
      continue;
    }
    const r = scenarioProblems(file, text);
    if ('loaded' in r) {
      out(summaryLine(file, r.loaded.scenario));
      for (const line of migrationNotes(file, r.loaded)) out(line);
      // Warnings leave the exit code alone: the file loads and plays, only not as its designer meant.
      const warnings = warningsOf(r.loaded.scenario);
      for (const w of warnings) out(formatWarning(file, w));
      if (warnings.length > 0) out(`${file}: ${warnings.length} warning${warnings.length === 1 ? '' : 's'} (the file loads; see scenarios/README.md, Warnings)`);
      if (migrate && r.loaded.notes.length > 0) out(writeMigrated(file, text, r.loaded));
    } else {
      bad++;
      for (const line of r.problems) errOut(line);
      errOut(`${file}: invalid — ${r.problems.length} problem${r.problems.length === 1 ? '' : 's'}`);
    }
  }
  return bad > 0 ? 1 : 0;
}
