// search:2's choices are pinned: the scenarios are tuned on search:2 against search:2 and
// the golden replays are played by the rule-of-thumb players it shares code with, so a
// change meant for another strength (search:3's own way of sharing its rollouts) must not
// move them. The orders below are what search:2 chose before search:3 got its own
// allocation; a change that moves them has to say why and re-tune the scenarios. Re-pinned
// once, for the project-landing fix (evaluate.ts: a project scores from turn + build turns - 1,
// one turn sooner than the players counted), which moved three of the six; the scenarios were
// measured again after it (src/ai/README.md). The xian-2023 pins moved once more with the
// scenario, not the player: Moscow's starting budget 14 -> 15 and the energy lifeline's +2 -> +1
// (same search code; the old orders still come back on the old scenario).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Order, Scenario, GameState } from '../../src/engine';
import { loadScenario, newGame, resolveTurn, viewFor } from '../../src/engine';
import { searchDecision, STRENGTHS } from '../../src/ai/search';
import { greedyOrders } from '../../src/ai/greedy';

const shipped = (id: string): Scenario => {
  const r = loadScenario(JSON.parse(readFileSync(join(__dirname, '../../scenarios', `${id}.json`), 'utf8')));
  if (!r.ok) throw new Error(`${id} does not load`);
  return r.value;
};

/** The position after `turns` turns of the rule of thumb on both sides (seed `pin`). */
function positionAfter(s: Scenario, turns: number): GameState {
  const g = newGame(s, 'pin');
  if (!g.ok) throw new Error(g.error);
  let state = g.value;
  for (let t = 0; t < turns; t++) {
    const orders = Object.create(null) as Record<string, Order[]>;
    for (const p of s.powers) orders[p.id] = greedyOrders(s, viewFor(s, state, p.id), p.id);
    const r = resolveTurn(s, state, orders);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    state = r.value.state;
  }
  return state;
}

const project = (id: string): Order => ({ type: 'project', project: id });
const invest = (action: string, country: string): Order => ({ type: 'invest', action, country });
const security = (action: string, country: string): Order => ({ type: 'security-deal', action, country });
const diplomacy = (action: string, country: string): Order => ({ type: 'diplomacy', action, country });

const pinned: [string, number, string, Order[]][] = [
  ['xian-2023', 0, 'beijing', [project('uzbek-car-factory'), project('khorgos-rail-link')]],
  ['xian-2023', 0, 'moscow', [security('csto-guarantee', 'kazakhstan'), project('tajik-border-force'), project('kant-expansion')]],
  ['xian-2023', 3, 'beijing', [invest('trade-deal', 'uzbekistan'), invest('belt-and-road-loan', 'kazakhstan'), invest('trade-deal', 'kazakhstan')]],
  ['xian-2023', 3, 'moscow', [security('arms-and-training', 'tajikistan'), invest('energy-deal', 'uzbekistan'), diplomacy('state-visit', 'uzbekistan')]],
  ['classroom-short', 0, 'beijing', [invest('belt-and-road-loan', 'uzbekistan'), project('cku-railway'), diplomacy('state-visit', 'kazakhstan')]],
  ['classroom-short', 3, 'moscow', [security('csto-guarantee', 'kyrgyzstan'), invest('eaeu-preferences', 'kazakhstan'), invest('energy-deal', 'uzbekistan')]],
];

describe("search:2's choices stay as the scenarios were tuned on", () => {
  it.each(pinned)('%s after %i turns, %s', (id, turns, power, orders) => {
    const s = shipped(id);
    const d = searchDecision(s, viewFor(s, positionAfter(s, turns), power), STRENGTHS[2]);
    expect(d.orders).toEqual(orders);
    expect(d.rollouts).toBe(STRENGTHS[2].rollouts);
  });
});
