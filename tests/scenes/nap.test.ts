// The map's loop naps when nothing moves (src/scenes/nap.ts), against a stand-in for
// Phaser's loop that records what it was told. The browser test of the same is in
// tests/e2e/phone.test.ts (the real loop on a page).
import { describe, expect, it } from 'vitest';
import { Nap } from '../../src/scenes/nap';
import type { Sleeper } from '../../src/scenes/nap';

class Loop implements Sleeper {
  running = true;
  calls: string[] = [];
  sleep(): void {
    this.calls.push('sleep');
    this.running = false;
  }
  wake(): void {
    this.calls.push('wake');
    this.running = true;
  }
  resetDelta(): void {
    this.calls.push('resetDelta');
  }
}

/** A nap whose deferred wakes run when `flush` is called (in the page, after the current handler). */
function napOf(loop: Loop): { nap: Nap; flush: () => void } {
  const queued: (() => void)[] = [];
  const nap = new Nap(loop, 400, (f) => queued.push(f));
  return { nap, flush: () => queued.splice(0).forEach((f) => f()) };
}

describe('the map loop nap', () => {
  it('sleeps once nothing has stirred for the idle time, not before', () => {
    const loop = new Loop();
    const { nap } = napOf(loop);
    nap.stir(1000);
    expect(nap.settle(1200, false)).toBe(false);
    expect(nap.settle(1399, false)).toBe(false);
    expect(loop.running).toBe(true);
    expect(nap.settle(1400, false)).toBe(true);
    expect(loop.running).toBe(false);
    expect(nap.asleep).toBe(true);
  });

  it('something still moving (a tween, a pan) keeps it awake, and the idle time counts from its end', () => {
    const loop = new Loop();
    const { nap } = napOf(loop);
    nap.stir(0);
    for (let t = 0; t <= 3000; t += 16) expect(nap.settle(t, true)).toBe(false);
    expect(nap.settle(3200, false)).toBe(false);
    expect(nap.settle(3400, false)).toBe(true);
  });

  it('a stir wakes a sleeping loop after the current handler, forgetting the time asleep first', () => {
    const loop = new Loop();
    const { nap, flush } = napOf(loop);
    nap.settle(500, false);
    expect(loop.running).toBe(false);
    nap.stir(10_000);
    nap.stir(10_001);
    // Not at once: Phaser's wake steps a frame, which must not run inside the stirring handler.
    expect(loop.running).toBe(false);
    expect(nap.stirring).toBe(true);
    flush();
    expect(loop.running).toBe(true);
    // One wake for both stirs, and the delta reset before it (else tweens jump by the nap).
    expect(loop.calls).toEqual(['sleep', 'resetDelta', 'wake']);
    expect(nap.settle(10_300, false)).toBe(false);
    expect(nap.settle(10_401, false)).toBe(true);
  });

  it('a stir while awake only puts off the next sleep', () => {
    const loop = new Loop();
    const { nap, flush } = napOf(loop);
    nap.stir(0);
    nap.stir(300);
    flush();
    expect(loop.calls).toEqual([]);
    expect(nap.settle(500, false)).toBe(false);
    expect(nap.settle(700, false)).toBe(true);
  });

  it('held asleep (the editor open), stirs do not wake it; released, it wakes', () => {
    const loop = new Loop();
    const { nap, flush } = napOf(loop);
    nap.hold(true, 0);
    expect(loop.running).toBe(false);
    nap.stir(100);
    flush();
    expect(loop.running).toBe(false);
    // A wake asked for just before the hold does not run either.
    nap.hold(false, 200);
    nap.hold(true, 201);
    flush();
    expect(loop.running).toBe(false);
    nap.hold(false, 300);
    flush();
    expect(loop.running).toBe(true);
    expect(loop.calls).toEqual(['sleep', 'sleep', 'resetDelta', 'wake']);
  });
});
