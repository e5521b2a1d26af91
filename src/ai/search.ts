// The search player: Monte Carlo search over whole order sets. It builds a handful of
// candidate sets (the rule-of-thumb choice, variations that force in each promising
// order or project, and saving the budget), then spends its rollouts on them with the
// UCB1 bandit rule (search:1 and search:2) or by successive halving on common futures
// (search:3, halving.ts). A rollout imagines the hidden future (its own generator, via
// `determinize`), plays this turn with the candidate against rule-of-thumb opponents,
// plays a few more turns with noisy rule-of-thumb on all sides, and scores the result.
// Strength sets rollouts and look-ahead, and a budget of work (work.ts) that no scenario,
// however large, can make it exceed; the choice is deterministic for a given view.
import type { GameState, LegalOrder, Order, PowerView, Scenario } from '../engine';
import { determinize, idRecord, indexScenario, legalOrders, orderCost, orderKey, own, resolveTurn } from '../engine';
import type { Player } from './player';
import { greedyOrders, SLOT_COST } from './greedy';
import { budgetPrice, estimateOrder, newDeltas, positionWorth, worthOf } from './evaluate';
import { botRng } from './botRng';
import type { Work } from './work';
import { charge, orderWeight, turnCost, work, wouldExceed } from './work';
import { halving } from './halving';

export interface SearchStrength {
  rollouts: number;
  horizon: number;
  candidates: number;
  /** Most work units (work.ts) one decision may spend. */
  work: number;
  /**
   * How the rollouts are shared among the candidates: by the UCB1 bandit rule (the default),
   * or by successive halving (`halving`), every candidate left playing the same imagined
   * futures and the worse half dropped after each round. See `halvingSteps`.
   */
  allocation?: 'ucb' | 'halving';
}

export const STRENGTHS: Record<1 | 2 | 3, SearchStrength> = {
  1: { rollouts: 40, horizon: 2, candidates: 6, work: 35_000 },
  2: { rollouts: 100, horizon: 3, candidates: 8, work: 130_000 },
  // search:3 plays its rollouts to the game's end (8 turns is the whole of xian, classroom
  // and astana, and samarkand's from its fifth turn on): every shipped scenario ends on a
  // summit worth three scorings, and a horizon of 4 judged its first half on a guess at it.
  // Its work budget follows (about twice a horizon of 4's on the first turn).
  3: { rollouts: 200, horizon: 8, candidates: 10, work: 600_000, allocation: 'halving' },
};

function candidateSets(scenario: Scenario, view: PowerView, power: string, legal: readonly LegalOrder[], count: number, budget: Work, rolloutCost: number): Order[][] {
  const sets: Order[][] = [];
  const seen = new Set<string>();
  const add = (orders: Order[]): void => {
    const key = orders.map((o) => `${orderKey(o)}${o.type === 'project' && o.bid ? `+${o.bid}` : ''}`).sort().join(',');
    if (!seen.has(key)) {
      seen.add(key);
      sets.push(orders);
    }
  };
  const greedyCost = budget.spent;
  const price = budgetPrice(scenario, view, power);
  add(greedyOrders(scenario, view, power, { legal, work: budget, budgetPrice: price }));
  add([]);
  // Candidates are only worth having if each can be tried: keep the budget for at least one rollout each.
  const affordable = Math.floor((budget.limit - budget.spent) / rolloutCost);
  if (affordable < 2) return sets.slice(0, 1);
  const most = Math.min(count, affordable);
  const ranked = legal
    .map((o: LegalOrder) => ({ o, ratio: worthOf(scenario, view, power, estimateOrder(scenario, view, power, o.order), newDeltas()) / (o.cost * price + SLOT_COST) }))
    .filter((x) => Number.isFinite(x.ratio))
    .sort((a, b) => b.ratio - a.ratio);
  charge(budget, legal.length * orderWeight(scenario));
  // A forced variation costs about what the first greedy choice did. Variations may use a
  // third of what is left; the rest is for the rollouts.
  const variation = Math.max(1, budget.spent - greedyCost);
  const cap = budget.spent + (budget.limit - budget.spent) / 3;
  const vary = (o: Order): boolean => {
    if (sets.length >= most || budget.spent + variation > cap) return false;
    add(greedyOrders(scenario, view, power, { legal, forced: [o], work: budget, budgetPrice: price }));
    return true;
  };
  // Every affordable project is a candidate: their worth comes late, which the rule of thumb undervalues.
  for (const x of ranked) if (x.o.order.type === 'project' && !vary(x.o.order)) break;
  for (const x of ranked) if (!vary(x.o.order)) break;
  // A project a rival could also order is a tender: try winning it with a sealed bid of about
  // a third of its cost, if the budget allows (the rollouts' rivals may order it too).
  const budgetLeft = own(view.powers, power)?.budget ?? 0;
  for (const set of [...sets]) {
    if (sets.length >= most + 1) break;
    const i = set.findIndex((o) => o.type === 'project' && (indexScenario(scenario).project.get(o.project)?.sponsors.length ?? 0) > 1);
    const o = set[i];
    if (!o || o.type !== 'project') continue;
    const bid = Math.max(1, Math.round((indexScenario(scenario).project.get(o.project)?.cost ?? 0) / 3));
    if (set.reduce((sum, x) => sum + orderCost(indexScenario(scenario), x), 0) + bid > budgetLeft) continue;
    add(set.map((x, k) => (k === i ? { type: 'project', project: o.project, bid } : x)));
  }
  return sets.slice(0, Math.max(most, 2) + 1);
}

/** `start`: the imagined state of future `seed` (`determinize(view, seed)`), if already made; the rules never change a state in place, so candidates may share it. */
function rollout(scenario: Scenario, view: PowerView, power: string, mine: Order[], horizon: number, seed: string, budget: Work, start?: GameState): number {
  let state = start ?? determinize(view, seed);
  const rng = botRng(seed, 'noise');
  for (let h = 0; h < horizon && state.phase.kind === 'playing'; h++) {
    const orders = idRecord<Order[]>();
    for (const p of scenario.powers) {
      orders[p.id] = h === 0 && p.id === power ? mine : greedyOrders(scenario, state, p.id, { noise: h === 0 ? 0.15 : 0.3, rng, work: budget, budgetPrice: budgetPrice(scenario, state, p.id) });
    }
    charge(budget, turnCost(scenario));
    const r = resolveTurn(scenario, state, orders);
    if (!r.ok) return -Infinity;
    state = r.value.state;
  }
  return positionWorth(scenario, state, power);
}

export function searchOrders(scenario: Scenario, view: PowerView, strength: SearchStrength): Order[] {
  return searchDecision(scenario, view, strength).orders;
}

export interface SearchDecision {
  orders: Order[];
  spent: number;
  rollouts: number;
}

/** The search's choice, with the work it spent and the rollouts it played (for benchmarks and tests). */
export function searchDecision(scenario: Scenario, view: PowerView, strength: SearchStrength): SearchDecision {
  const steps = searchSteps(scenario, view, strength);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The same search, pausing after the candidates are built and after every rollout: whoever
 * drives it may stop between steps (the page's worker sleeps there, so the page's own thread
 * keeps a core on a two-core machine). It decides exactly as `searchDecision`, which runs it
 * straight through: the pauses change when the work is done, never what it computes.
 */
export function* searchSteps(scenario: Scenario, view: PowerView, strength: SearchStrength): Generator<void, SearchDecision, void> {
  const power = view.viewer;
  const budget = work(strength.work);
  const legal = legalOrders(scenario, view, power);
  charge(budget, legal.length * orderWeight(scenario));
  // A rollout is not started unless the budget can pay for one like the last (the first is
  // priced from the legal orders: every power weighs about as many each turn).
  let rolloutCost = strength.horizon * (scenario.powers.length * legal.length * orderWeight(scenario) + turnCost(scenario));
  const sets = candidateSets(scenario, view, power, legal, strength.candidates, budget, rolloutCost);
  if (sets.length === 1) return { orders: sets[0] as Order[], spent: budget.spent, rollouts: 0 };
  yield;
  if (strength.allocation === 'halving') return yield* halvingSteps(scenario, view, power, sets, strength, budget, rolloutCost);
  const n = sets.map(() => 0);
  const sum = sets.map(() => 0);
  const base = `${view.playerSeed}|${power}|${view.turn}`;
  const C = 4;
  let played = 0;
  for (let i = 0; i < strength.rollouts && !wouldExceed(budget, rolloutCost); i++) {
    played++;
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
    const before = budget.spent;
    const value = rollout(scenario, view, power, sets[pick] as Order[], strength.horizon, `${base}|${Math.floor(i / sets.length)}`, budget);
    rolloutCost = budget.spent - before;
    n[pick] = (n[pick] as number) + 1;
    sum[pick] = (sum[pick] as number) + value;
    yield;
  }
  let bestK = 0;
  for (let k = 1; k < sets.length; k++) if ((n[k] as number) > (n[bestK] as number) || ((n[k] as number) === (n[bestK] as number) && (sum[k] as number) / (n[k] as number) > (sum[bestK] as number) / (n[bestK] as number))) bestK = k;
  return { orders: sets[bestK] as Order[], spent: budget.spent, rollouts: played };
}

/** search:3's way: successive halving on common futures (halving.ts). */
function* halvingSteps(scenario: Scenario, view: PowerView, power: string, sets: Order[][], strength: SearchStrength, budget: Work, firstCost: number): Generator<void, SearchDecision, void> {
  const base = `${view.playerSeed}|${power}|${view.turn}`;
  let rolloutCost = firstCost;
  // Every candidate left plays each future: imagine it once.
  const imagined = new Map<number, GameState>();
  const { best, played } = yield* halving(sets.length, {
    rollouts: strength.rollouts,
    affordable: () => !wouldExceed(budget, rolloutCost),
    play: (k, future) => {
      const before = budget.spent;
      const seed = `${base}|${future}`;
      let start = imagined.get(future);
      if (!start) imagined.set(future, (start = determinize(view, seed)));
      const value = rollout(scenario, view, power, sets[k] as Order[], strength.horizon, seed, budget, start);
      rolloutCost = budget.spent - before;
      return value;
    },
  });
  return { orders: sets[best] as Order[], spent: budget.spent, rollouts: played };
}

export function searchPlayer(level: 1 | 2 | 3): Player {
  const strength = STRENGTHS[level];
  return {
    name: `search:${level}`,
    decide: (scenario, view) => searchOrders(scenario, view, strength),
    *decideInSteps(scenario, view) {
      return (yield* searchSteps(scenario, view, strength)).orders;
    },
  };
}
