// The debrief's influence series come from the turn reports' changes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TurnReport } from '../../src/engine';
import { loadScenarioText } from '../../src/engine';
import { influenceSeries } from '../../src/ui/charts';
import { parsePlayer } from '../../src/ai/player';
import { playMatch } from '../../src/ai/match';

describe('influence series', () => {
  it('follow each country’s influence turn by turn and end at the final state', () => {
    const r = loadScenarioText(readFileSync(join(__dirname, '../../scenarios/classroom-short.json'), 'utf8'));
    const g = parsePlayer('greedy');
    if (!r.ok || !g.ok) throw new Error('setup');
    const m = playMatch(r.value, 'chart', { beijing: g.value, moscow: g.value });
    const reports: TurnReport[] = m.reports;
    for (const c of ['kazakhstan', 'turkmenistan']) {
      const series = influenceSeries(r.value, reports, c);
      const beijing = series.get('beijing') ?? [];
      const moscow = series.get('moscow') ?? [];
      expect(beijing).toHaveLength(reports.length + 1);
      expect(beijing[beijing.length - 1]).toBe(m.state.countries[c]?.influence.beijing);
      expect(moscow[moscow.length - 1]).toBe(m.state.countries[c]?.influence.moscow);
      const def = r.value.countries.find((x) => x.id === c);
      if (def?.role === 'contested') expect(moscow[0]).toBe(def.influence.moscow);
    }
  });
});
