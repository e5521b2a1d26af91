// The search player's budget is counted in work, not time, so it holds on any machine and
// keeps games replayable: on the shipped scenarios it never binds (the strengths play as
// designed), and on a scenario at the format's limits a decision stays within it (issue 8, D17).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/engine';
import { legalOrders, loadScenario, newGame, validateOrders, viewFor } from '../../src/engine';
import { searchDecision, STRENGTHS } from '../../src/ai/search';
import { greedyOrders } from '../../src/ai/greedy';
import { orderWeight, work } from '../../src/ai/work';
import { maximaScenario } from '../fixtures/hostile/maxima';

const load = (input: unknown): Scenario => {
  const r = loadScenario(input);
  if (!r.ok) throw new Error(r.error.map((p) => `${p.path}: ${p.found}; ${p.expected}`).join('\n'));
  return r.value;
};
const shipped = (id: string): Scenario => load(JSON.parse(readFileSync(join(__dirname, '../../scenarios', `${id}.json`), 'utf8')));

describe('the search budget', () => {
  it.each(['samarkand-2022', 'classroom-short'])('never binds on %s: every strength plays all its rollouts', (id) => {
    const s = shipped(id);
    const g = newGame(s, 'budget');
    if (!g.ok) throw new Error(g.error);
    for (const level of [1, 2, 3] as const) {
      for (const p of s.powers) {
        const d = searchDecision(s, viewFor(s, g.value, p.id), STRENGTHS[level]);
        expect(d.rollouts).toBe(STRENGTHS[level].rollouts);
        expect(d.spent).toBeLessThan(STRENGTHS[level].work / 1.5);
      }
    }
  });

  it('holds on a scenario at the format limits: legal orders, within the budget plus one rule-of-thumb choice', () => {
    const s = load(maximaScenario());
    const g = newGame(s, 'budget');
    if (!g.ok) throw new Error(g.error);
    const view = viewFor(s, g.value, 'power-0');
    // What one rule-of-thumb decision costs here: the search may always afford that much.
    const one = work(Infinity);
    greedyOrders(s, view, 'power-0', { work: one });
    const baseline = one.spent + legalOrders(s, view, 'power-0').length * orderWeight(s) * 2;
    for (const level of [1, 2, 3] as const) {
      const d = searchDecision(s, view, STRENGTHS[level]);
      expect(d.spent).toBeLessThanOrEqual(Math.max(STRENGTHS[level].work, baseline));
      expect(validateOrders(s, g.value, 'power-0', d.orders).ok).toBe(true);
      expect(d.orders.length).toBeGreaterThan(0);
    }
  });

  it('gives the same choice twice (no clock in it)', () => {
    const s = load(maximaScenario());
    const g = newGame(s, 'budget');
    if (!g.ok) throw new Error(g.error);
    const view = viewFor(s, g.value, 'power-3');
    expect(searchDecision(s, view, STRENGTHS[2])).toEqual(searchDecision(s, view, STRENGTHS[2]));
  });
});
