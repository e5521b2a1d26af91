// A quick check that a scenario can be won in play, not only on paper: a few seeded
// computer games with the rule-of-thumb player on every side. If none has a winner, the
// scenario probably cannot be won (scores that never part, leads nobody reaches): a
// warning, since a few games prove nothing, but every draw is worth a designer's look.
import type { Problem, Scenario } from '../engine';
import { idRecord } from '../engine';
import type { Player } from './player';
import { greedyPlayer } from './greedy';
import { playQuick } from './match';
import { gameSeed } from './balance';

/** Few and fixed, so `validate` stays fast (well under a second a file) and says the same every time. */
export const DRAW_CHECK_GAMES = 3;
export const DRAW_CHECK_SEED = 'validate';

export interface DrawCheck {
  games: number;
  /** The games that ended with a winner. */
  won: number;
  warnings: Problem[];
}

export function drawCheck(s: Scenario, games = DRAW_CHECK_GAMES, seed = DRAW_CHECK_SEED): DrawCheck {
  const players = idRecord<Player>(s.powers.map((p) => [p.id, greedyPlayer()]));
  let won = 0;
  for (let i = 0; i < games; i++) if (playQuick(s, gameSeed(seed, i), players).winner !== null) won++;
  const seeds = games === 1 ? `seed "${gameSeed(seed, 0)}"` : `seeds "${gameSeed(seed, 0)}" to "${gameSeed(seed, games - 1)}"`;
  const warnings =
    won === 0
      ? [{ path: 'victory', found: `no winner in ${games} quick computer game${games === 1 ? '' : 's'} (every power played by the rule-of-thumb player "greedy", ${seeds}): ${games === 1 ? 'it was a draw' : 'all were draws'}`, expected: 'a scenario some power can win: check that leads can reach the control margins, and that scores can part' }]
      : [];
  return { games, won, warnings };
}
