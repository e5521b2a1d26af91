// The rule-of-thumb player: repeatedly takes the affordable order with the best
// estimated worth per budget (each order also uses one of the turn's few order
// slots, priced as SLOT_COST budget), given what it has already chosen, until the
// order limit or the budget runs out or nothing is worth its price.
import type { LegalOrder, Order, PowerView, Scenario, StateLike } from '../engine';
import { legalOrders, orderKey, own } from '../engine';
import type { Player } from './player';
import type { Deltas, MarginMemo, OrderEstimate } from './evaluate';
import { estimateOrder, mergeDeltas, neglectWorth, newDeltas, worthOf } from './evaluate';
import type { BotRng } from './botRng';
import { botRng } from './botRng';
import type { Work } from './work';
import { charge, orderWeight } from './work';

export const SLOT_COST = 2;

export interface GreedyOptions {
  /** Orders that must come first (the search player explores with these). */
  forced?: readonly Order[];
  /** Noise in [0, 1): each estimate is multiplied by 1 ± noise, so rollouts vary. */
  noise?: number;
  rng?: BotRng;
  /** Candidate orders, if already listed (saves recomputing them). */
  legal?: readonly LegalOrder[];
  /** Where the work done is counted (the search player's budget). */
  work?: Work;
  /** What a point of budget costs next to an order slot (1 unless told; the search prices it by scarcity, evaluate's budgetPrice). */
  budgetPrice?: number;
  /** A country this player has set its heart on this game: orders touching it are worth FOCUS_WEIGHT times more. */
  focus?: string | null;
}

/** How much more a contester values orders in the race it goes after. */
export const FOCUS_WEIGHT = 2;
/** The share of varied players that are contesters. */
export const FOCUS_SHARE = 0.5;

interface Option {
  legal: LegalOrder;
  key: string;
  est: OrderEstimate;
  worth: number;
  noise: number;
}

/** Whether `d` changes any of `countries` (no key list per option: rollouts ask this for every option after every choice). */
function changesAny(d: Deltas, countries: readonly string[]): boolean {
  for (const c of countries) if (Object.hasOwn(d, c)) return true;
  return false;
}

export function greedyOrders(scenario: Scenario, state: StateLike, power: string, opts: GreedyOptions = {}): Order[] {
  let budget = own(state.powers, power)?.budget ?? 0;
  const max = scenario.rules.maxOrdersPerTurn;
  const chosen: Order[] = [];
  const planned = newDeltas();
  const touched = new Set<string>();
  const empty = newDeltas();
  // Margins before each option, with nothing planned and then with the plan so far (cleared as it grows).
  const emptyMemo: MarginMemo = new Map();
  const plannedMemo: MarginMemo = new Map();
  let options: Option[] = (opts.legal ?? legalOrders(scenario, state, power)).map((legal) => {
    const est = estimateOrder(scenario, state, power, legal.order);
    const noise = opts.noise && opts.rng ? 1 + opts.noise * (2 * opts.rng.next() - 1) : 1;
    const focus = opts.focus && est.touches.includes(opts.focus) ? FOCUS_WEIGHT : 1;
    return { legal, key: orderKey(legal.order), est, worth: worthOf(scenario, state, power, est, empty, emptyMemo), noise: noise * focus };
  });
  const price = opts.budgetPrice ?? 1;
  const weight = opts.work ? orderWeight(scenario) : 0;
  charge(opts.work, options.length * weight);
  const take = (o: Option): void => {
    mergeDeltas(planned, o.est.deltas);
    plannedMemo.clear();
    for (const c of o.est.touches) touched.add(c);
    chosen.push(o.legal.order);
    budget -= o.legal.cost;
    // Estimates of orders in the countries just changed are stale: redo only those.
    const changed = Object.keys(o.est.deltas);
    options = options.filter((x) => x.key !== o.key);
    let redone = 0;
    for (const x of options) {
      if (changesAny(x.est.deltas, changed)) {
        x.worth = worthOf(scenario, state, power, x.est, planned, plannedMemo);
        redone++;
      }
    }
    charge(opts.work, redone * weight);
  };
  for (const f of opts.forced ?? []) {
    const key = orderKey(f);
    const found = options.find((o) => o.key === key);
    if (found && found.legal.cost <= budget && chosen.length < max) take(found);
  }
  while (chosen.length < max) {
    let best: Option | undefined;
    let bestRatio = 0;
    for (const o of options) {
      if (o.legal.cost > budget) continue;
      const worth = (o.worth + neglectWorth(scenario, o.est.touches, touched)) * o.noise;
      const ratio = worth / (o.legal.cost * price + SLOT_COST);
      if (ratio > bestRatio) {
        bestRatio = ratio;
        best = o;
      }
    }
    if (!best) break;
    take(best);
  }
  return chosen;
}

export function greedyPlayer(): Player {
  return {
    name: 'greedy',
    decide: (scenario, view) => greedyOrders(scenario, view, view.viewer),
    decideWith: (scenario, view, forced) => greedyOrders(scenario, view, view.viewer, { forced }),
  };
}

/**
 * The race a contester goes after this turn: the contested country where `view.viewer`
 * trails the leader by the least (equal gaps settled by a draw made once a game), or null
 * when it trails nowhere.
 */
export function closestLostRace(view: PowerView): string | null {
  let best: string | null = null;
  let gap = Infinity;
  for (const [id, c] of Object.entries(view.countries)) {
    const mine = own(c.influence, view.viewer) ?? 0;
    let top = 0;
    for (const [p, v] of Object.entries(c.influence)) if (p !== view.viewer && typeof v === 'number') top = Math.max(top, v);
    if (top <= mine) continue;
    // Gaps are whole numbers, so the draw only orders equal ones.
    const g = top - mine + botRng(view.playerSeed, view.viewer, 'contester', id).next();
    if (g < gap) {
      gap = g;
      best = id;
    }
  }
  return best;
}

/**
 * The rule of thumb with seeded variety: every estimate is scaled by a random 1 ± 25%,
 * drawn from the game seed, power and turn, and half the players (drawn once a game) are
 * contesters, who value orders in the closest race they are losing FOCUS_WEIGHT times
 * more. Balance runs use it so that games differ, every order kind and opening gets
 * tried, and every country gets contested by the power behind in it, not only the big
 * prizes; it is as deterministic as the others.
 */
export function variedPlayer(): Player {
  const opts = (view: PowerView): GreedyOptions => {
    const contester = botRng(view.playerSeed, view.viewer, 'contester').next() < FOCUS_SHARE;
    return { noise: 0.25, rng: botRng(view.playerSeed, view.viewer, view.turn, 'varied'), focus: contester ? closestLostRace(view) : null };
  };
  return {
    name: 'varied',
    decide: (scenario, view) => greedyOrders(scenario, view, view.viewer, opts(view)),
    decideWith: (scenario, view, forced) => greedyOrders(scenario, view, view.viewer, { ...opts(view), forced }),
  };
}
