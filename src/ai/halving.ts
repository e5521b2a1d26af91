// Successive halving with common random numbers: how search:3 shares its rollouts among
// its candidate order sets. The UCB1 bandit rule (search:1 and search:2) compares
// candidates on different futures, and once rollouts reach the game's end (a win is worth
// ±1000 there, its exploration a few points) it keeps the candidates that won their first
// rollout and never tries the others again: on the last turns, which decide a game with a
// final summit, its choice was close to a coin's. Here every candidate still in plays the
// same futures, the worse half by mean is dropped after each round, and the last two share
// whatever is left, so the choice is a paired comparison whatever the scale of the values.

/** What the halving asks of the search: whether one more rollout fits, and its value. */
export interface HalvingRollouts {
  /** Most rollouts in all. */
  rollouts: number;
  /** Whether the work budget has room for one more rollout. */
  affordable(): boolean;
  /** The value of candidate `k` in imagined future number `future` (the same future for every candidate). */
  play(k: number, future: number): number;
}

export interface HalvingChoice {
  best: number;
  played: number;
}

/**
 * Chooses among `count` candidates, pausing after every rollout. Ties go to the earlier
 * candidate when dropping (the search puts its rule-of-thumb set first) and, at the end, to
 * the one ranked higher in the last round.
 */
export function* halving(count: number, r: HalvingRollouts): Generator<void, HalvingChoice, void> {
  const n = new Array<number>(count).fill(0);
  const sum = new Array<number>(count).fill(0);
  const mean = (k: number): number => ((n[k] as number) > 0 ? (sum[k] as number) / (n[k] as number) : -Infinity);
  let alive = Array.from({ length: count }, (_, k) => k);
  let played = 0;
  let futures = 0;
  const canPlay = (): boolean => played < r.rollouts && r.affordable();
  const play = (k: number, future: number): void => {
    const value = r.play(k, future);
    played++;
    n[k] = (n[k] as number) + 1;
    sum[k] = (sum[k] as number) + value;
  };
  // Rounds until two are left share the rollouts equally; each round's candidates share its part equally.
  const perRound = Math.floor(r.rollouts / Math.max(1, Math.ceil(Math.log2(count))));
  while (alive.length > 2 && canPlay()) {
    const each = Math.max(1, Math.floor(perRound / alive.length));
    for (let f = 0; f < each; f++) {
      for (const k of alive) {
        if (!canPlay()) break;
        play(k, futures + f);
        yield;
      }
    }
    futures += each;
    alive = [...alive].sort((a, b) => mean(b) - mean(a) || a - b).slice(0, Math.ceil(alive.length / 2));
  }
  for (let f = futures; canPlay(); f++) {
    for (const k of alive) {
      if (!canPlay()) break;
      play(k, f);
      yield;
    }
  }
  const best = alive.reduce((a, b) => (mean(b) > mean(a) ? b : a));
  return { best, played };
}
