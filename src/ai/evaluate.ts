// Rules of thumb the computer players share: what a lead in a country is worth, and
// what an order is worth before the other side moves. Values are in "importance ×
// influence points": one point of lead in a country of importance 3 is worth 3.
import type { Effect, Order, Scenario, StateLike } from '../engine';
import { controlMargin, expectedInfluence, idRecord, indexScenario, own, scoringWeight } from '../engine';
import type { ScenarioIndex } from '../engine';

/** Worth of a lead of `m` points: nothing below -20, nothing gained past the margin plus 6 (balancing starts to bite). */
export function marginWorth(m: number, leadMargin: number): number {
  return Math.max(-20, Math.min(m, leadMargin + 6));
}

/** `margin`'s scratch buffer: one per thread, filled and read within one call. */
const values: number[] = [];

/** Lead of `power` in `country` (negative when behind), with planned changes added. */
export function margin(ix: ScenarioIndex, state: StateLike, country: string, power: string, a?: Deltas, b?: Deltas): number {
  const c = own(state.countries, country);
  if (!c) return 0;
  const da = own(a, country);
  const db = own(b, country);
  // Influence is a share (at most 100 in all): what passes 100 comes out of the others, in proportion.
  // Plain loops over a reused buffer: the search calls this millions of times a decision
  // (it was the top of search:3's profile, with the garbage its arrays and closures made).
  const ids = ix.powerIds;
  const n = ids.length;
  while (values.length < n) values.push(0);
  let total = 0;
  let i = -1;
  for (let j = 0; j < n; j++) {
    const p = ids[j] as string;
    const v = Math.max(0, (own(c.influence, p) ?? 0) + (own(da, p) ?? 0) + (own(db, p) ?? 0));
    values[j] = v;
    total += v;
    if (p === power && i < 0) i = j;
  }
  const vi = i >= 0 ? (values[i] as number) : 0;
  const mine = Math.min(100, vi);
  const others = total - vi;
  const over = Math.max(0, mine + others - 100);
  let best = 0;
  for (let j = 0; j < n; j++) {
    if (j === i) continue;
    const v = values[j] as number;
    best = Math.max(best, others > 0 ? v - (over * v) / others : v);
  }
  return mine - best;
}

/** Planned influence changes: country → power → points. Keys are ids from the scenario: made with `deltas()`, no prototype. */
export type Deltas = Record<string, Record<string, number>>;

// Small records in V8's fast form (smallIdRecord): rollouts make and read millions of these.
export const newDeltas = (): Deltas => idRecord<Record<string, number>>();

export function addDelta(d: Deltas, country: string, power: string, delta: number): void {
  let row = own(d, country);
  if (!row) d[country] = row = idRecord<number>();
  row[power] = (own(row, power) ?? 0) + delta;
}

export function mergeDeltas(into: Deltas, from: Deltas): void {
  for (const country of Object.keys(from)) {
    const row = from[country] as Record<string, number>;
    for (const power of Object.keys(row)) addDelta(into, country, power, row[power] as number);
  }
}

interface Context {
  ix: ScenarioIndex;
  state: StateLike;
  power: string;
  turnsLeft: number;
}

/** Budget is worth about what it buys: an average order turns 1 budget into ~1.3 influence in a country of average importance. */
const budgetWorths = new WeakMap<ScenarioIndex, number>();
function budgetWorth(ix: ScenarioIndex): number {
  let w = budgetWorths.get(ix);
  if (w === undefined) {
    const weights = ix.contestedIds.map((id) => ix.contested.get(id)?.importance ?? 1);
    w = (1.3 * weights.reduce((a, b) => a + b, 0)) / Math.max(1, weights.length);
    budgetWorths.set(ix, w);
  }
  return w;
}

const NONE: readonly string[] = [];

function bindCountries(ref: string, target: string | undefined, route: readonly string[]): readonly string[] {
  if (ref === '$target') return target === undefined ? NONE : [target];
  if (ref === '$route') return route;
  return [ref];
}

function bindPowers(ix: ScenarioIndex, ref: string, self: string): readonly string[] {
  if (ref === '$self') return [self];
  if (ref === '$others') return ix.powerIds.filter((p) => p !== self);
  return [ref];
}

/** Adds effects' influence changes to `deltas`, and returns the worth of their other parts. */
function effectsWorth(c: Context, effects: readonly Effect[], target: string | undefined, route: readonly string[], deltas: Deltas, horizon: number): number {
  let worth = 0;
  const { ix, power } = c;
  const divisor = ix.scenario.rules.tiesDivisor;
  for (const e of effects) {
    switch (e.type) {
      case 'influence':
        for (const country of bindCountries(e.country, target, route)) for (const p of bindPowers(ix, e.power, power)) addDelta(deltas, country, p, e.delta);
        break;
      case 'dependence':
        for (const country of bindCountries(e.country, target, route)) {
          const w = ix.contested.get(country)?.importance ?? 1;
          for (const p of bindPowers(ix, e.power, power)) worth += ((p === power ? 1 : -1) * e.delta * w * Math.min(horizon, 10)) / divisor;
        }
        break;
      case 'stability':
        break;
      case 'budget':
        for (const p of bindPowers(ix, e.power, power)) worth += (p === power ? 0.6 : -0.3) * e.delta * budgetWorth(ix);
        break;
      case 'income':
        for (const p of bindPowers(ix, e.power, power)) worth += (p === power ? 1 : -0.5) * e.delta * Math.min(horizon, 8) * budgetWorth(ix);
        break;
      case 'track':
        for (const p of bindPowers(ix, e.power, power)) {
          const def = ix.power.get(p)?.tracks.find((t) => t.id === e.track);
          // A track that moves income is worth that income; others (wariness, scrutiny…) are assumed to hurt their owner.
          const perPoint = def && def.incomePerPoint !== 0 ? def.incomePerPoint * Math.min(horizon, 8) * budgetWorth(ix) : -1;
          worth += (p === power ? 1 : -0.5) * e.delta * perPoint;
        }
        break;
      case 'points':
        for (const p of bindPowers(ix, e.power, power)) worth += (p === power ? 4 : -4) * e.delta;
        break;
      case 'flag':
        break;
      default: {
        const never: never = e;
        throw new Error(`unhandled effect ${JSON.stringify(never)}`);
      }
    }
  }
  return worth;
}

/**
 * Each country's margin worth with a planned set of changes, for one state and power, kept
 * while that set is unchanged: the rule of thumb weighs every option against the same plan,
 * and options in a country share its "before". Whoever owns the plan clears it on a change.
 */
export type MarginMemo = Map<string, number>;

/** Worth of changing influence by `extra` on top of `planned`. */
export function deltasWorth(c: Context, planned: Deltas, extra: Deltas, memo?: MarginMemo): number {
  const weight = Math.min(c.turnsLeft, 4) * 0.5;
  let worth = 0;
  for (const country of Object.keys(extra)) {
    const L = controlMargin(c.ix.scenario, country);
    const w = c.ix.contested.get(country)?.importance ?? 1;
    let before = memo?.get(country);
    if (before === undefined) {
      before = marginWorth(margin(c.ix, c.state, country, c.power, planned), L);
      memo?.set(country, before);
    }
    const after = marginWorth(margin(c.ix, c.state, country, c.power, planned, extra), L);
    // A lead lasts: what a point is worth grows with the turns left to score it, up to a few turns.
    worth += w * (after - before) * weight;
  }
  return worth;
}

/**
 * What an order does, worked out once per decision: the influence changes it makes,
 * the worth of everything else it does, and its risk. How much the influence changes
 * are worth depends on the other orders chosen, so that part is `worthOf`.
 */
export interface OrderEstimate {
  /** Worth of the parts that do not depend on other orders (dependence, money, tracks). */
  fixed: number;
  deltas: Deltas;
  /** Weight of the influence changes (completion comes later; it is discounted). */
  weight: number;
  /** Turns left when the influence changes land. */
  turnsLeft: number;
  risk?: { chance: number; fixed: number; deltas: Deltas };
  /** Countries this order touches (saves them from neglect). */
  touches: readonly string[];
  /** False for an order that cannot pay off before the game ends. */
  useful: boolean;
}

/** Works out what an order does (see OrderEstimate). */
export function estimateOrder(scenario: Scenario, state: StateLike, power: string, order: Order): OrderEstimate {
  const ix = indexScenario(scenario);
  const turnsLeft = Math.max(1, state.lastTurn - state.turn + 1);
  const c: Context = { ix, state, power, turnsLeft };
  const deltas: Deltas = newDeltas();
  if (order.type === 'project') {
    const p = ix.project.get(order.project);
    const route = p ? (ix.routeCountries.get(p.id) ?? []) : [];
    // Work advances in the turn it is ordered, so a project of n build turns ordered now is
    // done, and scores, in turn + n - 1: `after` counts the scorings it is in operation for.
    const after = p ? turnsLeft - p.buildTurns + 1 : 0;
    if (!p || after <= 0) return { fixed: 0, deltas, weight: 0, turnsLeft, touches: route, useful: false };
    const fixed = effectsWorth(c, p.onComplete, undefined, route, deltas, after);
    const perTurn = newDeltas();
    effectsWorth(c, p.perTurn, undefined, route, perTurn, after);
    for (let i = 0; i < Math.min(after, 6); i++) mergeDeltas(deltas, perTurn);
    // Completion comes later and is certain; discount it a little for the wait.
    return { fixed, deltas, weight: after >= 4 ? 0.9 : 0.6, turnsLeft: after, touches: route, useful: true };
  }
  const g = expectedInfluence(scenario, state, power, order);
  const action = ix.action.get(order.action);
  if (!g || !action) return { fixed: 0, deltas, weight: 0, turnsLeft, touches: [], useful: false };
  addDelta(deltas, order.country, power, g.gain);
  const fixed = effectsWorth(c, action.effects, order.country, [], deltas, turnsLeft);
  const est: OrderEstimate = { fixed, deltas, weight: 1, turnsLeft, touches: [order.country], useful: true };
  if (action.risk) {
    const riskDeltas = newDeltas();
    const bonus = action.risk.trackBonus ? (own(own(state.powers, power)?.tracks, action.risk.trackBonus.track) ?? 0) * action.risk.trackBonus.pctPerPoint : 0;
    est.risk = { chance: Math.min(100, action.risk.chancePct + bonus) / 100, fixed: effectsWorth(c, action.risk.effects, order.country, [], riskDeltas, turnsLeft), deltas: riskDeltas };
  }
  return est;
}

/**
 * Worth of an estimated order, given the influence changes already planned this turn.
 * `memo`, if given, must belong to this state, power and plan (see MarginMemo).
 */
export function worthOf(scenario: Scenario, state: StateLike, power: string, est: OrderEstimate, planned: Deltas, memo?: MarginMemo): number {
  if (!est.useful) return -Infinity;
  const c: Context = { ix: indexScenario(scenario), state, power, turnsLeft: est.turnsLeft };
  let worth = est.fixed + est.weight * deltasWorth(c, planned, est.deltas, memo);
  if (est.risk) worth += est.risk.chance * (est.risk.fixed + deltasWorth(c, planned, est.risk.deltas, memo));
  return worth;
}

/** Giving any order in a country spares it the neglect penalty: worth of touching `touches` beyond `touched`. */
export function neglectWorth(scenario: Scenario, touches: readonly string[], touched: ReadonlySet<string>): number {
  const ix = indexScenario(scenario);
  let worth = 0;
  for (const country of touches) if (!touched.has(country)) worth += (ix.contested.get(country)?.importance ?? 1) * scenario.rules.neglect * 0.5;
  return worth;
}

/** How good a position is for `power`: points ahead, plus leads likely to score in the turns left. */
export function positionWorth(scenario: Scenario, state: StateLike, power: string): number {
  const ix = indexScenario(scenario);
  const mine = own(state.powers, power)?.points ?? 0;
  let best = -Infinity;
  for (const p of ix.powerIds) if (p !== power) best = Math.max(best, own(state.powers, p)?.points ?? 0);
  if (state.phase.kind === 'over') {
    return state.phase.winner === power ? 1000 + mine - best : state.phase.winner === null ? mine - best : -1000 + mine - best;
  }
  const turnsLeft = Math.max(0, state.lastTurn - state.turn + 1);
  const horizonEnd = state.turn + Math.min(turnsLeft, 6);
  // Projects under way will land: count their completion as if it were here, a little discounted.
  // A project in operation (or soon) also pays its per-turn effects every turn it runs within
  // the horizon: counted at half, as they accrue over it. A builder's lead grows from these.
  const pending = newDeltas();
  const add = (from: Deltas, scale: number): void => {
    for (const country of Object.keys(from)) {
      const row = from[country] as Record<string, number>;
      for (const p of Object.keys(row)) addDelta(pending, country, p, (row[p] as number) * scale);
    }
  };
  for (const [id, st] of Object.entries(state.projects)) {
    if (st.status === 'available') continue;
    const def = ix.project.get(id);
    // Work advances in the turn being played, so a project `wait` steps from done lands in
    // turn + wait - 1: still in time for the last turn's scoring when wait equals the turns left.
    const wait = st.status === 'building' && def ? def.buildTurns - st.progress : 0;
    if (!def || wait > turnsLeft) continue;
    const ctx = { ix, state, power: st.owner, turnsLeft };
    const route = ix.routeCountries.get(id) ?? [];
    if (st.status === 'building') {
      const landed = newDeltas();
      effectsWorth(ctx, def.onComplete, undefined, route, landed, turnsLeft);
      add(landed, 0.8);
    }
    const paying = horizonEnd - state.turn - Math.max(0, wait - 1);
    if (paying > 0 && def.perTurn.length > 0) {
      const each = newDeltas();
      effectsWorth(ctx, def.perTurn, undefined, route, each, turnsLeft);
      add(each, paying * 0.5);
    }
  }
  let outlook = 0;
  for (const id of ix.contestedIds) {
    const L = controlMargin(scenario, id);
    const w = ix.contested.get(id)?.importance ?? 1;
    const m = margin(ix, state, id, power, pending);
    // The scorings still to come here within a few turns, a summit this country sits at counting several times over.
    let horizon = 0;
    for (let t = state.turn; t < horizonEnd; t++) horizon += scoringWeight(scenario, t, id);
    // Chance-like share of the country's points over the turns left: -1 when clearly behind, +1 when clearly ahead.
    const share = Math.max(-1, Math.min(1, m / L));
    outlook += w * share * horizon * 0.5;
    // Dependence keeps paying influence every turn (the ties rule).
    const c = own(state.countries, id);
    if (c) {
      let ties = 0;
      for (const p of ix.powerIds) ties += (p === power ? 1 : -1 / Math.max(1, ix.powerIds.length - 1)) * ((own(c.dependence.economic, p) ?? 0) + (own(c.dependence.security, p) ?? 0));
      outlook += (w * ties * horizon * 0.25) / scenario.rules.tiesDivisor / L;
    }
  }
  // Budget counts at its scarcity: a hoard its order slots can never spend wins nothing.
  const budgetOf = (p: string): number => (own(state.powers, p)?.budget ?? 0) * budgetPrice(scenario, state, p);
  const budgetAhead = budgetOf(power) - Math.max(...ix.powerIds.filter((p) => p !== power).map(budgetOf));
  return mine - best + outlook + budgetAhead * 0.1;
}

const typicalCosts = new WeakMap<Scenario, Map<string, number>>();
/** The mean cost of the actions `power` may order (what a slot usually costs it). */
function typicalCost(scenario: Scenario, power: string): number {
  let byPower = typicalCosts.get(scenario);
  if (!byPower) typicalCosts.set(scenario, (byPower = new Map()));
  let cost = byPower.get(power);
  if (cost === undefined) {
    const costs = scenario.actions.filter((a) => a.powers.includes(power)).map((a) => a.cost);
    cost = costs.length > 0 ? costs.reduce((a, b) => a + b, 0) / costs.length : 1;
    byPower.set(power, cost);
  }
  return cost;
}

/** Least a point of budget is worth next to an order slot, however rich the power. */
export const BUDGET_PRICE_FLOOR = 0.25;

/**
 * How scarce budget is for `power` over the turns left, from 1 (its slots could spend more
 * than it will have) down to BUDGET_PRICE_FLOOR. Only so many orders fit in a turn: a power
 * whose budget and income outrun what its slots can spend (samarkand's Beijing ended games
 * with 130 unspent) loses by picking cheap orders to save money it will never use.
 */
export function budgetPrice(scenario: Scenario, state: StateLike, power: string): number {
  const p = own(state.powers, power);
  if (!p) return 1;
  const turnsLeft = Math.max(1, state.lastTurn - state.turn + 1);
  const available = p.budget + Math.max(0, p.income) * (turnsLeft - 1);
  const need = turnsLeft * scenario.rules.maxOrdersPerTurn * typicalCost(scenario, power);
  return Math.max(BUDGET_PRICE_FLOOR, Math.min(1, need / Math.max(1, available)));
}
