// Ids are just names in the store too (issue 8, D1): a scenario whose ids are the names of
// JavaScript built-ins ("constructor", "keys"…) plays through the store exactly like any
// other — queue, end turn, hot seat, autosave, resume, replay, export and import, the
// debrief's charts — and nothing outside the game changes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/engine';
import { legalOrders, loadScenarioText } from '../../src/engine';
import { inProcessPlayers } from '../../src/store/inProcessPlayers';
import { createGameStore } from '../../src/store/gameStore';
import { influenceSeries } from '../../src/ui/charts';
import { builtinsChanged, fingerprintBuiltins } from '../fixtures/hostile/builtins';
import { memoryStorage } from '../fixtures/shipped';

/** The blank template with Kyrgyzstan called "constructor" and Moscow "keys" (the reproduction). */
export function builtinNamedScenario(): Scenario {
  const text = readFileSync(join(__dirname, '../../scenarios/templates/blank.json'), 'utf8').replaceAll('"kyrgyzstan"', '"constructor"').replaceAll('"moscow"', '"keys"');
  const r = loadScenarioText(text);
  if (!r.ok) throw new Error(`the renamed template is invalid: ${JSON.stringify(r.error)}`);
  return r.value;
}
const memory = memoryStorage;

describe('a scenario whose ids are built-in names, through the store', () => {
  const scenario = builtinNamedScenario();

  it('against the computer: queue in "constructor", end turns, autosave, resume, replay, export and import', () => {
    const before = fingerprintBuiltins();
    const storage = memory();
    const store = createGameStore(storage, inProcessPlayers);
    expect(store.getState().startGame(scenario, 's1', { kind: 'vs-computer', human: 'keys', computer: 'greedy' })).toBe(true);
    for (let turn = 1; turn <= 3; turn++) {
      const s = store.getState().session;
      if (!s) throw new Error('no session');
      store.getState().selectCountry('constructor');
      const order = legalOrders(scenario, s.record.state, 'keys').find((o) => o.order.type !== 'project' && o.order.country === 'constructor');
      if (!order) throw new Error('no order in "constructor"');
      expect(store.getState().queueOrder(order.order), store.getState().message?.text).toBe(true);
      expect(store.getState().session?.pending.get('keys')).toEqual([order.order]);
      store.getState().endTurn();
      expect(store.getState().message).toBeNull();
      expect(store.getState().session?.record.turns).toHaveLength(turn);
    }
    const played = store.getState().session;
    expect(played?.reports[0]?.orders.keys?.[0]).toMatchObject({ country: 'constructor' });
    // Reopening the page continues it.
    const again = createGameStore(storage, inProcessPlayers);
    expect(again.getState().resumeAutosave(), again.getState().message?.text).toBe(true);
    expect(again.getState().session?.record.state).toEqual(played?.record.state);
    // The replay rebuilds it, and its charts read "constructor".
    again.getState().startReplay();
    expect(again.getState().replay?.states).toHaveLength(4);
    const series = influenceSeries(scenario, again.getState().session?.reports ?? [], 'constructor');
    expect([...series.keys()]).toEqual(['beijing', 'keys']);
    expect(series.get('keys')).toHaveLength(4);
    expect(series.get('keys')?.every((v) => typeof v === 'number')).toBe(true);
    // Exported and imported into a fresh page.
    const exported = again.getState().exportSave() ?? '';
    const other = createGameStore(memory(), inProcessPlayers);
    expect(other.getState().importSave(exported)).toBe(true);
    expect(other.getState().session?.record.state).toEqual(played?.record.state);
    expect(builtinsChanged(before, fingerprintBuiltins())).toEqual([]);
  });

  it('two players on one device: "keys" waits for "beijing" (an inherited name is not an order already given)', () => {
    const before = fingerprintBuiltins();
    const store = createGameStore(null, inProcessPlayers);
    store.getState().startGame(scenario, 'h', { kind: 'hot-seat' });
    store.getState().confirmHandover();
    store.getState().endTurn();
    // Beijing has finished; "keys" (and no inherited name) is next.
    expect(store.getState().session?.activePower).toBe('keys');
    expect(store.getState().session?.record.turns).toHaveLength(0);
    store.getState().confirmHandover();
    store.getState().endTurn();
    expect(store.getState().session?.record.turns).toHaveLength(1);
    expect(builtinsChanged(before, fingerprintBuiltins())).toEqual([]);
  });

  it('a power called "constructor" also waits its turn in the hot seat', () => {
    const text = readFileSync(join(__dirname, '../../scenarios/templates/blank.json'), 'utf8').replaceAll('"moscow"', '"constructor"');
    const r = loadScenarioText(text);
    if (!r.ok) throw new Error('invalid');
    const store = createGameStore(null, inProcessPlayers);
    store.getState().startGame(r.value, 'h', { kind: 'hot-seat' });
    store.getState().confirmHandover();
    store.getState().endTurn();
    // With orders kept in a plain object, `"constructor" in pending` was already true: the turn resolved without its orders.
    expect(store.getState().session?.activePower).toBe('constructor');
    expect(store.getState().session?.record.turns).toHaveLength(0);
  });
});
