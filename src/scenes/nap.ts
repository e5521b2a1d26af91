// The map's loop naps when nothing on it moves. Phaser would otherwise update and draw the
// map every animation frame though it changes only when the game, the view or the pointer
// does: on a phone that is the main thread busy for nothing (Lighthouse's phone run counted
// those frames as blocking time), and a laptop's battery spent on a still picture.
// Phaser handles DOM input at once, even asleep, so the scene's input handlers stir the nap.

/** The part of Phaser's loop (`game.loop`, a TimeStep) that the nap drives. */
export interface Sleeper {
  readonly running: boolean;
  sleep(): void;
  wake(): void;
  /** Forgets the time spent asleep, so the first frame after it does not jump ahead by it. */
  resetDelta(): void;
}

/** How long the map stays awake after the last thing that moved it (ms): a few frames past a drag's last move. */
export const NAP_AFTER_MS = 400;

export class Nap {
  private lastStir = Number.NEGATIVE_INFINITY;
  private held = false;
  private waking = false;

  /**
   * `later` runs the waking after the current handler: Phaser's `wake` steps a frame at once,
   * which must not run inside one of Phaser's own input callbacks or halfway through a redraw.
   */
  constructor(
    private readonly loop: Sleeper,
    private readonly idleMs: number = NAP_AFTER_MS,
    // Called as a method, the browser's own queueMicrotask would throw (Illegal invocation).
    private readonly later: (wake: () => void) => void = (wake) => queueMicrotask(wake),
  ) {}

  /** Something changed at `now` (ms): the loop runs (again) and stays up at least `idleMs`. */
  stir(now: number): void {
    this.lastStir = now;
    if (this.held || this.loop.running || this.waking) return;
    this.waking = true;
    this.later(() => {
      this.waking = false;
      if (this.held || this.loop.running) return;
      this.loop.resetDelta();
      this.loop.wake();
    });
  }

  /**
   * Once a frame, with whether something is still moving (a tween, a camera pan, a finger
   * down): sleeps once nothing has moved for `idleMs`. True when it put the loop to sleep.
   */
  settle(now: number, moving: boolean): boolean {
    if (moving) this.lastStir = now;
    if (!this.loop.running || now - this.lastStir < this.idleMs) return false;
    this.loop.sleep();
    return true;
  }

  /** Held asleep (the map hidden behind the editor) until released, whatever stirs meanwhile; released, it wakes. */
  hold(asleep: boolean, now: number): void {
    if (asleep === this.held) return;
    this.held = asleep;
    if (asleep) this.loop.sleep();
    else this.stir(now);
  }

  get asleep(): boolean {
    return !this.loop.running;
  }

  /** A wake is on its way (asked for, not yet run). */
  get stirring(): boolean {
    return this.waking;
  }
}
