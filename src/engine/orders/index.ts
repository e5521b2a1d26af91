// Orders: is one legal (with a reason when not), what will it probably do (preview),
// and apply it. Action orders share one path whose modifiers differ by kind
// (invest.ts, securityDeal.ts, diplomacy.ts, special.ts); projects have theirs.
import type { ActionOrder, Order, ProjectOrder } from '../order';
import { MAX_BID, orderKey } from '../order';
import type { Action, Project, Scenario } from '../schema';
import type { StateLike } from '../state';
import { cloneState } from '../state';
import type { ScenarioIndex } from '../scenarioIndex';
import { countryName, indexScenario, powerName } from '../scenarioIndex';
import type { Result } from '../result';
import { err, ok } from '../result';
import type { Change, Cause, TurnContext } from '../ledger';
import { changeInfluence, setProject } from '../ledger';
import { applyEffects } from '../effects';
import { openRng, seedRng } from '../rng';
import type { RngState } from '../rng';
import { orderFactors, scaledGain } from './modifiers';
import type { Factor } from './factor';
import { riskChance } from './special';
import type { RepublicChoice } from '../republics';
import { ruleOfThumbChoice } from '../republics';
import { idRecord, own } from '../records';

const ID = /^[a-z0-9][a-z0-9-]*$/;
const ACTION_TYPES = new Set(['invest', 'security-deal', 'diplomacy', 'special']);
const isId = (v: unknown): v is string => typeof v === 'string' && v.length <= 60 && ID.test(v);

/**
 * Parses an order from untrusted input (a save file, a message, the command line):
 * exactly {"type", "action", "country"} for the four action kinds, or {"type": "project",
 * "project"} with an optional whole "bid" from 1 to MAX_BID; any other shape or extra field is refused. Written by hand because every
 * order of every turn passes through it.
 */
export function parseOrder(raw: unknown): Order | null {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return null;
  const o = raw as Record<string, unknown>;
  const keys = Object.keys(o);
  if (o.type === 'project') {
    if (!isId(o.project)) return null;
    if (keys.length === 2) return { type: 'project', project: o.project };
    const bid = o.bid;
    return keys.length === 3 && typeof bid === 'number' && Number.isInteger(bid) && bid >= 1 && bid <= MAX_BID ? { type: 'project', project: o.project, bid } : null;
  }
  if (typeof o.type !== 'string' || !ACTION_TYPES.has(o.type) || keys.length !== 3 || !isId(o.action) || !isId(o.country)) return null;
  return { type: o.type as ActionOrder['type'], action: o.action, country: o.country };
}

export interface LegalOrder {
  order: Order;
  cost: number;
  /** "Invest in infrastructure — Kazakhstan". */
  label: string;
}

export interface Rejection {
  index: number;
  order: unknown;
  reason: string;
}

export interface OrderPreview {
  order: Order;
  label: string;
  cost: number;
  /** Changes this order makes on its own this turn, before the other side's orders and the country's response. */
  now: Change[];
  /** For a project: what it does when it is finished, and when that is. */
  onCompletion?: { turns: number; changes: Change[] };
  /** How the target country receives it: the factors behind the influence gain. */
  factors: Factor[];
  influencePct?: number;
  risk?: { chancePct: number; description: string; changes: Change[] };
}

export function orderLabel(ix: ScenarioIndex, o: Order): string {
  if (o.type === 'project') return `${ix.project.get(o.project)?.name ?? o.project}${o.bid ? ` (sealed bid +${o.bid})` : ''}`;
  return `${ix.action.get(o.action)?.name ?? o.action} — ${countryName(ix, o.country)}`;
}

function checkActionOrder(ix: ScenarioIndex, state: StateLike, power: string, o: ActionOrder): Result<Action, string> {
  const action = ix.action.get(o.action);
  if (!action) return err(`there is no action "${o.action}" in this scenario`);
  if (action.kind !== o.type) return err(`"${action.name}" is a ${action.kind} order, not ${o.type}`);
  if (!action.powers.includes(power)) return err(`${powerName(ix, power)} cannot order "${action.name}"`);
  const def = ix.contested.get(o.country);
  const c = state.countries[o.country];
  if (!def || !c) return err(`"${o.country}" is not a contested country`);
  const req = action.requires;
  if (req?.membership !== undefined && !def.memberships.includes(req.membership)) {
    return err(`${def.name} is not a member of ${ix.scenario.organisations.find((g) => g.id === req.membership)?.name ?? req.membership}`);
  }
  if (req?.minInfluence !== undefined && (c.influence[power] ?? 0) < req.minInfluence) {
    return err(`needs influence of at least ${req.minInfluence} in ${def.name} (${powerName(ix, power)} has ${c.influence[power] ?? 0})`);
  }
  if (req?.flag !== undefined && !state.flags.includes(req.flag)) return err(`not possible until "${req.flag}" has happened`);
  return ok(action);
}

function checkProjectOrder(ix: ScenarioIndex, state: StateLike, power: string, o: ProjectOrder): Result<Project, string> {
  const project = ix.project.get(o.project);
  if (!project) return err(`there is no project "${o.project}" in this scenario`);
  if (!project.sponsors.includes(power)) return err(`${powerName(ix, power)} cannot build ${project.name}`);
  const st = state.projects[o.project];
  if (st && st.status !== 'available') return err(`${project.name} is already ${st.status === 'building' ? 'being built' : 'built'}`);
  return ok(project);
}

/** Is this one order legal for `power` now, budget aside? Returns its cost. */
export function checkOrder(ix: ScenarioIndex, state: StateLike, power: string, o: Order): Result<number, string> {
  if (state.phase.kind === 'over') return err('the game is over');
  if (!own(state.powers, power)) return err(`there is no power "${power}" in this scenario`);
  switch (o.type) {
    case 'project': {
      const r = checkProjectOrder(ix, state, power, o);
      return r.ok ? ok(r.value.cost + (o.bid ?? 0)) : r;
    }
    case 'invest':
    case 'security-deal':
    case 'diplomacy':
    case 'special': {
      const r = checkActionOrder(ix, state, power, o);
      return r.ok ? ok(r.value.cost) : r;
    }
    default: {
      const never: never = o;
      return err(`unknown order type in ${JSON.stringify(never)}`);
    }
  }
}

/** Every single order `power` may give now and can afford on its own, in a stable order. */
export function legalOrders(scenario: Scenario, state: StateLike, power: string): LegalOrder[] {
  const ix = indexScenario(scenario);
  const budget = own(state.powers, power)?.budget ?? 0;
  const out: LegalOrder[] = [];
  const consider = (order: Order): void => {
    const r = checkOrder(ix, state, power, order);
    if (r.ok && r.value <= budget) out.push({ order, cost: r.value, label: orderLabel(ix, order) });
  };
  for (const action of scenario.actions) {
    if (!action.powers.includes(power)) continue;
    for (const country of ix.contestedIds) consider({ type: action.kind, action: action.id, country });
  }
  for (const project of scenario.projects) consider({ type: 'project', project: project.id });
  return out;
}

/**
 * Validates one power's orders for this turn as a set: each order legal, no order
 * twice, no more than the scenario allows, all together within the budget. Every
 * rejected order is listed with its reason; untrusted input is parsed here.
 */
export function validateOrders(scenario: Scenario, state: StateLike, power: string, input: unknown): Result<Order[], Rejection[]> {
  const ix = indexScenario(scenario);
  if (!Array.isArray(input)) return err([{ index: -1, order: input, reason: 'orders must be a list' }]);
  const rejections: Rejection[] = [];
  const accepted: Order[] = [];
  const seen = new Set<string>();
  let spent = 0;
  const budget = own(state.powers, power)?.budget ?? 0;
  const max = scenario.rules.maxOrdersPerTurn;
  if (input.length > max) rejections.push({ index: -1, order: input, reason: `at most ${max} orders a turn (${input.length} given)` });
  input.forEach((raw: unknown, index) => {
    const o = parseOrder(raw);
    if (o === null) {
      rejections.push({ index, order: raw, reason: `not an order: expected {"type": "invest"|"security-deal"|"diplomacy"|"special", "action", "country"} or {"type": "project", "project"} with an optional whole "bid" from 1 to ${MAX_BID}` });
      return;
    }
    const r = checkOrder(ix, state, power, o);
    if (!r.ok) {
      rejections.push({ index, order: o, reason: r.error });
      return;
    }
    const key = orderKey(o);
    if (seen.has(key)) {
      rejections.push({ index, order: o, reason: 'the same order twice in one turn' });
      return;
    }
    seen.add(key);
    if (spent + r.value > budget) {
      rejections.push({ index, order: o, reason: `costs ${r.value} but only ${budget - spent} of ${budget} budget is left` });
      return;
    }
    spent += r.value;
    accepted.push(o);
  });
  return rejections.length > 0 ? err(rejections) : ok(accepted);
}

/** The influence an action order gains, computed against `state` (the state before any order of the turn). */
export function actionGain(ix: ScenarioIndex, state: StateLike, power: string, action: Action, country: string, choice?: RepublicChoice): { gain: number; pct: number; factors: Factor[] } {
  const factors = orderFactors(ix, state, power, action.kind, country, choice);
  const { gain, pct } = scaledGain(action.influence, factors);
  return { gain, pct, factors };
}

/** The influence an action order would gain in its target now, with the factors behind it (cheap: no copy of the state). */
export function expectedInfluence(scenario: Scenario, state: StateLike, power: string, order: ActionOrder): { gain: number; pct: number; factors: Factor[] } | null {
  const ix = indexScenario(scenario);
  const action = ix.action.get(order.action);
  return action ? actionGain(ix, state, power, action, order.country) : null;
}

export const orderCause = (ix: ScenarioIndex, power: string, order: Order): Cause => ({
  kind: 'order',
  power,
  order,
  text: `${powerName(ix, power)}: ${orderLabel(ix, order)}`,
});

/** Applies an action order whose gain was computed beforehand (orders resolve simultaneously). */
export function applyActionOrder(ctx: TurnContext, power: string, o: ActionOrder, gain: number): void {
  const action = ctx.ix.action.get(o.action);
  if (!action) return;
  const cause = orderCause(ctx.ix, power, o);
  if (gain !== 0) changeInfluence(ctx, o.country, power, gain, cause);
  applyEffects(ctx, action.effects, { self: power, target: o.country }, cause);
}

export function startProject(ctx: TurnContext, power: string, o: ProjectOrder): void {
  setProject(ctx, o.project, { status: 'building', owner: power, progress: 0 }, orderCause(ctx.ix, power, o));
}

let previewRng: RngState | undefined;

function scratchContext(ix: ScenarioIndex, state: StateLike, power: string, order: Order): TurnContext {
  previewRng ??= seedRng('preview');
  return { ix, state: cloneState({ ...state, seed: 'preview', rng: previewRng }), rng: openRng(previewRng), orders: idRecord([[power, [order]]]), republics: idRecord(), injected: [], report: { turn: state.turn, date: '', orders: {}, republics: [], changes: [], events: [], rolls: [], notes: [] } };
}

/**
 * What an order will probably do, computed by the same rules that resolve it, on a scratch
 * copy. The target republic's stance is the rule of thumb's answer to this order together
 * with `queued` (the power's other orders this turn), the rivals passing.
 */
export function previewOrder(scenario: Scenario, state: StateLike, power: string, order: Order, queued: readonly Order[] = []): Result<OrderPreview, string> {
  const ix = indexScenario(scenario);
  const r = checkOrder(ix, state, power, order);
  if (!r.ok) return r;
  const label = orderLabel(ix, order);
  if (order.type === 'project') {
    const project = ix.project.get(order.project) as Project;
    const now = scratchContext(ix, state, power, order);
    startProject(now, power, order);
    const later = scratchContext(ix, state, power, order);
    applyEffects(later, project.onComplete, { self: power, route: ix.routeCountries.get(project.id) ?? [] }, { kind: 'project', project: project.id, text: `${project.name} completed` });
    return ok({ order, label, cost: r.value, now: now.report.changes, onCompletion: { turns: project.buildTurns, changes: later.report.changes }, factors: [] });
  }
  const action = ix.action.get(order.action) as Action;
  const mine = [...queued.filter((q) => orderKey(q) !== orderKey(order)), order];
  const stance = ruleOfThumbChoice(scenario, state, order.country, idRecord([[power, mine]]));
  const g = actionGain(ix, state, power, action, order.country, stance.choice);
  const now = scratchContext(ix, state, power, order);
  applyActionOrder(now, power, order, g.gain);
  const preview: OrderPreview = { order, label, cost: r.value, now: now.report.changes, factors: g.factors, influencePct: g.pct };
  if (action.risk) {
    const risky = scratchContext(ix, state, power, order);
    applyEffects(risky, action.risk.effects, { self: power, target: order.country }, { kind: 'risk', power, order, text: action.risk.description });
    preview.risk = { chancePct: riskChance(action, state, power), description: action.risk.description, changes: risky.report.changes };
  }
  return ok(preview);
}

/** The cost of an order already validated. */
export function orderCost(ix: ScenarioIndex, o: Order): number {
  return o.type === 'project' ? (ix.project.get(o.project)?.cost ?? 0) + (o.bid ?? 0) : (ix.action.get(o.action)?.cost ?? 0);
}
