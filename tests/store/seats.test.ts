// Seats in the store: each computer plays at its own strength, people seated together play
// in hot seat (three or more too).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/engine';
import { loadScenarioText } from '../../src/engine';
import type { ComputerPlayers, Mode } from '../../src/store/gameStore';
import { createGameStore, handedOver, inProcessPlayers } from '../../src/store/gameStore';
import { mini } from '../fixtures/mini';

const classroom: Scenario = (() => {
  const r = loadScenarioText(readFileSync(join(__dirname, '../../scenarios/classroom-short.json'), 'utf8'));
  if (!r.ok) throw new Error('invalid');
  return r.value;
})();
const three = mini((x) => {
  x.powers.push({ id: 'east', name: 'East', color: '#223311', home: 'northland', income: 9, startBudget: 9, tracks: [] });
  for (const c of x.countries) {
    if (c.role !== 'contested') continue;
    c.influence.east = 25;
    c.dependence.economic.east = 0;
    c.dependence.security.east = 0;
  }
  x.actions[0]?.powers.push('east');
  x.actions[1]?.powers.push('east');
});
/** The in-process players, noting who was asked to play which power at which strength. */
const spy = (): ComputerPlayers & { asked: string[] } => {
  const asked: string[] = [];
  return {
    asked,
    decide(scenario, gameId, view, player) {
      asked.push(`${view.viewer}=${player}`);
      return inProcessPlayers.decide(scenario, gameId, view, player);
    },
  };
};
describe('seats', () => {
  it('each computer plays at its own strength; people play in the order of the powers', () => {
    const players = spy();
    const store = createGameStore(null, players);
    const mode: Mode = { kind: 'seats', seats: [{ power: 'north', player: { computer: 'random' } }, { power: 'south', player: 'human' }, { power: 'east', player: { computer: 'greedy' } }] };
    expect(store.getState().startGame(three, 'three', mode)).toBe(true);
    expect(store.getState().session?.activePower).toBe('south');
    expect(store.getState().session?.handover).toBe(false);
    store.getState().endTurn();
    expect(players.asked).toEqual(['north=random', 'east=greedy']);
    expect(store.getState().session?.record.turns).toHaveLength(1);
  });

  it('three powers: two people in hot seat and a computer; the turn is played once both people have handed over', () => {
    const players = spy();
    const store = createGameStore(null, players);
    const mode: Mode = { kind: 'seats', seats: [{ power: 'north', player: 'human' }, { power: 'south', player: { computer: 'greedy' } }, { power: 'east', player: 'human' }] };
    store.getState().startGame(three, 'three', mode);
    expect(store.getState().session).toMatchObject({ activePower: 'north', handover: true });
    store.getState().confirmHandover();
    store.getState().queueOrder({ type: 'diplomacy', action: 'visit', country: 'alpha' });
    store.getState().endTurn();
    const mid = store.getState().session;
    expect(mid).toMatchObject({ activePower: 'east', handover: true });
    expect(mid && handedOver(mid)).toEqual(['north']);
    expect(players.asked).toEqual([]);
    store.getState().confirmHandover();
    store.getState().endTurn();
    expect(players.asked).toEqual(['south=greedy']);
    const after = store.getState().session;
    expect(after?.record.turns).toHaveLength(1);
    expect(after?.reports[0]?.orders.north).toEqual([{ type: 'diplomacy', action: 'visit', country: 'alpha' }]);
    expect(after).toMatchObject({ activePower: 'north', handover: true });
  });

  it('nobody seated: every power is the computer\'s and End turn (Next turn) plays the turn', () => {
    const players = spy();
    const store = createGameStore(null, players);
    store.getState().startGame(three, 'w', { kind: 'seats', seats: three.powers.map((p) => ({ power: p.id, player: { computer: 'greedy' } })) });
    expect(store.getState().session).toMatchObject({ activePower: null, handover: false });
    store.getState().endTurn();
    expect(players.asked).toEqual(['north=greedy', 'south=greedy', 'east=greedy']);
    expect(store.getState().session?.record.turns).toHaveLength(1);
  });

  it('seats that cannot play are refused before the game starts', () => {
    const store = createGameStore();
    expect(store.getState().startGame(classroom, 's', { kind: 'seats', seats: [{ power: 'beijing', player: 'human' }] })).toBe(false);
    expect(store.getState().message?.text).toBe('This game cannot start: nobody sits at the power "moscow".');
    expect(store.getState().session).toBeNull();
  });
});
