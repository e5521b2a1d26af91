// The quick part of the design report beside the balance summary, from the same games
// played once: what the browser's balance check (and the editor's) shows. Same seeds
// and players as `balance --report`'s varied-vs-varied games, so the numbers match
// the command line's for the same seed and number of games.
import type { Scenario } from '../engine';
import { idRecord, own } from '../engine';
import type { GameSummary } from './balance';
import { balanceSummary, gameSeed } from './balance';
import type { Player } from './player';
import { parsePlayer } from './player';
import type { GameMetrics } from './reportMetrics';
import { gameMetrics } from './reportMetrics';
import { playTraced } from './report';

export function playCheckedGame(scenario: Scenario, seed: string, index: number, playerNames: Record<string, string>): { summary: GameSummary; metrics: GameMetrics } {
  const players = idRecord<Player>();
  for (const p of scenario.powers) {
    const r = parsePlayer(own(playerNames, p.id) ?? 'varied');
    if (!r.ok) throw new Error(r.error);
    players[p.id] = r.value;
  }
  const { state, trace } = playTraced(scenario, gameSeed(seed, index), players);
  const scores = idRecord(scenario.powers.map((p) => [p.id, own(state.powers, p.id)?.points ?? 0]));
  return { summary: balanceSummary(scenario, index, { state, winner: trace.winner, scores, orders: trace.orders }), metrics: gameMetrics(trace) };
}
