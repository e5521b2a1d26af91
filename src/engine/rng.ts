// The only source of chance in the game: a seeded Alea generator whose whole state
// (four numbers) lives in the game state, so saving is serialising and a replay
// draws the same numbers in the same order. Alea's arithmetic is exact in IEEE
// doubles, so every JavaScript engine produces the same sequence.
import seedrandom from 'seedrandom';

export interface RngState {
  c: number;
  s0: number;
  s1: number;
  s2: number;
}

export interface Rng {
  /** An integer in [0, n). */
  int(n: number): number;
  /** True with the given chance in percent (0–100), from one draw in [0, 100). */
  roll(chancePct: number): { hit: boolean; drawn: number };
  state(): RngState;
}

export function seedRng(seed: string): RngState {
  return seedrandom.alea(`new-great-game:${seed}`, { state: true }).state();
}

/** A generator that goes on from `state`, drawing exactly what seedrandom's Alea would. */
export function openRng(state: RngState): Rng {
  return new Alea(state);
}

// Alea's step, as seedrandom implements it, written out: reopening seedrandom's generator
// from a state first seeds a fresh one and makes its helpers, and a turn (and every turn
// the computer players imagine) opens one. Seeding stays with seedrandom (seedRng).
class Alea implements Rng {
  private c: number;
  private s0: number;
  private s1: number;
  private s2: number;

  constructor(state: RngState) {
    this.c = state.c;
    this.s0 = state.s0;
    this.s1 = state.s1;
    this.s2 = state.s2;
  }

  /** A draw in [0, 1). */
  private next(): number {
    const t = 2091639 * this.s0 + this.c * 2.3283064365386963e-10; // 2^-32
    this.s0 = this.s1;
    this.s1 = this.s2;
    this.c = t | 0;
    this.s2 = t - this.c;
    return this.s2;
  }

  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  roll(chancePct: number): { hit: boolean; drawn: number } {
    const drawn = this.int(100);
    return { hit: drawn < chancePct, drawn };
  }

  state(): RngState {
    return { c: this.c, s0: this.s0, s1: this.s1, s2: this.s2 };
  }
}
