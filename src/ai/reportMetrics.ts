// The design report's measures of one game, each a pure function of the game's
// sequence of states (a trace), so they can be checked on hand-made sequences
// (tests/ai/report.test.ts). They read influence only through the engine's
// `standing`, and hard-code no rule number: the thresholds below are the report's
// own definitions of a lock, not rules of the game.
import type { CountryState, GameState, Order, OrderType, Scenario } from '../engine';
import { ORDER_TYPES, idRecord, own, standing } from '../engine';

/** The key for "nobody leads" beside power ids in a report: brackets cannot be part of an id, so no power can be called that. */
export const NO_LEADER = '(none)';
/** A country is locked when one power holds at least this much influence there… */
export const LOCK_ONE = 90;
/** …or when two powers both hold at least this much (the old freeze: nobody can lead). */
export const LOCK_BOTH = 95;
/** A power "led" a country in a game when it was the standing leader there in at least this share of the turns played. */
export const LEAD_SHARE = 0.25;
/** Moments (shares of the scenario's length) at which the points leader's later win rate is measured. */
export const MOMENTS = [0.25, 0.5, 0.75] as const;

/** What the measures need of a state: the contested countries and each power's points. */
export interface Snapshot {
  countries: Record<string, CountryState>;
  points: Record<string, number>;
}

export interface Trace {
  powers: readonly string[];
  contested: readonly string[];
  /** [0] is the start; [t] the state after turn t. */
  snapshots: readonly Snapshot[];
  /** The turns the game was meant to last (sudden death may end it sooner). */
  plannedTurns: number;
  winner: string | null;
  /** Each turn's orders, by power. */
  orders: readonly Record<string, readonly Order[]>[];
}

export const snapshotOf = (state: Pick<GameState, 'countries' | 'powers'>): Snapshot => ({
  countries: state.countries,
  points: idRecord(Object.keys(state.powers).map((p) => [p, own(state.powers, p)?.points ?? 0])),
});

export const contestedIds = (scenario: Scenario): string[] => scenario.countries.filter((c) => c.role === 'contested').map((c) => c.id);

export function isLocked(powers: readonly string[], c: CountryState): boolean {
  const values = powers.map((p) => own(c.influence, p) ?? 0);
  return values.some((v) => v >= LOCK_ONE) || values.filter((v) => v >= LOCK_BOTH).length >= 2;
}

/** Turns played (snapshots after the start) at whose end some contested country was locked. */
export function lockedTurns(t: Trace): number {
  return t.snapshots.slice(1).filter((s) => t.contested.some((c) => {
    const st = own(s.countries, c);
    return st !== undefined && isLocked(t.powers, st);
  })).length;
}

/** Standing leader of each contested country in each snapshot (null: a tie). */
const leaderOf = (t: Trace, s: Snapshot, c: string): string | null => {
  const st = own(s.countries, c);
  return st ? standing(t.powers, st).leader : null;
};

/**
 * Leader changes in a game, over all contested countries: a turn whose standing leader
 * differs from the last non-null one before it (from the start). A tie in between is
 * not a change by itself, so A → tie → A counts 0 and A → tie → B counts 1.
 */
export function leaderChanges(t: Trace): number {
  let changes = 0;
  for (const c of t.contested) {
    let last: string | null = null;
    for (const s of t.snapshots) {
      const now = leaderOf(t, s, c);
      if (now === null) continue;
      if (last !== null && now !== last) changes++;
      last = now;
    }
  }
  return changes;
}

/** For each contested country, the powers that were its standing leader in at least LEAD_SHARE of the turns played. */
export function countryLeads(t: Trace): Record<string, string[]> {
  const played = t.snapshots.slice(1);
  const out = idRecord<string[]>();
  for (const c of t.contested) {
    const turns = new Map<string, number>();
    for (const s of played) {
      const who = leaderOf(t, s, c);
      if (who !== null) turns.set(who, (turns.get(who) ?? 0) + 1);
    }
    out[c] = t.powers.filter((p) => played.length > 0 && (turns.get(p) ?? 0) >= LEAD_SHARE * played.length);
  }
  return out;
}

/** The turn at which a moment falls: the share of the planned length, rounded up, at least turn 1. */
export const momentTurn = (plannedTurns: number, share: number): number => Math.max(1, Math.ceil(share * plannedTurns));

/** The single power with the most points after the moment's turn (or at the end, if the game ended before it); null on a tie. */
export function pointsLeaderAt(t: Trace, share: number): string | null {
  const at = Math.min(momentTurn(t.plannedTurns, share), t.snapshots.length - 1);
  const s = t.snapshots[at];
  if (!s || at < 1) return null;
  let best: string | null = null;
  let top = -Infinity;
  let tied = false;
  for (const p of t.powers) {
    const v = own(s.points, p) ?? 0;
    if (v > top) [best, top, tied] = [p, v, false];
    else if (v === top) tied = true;
  }
  return tied ? null : best;
}

/** Orders given by each power, by order type (invest, security-deal, diplomacy, special, project). */
export function orderTypeCounts(t: Trace): Record<string, Record<OrderType, number>> {
  const out = idRecord<Record<OrderType, number>>();
  for (const p of t.powers) {
    const row = idRecord<number>() as Record<OrderType, number>;
    for (const k of ORDER_TYPES) row[k] = 0;
    for (const turn of t.orders) for (const o of own(turn, p) ?? []) row[o.type] += 1;
    out[p] = row;
  }
  return out;
}

/** Everything the report keeps of one game: small and structured-clonable, so it crosses to and from workers. */
export interface GameMetrics {
  winner: string | null;
  turns: number;
  lockedTurns: number;
  leaderChanges: number;
  leads: Record<string, string[]>;
  /** The points leader at each of MOMENTS (null: a tie). */
  pointsLeaders: (string | null)[];
  orderTypes: Record<string, Record<OrderType, number>>;
}

export function gameMetrics(t: Trace): GameMetrics {
  return {
    winner: t.winner,
    turns: t.snapshots.length - 1,
    lockedTurns: lockedTurns(t),
    leaderChanges: leaderChanges(t),
    leads: countryLeads(t),
    pointsLeaders: MOMENTS.map((m) => pointsLeaderAt(t, m)),
    orderTypes: orderTypeCounts(t),
  };
}
