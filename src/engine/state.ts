// The game state: plain JSON (no classes, Maps or functions), so saving is
// JSON.stringify and hashing is a hash of canonical JSON. Names, costs and rules
// live in the scenario; the state holds only what changes during a game.
import type { RngState } from './rng';
import { smallIdRecord } from './records';

export type PowerId = string;
export type CountryId = string;

export interface PowerState {
  /** Influence budget available to spend this turn. Never negative. */
  budget: number;
  /** Budget gained per turn before tracks modify it. */
  income: number;
  /** Victory points so far. */
  points: number;
  tracks: Record<string, number>;
}

export interface CountryState {
  influence: Record<PowerId, number>;
  stability: number;
  dependence: { economic: Record<PowerId, number>; security: Record<PowerId, number> };
}

export type ProjectState =
  | { status: 'available' }
  | { status: 'building'; owner: PowerId; progress: number }
  | { status: 'built'; owner: PowerId };

/**
 * One event's chance roll for the current turn, drawn when the turn opened (phases/events.ts
 * drawEvents): `hit` when `drawn` (0–99) is below the event's chance. Public: every power sees it.
 */
export interface EventDraw {
  id: string;
  drawn: number;
  hit: boolean;
}

export type GamePhase = { kind: 'playing' } | { kind: 'over'; winner: PowerId | null; reason: string };

export interface GameState {
  format: 'new-great-game/state';
  /** 2: events are drawn when a turn opens (`eventDraws`); 1 drew them during resolution. */
  version: 2;
  scenarioId: string;
  scenarioHash: string;
  seed: string;
  /** The turn to be played next (1-based); when the game is over, the last turn played. */
  turn: number;
  lastTurn: number;
  phase: GamePhase;
  rng: RngState;
  powers: Record<PowerId, PowerState>;
  /** Contested countries only: neighbours have no state. */
  countries: Record<CountryId, CountryState>;
  projects: Record<string, ProjectState>;
  /** Set flags, sorted. */
  flags: string[];
  /** Events that have fired, in the order they fired (for non-repeatable ones). */
  fired: string[];
  /**
   * The current turn's event draws, in scenario order: one for each event in its window
   * this turn, below 100% and still able to fire. Drawn before any order is given.
   */
  eventDraws: EventDraw[];
}

/** What the read-only rules need: a full state or one power's view of it (which lacks the generator). */
export type StateLike = Omit<GameState, 'rng' | 'seed'>;

// Every record keyed by an id has no prototype (records.ts): an id such as "constructor"
// is just a key. The copy below is where that is restored for a state that crossed JSON.
function copyNumbers(r: Record<string, number>): Record<string, number> {
  const out = smallIdRecord<number>();
  for (const k of Object.keys(r)) out[k] = r[k] as number;
  return out;
}

/** A deep copy, written out by hand: the search player copies states thousands of times a second. */
export function cloneState(s: GameState): GameState {
  const powers = smallIdRecord<PowerState>();
  for (const id of Object.keys(s.powers)) {
    const p = s.powers[id] as PowerState;
    powers[id] = { budget: p.budget, income: p.income, points: p.points, tracks: copyNumbers(p.tracks) };
  }
  const countries = smallIdRecord<CountryState>();
  for (const id of Object.keys(s.countries)) {
    const c = s.countries[id] as CountryState;
    countries[id] = {
      influence: copyNumbers(c.influence),
      stability: c.stability,
      dependence: { economic: copyNumbers(c.dependence.economic), security: copyNumbers(c.dependence.security) },
    };
  }
  const projects = smallIdRecord<ProjectState>();
  for (const id of Object.keys(s.projects)) {
    // Project states are never mutated in place (ledger.setProject replaces them), so they can be shared.
    projects[id] = s.projects[id] as ProjectState;
  }
  return {
    format: s.format,
    version: s.version,
    scenarioId: s.scenarioId,
    scenarioHash: s.scenarioHash,
    seed: s.seed,
    turn: s.turn,
    lastTurn: s.lastTurn,
    phase: { ...s.phase },
    rng: { ...s.rng },
    powers,
    countries,
    projects,
    flags: [...s.flags],
    fired: [...s.fired],
    // A draw is never changed in place (a turn replaces the whole list), so the entries can be shared.
    eventDraws: [...s.eventDraws],
  };
}
