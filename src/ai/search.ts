// The search player: Monte Carlo search over whole order sets. It builds a handful of
// candidate sets (the rule-of-thumb choice, variations that force in each promising
// order or project, and saving the budget), then spends its rollouts on them with the
// UCB1 bandit rule. A rollout imagines the hidden future (its own generator, via
// `determinize`), plays this turn with the candidate against rule-of-thumb opponents,
// plays a few more turns with noisy rule-of-thumb on all sides, and scores the result.
// Strength sets rollouts and look-ahead; the choice is deterministic for a given view.
import type { LegalOrder, Order, PowerView, Scenario } from '../engine';
import { determinize, idRecord, legalOrders, orderKey, resolveTurn } from '../engine';
import type { Player } from './player';
import { greedyOrders, SLOT_COST } from './greedy';
import { estimateOrder, newDeltas, positionWorth, worthOf } from './evaluate';
import { botRng } from './botRng';

export interface SearchStrength {
  rollouts: number;
  horizon: number;
  candidates: number;
}

export const STRENGTHS: Record<1 | 2 | 3, SearchStrength> = {
  1: { rollouts: 40, horizon: 2, candidates: 6 },
  2: { rollouts: 100, horizon: 3, candidates: 8 },
  3: { rollouts: 200, horizon: 4, candidates: 10 },
};

function candidateSets(scenario: Scenario, view: PowerView, power: string, count: number): Order[][] {
  const legal = legalOrders(scenario, view, power);
  const sets: Order[][] = [];
  const seen = new Set<string>();
  const add = (orders: Order[]): void => {
    const key = orders.map(orderKey).sort().join(',');
    if (!seen.has(key)) {
      seen.add(key);
      sets.push(orders);
    }
  };
  add(greedyOrders(scenario, view, power, { legal }));
  add([]);
  const ranked = legal
    .map((o: LegalOrder) => ({ o, ratio: worthOf(scenario, view, power, estimateOrder(scenario, view, power, o.order), newDeltas()) / (o.cost + SLOT_COST) }))
    .filter((x) => Number.isFinite(x.ratio))
    .sort((a, b) => b.ratio - a.ratio);
  // Every affordable project is a candidate: their worth comes late, which the rule of thumb undervalues.
  for (const x of ranked) if (x.o.order.type === 'project') add(greedyOrders(scenario, view, power, { legal, forced: [x.o.order] }));
  for (const x of ranked) {
    if (sets.length >= count) break;
    add(greedyOrders(scenario, view, power, { legal, forced: [x.o.order] }));
  }
  return sets.slice(0, Math.max(count, 2));
}

function rollout(scenario: Scenario, view: PowerView, power: string, mine: Order[], horizon: number, seed: string): number {
  let state = determinize(view, seed);
  const rng = botRng(seed, 'noise');
  for (let h = 0; h < horizon && state.phase.kind === 'playing'; h++) {
    const orders = idRecord<Order[]>();
    for (const p of scenario.powers) {
      orders[p.id] = h === 0 && p.id === power ? mine : greedyOrders(scenario, state, p.id, { noise: h === 0 ? 0.15 : 0.3, rng });
    }
    const r = resolveTurn(scenario, state, orders);
    if (!r.ok) return -Infinity;
    state = r.value.state;
  }
  return positionWorth(scenario, state, power);
}

export function searchOrders(scenario: Scenario, view: PowerView, strength: SearchStrength): Order[] {
  const power = view.viewer;
  const sets = candidateSets(scenario, view, power, strength.candidates);
  if (sets.length === 1) return sets[0] as Order[];
  const n = sets.map(() => 0);
  const sum = sets.map(() => 0);
  const base = `${view.playerSeed}|${power}|${view.turn}`;
  const C = 4;
  for (let i = 0; i < strength.rollouts; i++) {
    let pick = i < sets.length ? i : 0;
    if (i >= sets.length) {
      let best = -Infinity;
      for (let k = 0; k < sets.length; k++) {
        const ucb = (sum[k] as number) / (n[k] as number) + C * Math.sqrt(Math.log(i) / (n[k] as number));
        if (ucb > best) {
          best = ucb;
          pick = k;
        }
      }
    }
    // Common random numbers: rollout i imagines the same future whatever the candidate, so candidates compare fairly.
    const value = rollout(scenario, view, power, sets[pick] as Order[], strength.horizon, `${base}|${Math.floor(i / sets.length)}`);
    n[pick] = (n[pick] as number) + 1;
    sum[pick] = (sum[pick] as number) + value;
  }
  let bestK = 0;
  for (let k = 1; k < sets.length; k++) if ((n[k] as number) > (n[bestK] as number) || ((n[k] as number) === (n[bestK] as number) && (sum[k] as number) / (n[k] as number) > (sum[bestK] as number) / (n[bestK] as number))) bestK = k;
  return sets[bestK] as Order[];
}

export function searchPlayer(level: 1 | 2 | 3): Player {
  const strength = STRENGTHS[level];
  return { name: `search:${level}`, decide: (scenario, view) => searchOrders(scenario, view, strength) };
}
