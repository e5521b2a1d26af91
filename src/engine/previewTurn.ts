// The whole queued turn, previewed per country (issue 10, item 6: "a preview that tells
// the truth"). The turn is played by the same phases that resolve it (game.ts runTurn),
// on a copy of the power's view made whole by `determinize`, with the rivals passing and
// every republic taking the rule of thumb's stance toward the queued orders. So ties,
// neglect, balancing, the stance, projects and events are all in it.
//
// Events: this turn's were drawn when the turn opened and the draws are in the view
// (public, like the board), so the imagined turn fires exactly the events the real one
// will, given the same orders; their conditions are checked at the end of the imagined
// turn, as the real turn checks them. Only an event resting on a value the power may not
// see stays unknown.
//
// Other chance is never drawn: the real generator is not in a view (it would reveal the
// draws to come), and an imagined draw would show one arbitrary future as if it were known.
// Instead every risk roll below 100% misses and every one of 100% hits, and the rolls that
// could go either way are listed as what the preview cannot know, with their chances,
// beside the rivals' orders: for each country, the most a rival could take from the
// power there with one order it can afford (each such order played through the whole
// turn, the republic answering it too).
import type { Scenario } from './schema';
import type { GameState, StateLike } from './state';
import type { ActionOrder, Order, ProjectOrder } from './order';
import { MAX_BID, orderKey } from './order';
import type { Change, Cause, TurnReport } from './ledger';
import type { Rng } from './rng';
import type { Result } from './result';
import { err, ok } from './result';
import type { RepublicChoice } from './republics';
import { describeChoice, ruleOfThumbChoice } from './republics';
import { determinize, runTurn } from './game';
import { legalOrders, orderCost, orderLabel, validateOrders } from './orders';
import type { Standing } from './leadership';
import { controller, controlMargin, standing } from './leadership';
import { scoringWeight } from './phases/scoring';
import type { EventOutlook } from './eventOutlook';
import { describeEffect, eventOutlook } from './eventOutlook';
import { countryName, indexScenario } from './scenarioIndex';
import { idRecord, own } from './records';

/** What moved a value, grouped as a player thinks of it. */
export type PreviewCause = 'orders' | 'tender' | 'stance' | 'ties' | 'neglect' | 'balancing' | 'projects' | 'events' | 'risks' | 'drift' | 'other';

export interface CauseGroup {
  cause: PreviewCause;
  /** Net influence change of each power there from this cause (powers it moved only). */
  influence: Record<string, number>;
  /** Every change with this cause in the country (influence, stability, ties), in the order they happen. */
  changes: Change[];
}

export interface ControlSide {
  /** Influence of each power, in scenario order. */
  influence: Record<string, number>;
  standing: Standing;
  /** The power that controls it (leads by `margin` or more), or null. */
  controller: string | null;
}

export interface RivalReply {
  rival: string;
  /** The most influence the rival could take from the power here this turn with one order it can afford (0: none could). */
  most: number;
  /** The most the rival could add to its own influence here with one order (the reply range's other end). */
  mostGain: number;
  /** The order that takes the most, and its label ("Security pact — Uzbekistan"); null when none takes any. */
  order: Order | null;
  label: string | null;
}

export interface CountryTurnPreview {
  country: string;
  name: string;
  /** Whether the power's queued orders touch it (an order there, or a project through it). */
  touched: boolean;
  /** Whether any value of the country changes this turn. */
  changing: boolean;
  /** The lead control needs here. */
  margin: number;
  before: ControlSide;
  after: ControlSide;
  /** Points each power would score here at the end of this turn (a summit's weight included); powers scoring none are left out. */
  points: Record<string, number>;
  /** The stance the rule of thumb would take toward the queued orders, and why. */
  stance: { choice: RepublicChoice; reason: string; text: string };
  /** The changes grouped by cause, in the order each cause first acts. */
  causes: CauseGroup[];
  /** What each rival could take back here (the part of the turn the preview cannot know). */
  replies: RivalReply[];
}

export interface ChanceRoll {
  kind: 'risk' | 'event';
  id: string;
  title: string;
  /** Chance in percent; for an event resting on a hidden value, its chance if that value allows it (100 once its draw hit). */
  chancePct: number;
  /** An event whose conditions rest on a value the power may not see (a rival's secret track): whether it can fire is unknown. */
  hidden: boolean;
  /** What it would do, in words. */
  effects: string[];
  /** Where it would change the outcome if it alone hit: each such country's influence after, by power. */
  ifHits: { country: string; influence: Record<string, number> }[];
}

export interface TurnPreview {
  power: string;
  turn: number;
  /** Every contested country, in scenario order. */
  countries: CountryTurnPreview[];
  budget: { now: number; spent: number; left: number; /** At the start of next turn, income and effects added. */ after: number };
  /** Events the imagined turn fires: drawn to fire (or of 100% chance), every condition holding at its end. */
  certainEvents: { id: string; title: string }[];
  /** What the preview cannot know besides the rivals' orders: risk rolls that may go either way (left out of the numbers above), and events resting on a hidden value. */
  chances: ChanceRoll[];
  rivals: string[];
  /** The whole imagined turn report (rivals passing, no uncertain risk roll hitting). */
  report: TurnReport;
}

/**
 * Certain things happen, uncertain ones do not: a roll hits only at 100%, or when it is
 * the turn's `hitAt`-th roll (counted from 0; -1: none), to see what that roll alone
 * would change. Tenders by lot go to the first bidder.
 */
function imaginedLuck(hitAt = -1): Rng {
  let n = 0;
  return {
    int: () => 0,
    roll: (chancePct) => {
      const hit = chancePct >= 100 || n === hitAt;
      n += 1;
      return { hit, drawn: hit ? 0 : 99 };
    },
    state: () => ({ c: 0, s0: 0, s1: 0, s2: 0 }),
  };
}

export function causeGroup(c: Cause): PreviewCause {
  switch (c.kind) {
    case 'order':
      return 'orders';
    case 'risk':
      return 'risks';
    case 'event':
      return 'events';
    case 'project':
      return 'projects';
    case 'rule':
      switch (c.rule) {
        case 'republic':
          return 'stance';
        case 'ties':
          return 'ties';
        case 'neglect':
        case 'dependence-fades':
          return 'neglect';
        case 'balancing':
          return 'balancing';
        case 'contract-award':
          return 'tender';
        case 'stability-drift':
          return 'drift';
        default:
          return 'other';
      }
    default: {
      const never: never = c;
      return never;
    }
  }
}

function side(scenario: Scenario, powerIds: readonly string[], state: Pick<StateLike, 'countries'>, country: string): ControlSide {
  const c = own(state.countries, country);
  const influence = idRecord<number>();
  for (const p of powerIds) influence[p] = own(c?.influence, p) ?? 0;
  return { influence, standing: c ? standing(powerIds, c) : { leader: null, runnerUp: null, lead: 0 }, controller: controller(scenario, state, country) };
}

const touchedBy = (routes: ReadonlyMap<string, string[]>, orders: readonly Order[]): Set<string> => new Set(orders.flatMap((o) => (o.type === 'project' ? (routes.get(o.project) ?? []) : [o.country])));

/**
 * The queued turn of `power`, previewed on its view: per contested country the influence
 * before and after, control and lead, points, the republic's expected stance and the
 * changes by cause, with the rivals passing; then what it cannot know (each rival's reply
 * range per country, rolls that may go either way). Pure; never reads the real generator.
 */
export function previewTurn(scenario: Scenario, view: StateLike, power: string, queued: readonly Order[]): Result<TurnPreview, string> {
  const ix = indexScenario(scenario);
  if (view.phase.kind === 'over') return err('the game is over');
  if (!ix.power.has(power)) return err(`there is no power "${power}" in this scenario`);
  const valid = validateOrders(scenario, view, power, queued);
  if (!valid.ok) return err(valid.error.map((x) => (x.index >= 0 ? `order ${x.index + 1}: ${x.reason}` : x.reason)).join('; '));
  const mine = valid.value;
  const base: GameState = determinize(view, `preview|${power}`);
  const rivals = ix.powerIds.filter((p) => p !== power);
  const play = (orders: Record<string, Order[]>, hitAt = -1, beforePhase?: Parameters<typeof runTurn>[5]) => runTurn(scenario, base, orders, idRecord(), imaginedLuck(hitAt), beforePhase);

  // The turn with the rivals passing; the events' outlook is taken as events are drawn.
  let outlook: ReturnType<typeof eventOutlook> = [];
  let riskRolls = 0;
  const orders = idRecord<Order[]>([[power, mine]]);
  for (const r of rivals) orders[r] = [];
  const pass = play(orders, -1, (phase, ctx) => {
    if (phase !== 'events') return;
    outlook = eventOutlook(scenario, ctx.state, power);
    riskRolls = ctx.report.rolls.length;
  });

  const replies = rivalReplies(scenario, view, power, mine, pass.state, play);
  const touched = touchedBy(ix.routeCountries, mine);
  const countries = ix.contestedIds.map((id): CountryTurnPreview => {
    const def = ix.contested.get(id);
    const weight = scoringWeight(scenario, view.turn, id);
    const after = side(scenario, ix.powerIds, pass.state, id);
    const points = idRecord<number>();
    if (after.controller !== null) points[after.controller] = (def?.importance ?? 0) * weight;
    else if (after.standing.leader !== null && scenario.victory.leadPoints > 0) points[after.standing.leader] = scenario.victory.leadPoints * weight;
    const causes: CauseGroup[] = [];
    for (const c of pass.report.changes) {
      // The country's own values; the points it scores are shown apart (`points`).
      if (c.country !== id || c.path.startsWith('powers.')) continue;
      const kind = causeGroup(c.cause);
      let g = causes.find((x) => x.cause === kind);
      if (!g) causes.push((g = { cause: kind, influence: idRecord(), changes: [] }));
      g.changes.push(c);
      if (c.power !== undefined && c.path.endsWith(`.influence.${c.power}`)) g.influence[c.power] = (own(g.influence, c.power) ?? 0) + Number(c.to) - Number(c.from);
    }
    const stanceText = pass.report.republics.find((x) => x.country === id);
    const rule = ruleOfThumbChoice(scenario, view, id, orders);
    return {
      country: id,
      name: countryName(ix, id),
      touched: touched.has(id),
      changing: causes.length > 0,
      margin: controlMargin(scenario, id),
      before: side(scenario, ix.powerIds, view, id),
      after,
      points,
      stance: { choice: stanceText?.choice ?? rule.choice, reason: rule.reason, text: stanceText?.text ?? describeChoice(ix, id, rule.choice) },
      causes,
      replies: rivals.map((r) => replies.get(`${r}|${id}`) ?? { rival: r, most: 0, mostGain: 0, order: null, label: null }),
    };
  });

  const now = own(view.powers, power)?.budget ?? 0;
  const spent = mine.reduce((sum, o) => sum + orderCost(ix, o), 0);
  const chances = chanceRolls(scenario, mine, pass, riskRolls, outlook, (hitAt) => play(orders, hitAt).state);
  return ok({
    power,
    turn: view.turn,
    countries,
    budget: { now, spent, left: now - spent, after: own(pass.state.powers, power)?.budget ?? 0 },
    certainEvents: pass.report.events.map((e) => ({ id: e.id, title: e.title })),
    chances,
    rivals,
    report: pass.report,
  });
}

/**
 * The risk rolls of the turn that may go either way (chance above 0 and below 100), in the
 * order they are drawn (the queued risky orders'). Each is played through alone to see
 * what it would change. The events' rolls in the report are this turn's draws, already
 * known, so none of them is listed; then come the events that would fire by their draw
 * but whose conditions rest on a hidden value.
 */
function chanceRolls(scenario: Scenario, mine: readonly Order[], pass: { state: GameState; report: TurnReport }, riskRolls: number, outlook: EventOutlook[], hitOnly: (k: number) => GameState): ChanceRoll[] {
  const ix = indexScenario(scenario);
  const risky = mine.filter((o): o is ActionOrder => o.type !== 'project' && ix.action.get(o.action)?.risk !== undefined);
  const out: ChanceRoll[] = [];
  pass.report.rolls.forEach((roll, k) => {
    // The report lists the risks' rolls first (risks come before events), drawn in the
    // imagined generator's order, so the k-th of them is its k-th roll (imaginedLuck).
    if (k >= riskRolls || roll.chancePct <= 0 || roll.chancePct >= 100) return;
    const alone = hitOnly(k);
    const ifHits: ChanceRoll['ifHits'] = [];
    for (const id of ix.contestedIds) {
      const a = own(alone.countries, id)?.influence;
      const b = own(pass.state.countries, id)?.influence;
      if (ix.powerIds.some((p) => (own(a, p) ?? 0) !== (own(b, p) ?? 0))) ifHits.push({ country: id, influence: idRecord(ix.powerIds.map((p) => [p, own(a, p) ?? 0])) });
    }
    const order = risky[k];
    const risk = order ? ix.action.get(order.action)?.risk : undefined;
    if (order && risk) out.push({ kind: 'risk', id: orderKey(order), title: `${orderLabel(ix, order)}: ${risk.description}`, chancePct: roll.chancePct, hidden: false, effects: risk.effects.map((e) => describeEffect(ix, e)), ifHits });
  });
  for (const e of outlook) {
    // A missed draw gives firesThisTurnPct 0, so only an event that would fire by its draw is listed.
    if (e.status.kind === 'possible' && e.status.firesThisTurnPct === null) out.push({ kind: 'event', id: e.id, title: e.title, chancePct: 100, hidden: true, effects: e.effects, ifHits: [] });
  }
  return out;
}

/**
 * For each rival and country, the most the rival could take from `power` there with one
 * order it can afford: every legal order of the rival (and, for a project the power
 * queued, the smallest sealed bid that would win the tender) played through the whole
 * turn against the queued orders. Keyed "rival|country"; only positive takes are kept.
 */
function rivalReplies(scenario: Scenario, view: StateLike, power: string, mine: Order[], passState: GameState, play: (orders: Record<string, Order[]>) => { state: GameState }): Map<string, RivalReply> {
  const ix = indexScenario(scenario);
  const out = new Map<string, RivalReply>();
  const influenceOf = (st: GameState, id: string, p: string): number => own(own(st.countries, id)?.influence, p) ?? 0;
  for (const rival of ix.powerIds) {
    if (rival === power) continue;
    const budget = own(view.powers, rival)?.budget ?? 0;
    const candidates: Order[] = legalOrders(scenario, view, rival).map((l) => l.order);
    for (const o of mine) {
      if (o.type !== 'project') continue;
      const def = ix.project.get(o.project);
      if (!def?.sponsors.includes(rival)) continue;
      const bid = orderCost(ix, o) - def.cost + 1;
      if (bid <= MAX_BID && def.cost + bid <= budget) candidates.push({ type: 'project', project: o.project, bid } satisfies ProjectOrder);
    }
    // A project the power did not queue touches its route only (it starts now, pays off later): one per route.
    const seen = new Set<string>();
    const queuedProjects = new Set(mine.flatMap((o) => (o.type === 'project' ? [o.project] : [])));
    for (const order of candidates) {
      if (order.type === 'project' && !queuedProjects.has(order.project)) {
        const key = (ix.routeCountries.get(order.project) ?? []).join(',');
        if (seen.has(key)) continue;
        seen.add(key);
      }
      const orders = idRecord<Order[]>();
      for (const p of ix.powerIds) orders[p] = p === power ? mine : p === rival ? [order] : [];
      const st = play(orders).state;
      for (const id of ix.contestedIds) {
        const take = influenceOf(passState, id, power) - influenceOf(st, id, power);
        const gain = influenceOf(st, id, rival) - influenceOf(passState, id, rival);
        const key = `${rival}|${id}`;
        const best = out.get(key) ?? { rival, most: 0, mostGain: 0, order: null, label: null };
        if (take > best.most) Object.assign(best, { most: take, order, label: orderLabel(ix, order) });
        best.mostGain = Math.max(best.mostGain, gain);
        out.set(key, best);
      }
    }
  }
  return out;
}
