// A computer player's own chance, seeded from the game seed, the power, the turn and
// a purpose, so its choices replay exactly and never touch the game's generator.
import seedrandom from 'seedrandom';

export interface BotRng {
  next(): number;
  int(n: number): number;
}

export function botRng(...parts: (string | number)[]): BotRng {
  const prng = seedrandom.alea(parts.join('|'));
  return { next: () => prng(), int: (n) => Math.floor(prng() * n) };
}
