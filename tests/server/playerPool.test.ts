// The computer players' threads (src/server/playerPool.ts): an answer from a thread is the
// answer the room model would have given on the server's own thread, for the same decision;
// a thread that throws, dies or hangs fails only its own decision, and the pool goes on.
import { afterEach, describe, expect, it } from 'vitest';
import type { ClientMessage, Identity } from '../../src/classroom/protocol';
import type { RoomState } from '../../src/classroom/room';
import { applyEntry, createRoom, dueEntries, handleMessage, pendingDecisions } from '../../src/classroom/room';
import { decide } from '../../src/classroom/decide';
import { PlayerPool } from '../../src/server/playerPool';
import { loadShipped } from '../engine/helpers';
import { SAVE_VERSION } from '../../src/engine';

const scenario = loadShipped('classroom-short');
const pools: PlayerPool[] = [];
afterEach(async () => {
  for (const p of pools.splice(0)) await p.close();
});
const pool = (opts: ConstructorParameters<typeof PlayerPool>[0] = {}): PlayerPool => {
  const p = new PlayerPool(opts);
  pools.push(p);
  return p;
};
const misbehaving = new URL('./misbehavingWorker.mjs', import.meta.url);
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** A classroom-short room whose orders stage is closing, waiting for the computer players seated (powers and republics). */
function closingRoom(seats: Record<string, string>): RoomState {
  const room = createRoom({ code: 'POOL1', facilitator: 'f'.repeat(24), teamCodes: [], scenario, seed: 'pool', settings: { orderSeconds: 60, stanceSeconds: 0, missing: { kind: 'pass' } }, at: 0, rules: SAVE_VERSION });
  const FAC: Identity = { kind: 'facilitator' };
  const act = (msg: ClientMessage extends infer M ? (M extends unknown ? Omit<M, 'id'> : never) : never): void => {
    const got = handleMessage(room, FAC, { id: 1, ...msg } as ClientMessage, 1000);
    if (!got.ok) throw new Error(got.error);
    for (const e of got.value) applyEntry(room, e);
  };
  for (const [role, player] of Object.entries(seats)) act({ t: 'seat', role, seat: { kind: 'computer', player } });
  act({ t: 'start' });
  act({ t: 'resolve-now' });
  expect(room.closing).not.toBeNull();
  expect(dueEntries(room, 2000)).toEqual([]);
  return room;
}

describe('the computer players\' threads', () => {
  it('answer a search:3 power and a search republic exactly as the server\'s own thread would', async () => {
    const room = closingRoom({ beijing: 'search:3', moscow: 'greedy', kazakhstan: 'search' });
    const p = pool({ size: 2 });
    const powers = pendingDecisions(room);
    expect(powers.map((x) => x.decision.kind)).toEqual(['orders', 'orders']);
    const answers = await Promise.all(powers.map((x) => p.decide(x.decision)));
    for (const [i, x] of powers.entries()) expect(answers[i]).toEqual(decide(x.decision));
    expect((answers[0] as { orders: unknown[] }).orders.length).toBeGreaterThan(0);
    // Once the powers have answered, the republic decides on their orders.
    for (const [i, x] of powers.entries()) applyEntry(room, { at: 3000, k: 'computer-orders', role: x.decision.role, orders: (answers[i] as { orders: never[] }).orders });
    const republics = pendingDecisions(room);
    expect(republics.map((x) => `${x.decision.kind} ${x.decision.role}`)).toEqual(['stance kazakhstan']);
    const republic = republics[0]!;
    expect(await p.decide(republic.decision)).toEqual(decide(republic.decision));
  }, 60_000);

  it('a thread that throws, dies or hangs fails only its decision; the next is answered', async () => {
    const p = pool({ size: 1, script: misbehaving, timeoutMs: 1500 });
    expect(await p.decide({ n: 1 })).toEqual({ echo: { n: 1 } });
    await expect(p.decide({ throw: true })).rejects.toThrow('a bug in the player');
    expect(await p.decide({ n: 2 })).toEqual({ echo: { n: 2 } });
    await expect(p.decide({ exit: 3 })).rejects.toThrow('exit code 3');
    expect(await p.decide({ n: 3 })).toEqual({ echo: { n: 3 } });
    await expect(p.decide({ hang: true })).rejects.toThrow('no answer in 2 s');
    expect(await p.decide({ n: 4 })).toEqual({ echo: { n: 4 } });
    // Queued behind a busy thread, then answered in turn.
    expect(await Promise.all([p.decide({ n: 5 }), p.decide({ n: 6 })])).toEqual([{ echo: { n: 5 } }, { echo: { n: 6 } }]);
    expect(p.running).toBe(1);
  }, 30_000);

  it('closing fails what is waiting, and starts nothing after', async () => {
    const p = pool({ size: 1, script: misbehaving });
    const busy = expect(p.decide({ hang: true })).rejects.toThrow('the server is stopping');
    const queued = expect(p.decide({ n: 1 })).rejects.toThrow('the server is stopping');
    await p.close();
    await busy;
    await queued;
    await expect(p.decide({ n: 2 })).rejects.toThrow('the server is stopping');
  });

  it("decides for different rooms at once; one room's decisions one at a time, answered in the order asked", async () => {
    const p = pool({ size: 3, script: misbehaving });
    const gate = new SharedArrayBuffer(8);
    const g = new Int32Array(gate);
    const answered: string[] = [];
    const ask = (room: string, n: number, gated: boolean): Promise<unknown> => p.decide(gated ? { n, gate } : { n }, room).then((v) => answered.push(`${room}${n}`) && v);
    const all = Promise.all([ask('A', 1, true), ask('A', 2, false), ask('B', 1, true)]);
    // Room A's first and room B's decisions are both being made, each on a thread of its own.
    for (let i = 0; i < 400 && Atomics.load(g, 1) < 2; i++) await sleep(25);
    expect(Atomics.load(g, 1)).toBe(2);
    // A third thread is free, yet room A's second decision waits for its first.
    await sleep(100);
    expect(answered).toEqual([]);
    expect(p.running).toBe(2);
    Atomics.store(g, 0, 1);
    Atomics.notify(g, 0);
    expect(await all).toEqual([{ echo: 1 }, { echo: { n: 2 } }, { echo: 1 }]);
    expect(answered.indexOf('A1')).toBeLessThan(answered.indexOf('A2'));
  }, 30_000);

  it('starts no thread until a decision is asked for', () => {
    expect(pool().running).toBe(0);
  });
});
