// The page's computer players: they think in a Web Worker (src/workers/playerWorker.ts), so
// the page stays responsive while a strong player searches. Each game's scenario is sent
// once; every request carries an id and is answered by it. A worker that dies fails the
// requests waiting on it (the store keeps the game as it was) and is started afresh next time.
import type { Order } from '../engine';
import type { ComputerPlayers } from '../store/gameStore';
import type { PlayerAnswer, PlayerRequest } from '../workers/playerWorker';

export function workerPlayers(): ComputerPlayers {
  // Without workers the players think on the page, loaded when first needed (not in the first load).
  if (typeof Worker === 'undefined') {
    return { decide: async (scenario, gameId, view, player) => (await import('../store/inProcessPlayers')).inProcessPlayers.decide(scenario, gameId, view, player) };
  }
  let worker: Worker | null = null;
  let sentFor: string | null = null;
  let next = 1;
  const waiting = new Map<number, { resolve: (o: Order[]) => void; reject: (e: Error) => void }>();
  const fresh = (): Worker => {
    const w = new Worker(new URL('../workers/playerWorker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (e: MessageEvent<PlayerAnswer>) => {
      const m = e.data;
      const wait = waiting.get(m.id);
      if (!wait) return;
      waiting.delete(m.id);
      if (m.kind === 'orders') wait.resolve(m.orders);
      else wait.reject(new Error(m.message));
    };
    w.onerror = (e) => {
      e.preventDefault();
      for (const x of waiting.values()) x.reject(new Error(`the computer player stopped: ${e.message || 'worker error'}`));
      waiting.clear();
      w.terminate();
      worker = null;
      sentFor = null;
    };
    return w;
  };
  const send = (m: PlayerRequest): void => (worker ??= fresh()).postMessage(m);
  return {
    decide(scenario, gameId, view, player) {
      if (sentFor !== gameId || worker === null) {
        send({ kind: 'scenario', key: gameId, scenario });
        sentFor = gameId;
      }
      const id = next++;
      return new Promise<Order[]>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        send({ kind: 'decide', id, key: gameId, view, player });
      });
    },
  };
}
