// Computer players: only legal orders, the same choice for the same view, and the
// rule of thumb beats random play. (Win rates over 200 games per side are measured
// with the balance command and reported, not asserted here.)
import { describe, expect, it } from 'vitest';
import { load, player } from './helpers';
import { newGame, validateOrders, viewFor } from '../../src/engine';
import { parsePlayer, PLAYER_NAMES } from '../../src/ai/player';
import { playMatch } from '../../src/ai/match';


describe('computer players', () => {
  const s = load('classroom-short');
  it.each(PLAYER_NAMES.filter((n) => n !== 'search:3'))('%s plays whole games with legal orders only', (name) => {
    // playMatch throws if any order is refused by the engine.
    for (const seed of ['a', 'b']) {
      const m = playMatch(s, seed, { beijing: player(name), moscow: player(name === 'random' ? 'greedy' : 'random') });
      expect(m.record.turns).toHaveLength(s.turns);
      for (const t of m.record.turns) expect(t.orders.beijing?.length ?? 0).toBeLessThanOrEqual(s.rules.maxOrdersPerTurn);
    }
  });

  it('decide from a view only, and decide the same way every time', () => {
    const g = newGame(s, 'same');
    if (!g.ok) throw new Error(g.error);
    const view = viewFor(s, g.value, 'moscow');
    expect('rng' in view).toBe(false);
    for (const name of ['random', 'greedy', 'varied', 'search:1']) {
      const p = player(name);
      const first = p.decide(s, view);
      expect(p.decide(s, view)).toEqual(first);
      expect(validateOrders(s, g.value, 'moscow', first).ok).toBe(true);
    }
  });

  it('the rule of thumb beats random play on both sides', () => {
    const sam = load('samarkand-2022');
    let greedyWins = 0;
    const games = 8;
    for (let i = 0; i < games; i++) {
      if (playMatch(sam, `g${i}`, { beijing: player('greedy'), moscow: player('random') }, {}, false).winner === 'beijing') greedyWins++;
      if (playMatch(sam, `g${i}`, { beijing: player('random'), moscow: player('greedy') }, {}, false).winner === 'moscow') greedyWins++;
    }
    expect(greedyWins).toBeGreaterThanOrEqual(15);
  });

  it('rejects unknown player names with the list of valid ones', () => {
    expect(parsePlayer('search:4')).toMatchObject({ ok: false, error: expect.stringContaining('random, greedy, varied, search:1, search:2, search:3') });
  });
});
