import { Worker } from 'node:worker_threads';
import type { Scenario } from '../engine';
import type { BalanceReport, GameSummary } from '../ai/balance';
import { playBalanceGame, summarize } from '../ai/balance';

export interface BalanceOptions {
  scenario: Scenario;
  games: number;
  seed: string;
  jobs: number;
  players: Record<string, string>;
  /** Contested country id → republic player name; a country left out takes the engine's rule of thumb. */
  republics?: Record<string, string>;
}

/** Plays the games on `jobs` worker threads (or inline for one job); results do not depend on `jobs`. */
export async function runBalance(o: BalanceOptions, progress: (done: number, total: number) => void): Promise<BalanceReport> {
  const results: GameSummary[] = [];
  const indices = Array.from({ length: o.games }, (_, i) => i);
  if (o.jobs <= 1) {
    for (const i of indices) {
      results.push(playBalanceGame(o.scenario, o.seed, i, o.players, o.republics));
      progress(results.length, o.games);
    }
  } else {
    const slices = Array.from({ length: o.jobs }, (_, j) => indices.filter((i) => i % o.jobs === j)).filter((s) => s.length > 0);
    await Promise.all(
      slices.map(
        (slice) =>
          new Promise<void>((resolvePromise, reject) => {
            const worker = new Worker(new URL('./balanceWorker.mjs', import.meta.url), { workerData: { scenario: o.scenario, seed: o.seed, indices: slice, players: o.players, republics: o.republics ?? {} } });
            worker.on('message', (g: GameSummary) => {
              results.push(g);
              progress(results.length, o.games);
            });
            worker.on('error', reject);
            worker.on('exit', (code) => (code === 0 ? resolvePromise() : reject(new Error(`a balance worker stopped with code ${code}`))));
          }),
      ),
    );
  }
  results.sort((a, b) => a.index - b.index);
  return summarize(o.scenario, o.seed, o.players, results, o.republics);
}

/**
 * How many worker threads to start: never more than the processor cores (each worker
 * is a whole JavaScript engine; 64 of them on two cores took 2.8 GB and ran slower) nor
 * than the games. `note` says so when a request was lowered.
 */
export function workerCount(requested: number | undefined, games: number, cores: number): { jobs: number; note?: string } {
  const most = Math.max(1, Math.min(cores, games));
  if (requested === undefined) return { jobs: most };
  if (requested <= most) return { jobs: requested };
  const why = games <= cores ? (games === 1 ? 'there is 1 game to play' : `there are ${games} games to play`) : `this machine has ${cores} processor core${cores === 1 ? "" : "s"}`;
  return { jobs: most, note: `note: --jobs ${requested} lowered to ${most} (${why})` };
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

export function formatBalance(r: BalanceReport): string[] {
  const lines: string[] = [];
  const republics = r.republics && Object.keys(r.republics).length > 0 ? `; republics: ${Object.entries(r.republics).map(([c, n]) => `${c}: ${n}`).join(', ')}` : '';
  lines.push(`Balance of ${r.scenario}: ${r.games} games, seed ${JSON.stringify(r.seed)}, ${Object.entries(r.players).map(([p, n]) => `${p}: ${n}`).join(', ')}${republics}`);
  lines.push(`Wins: ${Object.entries(r.wins).map(([p, w]) => `${p} ${w} (${pct(r.winRate[p] ?? 0)})`).join(', ')}, draws ${r.draws}`);
  lines.push(`Scores: ${Object.entries(r.scores).map(([p, s]) => `${p} mean ${s.mean} (min ${s.min}, max ${s.max}, sd ${s.stdev})`).join('; ')}`);
  lines.push('Final leader by country:');
  for (const [c, row] of Object.entries(r.countries)) lines.push(`  ${c.padEnd(14)} ${Object.entries(row).map(([p, x]) => `${p} ${pct(x)}`).join(', ')}`);
  lines.push('Order kinds (share of orders; games used in; win rate when used):');
  for (const [p, kinds] of Object.entries(r.orderKinds)) {
    lines.push(`  ${p}:`);
    for (const [k, v] of Object.entries(kinds).sort((a, b) => b[1].share - a[1].share)) lines.push(`    ${k.padEnd(28)} ${pct(v.share).padStart(6)}  ${String(v.usedIn).padStart(5)} games  wins ${pct(v.winRate)}`);
  }
  lines.push('Most common openings:');
  for (const [p, list] of Object.entries(r.openings)) for (const o of list) lines.push(`  ${p}: ${o.opening} — ${o.games} games, wins ${pct(o.winRate)}`);
  return lines;
}
