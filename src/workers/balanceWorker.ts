// Balance games in a Web Worker: same games, same seed rule and same summary as the
// command line's `balance`, so the numbers match for the same seed.
// First, before any module that builds a zod schema (see zodJitless.ts).
import '../web/zodJitless';
import { loadScenario } from '../engine';
import type { GameSummary } from '../ai/balance';
import { playBalanceGame, summarize } from '../ai/balance';

export interface BalanceRequest {
  scenario: unknown;
  seed: string;
  games: number;
  players: Record<string, string>;
}

export type BalanceMessage = { kind: 'progress'; done: number; total: number } | { kind: 'done'; report: ReturnType<typeof summarize> } | { kind: 'error'; message: string };

const post = (m: BalanceMessage): void => postMessage(m);

onmessage = (e: MessageEvent<BalanceRequest>) => {
  const { scenario: raw, seed, games, players } = e.data;
  const loaded = loadScenario(raw);
  if (!loaded.ok) {
    post({ kind: 'error', message: `the scenario is invalid (${loaded.error.length} problems)` });
    return;
  }
  const results: GameSummary[] = [];
  for (let i = 0; i < games; i++) {
    results.push(playBalanceGame(loaded.value, seed, i, players));
    post({ kind: 'progress', done: i + 1, total: games });
  }
  post({ kind: 'done', report: summarize(loaded.value, seed, players, results) });
};
