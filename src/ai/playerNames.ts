// The names of the computer players, apart from the players themselves: the page checks a
// seat's player by name without loading the search and its evaluation (they run in a
// worker, src/workers/playerWorker.ts), which keeps them out of the page's first load.

export const PLAYER_NAMES = ['random', 'greedy', 'varied', 'search:1', 'search:2', 'search:3'] as const;

/** Why `name` names no computer player a seat can have, or null when it does ("search" alone is search:2). */
export function playerNameProblem(name: string): string | null {
  if (name === 'search' || (PLAYER_NAMES as readonly string[]).includes(name)) return null;
  return `unknown player "${name}": expected one of ${PLAYER_NAMES.join(', ')}`;
}
