// search:3 shares its rollouts by successive halving on common futures (src/ai/halving.ts):
// it must pick the candidate best on average over the futures, even when another one won
// the first future by a game's ±1000 (what the bandit rule locked onto), spend exactly its
// rollouts, stop when the work budget does, and compare candidates on the same futures.
import { describe, expect, it } from 'vitest';
import { halving } from '../../src/ai/halving';

function run(count: number, rollouts: number, value: (k: number, future: number) => number, room = Infinity): { best: number; played: number; steps: number; seen: Map<number, number[]> } {
  const seen = new Map<number, number[]>();
  let spent = 0;
  const g = halving(count, {
    rollouts,
    affordable: () => spent < room,
    play: (k, future) => {
      spent++;
      seen.set(k, [...(seen.get(k) ?? []), future]);
      return value(k, future);
    },
  });
  let steps = 0;
  for (;;) {
    const s = g.next();
    if (s.done) return { ...s.value, steps, seen };
    steps++;
  }
}

describe('successive halving', () => {
  it('picks the candidate that wins most often, not the one that won the first future', () => {
    // Candidate 0 wins future 0 and loses every other; candidate 3 loses future 0 and wins four futures in five.
    const value = (k: number, f: number): number => {
      if (k === 0) return f === 0 ? 1000 : -1000;
      if (k === 3) return f === 0 || f % 5 === 4 ? -1000 : 1000;
      return f % 2 === 0 ? 1000 : -1000;
    };
    expect(run(10, 200, value).best).toBe(3);
  });

  it('plays exactly its rollouts, one step each, and every candidate some', () => {
    const r = run(11, 200, (k, f) => Math.sin(k * 7 + f));
    expect(r.played).toBe(200);
    expect(r.steps).toBe(200);
    expect(r.seen.size).toBe(11);
  });

  it('gives the candidates kept the same futures as the ones dropped', () => {
    const r = run(10, 200, (k) => k);
    const first = r.seen.get(0) ?? [];
    // Candidate 9 (best) survives every round; candidate 0 (worst) is dropped after the first, having played its futures.
    expect((r.seen.get(9) ?? []).slice(0, first.length)).toEqual(first);
    expect(r.best).toBe(9);
  });

  it('stops when the work budget does', () => {
    const r = run(10, 200, (k) => k, 37);
    expect(r.played).toBe(37);
  });
});
