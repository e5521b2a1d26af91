// The design report (issue 10, item 8): what a designer needs to judge a scenario,
// measured over many computer games. Pure and deterministic: a plan of tasks (one
// game each) is made from the scenario and the options; each task plays the same
// game wherever it runs (the CLI's worker threads, a Web Worker, a test); the report
// is built from the results in task order, so `--jobs` changes nothing.
//
// Every comparison (an event removed, a project forced) replays the same seeds as the
// baseline, so the difference measures the change and not the luck of the draw.
import type { GameState, Order, Scenario } from '../engine';
import { idRecord, newGame, own, readScenario, resolveTurn, validateOrders, viewFor } from '../engine';
import type { Player } from './player';
import { parsePlayer } from './player';
import { gameSeed } from './balance';
import type { GameMetrics, Snapshot, Trace } from './reportMetrics';
import { contestedIds, gameMetrics, snapshotOf } from './reportMetrics';
import { defaultScripts } from './scripts';

/** A computer game with its state after every turn. */
export interface TracedGame {
  state: GameState;
  trace: Trace;
}

export function playTraced(scenario: Scenario, seed: string, players: Record<string, Player>): TracedGame {
  const start = newGame(scenario, seed);
  if (!start.ok) throw new Error(start.error);
  let state = start.value;
  const snapshots: Snapshot[] = [snapshotOf(state)];
  const orders: Record<string, Order[]>[] = [];
  while (state.phase.kind === 'playing') {
    const turn = idRecord<Order[]>();
    for (const p of scenario.powers) {
      const player = own(players, p.id);
      if (!player) throw new Error(`no player for power "${p.id}"`);
      turn[p.id] = player.decide(scenario, viewFor(scenario, state, p.id));
    }
    const r = resolveTurn(scenario, state, turn);
    if (!r.ok) throw new Error(`a computer player gave illegal orders on turn ${state.turn}: ${r.error.message}`);
    // resolveTurn returns a new state and never touches the old one, so snapshots can keep references.
    state = r.value.state;
    snapshots.push(snapshotOf(state));
    orders.push(r.value.report.orders);
  }
  const winner = state.phase.kind === 'over' ? state.phase.winner : null;
  return { state, trace: { powers: scenario.powers.map((p) => p.id), contested: contestedIds(scenario), snapshots, plannedTurns: state.lastTurn, winner, orders } };
}

// ---------------------------------------------------------------------------------
// Variants: the scenario without one event.

export interface Variant {
  scenario: Scenario;
  /** Events taken out as well, because they could never fire without it (a flag only it sets). */
  alsoRemoved: string[];
}

/**
 * The scenario without event `id`, checked by the engine's own validator, with only
 * what validity then needs:
 * - an event whose condition needs a flag that only the removed event set could never
 *   fire without it, so it goes too (dropping the condition instead would let it fire
 *   without its cause, measuring something else);
 * - a flag effect elsewhere that nothing reads any more (the removed event read it) is
 *   inert, so it is dropped.
 * Any other problem: the event is reported as not measurable, with the problem.
 */
export function withoutEvent(scenario: Scenario, id: string): { ok: true; value: Variant } | { ok: false; error: string } {
  let events = scenario.events.filter((e) => e.id !== id);
  const alsoRemoved: string[] = [];
  for (let round = 0; round <= scenario.events.length + 1; round++) {
    const r = readScenario(JSON.parse(JSON.stringify({ ...scenario, events })) as unknown);
    if (r.ok) return { ok: true, value: { scenario: r.value.scenario, alsoRemoved } };
    const dependents = new Set<number>();
    const inert = new Map<number, Set<number>>();
    for (const p of r.error) {
      const cond = /^events\[(\d+)\]\.trigger\.all\[\d+\]\.flag$/.exec(p.path);
      const effect = /^events\[(\d+)\]\.effects\[(\d+)\]\.flag$/.exec(p.path);
      if (cond) dependents.add(Number(cond[1]));
      else if (effect) {
        const at = Number(effect[1]);
        inert.set(at, (inert.get(at) ?? new Set<number>()).add(Number(effect[2])));
      } else return { ok: false, error: `without it the scenario is invalid (${p.path}: ${p.found})` };
    }
    alsoRemoved.push(...events.filter((_, i) => dependents.has(i)).map((e) => e.id));
    events = events.flatMap((e, i) => {
      if (dependents.has(i)) return [];
      const drop = inert.get(i);
      return drop ? [{ ...e, effects: e.effects.filter((_, j) => !drop.has(j)) }] : [e];
    });
  }
  return { ok: false, error: 'removing it and what depends on it never gave a valid scenario' };
}

// ---------------------------------------------------------------------------------
// A project forced on turn 1.

/**
 * `base`, except that on turn 1 it must start `project`: the rest of its turn chosen as it
 * would with the slots and budget left (a player that plans order by order), or else its
 * own orders with the project first, dropping its last (least wanted) ones until the turn
 * is legal. Either way it keeps its best other orders: the effect measured is the
 * project's, not that of giving up the player's best move.
 */
export function forcedOpening(base: Player, project: string): Player {
  return {
    name: `${base.name}+${project}@1`,
    decide(scenario, view) {
      const first: Order = { type: 'project', project };
      if (view.turn !== 1) return base.decide(scenario, view);
      if (base.decideWith) return base.decideWith(scenario, view, [first]);
      const orders = base.decide(scenario, view);
      if (orders.some((o) => o.type === 'project' && o.project === project)) return orders;
      for (let keep = orders.length; keep >= 0; keep--) {
        const tried = [first, ...orders.slice(0, keep)];
        if (validateOrders(scenario, view, view.viewer, tried).ok) return tried;
      }
      return orders;
    },
  };
}

/** Why `sponsor` cannot order `project` on turn 1, or null if it can. */
export function cannotForce(scenario: Scenario, sponsor: string, project: string, seed: string): string | null {
  const g = newGame(scenario, seed);
  if (!g.ok) return g.error;
  const r = validateOrders(scenario, g.value, sponsor, [{ type: 'project', project }]);
  return r.ok ? null : `cannot be ordered on turn 1 (${r.error.map((x) => x.reason).join('; ')})`;
}

// ---------------------------------------------------------------------------------
// The plan.

export interface ReportOptions {
  seed: string;
  /** Varied vs varied games (the baseline). */
  games: number;
  /** search:2 vs search:2 games. */
  searchGames: number;
  /** Games per event removed (at most `games`: they replay the baseline's first seeds). */
  eventGames: number;
  /** Games per project forced (at most `games`). */
  projectGames: number;
  /** Games per script and side against search:2. */
  scriptGames: number;
  /** Scripts to play; by default defaultScripts(scenario). */
  scripts?: readonly string[];
}

export const BASE_PLAYER = 'varied';
export const SEARCH_PLAYER = 'search:2';

export type Group =
  | { kind: 'varied' }
  | { kind: 'search' }
  | { kind: 'event'; event: string }
  | { kind: 'project'; project: string; sponsor: string }
  | { kind: 'script'; script: string; side: string };

export interface Task {
  id: number;
  group: number;
  /** The event removed, if any. */
  without?: string;
  players: Record<string, string>;
  force?: { power: string; project: string };
  index: number;
}

export interface ReportPlan {
  options: ReportOptions;
  groups: Group[];
  tasks: Task[];
  /** Events that could not be measured, with why; events measured with others removed alongside. */
  eventNotes: { event: string; alsoRemoved: string[]; skipped?: string }[];
  projectNotes: { project: string; sponsor: string; skipped?: string }[];
  scripts: string[];
}

const everyone = (scenario: Scenario, player: string): Record<string, string> => idRecord(scenario.powers.map((p) => [p.id, player]));

export function planReport(scenario: Scenario, options: ReportOptions): ReportPlan {
  const o = { ...options, eventGames: Math.min(options.eventGames, options.games), projectGames: Math.min(options.projectGames, options.games) };
  const groups: Group[] = [];
  const tasks: Task[] = [];
  const add = (group: Group, games: number, task: Omit<Task, 'id' | 'group' | 'index'>): void => {
    groups.push(group);
    for (let index = 0; index < games; index++) tasks.push({ ...task, id: tasks.length, group: groups.length - 1, index });
  };
  add({ kind: 'varied' }, o.games, { players: everyone(scenario, BASE_PLAYER) });
  add({ kind: 'search' }, o.searchGames, { players: everyone(scenario, SEARCH_PLAYER) });
  const eventNotes: ReportPlan['eventNotes'] = [];
  for (const e of scenario.events) {
    const v = withoutEvent(scenario, e.id);
    if (!v.ok) {
      eventNotes.push({ event: e.id, alsoRemoved: [], skipped: v.error });
      continue;
    }
    eventNotes.push({ event: e.id, alsoRemoved: v.value.alsoRemoved });
    add({ kind: 'event', event: e.id }, o.eventGames, { players: everyone(scenario, BASE_PLAYER), without: e.id });
  }
  const projectNotes: ReportPlan['projectNotes'] = [];
  for (const p of scenario.projects) {
    for (const sponsor of p.sponsors) {
      const why = p.initial ? 'built before the game starts' : cannotForce(scenario, sponsor, p.id, gameSeed(o.seed, 0));
      projectNotes.push({ project: p.id, sponsor, ...(why !== null ? { skipped: why } : {}) });
      if (why === null) add({ kind: 'project', project: p.id, sponsor }, o.projectGames, { players: everyone(scenario, BASE_PLAYER), force: { power: sponsor, project: p.id } });
    }
  }
  const scripts = [...(o.scripts ?? defaultScripts(scenario))];
  for (const script of scripts) {
    for (const side of scenario.powers) {
      const players = everyone(scenario, SEARCH_PLAYER);
      players[side.id] = script;
      add({ kind: 'script', script, side: side.id }, o.scriptGames, { players });
    }
  }
  return { options: o, groups, tasks, eventNotes, projectNotes, scripts };
}

// ---------------------------------------------------------------------------------
// Running one task: the same game wherever it runs.

/** Scenario variants made once per runner (a worker keeps its own). */
export class VariantCache {
  private readonly made = new Map<string, Scenario>();
  constructor(private readonly scenario: Scenario) {}
  get(without: string | undefined): Scenario {
    if (without === undefined) return this.scenario;
    let s = this.made.get(without);
    if (!s) {
      const v = withoutEvent(this.scenario, without);
      if (!v.ok) throw new Error(v.error);
      s = v.value.scenario;
      this.made.set(without, s);
    }
    return s;
  }
}

export interface TaskResult {
  id: number;
  metrics: GameMetrics;
}

export function runTask(variants: VariantCache, seed: string, task: Task): TaskResult {
  const scenario = variants.get(task.without);
  const players = idRecord<Player>();
  for (const p of scenario.powers) {
    const r = parsePlayer(own(task.players, p.id) ?? BASE_PLAYER);
    if (!r.ok) throw new Error(r.error);
    players[p.id] = task.force?.power === p.id ? forcedOpening(r.value, task.force.project) : r.value;
  }
  return { id: task.id, metrics: gameMetrics(playTraced(scenario, gameSeed(seed, task.index), players).trace) };
}

/** Every task in turn, on this thread (tests, the browser, `--jobs 1`). */
export function runPlan(scenario: Scenario, plan: ReportPlan, progress: (done: number, total: number) => void = () => undefined): TaskResult[] {
  const variants = new VariantCache(scenario);
  return plan.tasks.map((t, i) => {
    const r = runTask(variants, plan.options.seed, t);
    progress(i + 1, plan.tasks.length);
    return r;
  });
}
