import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUTOSAVE_KEY, createGameStore } from '../../src/store/gameStore';
import { inProcessPlayers } from '../../src/store/inProcessPlayers';
import { memoryStorage, shippedScenario } from '../fixtures/shipped';

const scenario = shippedScenario('classroom-short');
const memory = memoryStorage;
const visit = { type: 'diplomacy', action: 'state-visit', country: 'kazakhstan' } as const;

describe('game store', () => {
  it('queues legal orders, refuses illegal ones with the reason, and undoes', () => {
    const store = createGameStore(null, inProcessPlayers);
    expect(store.getState().startGame(scenario, 's', { kind: 'vs-computer', human: 'beijing', computer: 'greedy' })).toBe(true);
    const s = store.getState();
    expect(s.queueOrder(visit)).toBe(true);
    expect(s.queueOrder(visit)).toBe(false);
    expect(store.getState().message?.text).toMatch(/the same order twice/);
    expect(s.queueOrder({ type: 'security-deal', action: 'csto-guarantee', country: 'kazakhstan' })).toBe(false);
    expect(store.getState().message?.text).toMatch(/Beijing cannot order/);
    expect(store.getState().session?.pending.get('beijing')).toEqual([visit]);
    store.getState().removeOrder(0);
    expect(store.getState().session?.pending.get('beijing')).toEqual([]);
  });

  it('ends the turn: the computer answers, the turn resolves and is autosaved', () => {
    const storage = memory();
    const store = createGameStore(storage, inProcessPlayers);
    store.getState().startGame(scenario, 's', { kind: 'vs-computer', human: 'moscow', computer: 'greedy' });
    store.getState().queueOrder({ type: 'diplomacy', action: 'state-visit', country: 'uzbekistan' });
    store.getState().endTurn();
    const session = store.getState().session;
    expect(session?.record.turns).toHaveLength(1);
    expect(session?.reports[0]?.orders.moscow).toEqual([{ type: 'diplomacy', action: 'state-visit', country: 'uzbekistan' }]);
    expect((session?.reports[0]?.orders.beijing ?? []).length).toBeGreaterThan(0);
    expect(session?.pending.size).toBe(0);
    const resumed = createGameStore(storage, inProcessPlayers);
    expect(resumed.getState().resumeAutosave(), resumed.getState().message?.text).toBe(true);
    expect(resumed.getState().session?.record.state).toEqual(session?.record.state);
  });

  it('hot seat: the second player enters orders only after the first has finished, and the turn resolves after both', () => {
    const store = createGameStore(null, inProcessPlayers);
    store.getState().startGame(scenario, 'h', { kind: 'hot-seat' });
    expect(store.getState().session?.activePower).toBe('beijing');
    expect(store.getState().session?.handover).toBe(true);
    store.getState().confirmHandover();
    store.getState().selectCountry('kazakhstan');
    store.getState().queueOrder(visit);
    store.getState().endTurn();
    expect(store.getState().selectedCountry).toBeNull();
    const mid = store.getState().session;
    expect(mid?.activePower).toBe('moscow');
    expect(mid?.handover).toBe(true);
    expect(mid?.record.turns).toHaveLength(0);
    store.getState().confirmHandover();
    store.getState().endTurn();
    expect(store.getState().session?.record.turns).toHaveLength(1);
    expect(store.getState().session?.activePower).toBe('beijing');
  });

  it('a broken or foreign save file is refused with a message and the game is untouched', () => {
    const store = createGameStore(null, inProcessPlayers);
    store.getState().startGame(scenario, 'x', { kind: 'vs-computer', human: 'beijing', computer: 'greedy' });
    store.getState().endTurn();
    const before = store.getState().session;
    for (const bad of ['not json', '{"format":"something-else"}', (store.getState().exportSave() ?? '').replace(/"hash":"[0-9a-f]+"/, '"hash":"0000000000000000"')]) {
      expect(store.getState().importSave(bad)).toBe(false);
      expect(store.getState().message?.text).toMatch(/cannot be loaded.*unchanged/);
      expect(store.getState().session).toBe(before);
    }
  });

  it('a good save file loads, and a damaged autosave is refused', () => {
    const a = createGameStore(null, inProcessPlayers);
    a.getState().startGame(scenario, 'y', { kind: 'vs-computer', human: 'beijing', computer: 'greedy' });
    a.getState().endTurn();
    const b = createGameStore(null, inProcessPlayers);
    expect(b.getState().importSave(a.getState().exportSave() ?? '')).toBe(true);
    expect(b.getState().session?.record.state).toEqual(a.getState().session?.record.state);
    const storage = memory();
    storage.set(AUTOSAVE_KEY, '{"save": 1, "mode": {"kind": "nonsense"}}');
    const c = createGameStore(storage, inProcessPlayers);
    expect(c.getState().resumeAutosave()).toBe(false);
    expect(c.getState().session).toBeNull();
  });
});

describe('replay viewer', () => {
  it('steps through the recorded game from the start to the current state', () => {
    const store = createGameStore(null, inProcessPlayers);
    store.getState().startGame(scenario, 'r', { kind: 'vs-computer', human: 'beijing', computer: 'greedy' });
    store.getState().queueOrder(visit);
    store.getState().endTurn();
    store.getState().endTurn();
    store.getState().startReplay();
    const replay = store.getState().replay;
    expect(replay?.states).toHaveLength(3);
    expect(replay?.states[2]).toEqual(store.getState().session?.record.state);
    expect(replay?.states[0]?.turn).toBe(1);
    store.getState().replayStep(5);
    expect(store.getState().replay?.index).toBe(2);
    store.getState().replayStep(-9);
    expect(store.getState().replay?.index).toBe(0);
    store.getState().stopReplay();
    expect(store.getState().replay).toBeNull();
  });

  it('plays on from a replayed turn: a new game with the turns before it, the game it came from kept as the previous one', () => {
    const storage = memory();
    const store = createGameStore(storage, inProcessPlayers);
    store.getState().startGame(scenario, 'p', { kind: 'vs-computer', human: 'beijing', computer: 'greedy' });
    store.getState().queueOrder(visit);
    store.getState().endTurn();
    store.getState().endTurn();
    const original = store.getState().session;
    store.getState().startReplay();
    store.getState().replayStep(1);
    // The game in progress would be replaced: asked first, and "no" keeps it.
    expect(store.getState().playOnFromReplay()).toBe(false);
    expect(store.getState().question?.title).toMatch(/Replace your game/);
    store.getState().answer(false);
    expect(store.getState().session).toBe(original);
    store.getState().playOnFromReplay();
    store.getState().answer(true);
    const branch = store.getState().session;
    expect(branch?.gameId).not.toBe(original?.gameId);
    expect(branch?.record.turns).toEqual(original?.record.turns.slice(0, 1));
    expect(branch?.record.state.turn).toBe(2);
    expect(branch?.reports).toHaveLength(1);
    expect(store.getState().replay).toBeNull();
    expect(store.getState().message?.text).toMatch(/play on from turn 2 of 8.*kept as the previous game/);
    const previous = store.getState().saved.previous;
    expect(previous?.ok === true ? previous.gameId : null).toBe(original?.gameId);
    // The same orders from the branch point give the same game as before (same seed, same chances).
    store.getState().endTurn();
    expect(store.getState().session?.record.state).toEqual(original?.record.state);
  });
});

describe('opening files', () => {
  it('offers a valid scenario, refuses a broken one with its problems, and loads a save', () => {
    const store = createGameStore(null, inProcessPlayers);
    const text = readFileSync(join(__dirname, '../../scenarios/xian-2023.json'), 'utf8');
    expect(store.getState().openFile('xian.json', text)).toBe(true);
    expect(store.getState().customScenario?.id).toBe('xian-2023');
    expect(store.getState().openFile('broken.json', readFileSync(join(__dirname, '../fixtures/bad-scenarios/misspelt-power.json'), 'utf8'))).toBe(false);
    expect(store.getState().message?.text).toContain('broken.json: countries[0].influence.nrth: found power "nrth"');
    expect(store.getState().openFile('junk.json', 'not json')).toBe(false);
    expect(store.getState().message?.text).toBe('junk.json is not JSON, so it is neither a save nor a scenario.');
    // A scenario edited by hand, one comma short: the message says where, as `validate` does.
    expect(store.getState().openFile('mine.json', '{\n  "id": "mine"\n  "title": "Mine"\n}')).toBe(false);
    expect(store.getState().message?.text).toBe("mine.json is not JSON, so it is neither a save nor a scenario: Expected ',' or '}' after property value at line 3, column 3.");
    const other = createGameStore(null, inProcessPlayers);
    other.getState().startGame(scenario, 'f', { kind: 'vs-computer', human: 'beijing', computer: 'greedy' });
    other.getState().endTurn();
    expect(store.getState().openFile('save.json', other.getState().exportSave() ?? '')).toBe(true);
    expect(store.getState().session?.record.turns).toHaveLength(1);
  });
});
