// The varied player's contesters: half the varied players (drawn once a game) go after
// the closest race they are losing, so balance runs see every country contested by the
// power behind in it (issue 10: each power leads each country in some games).
import { describe, expect, it } from 'vitest';
import { load } from './helpers';
import type { PowerView } from '../../src/engine';
import { newGame, viewFor } from '../../src/engine';
import { closestLostRace, greedyOrders, variedPlayer } from '../../src/ai/greedy';

const s = load('astana-2024');

type Influence = Partial<Record<string, { beijing: number; moscow: number }>>;

function viewWith(influence: Influence, seed = 'race'): PowerView {
  const g = newGame(s, seed);
  if (!g.ok) throw new Error(g.error);
  const view = viewFor(s, g.value, 'moscow');
  for (const [id, inf] of Object.entries(influence)) {
    const c = view.countries[id];
    if (!inf) continue;
    if (!c) throw new Error(`no ${id}`);
    c.influence = { ...c.influence, ...inf };
  }
  return view;
}

describe('closest lost race', () => {
  it.each<{ what: string; influence: Influence; expected: string | null }>([
    { what: 'the smallest gap among the races it trails', influence: { kazakhstan: { beijing: 50, moscow: 40 }, tajikistan: { beijing: 44, moscow: 41 }, turkmenistan: { beijing: 45, moscow: 30 } }, expected: 'tajikistan' },
    { what: 'a race it leads or ties is no race to catch up', influence: { kazakhstan: { beijing: 40, moscow: 40 }, kyrgyzstan: { beijing: 30, moscow: 50 }, tajikistan: { beijing: 30, moscow: 50 }, uzbekistan: { beijing: 20, moscow: 50 }, turkmenistan: { beijing: 39, moscow: 30 } }, expected: 'turkmenistan' },
    { what: 'none when it trails nowhere', influence: { kazakhstan: { beijing: 40, moscow: 40 }, kyrgyzstan: { beijing: 30, moscow: 50 }, tajikistan: { beijing: 30, moscow: 50 }, uzbekistan: { beijing: 20, moscow: 50 }, turkmenistan: { beijing: 29, moscow: 30 } }, expected: null },
  ])('picks $what', ({ influence, expected }) => {
    expect(closestLostRace(viewWith(influence))).toBe(expected);
  });

  it('settles equal gaps by a draw made once a game, so different games go after different races', () => {
    const equal = { kazakhstan: { beijing: 30, moscow: 50 }, kyrgyzstan: { beijing: 30, moscow: 50 }, uzbekistan: { beijing: 30, moscow: 50 }, tajikistan: { beijing: 45, moscow: 40 }, turkmenistan: { beijing: 45, moscow: 40 } };
    const picks = new Set<string | null>();
    for (let i = 0; i < 40; i++) {
      const v = viewWith(equal, `g${i}`);
      const pick = closestLostRace(v);
      expect(['tajikistan', 'turkmenistan']).toContain(pick);
      expect(closestLostRace(v)).toBe(pick);
      picks.add(pick);
    }
    expect(picks.size).toBe(2);
  });
});

describe('contesters', () => {
  it('about half the varied players of many games send more orders into the race they trail', () => {
    // Moscow trails only in Turkmenistan, by a little: a contester goes there, others seldom do.
    const influence = { turkmenistan: { beijing: 40, moscow: 37 } };
    let contesting = 0;
    const games = 60;
    for (let i = 0; i < games; i++) {
      const view = viewWith(influence, `c${i}`);
      const plain = greedyOrders(s, view, 'moscow').filter((o) => o.type !== 'project' && o.country === 'turkmenistan').length;
      const varied = variedPlayer().decide(s, view).filter((o) => o.type !== 'project' && o.country === 'turkmenistan').length;
      if (varied > plain) contesting++;
    }
    expect(contesting).toBeGreaterThan(games * 0.3);
    expect(contesting).toBeLessThan(games * 0.7);
  });
});
