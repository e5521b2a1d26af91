// Computer-vs-computer games: each power's player decides from its own view; the
// engine resolves; the record is a replayable save.
import type { GameOptions, GameRecord, Scenario, TurnReport } from '../engine';
import { playTurn, startRecord, viewFor } from '../engine';
import type { Player } from './player';

export interface MatchResult {
  record: GameRecord;
  reports: TurnReport[];
  winner: string | null;
  scores: Record<string, number>;
}

export function playMatch(scenario: Scenario, seed: string, players: Record<string, Player>, options: GameOptions = {}, keepReports = true): MatchResult {
  const start = startRecord(scenario, seed, options);
  if (!start.ok) throw new Error(start.error);
  let record = start.value;
  const reports: TurnReport[] = [];
  while (record.state.phase.kind === 'playing') {
    const orders: Record<string, unknown> = {};
    for (const p of scenario.powers) {
      const player = players[p.id];
      if (!player) throw new Error(`no player for power "${p.id}"`);
      orders[p.id] = player.decide(scenario, viewFor(scenario, record.state, p.id));
    }
    const r = playTurn(record, orders);
    if (!r.ok) throw new Error(`a computer player gave illegal orders on turn ${record.state.turn}: ${r.error}`);
    record = r.value.record;
    if (keepReports) reports.push(r.value.report);
  }
  const phase = record.state.phase;
  const winner = phase.kind === 'over' ? phase.winner : null;
  const scores = Object.fromEntries(scenario.powers.map((p) => [p.id, record.state.powers[p.id]?.points ?? 0]));
  return { record, reports, winner, scores };
}
