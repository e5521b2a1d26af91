// Seats in the store: each computer plays at its own strength, people seated together play
// in hot seat (three or more too), the orders a seat has handed over survive a reload while
// staying sealed from the next seat, and leaving a game asks when it would lose orders.
import { describe, expect, it } from 'vitest';
import type { ComputerPlayers, Mode, SaveStorage } from '../../src/store/gameStore';
import { inProcessPlayers } from '../../src/store/inProcessPlayers';
import { AUTOSAVE_KEY, createGameStore, handedOver } from '../../src/store/gameStore';
import { miniThree } from '../fixtures/mini';
import { memoryStorage, shippedScenario } from '../fixtures/shipped';

const classroom = shippedScenario('classroom-short');
const three = miniThree();
const memory = memoryStorage;
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
const visit = { type: 'diplomacy', action: 'state-visit', country: 'kazakhstan' } as const;
const hotSeat: Mode = { kind: 'seats', seats: [{ power: 'beijing', player: 'human' }, { power: 'moscow', player: 'human' }] };
const stored = (storage: { data: Map<string, string> }): Record<string, unknown> => JSON.parse(storage.data.get(AUTOSAVE_KEY) ?? 'null') as Record<string, unknown>;

/** A hot-seat game of the classroom scenario where Beijing has queued a visit and handed over. */
function beijingHandedOver(storage: SaveStorage): ReturnType<typeof createGameStore> {
  const store = createGameStore(storage, inProcessPlayers);
  store.getState().startGame(classroom, 'seats', hotSeat);
  store.getState().confirmHandover();
  expect(store.getState().queueOrder(visit)).toBe(true);
  store.getState().endTurn();
  return store;
}

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
    const store = createGameStore(null, inProcessPlayers);
    expect(store.getState().startGame(classroom, 's', { kind: 'seats', seats: [{ power: 'beijing', player: 'human' }] })).toBe(false);
    expect(store.getState().message?.text).toBe('This game cannot start: nobody sits at the power "moscow".');
    expect(store.getState().session).toBeNull();
  });
});

describe('hot seat: orders handed over survive a reload, still sealed', () => {
  it('the autosave keeps the seats that handed over; reopening passes the device to the next seat', () => {
    const storage = memory();
    beijingHandedOver(storage);
    expect(stored(storage).pending).toEqual([{ power: 'beijing', orders: [visit] }]);
    const reopened = createGameStore(storage, inProcessPlayers);
    expect(reopened.getState().resumeAutosave()).toBe(true);
    const session = reopened.getState().session;
    expect(session).toMatchObject({ activePower: 'moscow', handover: true });
    expect(session?.pending.get('beijing')).toEqual([visit]);
    expect(reopened.getState().message).toEqual({ kind: 'info', text: "This turn's orders of Beijing were kept, still hidden. Pass the device to Moscow." });
    reopened.getState().confirmHandover();
    expect(reopened.getState().message).toBeNull();
    reopened.getState().endTurn();
    const played = reopened.getState().session;
    expect(played?.record.turns).toHaveLength(1);
    expect(played?.reports[0]?.orders.beijing).toEqual([visit]);
    // Once the turn is played nothing is pending, in memory or in the autosave.
    expect(played?.pending.size).toBe(0);
    expect(stored(storage).pending).toBeUndefined();
  });

  it('the seat at the device keeps its own unfinished queue out of the autosave', () => {
    const storage = memory();
    const store = beijingHandedOver(storage);
    store.getState().confirmHandover();
    store.getState().queueOrder({ type: 'diplomacy', action: 'state-visit', country: 'uzbekistan' });
    // Leaving (New game) asks, since Moscow's queue is not saved; the autosave still holds Beijing's only.
    store.getState().leaveGame();
    expect(store.getState().question).toMatchObject({ title: 'Leave this game?', yes: 'Leave it', no: 'Stay in the game' });
    expect(store.getState().question?.text).toMatch(/stays saved: Continue on the start screen brings it back\. The 1 order queued this turn is not saved and will be lost\.$/);
    store.getState().answer(true);
    expect(store.getState().session).toBeNull();
    expect(stored(storage).pending).toEqual([{ power: 'beijing', orders: [visit] }]);
    expect(store.getState().resumeAutosave()).toBe(true);
    expect(store.getState().session?.activePower).toBe('moscow');
  });

  it.each<[string, (pending: unknown[]) => unknown, string]>([
    ['orders that are not legal now', () => [{ power: 'beijing', orders: [visit, visit] }], 'they cannot be given now: the same order twice'],
    ['orders for a seat nobody plays at this device', () => [{ power: 'nobody', orders: [] }], '"nobody" is not a seat played on this device'],
    ['the same seat twice', (p) => [...p, ...p], '"beijing" has them twice'],
    ['every seat done (the turn would have been played)', (p) => [...p, { power: 'moscow', orders: [] }], 'every seat had given its orders'],
    ['not a list', () => ({ beijing: [visit] }), 'they are not orders the game knows'],
  ])('handed-over orders that cannot be restored (%s) are said, and every seat gives them again', (_name, change, why) => {
    const storage = memory();
    beijingHandedOver(storage);
    const json = stored(storage);
    storage.data.set(AUTOSAVE_KEY, JSON.stringify({ ...json, pending: change(json.pending as unknown[]) }));
    const reopened = createGameStore(storage, inProcessPlayers);
    expect(reopened.getState().resumeAutosave()).toBe(true);
    expect(reopened.getState().session).toMatchObject({ activePower: 'beijing', handover: true });
    expect(reopened.getState().session?.pending.size).toBe(0);
    const message = reopened.getState().message;
    expect(message?.kind).toBe('error');
    expect(message?.text).toContain(why);
    expect(message?.text).toMatch(/^The orders handed over this turn could not be restored \(.*\): every seat gives its orders again, starting with Beijing\.$/);
  });

  it('an autosave of the hot-seat mode before seats continues as two people', () => {
    const storage = memory();
    beijingHandedOver(storage);
    const json = stored(storage);
    storage.data.set(AUTOSAVE_KEY, JSON.stringify({ ...json, mode: { kind: 'hot-seat' } }));
    const reopened = createGameStore(storage, inProcessPlayers);
    expect(reopened.getState().resumeAutosave()).toBe(true);
    expect(reopened.getState().session?.mode).toEqual(hotSeat);
    expect(reopened.getState().session?.pending.get('beijing')).toEqual([visit]);
  });
});

describe('leaving a game (New game)', () => {
  it('goes at once when nothing would be lost, asks when this turn\'s queued orders would be', () => {
    const storage = memory();
    const store = createGameStore(storage, inProcessPlayers);
    store.getState().startGame(classroom, 'l', { kind: 'vs-computer', human: 'beijing', computer: 'greedy' });
    store.getState().endTurn();
    store.getState().queueOrder(visit);
    store.getState().leaveGame();
    expect(store.getState().question?.text).toBe('Your game of Classroom: the Samarkand years in eight turns at turn 2 of 8 stays saved: Continue on the start screen brings it back. The 1 order queued this turn is not saved and will be lost.');
    store.getState().answer(false);
    expect(store.getState().session?.pending.get('beijing')).toEqual([visit]);
    store.getState().removeOrder(0);
    store.getState().leaveGame();
    expect(store.getState().question).toBeNull();
    expect(store.getState().session).toBeNull();
  });
});
