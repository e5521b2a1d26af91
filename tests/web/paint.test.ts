import { describe, expect, it } from 'vitest';
import { afterNextPaint } from '../../src/web/paint';
import type { PaintClock } from '../../src/web/paint';

/** A window whose frames and timers run only when the test says. */
function fakeClock(): { win: PaintClock; frame(): void; timers(upToMs: number): void } {
  let frames: (() => void)[] = [];
  let timers: { at: number; run: () => void }[] = [];
  let now = 0;
  const win = {
    requestAnimationFrame: (cb: FrameRequestCallback) => (frames.push(() => cb(now)), frames.length),
    setTimeout: (cb: () => void, ms = 0) => (timers.push({ at: now + ms, run: cb }), timers.length),
  } as unknown as PaintClock;
  return {
    win,
    frame() {
      const due = frames;
      frames = [];
      for (const f of due) f();
    },
    timers(upToMs) {
      now = upToMs;
      const due = timers.filter((t) => t.at <= now);
      timers = timers.filter((t) => t.at > now);
      for (const t of due) t.run();
    },
  };
}

const settled = async (p: Promise<void>): Promise<boolean> => {
  let done = false;
  void p.then(() => (done = true));
  await Promise.resolve();
  await Promise.resolve();
  return done;
};

describe('afterNextPaint', () => {
  it('waits for the next frame, then for the task after it (its paint), not for the fallback', async () => {
    const clock = fakeClock();
    const painted = afterNextPaint(clock.win, 1000);
    clock.timers(0);
    expect(await settled(painted)).toBe(false);
    clock.frame();
    expect(await settled(painted)).toBe(false);
    clock.timers(16);
    expect(await settled(painted)).toBe(true);
  });

  it('a tab that draws no frames goes on after the fallback', async () => {
    const clock = fakeClock();
    const painted = afterNextPaint(clock.win, 1000);
    clock.timers(999);
    expect(await settled(painted)).toBe(false);
    clock.timers(1000);
    expect(await settled(painted)).toBe(true);
  });
});
