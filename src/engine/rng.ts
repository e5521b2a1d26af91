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

export function openRng(state: RngState): Rng {
  const prng = seedrandom.alea('', { state: { ...state } });
  const int = (n: number): number => Math.floor(prng() * n);
  return {
    int,
    roll(chancePct) {
      const drawn = int(100);
      return { hit: drawn < chancePct, drawn };
    },
    state: () => prng.state(),
  };
}
