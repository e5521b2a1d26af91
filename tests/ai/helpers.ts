// Shared set-up of the computer-player tests: a shipped scenario by id, a player by name.
import type { Player } from '../../src/ai/player';
import { parsePlayer } from '../../src/ai/player';

export { loadShipped as load } from '../engine/helpers';

export const player = (name: string): Player => {
  const r = parsePlayer(name);
  if (!r.ok) throw new Error(r.error);
  return r.value;
};
