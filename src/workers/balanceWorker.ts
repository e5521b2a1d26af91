// Balance games in a Web Worker: same games, same seed rule and same summary as the
// command line's `balance`, so the numbers match for the same seed.
// First, before any module that builds a zod schema (see zodJitless.ts).
import '../web/zodJitless';
import { loadScenario, own } from '../engine';
import type { GameSummary } from '../ai/balance';
import { summarize } from '../ai/balance';
import type { GameMetrics } from '../ai/reportMetrics';
import type { MatchupStats } from '../ai/reportSummary';
import { matchupStats } from '../ai/reportSummary';
import { playCheckedGame } from '../ai/quickCheck';

export interface BalanceRequest {
  scenario: unknown;
  seed: string;
  games: number;
  players: Record<string, string>;
}

export type BalanceMessage = { kind: 'progress'; done: number; total: number } | { kind: 'done'; report: ReturnType<typeof summarize>; design: MatchupStats } | { kind: 'error'; message: string };

const post = (m: BalanceMessage): void => postMessage(m);

onmessage = (e: MessageEvent<BalanceRequest>) => {
  const { scenario: raw, seed, games, players } = e.data;
  const loaded = loadScenario(raw);
  if (!loaded.ok) {
    post({ kind: 'error', message: `the scenario is invalid (${loaded.error.length} problems)` });
    return;
  }
  const results: GameSummary[] = [];
  const metrics: GameMetrics[] = [];
  for (let i = 0; i < games; i++) {
    // Each game once, for both the balance summary and the design report's quick measures.
    const g = playCheckedGame(loaded.value, seed, i, players);
    results.push(g.summary);
    metrics.push(g.metrics);
    post({ kind: 'progress', done: i + 1, total: games });
  }
  const names = loaded.value.powers.map((p) => own(players, p.id) ?? 'varied');
  post({ kind: 'done', report: summarize(loaded.value, seed, players, results), design: matchupStats(loaded.value, names.join(' vs '), metrics) });
};
