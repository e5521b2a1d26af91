// Values over a game, turn by turn, read off the turn reports (the ledger records every
// change): for the debrief's charts, in the browser and on the class's printed debrief.
import type { TurnReport } from './ledger';
import type { Scenario } from './schema';
import { own } from './records';

/** A value after each turn (index 0 = the start), per power: `path(power)` names it in the ledger. */
function perPower(s: Scenario, reports: readonly TurnReport[], start: (power: string) => number, path: (power: string) => string): Map<string, number[]> {
  const series = new Map<string, number[]>();
  const current = new Map<string, number>();
  const byPath = new Map<string, string>();
  for (const p of s.powers) {
    current.set(p.id, start(p.id));
    series.set(p.id, [start(p.id)]);
    byPath.set(path(p.id), p.id);
  }
  for (const r of reports) {
    for (const c of r.changes) {
      const power = byPath.get(c.path);
      if (power !== undefined) current.set(power, Number(c.to));
    }
    for (const p of s.powers) series.get(p.id)?.push(current.get(p.id) ?? 0);
  }
  return series;
}

/** Influence of each power in `country` after each turn (index 0 = the start), by power id (a Map: ids are data). */
export function influenceSeries(s: Scenario, reports: readonly TurnReport[], country: string): Map<string, number[]> {
  const def = s.countries.find((c) => c.id === country);
  const start = def && def.role === 'contested' ? def.influence : undefined;
  return perPower(s, reports, (p) => own(start, p) ?? 0, (p) => `countries.${country}.influence.${p}`);
}

/** Each power's points after each turn (index 0 = the start). */
export function pointsSeries(s: Scenario, reports: readonly TurnReport[]): Map<string, number[]> {
  return perPower(s, reports, () => 0, (p) => `powers.${p}.points`);
}
