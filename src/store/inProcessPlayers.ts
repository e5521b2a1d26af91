// Computer players that think in the calling thread and answer at once: for tests, the
// command line and the classroom's screens. The page passes its Web Worker instead
// (src/workers/playerWorker.ts), so the search is not in the page's first load.
import { parsePlayer } from '../ai/player';
import type { ComputerPlayers } from './gameStore';

export const inProcessPlayers: ComputerPlayers = {
  decide(scenario, _gameId, view, player) {
    const p = parsePlayer(player);
    if (!p.ok) throw new Error(p.error);
    return p.value.decide(scenario, view);
  },
};
