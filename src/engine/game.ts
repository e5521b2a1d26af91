// Starting a game and resolving a turn: the engine's two core functions.
// State in, every power's secret orders in, new state and a turn report out.
import type { Scenario } from './schema';
import type { GameState, PowerState, CountryState, ProjectState, StateLike } from './state';
import { cloneState } from './state';
import { openRng, seedRng } from './rng';
import type { Rng } from './rng';
import type { Result } from './result';
import { err, ok } from './result';
import { indexScenario } from './scenarioIndex';
import { scenarioHash } from './scenario';
import type { Rejection } from './orders';
import { validateOrders } from './orders';
import type { Order } from './order';
import type { RepublicStance, TurnContext, TurnReport } from './ledger';
import type { RepublicChoice } from './republics';
import { describeChoice, describeStanceReason, parseRepublicChoices, ruleOfThumbChoice } from './republics';
import { PHASES } from './phases';
import { drawEvents } from './phases/events';
import { reasonAsHashed } from './phases/scoring';
import { turnDate } from './dates';
import { hashJson } from './hash';
import { copyRecord, idRecord, own } from './records';

export interface GameOptions {
  /** Play fewer (or more) turns than the scenario sets (tests, tools). */
  turns?: number;
  /** Play on into the scenario's "what if" continuation past the reporting (a separate choice, never the default). */
  whatIf?: boolean;
}

/** Longest seed a game accepts (a seed is kept in every save and shown to players). */
export const MAX_SEED_LENGTH = 200;
/** Most turns a game may have. */
export const MAX_TURNS = 60;

export function newGame(scenario: Scenario, seed: string, options: GameOptions = {}): Result<GameState, string> {
  if (options.whatIf && !scenario.whatIf) return err('this scenario has no "what if" continuation');
  const lastTurn = options.turns ?? scenario.turns + (options.whatIf ? (scenario.whatIf?.turns ?? 0) : 0);
  if (!Number.isInteger(lastTurn) || lastTurn < 1 || lastTurn > MAX_TURNS) return err(`turns must be a whole number from 1 to ${MAX_TURNS} (got ${String(options.turns)})`);
  if (seed.length > MAX_SEED_LENGTH) return err(`the seed is longer than ${MAX_SEED_LENGTH} characters`);
  // Records keyed by ids have no prototype (records.ts), so any id is just a key.
  const powers = idRecord<PowerState>();
  for (const p of scenario.powers) {
    powers[p.id] = { budget: p.startBudget, income: p.income, points: 0, tracks: idRecord(p.tracks.map((t) => [t.id, t.initial])) };
  }
  const countries = idRecord<CountryState>();
  for (const c of scenario.countries) {
    if (c.role !== 'contested') continue;
    countries[c.id] = {
      influence: copyRecord(c.influence),
      stability: c.stability,
      dependence: { economic: copyRecord(c.dependence.economic), security: copyRecord(c.dependence.security) },
    };
  }
  const projects = idRecord<ProjectState>();
  for (const p of scenario.projects) projects[p.id] = p.initial ? { status: 'built', owner: p.initial.owner } : { status: 'available' };
  // The first turn's events are drawn as the game opens, as each later turn's are when it opens (phases/income.ts).
  const rng = openRng(seedRng(seed));
  const eventDraws = drawEvents(indexScenario(scenario), { turn: 1, fired: [] }, rng);
  return ok({
    format: 'new-great-game/state',
    version: 2,
    scenarioId: scenario.id,
    scenarioHash: scenarioHash(scenario),
    seed,
    turn: 1,
    lastTurn,
    phase: { kind: 'playing' },
    rng: rng.state(),
    powers,
    countries,
    projects,
    flags: [...scenario.flags].sort(),
    fired: [],
    eventDraws,
  });
}

export type TurnError =
  | { kind: 'game-over'; message: string }
  | { kind: 'wrong-scenario'; message: string }
  | { kind: 'unknown-power'; message: string; power: string }
  | { kind: 'illegal-orders'; message: string; power: string; rejections: Rejection[] }
  | { kind: 'illegal-stance'; message: string }
  | { kind: 'illegal-inject'; message: string };

export interface TurnOutcome {
  state: GameState;
  report: TurnReport;
}

/**
 * Resolves one turn. `orders` maps power id → that power's orders (untrusted input:
 * each list is validated; a power left out passes). Nothing in `state` is mutated.
 */
export function resolveTurn(scenario: Scenario, state: GameState, orders: Record<string, unknown>, republics?: unknown, injected: readonly string[] = []): Result<TurnOutcome, TurnError> {
  if (state.phase.kind === 'over') return err({ kind: 'game-over', message: 'the game is over' });
  if (state.scenarioHash !== scenarioHash(scenario)) return err({ kind: 'wrong-scenario', message: `this game belongs to scenario "${state.scenarioId}" (${state.scenarioHash}), not to the one given` });
  const ix = indexScenario(scenario);
  const accepted = idRecord<Order[]>();
  for (const power of Object.keys(orders)) {
    if (!ix.power.has(power)) return err({ kind: 'unknown-power', power, message: `there is no power "${power}" in this scenario` });
  }
  for (const power of ix.powerIds) {
    const r = validateOrders(scenario, state, power, own(orders, power) ?? []);
    if (!r.ok) {
      return err({ kind: 'illegal-orders', power, rejections: r.error, message: `${power}: ${r.error.map((x) => (x.index >= 0 ? `order ${x.index + 1}: ${x.reason}` : x.reason)).join('; ')}` });
    }
    accepted[power] = r.value;
  }
  const given = parseRepublicChoices(scenario, republics);
  if (!given.ok) return err({ kind: 'illegal-stance', message: given.error });
  const inject = checkInjected(scenario, state, injected);
  if (!inject.ok) return err({ kind: 'illegal-inject', message: inject.error });
  return ok(runTurn(scenario, state, accepted, given.value, openRng(state.rng), undefined, inject.value));
}

/** Longest list of events fired by hand in one turn. */
export const MAX_INJECTED = 20;

/**
 * Events fired by hand (a classroom facilitator's injects): each must be one of the
 * scenario's events, named once, and not a one-time event that has already happened.
 */
export function checkInjected(scenario: Scenario, state: StateLike, injected: readonly unknown[]): Result<string[], string> {
  if (injected.length > MAX_INJECTED) return err(`${injected.length} events fired by hand in one turn; at most ${MAX_INJECTED}`);
  const ids: string[] = [];
  for (const id of injected) {
    const e = typeof id === 'string' ? scenario.events.find((x) => x.id === id) : undefined;
    if (!e) return err(`there is no event ${JSON.stringify(id)} in this scenario`);
    if (ids.includes(e.id)) return err(`event "${e.id}" is fired by hand twice in one turn`);
    if (!e.repeatable && state.fired.includes(e.id)) return err(`"${e.title}" has already happened and happens only once`);
    ids.push(e.id);
  }
  return ok(ids);
}

/**
 * The phases of one turn on a copy of `state`, its orders already validated and the
 * republics' given stances parsed, drawing chance from `rng`. A republic without a given
 * stance takes the rule of thumb's. resolveTurn plays it with the game's generator; the
 * turn preview (previewTurn.ts) with one of its own, so the two cannot drift apart.
 * `beforePhase` lets the preview look at the state between phases.
 */
export function runTurn(scenario: Scenario, state: GameState, accepted: Record<string, Order[]>, given: Record<string, RepublicChoice>, rng: Rng, beforePhase?: (phase: string, ctx: TurnContext) => void, injected: readonly string[] = []): TurnOutcome {
  const ix = indexScenario(scenario);
  // A republic without a player's choice takes the rule of thumb's, seeing the orders aimed at it.
  const stances = idRecord<RepublicChoice>();
  const stanceReport: RepublicStance[] = [];
  for (const id of ix.contestedIds) {
    const chosen = own(given, id);
    const rule = chosen ? null : ruleOfThumbChoice(scenario, state, id, accepted);
    const choice = chosen ?? (rule as { choice: RepublicChoice }).choice;
    stances[id] = choice;
    // The report is read after the turn: its reason says it held as the turn began.
    stanceReport.push({ country: id, choice, text: `${describeChoice(ix, id, choice)}${rule ? ` (${describeStanceReason(ix, rule.why, 'back')})` : ''}` });
  }
  const ctx: TurnContext = {
    ix,
    state: cloneState(state),
    rng,
    orders: copyRecord(accepted),
    republics: stances,
    injected,
    report: { turn: state.turn, date: turnDate(scenario.start, scenario.monthsPerTurn, state.turn), orders: accepted, republics: stanceReport, changes: [], events: [], rolls: [], notes: [] },
  };
  for (const phase of PHASES) {
    beforePhase?.(phase.name, ctx);
    phase.run(ctx);
  }
  ctx.state.rng = rng.state();
  return { state: ctx.state, report: ctx.report };
}

/**
 * A full state made from one power's view with a generator of the caller's own:
 * how a computer player imagines futures it cannot see (the real generator's state
 * would reveal the draws to come).
 */
export function determinize(view: StateLike, seed: string): GameState {
  const { viewer: _viewer, playerSeed: _playerSeed, ...rest } = view as StateLike & { viewer?: string; playerSeed?: string };
  return cloneState({ ...rest, seed: `imagined|${seed}`, rng: seedRng(seed) });
}

/**
 * A stable hash of the whole state (canonical JSON, sorted keys). A game-over reason is hashed
 * in the words the rules first wrote it in (`reasonAsHashed`), so mending its words changes no
 * save's hash.
 */
export const stateHash = (state: GameState): string => hashJson(state.phase.kind === 'over' ? { ...state, phase: { ...state.phase, reason: reasonAsHashed(state.phase.reason) } } : state);

/** Whether `turn` is one of the "what if" continuation's imagined turns, past the reporting. */
export const isImaginedTurn = (scenario: Scenario, turn: number): boolean => turn > scenario.turns;

export const currentDate = (scenario: Scenario, state: GameState): string => turnDate(scenario.start, scenario.monthsPerTurn, state.turn);
