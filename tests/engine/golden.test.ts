// Golden replays: a fixed scenario, seed and orders must give exactly the stored state
// hash after every turn and exactly the stored turn reports. Regenerate with
// scripts/make-golden.ts only when a rule change is meant to change results.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeChange, loadScenarioText, newGame, resolveTurn, stateHash } from '../../src/engine';

const dir = join(__dirname, '../fixtures/golden');

interface Golden {
  scenario: string;
  seed: string;
  turns: { orders: Record<string, unknown[]>; hash: string; report?: string[]; events: string[] }[];
  finalHash: string;
  result: unknown;
}

describe('golden replays', () => {
  const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
  it('exist', () => expect(files.length).toBeGreaterThanOrEqual(2));
  it.each(files)('%s replays to the same hashes and reports', (file) => {
    const g = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Golden;
    const s = loadScenarioText(readFileSync(join(__dirname, '../../scenarios', `${g.scenario}.json`), 'utf8'));
    if (!s.ok) throw new Error('scenario invalid');
    const start = newGame(s.value, g.seed);
    if (!start.ok) throw new Error(start.error);
    let st = start.value;
    g.turns.forEach((t, i) => {
      const r = resolveTurn(s.value, st, t.orders);
      if (!r.ok) throw new Error(`turn ${i + 1}: ${r.error.message}`);
      st = r.value.state;
      expect(stateHash(st), `hash after turn ${i + 1}`).toBe(t.hash);
      expect(r.value.report.events.map((e) => e.id), `events of turn ${i + 1}`).toEqual(t.events);
      if (t.report) expect(r.value.report.changes.map(describeChange)).toEqual(t.report);
    });
    expect(stateHash(st)).toBe(g.finalHash);
    expect(st.phase).toEqual(g.result);
  });
});
