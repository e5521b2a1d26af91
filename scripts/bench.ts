// `npm run bench`: speed figures against the targets of the rules-engine issue. Not
// part of the tests: timings vary with the machine, so they are reported, not asserted.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { availableParallelism } from 'node:os';
import type { GameState, Order, Scenario } from '../src/engine';
import { loadScenario, loadScenarioText, newGame, resolveTurn, viewFor } from '../src/engine';
import { maximaScenario } from '../tests/fixtures/hostile/maxima';
import { parsePlayer } from '../src/ai/player';
import type { Player } from '../src/ai/player';
import { playMatch, playQuick } from '../src/ai/match';
import { runBalance } from '../src/cli/balance';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const load = (id: string): Scenario => {
  const r = loadScenarioText(readFileSync(join(root, 'scenarios', `${id}.json`), 'utf8'));
  if (!r.ok) throw new Error(`${id} is invalid`);
  return r.value;
};
const player = (name: string): Player => {
  const r = parsePlayer(name);
  if (!r.ok) throw new Error(r.error);
  return r.value;
};
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
};
const now = (): number => performance.now();

const scenario = load('samarkand-2022');

/** The state before each turn of a recorded game. */
function positionsOf(turns: Record<string, Order[]>[], seed: string): GameState[] {
  const start = newGame(scenario, seed);
  if (!start.ok) throw new Error(start.error);
  const out: GameState[] = [];
  let st = start.value;
  for (const orders of turns) {
    out.push(st);
    const r = resolveTurn(scenario, st, orders);
    if (!r.ok) throw new Error(r.error.message);
    st = r.value.state;
  }
  return out;
}
const rows: { what: string; value: string; target: string; ok: boolean }[] = [];

// 1. One turn: replay the turns of recorded greedy games many times.
{
  const samples: { state: GameState; orders: Record<string, Order[]> }[] = [];
  for (let g = 0; g < 5; g++) {
    const m = playMatch(scenario, `bench-${g}`, { beijing: player('greedy'), moscow: player('greedy') });
    positionsOf(m.record.turns.map((t) => t.orders), `bench-${g}`).forEach((state, i) => samples.push({ state, orders: m.record.turns[i]?.orders ?? {} }));
  }
  const times: number[] = [];
  // Steady state: the first rounds only warm up the JIT.
  for (let round = 0; round < 400; round++) {
    const t0 = now();
    for (const s of samples) resolveTurn(scenario, s.state, s.orders);
    if (round >= 200) times.push(((now() - t0) * 1000) / samples.length);
  }
  const us = median(times);
  rows.push({ what: 'resolve one turn (median)', value: `${us.toFixed(1)} µs`, target: '< 50 µs', ok: us < 50 });
}

// 2. A whole 20-turn game, rule of thumb against rule of thumb: the game alone, and kept
// as a save (a hash per turn). Interleaved, after a warm-up, so both see the same JIT state.
{
  const players = { beijing: player('greedy'), moscow: player('greedy') };
  const quick: number[] = [];
  const saved: number[] = [];
  for (let g = 0; g < 240; g++) {
    let t0 = now();
    playQuick(scenario, `game-${g}`, players);
    if (g >= 40) quick.push(now() - t0);
    t0 = now();
    playMatch(scenario, `game-${g}`, players, {}, false);
    if (g >= 40) saved.push(now() - t0);
  }
  const q = median(quick);
  rows.push({ what: 'whole 20-turn game, greedy vs greedy (median)', value: `${q.toFixed(2)} ms`, target: '< 5 ms', ok: q < 5 });
  rows.push({ what: '  the same, recorded as a replayable save', value: `${median(saved).toFixed(2)} ms`, target: '—', ok: true });
}

// 3. Search decision time at each strength, over positions from a real game.
{
  const m = playMatch(scenario, 'positions', { beijing: player('greedy'), moscow: player('greedy') });
  const positions = positionsOf(m.record.turns.map((t) => t.orders), 'positions');
  const sample = positions.filter((_, i) => i % 3 === 0);
  for (const level of [1, 2, 3] as const) {
    const p = player(`search:${level}`);
    const times: number[] = [];
    for (const pos of sample) {
      for (const power of ['beijing', 'moscow']) {
        const view = viewFor(scenario, pos, power);
        const t0 = now();
        p.decide(scenario, view);
        times.push(now() - t0);
      }
    }
    const ms = median(times);
    const worst = Math.max(...times);
    rows.push({ what: `search:${level} decision (median, worst)`, value: `${ms.toFixed(0)} ms, ${worst.toFixed(0)} ms`, target: level === 3 ? '< 250 ms' : '—', ok: level !== 3 || ms < 250 });
  }
}

// 3b. The same on a scenario at the format's limits (6 powers, 34 contested countries, 60
// actions, 80 projects, 120 events): the search's work budget keeps a decision bounded.
{
  const r = loadScenario(maximaScenario());
  if (!r.ok) throw new Error('the maxima scenario is invalid');
  const big = r.value;
  const start = newGame(big, 'maxima');
  if (!start.ok) throw new Error(start.error);
  for (const name of ['greedy', 'search:1', 'search:3']) {
    const p = player(name);
    const times: number[] = [];
    for (const power of big.powers.map((x) => x.id)) {
      const view = viewFor(big, start.value, power);
      const t0 = now();
      p.decide(big, view);
      times.push(now() - t0);
    }
    const ms = median(times);
    const worst = Math.max(...times);
    rows.push({ what: `${name} decision at the format's limits (median, worst)`, value: `${ms.toFixed(0)} ms, ${worst.toFixed(0)} ms`, target: '< 1000 ms', ok: worst < 1000 });
  }
}

// 4. Balance throughput on all cores.
{
  const jobs = Math.min(2, availableParallelism());
  const games = 1000;
  const t0 = now();
  await runBalance({ scenario, games, seed: 'bench', jobs, players: { beijing: 'greedy', moscow: 'greedy' } }, () => undefined);
  const s = (now() - t0) / 1000;
  rows.push({ what: `balance: ${games} greedy games on ${jobs} workers`, value: `${s.toFixed(2)} s (${(games / s).toFixed(0)} games/s)`, target: '< 10 s', ok: s < 10 });
}

const width = Math.max(...rows.map((r) => r.what.length));
console.log(`New Great Game benchmarks — ${new Date().toISOString()} — node ${process.version}, ${availableParallelism()} cores`);
for (const r of rows) console.log(`${r.what.padEnd(width)}  ${r.value.padEnd(22)} target ${r.target.padEnd(9)} ${r.ok ? 'ok' : 'MISSED'}`);
