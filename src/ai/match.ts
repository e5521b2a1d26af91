// Computer-vs-computer games: each power's player decides from its own view; then each
// republic with a player (republic.ts) takes its stance, seeing the orders aimed at it
// (a republic without one takes the engine's rule of thumb); the engine resolves.
import type { GameOptions, GameRecord, GameState, Order, Scenario, TurnReport } from '../engine';
import { idRecord, newGame, own, playTurn, resolveTurn, startRecord, viewFor } from '../engine';
import type { Player } from './player';
import type { RepublicPlayer } from './republic';
import { decideRepublics } from './republic';

export interface GameResult {
  state: GameState;
  /** Every turn's orders, by power. */
  orders: Record<string, Order[]>[];
  reports: TurnReport[];
  winner: string | null;
  scores: Record<string, number>;
}

export interface MatchResult extends GameResult {
  /** The replayable record (a state hash per turn). */
  record: GameRecord;
}

function decideAll(scenario: Scenario, state: GameState, players: Record<string, Player>): Record<string, Order[]> {
  const orders = idRecord<Order[]>();
  for (const p of scenario.powers) {
    const player = own(players, p.id);
    if (!player) throw new Error(`no player for power "${p.id}"`);
    orders[p.id] = player.decide(scenario, viewFor(scenario, state, p.id));
  }
  return orders;
}

function result(scenario: Scenario, state: GameState, orders: Record<string, Order[]>[], reports: TurnReport[]): GameResult {
  const winner = state.phase.kind === 'over' ? state.phase.winner : null;
  const scores = idRecord(scenario.powers.map((p) => [p.id, own(state.powers, p.id)?.points ?? 0]));
  return { state, orders, reports, winner, scores };
}

/** Contested country id → its republic player; a country left out takes the engine's rule of thumb. */
export type RepublicPlayers = Readonly<Record<string, RepublicPlayer>>;

/** A computer game kept as a replayable record (each turn's stances are recorded, so it replays whoever chose them). */
export function playMatch(scenario: Scenario, seed: string, players: Record<string, Player>, options: GameOptions = {}, keepReports = true, republics: RepublicPlayers = {}): MatchResult {
  const start = startRecord(scenario, seed, options);
  if (!start.ok) throw new Error(start.error);
  let record = start.value;
  const reports: TurnReport[] = [];
  const played: Record<string, Order[]>[] = [];
  while (record.state.phase.kind === 'playing') {
    const orders = decideAll(scenario, record.state, players);
    const r = playTurn(record, orders, decideRepublics(scenario, record.state, orders, republics));
    if (!r.ok) throw new Error(`a computer player gave illegal orders on turn ${record.state.turn}: ${r.error}`);
    record = r.value.record;
    played.push(r.value.report.orders);
    if (keepReports) reports.push(r.value.report);
  }
  return { ...result(scenario, record.state, played, reports), record };
}

/** A computer game without the save bookkeeping (no per-turn hash, no reports): for balance runs. */
export function playQuick(scenario: Scenario, seed: string, players: Record<string, Player>, options: GameOptions = {}, republics: RepublicPlayers = {}): GameResult {
  const start = newGame(scenario, seed, options);
  if (!start.ok) throw new Error(start.error);
  let state = start.value;
  const orders: Record<string, Order[]>[] = [];
  while (state.phase.kind === 'playing') {
    const given = decideAll(scenario, state, players);
    const r = resolveTurn(scenario, state, given, decideRepublics(scenario, state, given, republics));
    if (!r.ok) throw new Error(`a computer player gave illegal orders on turn ${state.turn}: ${r.error.message}`);
    state = r.value.state;
    orders.push(r.value.report.orders);
  }
  return result(scenario, state, orders, []);
}
