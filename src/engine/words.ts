// Counts in words. "1 points" reads as a slip to a newcomer, so every count a player reads
// takes its noun in the singular for one (and minus one: "−1 point").

/** "1 turn", "3 turns"; `many` for an irregular plural ("countries"). */
export const counted = (n: number, one: string, many = `${one}s`): string => `${n} ${Math.abs(n) === 1 ? one : many}`;

/** "1 point", "0 points", "12 points". */
export const pointsText = (n: number): string => counted(n, 'point');

/** "+3", "−1" (a minus sign, not a hyphen), "±0": a change as a player reads it. */
export const signed = (n: number): string => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '±0');

/** "A", "A and B", "A, B and C". */
export const listWords = (xs: readonly string[]): string => (xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1] ?? ''}`);
