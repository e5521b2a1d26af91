// What one power may see: the generator's state (which would reveal future draws)
// and other powers' secret tracks are removed. Every client renders views.
import type { Scenario } from './schema';
import type { GameState } from './state';
import { cloneState } from './state';

export type PowerView = Omit<GameState, 'rng'> & { viewer: string };

export function viewFor(scenario: Scenario, state: GameState, viewer: string): PowerView {
  const copy = cloneState(state);
  for (const p of scenario.powers) {
    if (p.id === viewer) continue;
    const tracks = copy.powers[p.id]?.tracks;
    if (!tracks) continue;
    for (const t of p.tracks) if (t.secret) delete tracks[t.id];
  }
  const { rng: _hidden, ...rest } = copy;
  return { ...rest, viewer };
}
