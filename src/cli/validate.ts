import type { Scenario } from '../engine';
import { formatProblem, loadScenarioText } from '../engine';
import { readText } from './scenarioFile';
import { UsageError } from './errors';

export function summaryLine(path: string, s: Scenario): string {
  const contested = s.countries.filter((c) => c.role === 'contested').length;
  const n = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;
  return `${path}: ok — "${s.title}", ${n(s.powers.length, 'power', 'powers')}, ${n(contested, 'contested country', 'contested countries')}, ${s.turns} turns from ${s.start}, ${n(s.actions.length, 'action', 'actions')}, ${n(s.projects.length, 'project', 'projects')}, ${n(s.events.length, 'event', 'events')}`;
}

/** Validates every file; returns the exit code (1 if any is invalid). */
export function validate(files: string[], out: (line: string) => void, errOut: (line: string) => void): number {
  if (files.length === 0) throw new UsageError('validate needs at least one file');
  let bad = 0;
  for (const file of files) {
    let text: string;
    try {
      text = readText(file);
    } catch (e) {
      errOut((e as Error).message);
      bad++;
      continue;
    }
    const r = loadScenarioText(text);
    if (r.ok) out(summaryLine(file, r.value));
    else {
      bad++;
      for (const p of r.error) errOut(formatProblem(file, p));
      errOut(`${file}: invalid — ${r.error.length} problem${r.error.length === 1 ? '' : 's'}`);
    }
  }
  return bad > 0 ? 1 : 0;
}
