// One ledger for every change. Rules never assign to the state directly: they call
// these functions, which clamp the value, write it and record (what, from, to,
// cause). The turn report is that ledger; a test proves every changed value in the
// state has an entry.
import type { Order } from './order';
import type { GameState, ProjectState } from './state';
import type { ScenarioIndex } from './scenarioIndex';
import { powerName } from './scenarioIndex';
import type { Rng } from './rng';
import type { EventBasis } from './schema';
import type { RepublicChoice } from './republics';
import type { Axis } from './valueLabels';
import { labelOfBudget, labelOfDependence, labelOfIncome, labelOfInfluence, labelOfPoints, labelOfStability, labelOfTrack } from './valueLabels';

export type RuleName = 'payment' | 'income' | 'dependence-fades' | 'republic' | 'ties' | 'neglect' | 'balancing' | 'stability-drift' | 'scoring' | 'contract-award';

export type Cause =
  | { kind: 'order'; power: string; order: Order; text: string }
  | { kind: 'risk'; power: string; order: Order; text: string }
  | { kind: 'event'; event: string; text: string }
  | { kind: 'project'; project: string; text: string }
  | { kind: 'rule'; rule: RuleName; text: string };

export interface Change {
  /** Dotted path in the state, e.g. `countries.kazakhstan.influence.beijing`. */
  path: string;
  /** In words: "Beijing's influence in Kazakhstan". */
  what: string;
  country?: string;
  power?: string;
  from: number | string | boolean;
  to: number | string | boolean;
  cause: Cause;
}

export interface RollRecord {
  what: string;
  chancePct: number;
  drawn: number;
  hit: boolean;
}

export interface FiredEvent {
  id: string;
  title: string;
  text: string;
  /** The article that reports it (with what really happened), or the assumption it is. */
  basis: EventBasis;
  /** Fired by hand (a classroom facilitator's inject), not by its trigger. */
  injected?: true;
}

/** A republic's stance this turn, and why (in words). */
export interface RepublicStance {
  country: string;
  choice: RepublicChoice;
  text: string;
}

export interface TurnReport {
  turn: number;
  date: string;
  orders: Record<string, Order[]>;
  /** Each republic's stance this turn, in scenario order. */
  republics: RepublicStance[];
  changes: Change[];
  events: FiredEvent[];
  rolls: RollRecord[];
  /** What happened without changing a value, e.g. "work on X halted by unrest in Y". */
  notes: string[];
  /** Set when this turn ended the game. */
  result?: { winner: string | null; reason: string };
}

/** The working context of one turn's resolution: a private copy of the state, the generator and the ledger. */
export interface TurnContext {
  ix: ScenarioIndex;
  state: GameState;
  rng: Rng;
  orders: Record<string, Order[]>;
  /** Each republic's stance this turn (given by its player or the rule of thumb). */
  republics: Record<string, RepublicChoice>;
  /** Events fired by hand this turn, whatever their window, conditions and chance. */
  injected: readonly string[];
  report: TurnReport;
}

const clamp = (v: number, lo: number, hi: number): number => (v < lo ? lo : v > hi ? hi : v);

function record(ctx: TurnContext, change: Change): void {
  if (change.from !== change.to) ctx.report.changes.push(change);
}

function countryState(ctx: TurnContext, country: string) {
  const c = ctx.state.countries[country];
  if (!c) throw new Error(`engine invariant: no contested country "${country}"`);
  return c;
}

function powerState(ctx: TurnContext, power: string) {
  const p = ctx.state.powers[power];
  if (!p) throw new Error(`engine invariant: no power "${power}"`);
  return p;
}

/** Each country's attention is 100: the powers' influence there adds up to at most this. */
export const SHARE_TOTAL = 100;

function setInfluence(ctx: TurnContext, country: string, power: string, to: number, cause: Cause): void {
  const c = countryState(ctx, country);
  const from = c.influence[power] ?? 0;
  if (to === from) return;
  c.influence[power] = to;
  const { path, what } = labelOfInfluence(ctx.ix, country, power);
  record(ctx, { path, what, country, power, from, to, cause });
}

/**
 * Influence is a share: the powers' influence in a country adds up to at most 100.
 * A gain fills the uncommitted rest first; what the rest cannot hold comes out of the
 * rivals' shares, in proportion to them (largest remainders first, ties in scenario
 * order), so a gain in a full country is the rival's loss and nothing saturates.
 */
export function changeInfluence(ctx: TurnContext, country: string, power: string, delta: number, cause: Cause): void {
  const c = countryState(ctx, country);
  const from = c.influence[power] ?? 0;
  const to = clamp(from + delta, 0, SHARE_TOTAL);
  if (delta > 0) {
    let total = 0;
    for (const p of ctx.ix.powerIds) total += c.influence[p] ?? 0;
    const taken = Math.max(0, total - from + to - SHARE_TOTAL);
    if (taken > 0) takeFromRivals(ctx, country, power, taken, cause);
  }
  setInfluence(ctx, country, power, to, cause);
}

/** What a gain in a full country takes from the rivals of `power`, in proportion to their shares. */
function takeFromRivals(ctx: TurnContext, country: string, power: string, taken: number, cause: Cause): void {
  const c = countryState(ctx, country);
  const rivals = ctx.ix.powerIds.filter((p) => p !== power && (c.influence[p] ?? 0) > 0);
  const pool = rivals.reduce((sum, p) => sum + (c.influence[p] ?? 0), 0);
  const shares = rivals.map((p, i) => {
    const exact = (taken * (c.influence[p] ?? 0)) / pool;
    return { p, i, cut: Math.floor(exact), rest: exact - Math.floor(exact) };
  });
  let left = taken - shares.reduce((sum, x) => sum + x.cut, 0);
  for (const x of [...shares].sort((a, b) => b.rest - a.rest || a.i - b.i)) {
    if (left <= 0) break;
    x.cut += 1;
    left -= 1;
  }
  for (const x of shares) setInfluence(ctx, country, x.p, (c.influence[x.p] ?? 0) - x.cut, cause);
}

export function changeStability(ctx: TurnContext, country: string, delta: number, cause: Cause): void {
  const c = countryState(ctx, country);
  const from = c.stability;
  const to = clamp(from + delta, 0, 100);
  c.stability = to;
  if (from === to) return;
  const { path, what } = labelOfStability(ctx.ix, country);
  record(ctx, { path, what, country, from, to, cause });
}

export function changeDependence(ctx: TurnContext, axis: Axis, country: string, power: string, delta: number, cause: Cause): void {
  const map = countryState(ctx, country).dependence[axis];
  const from = map[power] ?? 0;
  const to = clamp(from + delta, 0, 100);
  map[power] = to;
  if (from === to) return;
  const { path, what } = labelOfDependence(ctx.ix, axis, country, power);
  record(ctx, { path, what, country, power, from, to, cause });
}

export function changeBudget(ctx: TurnContext, power: string, delta: number, cause: Cause): void {
  const p = powerState(ctx, power);
  const from = p.budget;
  const to = Math.max(0, from + delta);
  p.budget = to;
  const { path, what } = labelOfBudget(ctx.ix, power);
  record(ctx, { path, what, power, from, to, cause });
}

export function setBudget(ctx: TurnContext, power: string, to: number, cause: Cause): void {
  const p = powerState(ctx, power);
  const from = p.budget;
  p.budget = Math.max(0, to);
  const { path, what } = labelOfBudget(ctx.ix, power);
  record(ctx, { path, what, power, from, to: p.budget, cause });
}

export function changeIncome(ctx: TurnContext, power: string, delta: number, cause: Cause): void {
  const p = powerState(ctx, power);
  const from = p.income;
  const to = clamp(from + delta, 0, 100);
  p.income = to;
  const { path, what } = labelOfIncome(ctx.ix, power);
  record(ctx, { path, what, power, from, to, cause });
}

export function changeTrack(ctx: TurnContext, power: string, track: string, delta: number, cause: Cause): void {
  const p = powerState(ctx, power);
  const def = ctx.ix.power.get(power)?.tracks.find((t) => t.id === track);
  if (!def) return; // A track the power lacks (validated away for named powers; "$others" may include such powers).
  const from = p.tracks[track] ?? def.initial;
  const to = clamp(from + delta, def.min, def.max);
  p.tracks[track] = to;
  const { path, what } = labelOfTrack(ctx.ix, power, def);
  record(ctx, { path, what, power, from, to, cause });
}

/** `country`: the country that scored them, so a turn's summary can say where points came from. */
export function changePoints(ctx: TurnContext, power: string, delta: number, cause: Cause, country?: string): void {
  const p = powerState(ctx, power);
  const from = p.points;
  const to = from + delta;
  p.points = to;
  const { path, what } = labelOfPoints(ctx.ix, power);
  record(ctx, country !== undefined ? { path, what, power, country, from, to, cause } : { path, what, power, from, to, cause });
}

export function setFlag(ctx: TurnContext, flag: string, value: boolean, cause: Cause): void {
  const flags = ctx.state.flags;
  const from = flags.includes(flag);
  if (from === value) return;
  ctx.state.flags = value ? [...flags, flag].sort() : flags.filter((f) => f !== flag);
  record(ctx, { path: `flags.${flag}`, what: `Flag "${flag}"`, from, to: value, cause });
}

function describeProject(ix: ScenarioIndex, project: string, p: ProjectState | undefined): string {
  if (!p) return 'none';
  if (p.status === 'available') return 'available';
  if (p.status === 'building') return `building (${p.progress} of ${ix.project.get(project)?.buildTurns ?? '?'} turns, ${powerName(ix, p.owner)})`;
  return `built (${powerName(ix, p.owner)})`;
}

export function setProject(ctx: TurnContext, project: string, next: ProjectState, cause: Cause): void {
  const prev = ctx.state.projects[project];
  ctx.state.projects[project] = next;
  const def = ctx.ix.project.get(project);
  record(ctx, {
    path: `projects.${project}`,
    what: def?.name ?? project,
    ...(next.status !== 'available' ? { power: next.owner } : {}),
    from: describeProject(ctx.ix, project, prev),
    to: describeProject(ctx.ix, project, next),
    cause,
  });
}

/** One line of a turn report: "Beijing's influence in Kazakhstan: 30 → 36 (Beijing: Belt and Road loan — Kazakhstan)". */
export function describeChange(c: Change): string {
  return `${c.what}: ${String(c.from)} → ${String(c.to)} (${c.cause.text})`;
}
