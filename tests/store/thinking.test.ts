// Computer players that think elsewhere (the page's Web Worker): while they do, the game
// waits in a "thinking" state that nothing can change, an answer for a game no longer
// shown is dropped, and a failure leaves the game as it was before End turn.
import { describe, expect, it } from 'vitest';
import type { Order, Scenario } from '../../src/engine';
import { createGameStore } from '../../src/store/gameStore';
import { inProcessPlayers } from '../../src/store/inProcessPlayers';
import type { ComputerPlayers } from '../../src/store/gameStore';
import { shippedScenario } from '../fixtures/shipped';

const scenario = shippedScenario('classroom-short');
const visit = { type: 'diplomacy', action: 'state-visit', country: 'kazakhstan' } as const;

/** Computer players whose answers the test releases (as a worker's would arrive later). */
function deferred(): ComputerPlayers & { release(fail?: boolean): Promise<void>; asked: number } {
  const waiting: { resolve: (o: Order[]) => void; reject: (e: Error) => void; orders: Order[] }[] = [];
  const me = {
    asked: 0,
    decide: (s: Scenario, id: string, view: Parameters<ComputerPlayers['decide']>[2], player: string) => {
      me.asked++;
      const orders = inProcessPlayers.decide(s, id, view, player) as Order[];
      return new Promise<Order[]>((resolve, reject) => waiting.push({ resolve, reject, orders }));
    },
    async release(fail = false) {
      for (const w of waiting.splice(0)) {
        if (fail) w.reject(new Error('the worker stopped'));
        else w.resolve(w.orders);
      }
      await new Promise((r) => setTimeout(r, 0));
    },
  };
  return me;
}

describe('computer players thinking in a worker', () => {
  it('the turn waits, nothing changes it meanwhile, then it resolves exactly as in-process', async () => {
    const players = deferred();
    const store = createGameStore(null, players);
    const same = createGameStore(null, inProcessPlayers);
    for (const st of [store, same]) {
      st.getState().startGame(scenario, 'w', { kind: 'vs-computer', human: 'moscow', computer: 'greedy' });
      st.getState().queueOrder(visit);
      st.getState().endTurn();
    }
    expect(store.getState().thinking).toBe(true);
    expect(store.getState().session?.reports).toHaveLength(0);
    expect(store.getState().queueOrder(visit)).toBe(false);
    store.getState().endTurn();
    expect(players.asked).toBe(1);
    await players.release();
    expect(store.getState().thinking).toBe(false);
    expect(store.getState().session?.record.state).toEqual(same.getState().session?.record.state);
    expect(store.getState().session?.activePower).toBe('moscow');
  });

  it('an answer for a game no longer shown is dropped', async () => {
    const players = deferred();
    const store = createGameStore(null, players);
    store.getState().startGame(scenario, 'old', { kind: 'vs-computer', human: 'moscow', computer: 'greedy' });
    store.getState().endTurn();
    expect(store.getState().thinking).toBe(true);
    store.getState().startGame(scenario, 'new', { kind: 'vs-computer', human: 'beijing', computer: 'greedy' });
    expect(store.getState().thinking).toBe(false);
    await players.release();
    expect(store.getState().session?.record.seed).toBe('new');
    expect(store.getState().session?.reports).toHaveLength(0);
    expect(store.getState().thinking).toBe(false);
  });

  it('a failure leaves the game as it was before End turn, with the reason', async () => {
    const players = deferred();
    const store = createGameStore(null, players);
    store.getState().startGame(scenario, 'f', { kind: 'vs-computer', human: 'moscow', computer: 'greedy' });
    store.getState().queueOrder(visit);
    const before = store.getState().session;
    store.getState().endTurn();
    await players.release(true);
    expect(store.getState().thinking).toBe(false);
    expect(store.getState().session).toBe(before);
    expect(store.getState().session?.pending.get('moscow')).toEqual([visit]);
    expect(store.getState().message?.text).toContain('the worker stopped');
  });
});
