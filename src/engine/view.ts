// What one power may see. Removed: the generator's state and the game seed (either
// would let a player compute the draws to come) and other powers' secret tracks.
// In their place a `playerSeed`, derived from the seed and the viewer, lets a computer
// player make its own choices reproducible without learning the game's chance.
// Kept: this turn's event draws (`eventDraws`), which are public: drawn when the turn
// opened, whatever any condition, they are the same for every power and tell nothing of
// a hidden value or of the draws of later turns.
import type { Scenario } from './schema';
import type { GameState } from './state';
import { cloneState } from './state';
import { hashString } from './hash';

export type PowerView = Omit<GameState, 'rng' | 'seed'> & { viewer: string; playerSeed: string };

export function viewFor(scenario: Scenario, state: GameState, viewer: string): PowerView {
  const copy = cloneState(state);
  for (const p of scenario.powers) {
    if (p.id === viewer) continue;
    const tracks = copy.powers[p.id]?.tracks;
    if (!tracks) continue;
    for (const t of p.tracks) if (t.secret) delete tracks[t.id];
  }
  const { rng: _rng, seed, ...rest } = copy;
  return { ...rest, viewer, playerSeed: hashString(`player-seed|${seed}|${viewer}`) };
}

/**
 * A view that crossed postMessage or JSON (which give records their prototype back),
 * copied into records with no prototype, so ids from data stay plain keys (records.ts).
 */
export function reviveView(raw: PowerView): PowerView {
  const { viewer, playerSeed, ...rest } = raw;
  const copy = cloneState({ ...rest, seed: '', rng: { seed: '', count: 0 } } as unknown as GameState);
  const { rng: _rng, seed: _seed, ...state } = copy;
  return { ...state, viewer, playerSeed };
}
