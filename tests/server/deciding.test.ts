// The hub with the real room model and computer players whose decisions the test answers by
// hand (the `decide` the worker pool gives on a real server): a closing stage is logged, its
// decisions asked for, and each answer logged through the same commit as any entry; the
// facilitator's end while a decision is pending, a failed decision, and a restart mid-decision.
import { afterEach, describe, expect, it } from 'vitest';
import type { Decision } from '../../src/classroom/decide';
import { decide } from '../../src/classroom/decide';
import type { LogEntry, RoomCreation, RoomState } from '../../src/classroom/room';
import * as roomModel from '../../src/classroom/room';
import type { Conn } from '../../src/server/hub';
import { Hub } from '../../src/server/hub';
import { MemoryStore } from '../../src/server/storage';
import type { Msg, TestPeer } from './testPeer';
import { joinHub } from './testPeer';
import { loadShipped } from '../engine/helpers';
import { SAVE_VERSION } from '../../src/engine';

const scenario = loadShipped('classroom-short');

const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 5));
async function until(ok: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 400 && !ok(); i++) await tick();
  if (!ok()) throw new Error(`waited in vain for ${what}`);
}

/** Decisions asked for, answered when the test says. */
class HandDecider {
  asked: { decision: Decision; resolve(v: unknown): void; reject(e: Error): void }[] = [];
  decide = (d: unknown): Promise<unknown> => new Promise((resolve, reject) => this.asked.push({ decision: d as Decision, resolve, reject }));
}

const hubs: Hub<RoomCreation, RoomState, LogEntry>[] = [];
afterEach(() => {
  for (const h of hubs.splice(0)) h.close();
});

const creation = (code: string): RoomCreation => ({
  code,
  facilitator: `facilitator-secret-${code}`,
  teamCodes: scenario.powers.map((p, i) => ({ role: p.id, code: `${code}T${i}` })),
  scenario,
  seed: `deciding-${code}`,
  settings: { orderSeconds: 0, stanceSeconds: 0, missing: { kind: 'pass' } },
  at: 0,
  rules: SAVE_VERSION,
});

function setup(store = new MemoryStore<RoomCreation, LogEntry>(), decider = new HandDecider()) {
  const logs: string[] = [];
  const hub = new Hub(roomModel, store, { log: (l) => logs.push(l), decide: decider.decide });
  hubs.push(hub);
  const join = (token: string): { peer: TestPeer; conn: Conn } => joinHub(hub, token);
  let id = 1;
  const say = (c: { conn: Conn }, msg: object): number => {
    const n = id++;
    hub.frame(c.conn, JSON.stringify({ id: n, ...msg }));
    return n;
  };
  const answer = (c: { peer: TestPeer }, n: number): Msg | undefined => c.peer.got.find((m) => (m.t === 'ack' || m.t === 'refused') && m.id === n);
  const stored = (code: string): LogEntry[] => store.load(code)?.log ?? [];
  return { hub, store, logs, join, say, answer, stored, decider };
}

/** A started room whose Moscow is played by `player`, and whose Beijing team has just submitted: the stage is closing. */
async function closingRoom(t: ReturnType<typeof setup>, code: string, player = 'search:3') {
  t.hub.createRoom(creation(code));
  const f = t.join(`facilitator-secret-${code}`);
  const b = t.join(`${code}T0`);
  t.say(f, { t: 'seat', role: 'moscow', seat: { kind: 'computer', player } });
  t.say(f, { t: 'start' });
  await until(() => t.stored(code).some((e) => e.k === 'start'), 'the start');
  const n = t.say(b, { t: 'submit', orders: [] });
  await until(() => t.stored(code).some((e) => e.k === 'closing'), 'the closing entry');
  expect(t.answer(b, n)?.t).toBe('ack');
  return { f, b };
}

describe('computer players off the hub\'s thread', () => {
  it('asks for the decision after the stage begins to close, and logs its answer through the commit like any entry', async () => {
    const t = setup();
    const { f, b } = await closingRoom(t, 'DEC01', 'greedy');
    await until(() => t.decider.asked.length === 1, 'the decision asked for');
    const asked = t.decider.asked[0]!;
    expect(asked.decision).toMatchObject({ kind: 'orders', role: 'moscow', player: 'greedy' });
    // While it decides, the frozen stage refuses changes; messages go on.
    const resolveNow = t.say(f, { t: 'resolve-now' });
    const withdraw = t.say(b, { t: 'withdraw' });
    const note = t.say(b, { t: 'say', to: { kind: 'team', role: 'moscow' }, text: 'hello' });
    await until(() => t.answer(b, note) !== undefined, 'the note acknowledged');
    expect(t.answer(f, resolveNow)).toMatchObject({ t: 'refused', reason: 'the computer players are deciding: the turn moves on in a moment' });
    expect(t.answer(b, withdraw)?.t).toBe('refused');
    // Every device is told the computer players are deciding (no timer runs meanwhile).
    const lastRoom = (): { deciding?: boolean; timer?: unknown } | undefined => f.peer.got.filter((m) => m.t === 'room').at(-1)?.room as { deciding?: boolean } | undefined;
    expect(lastRoom()).toMatchObject({ deciding: true, timer: { kind: 'off' } });
    const orders = decide(asked.decision);
    asked.resolve(orders);
    await until(() => t.stored('DEC01').some((e) => e.k === 'close-orders'), 'the stage closed');
    const log = t.stored('DEC01');
    expect(log.filter((e) => e.k === 'computer-orders')).toEqual([{ at: expect.any(Number) as number, k: 'computer-orders', role: 'moscow', orders: (orders as { orders: unknown }).orders }]);
    const close = log.find((e) => e.k === 'close-orders');
    expect(close?.k === 'close-orders' && close.fill).toEqual({ moscow: (orders as { orders: unknown }).orders });
    expect(t.hub.roomStates()[0]?.record.state.turn).toBe(2);
    await until(() => lastRoom()?.deciding === undefined, 'the room told the decision is in');
    expect(t.decider.asked).toHaveLength(1);
  });

  it('the facilitator ends the game while a decision is pending: its answer is dropped, nothing is logged twice', async () => {
    const t = setup();
    const { f } = await closingRoom(t, 'DEC02', 'greedy');
    await until(() => t.decider.asked.length === 1, 'the decision asked for');
    const end = t.say(f, { t: 'end' });
    await until(() => t.answer(f, end) !== undefined, 'the end acknowledged');
    expect(t.answer(f, end)?.t).toBe('ack');
    t.decider.asked[0]!.resolve(decide(t.decider.asked[0]!.decision));
    await tick();
    await tick();
    const log = t.stored('DEC02');
    expect(log.map((e) => e.k).slice(-2)).toEqual(['closing', 'end']);
    expect(t.hub.roomStates()[0]?.phase).toBe('ended');
  });

  it('a decision that fails is reported on the server, and the power gives no orders: the game goes on', async () => {
    const t = setup();
    await closingRoom(t, 'DEC03', 'greedy');
    await until(() => t.decider.asked.length === 1, 'the decision asked for');
    t.decider.asked[0]!.reject(new Error("the computer player's thread stopped (exit code 1)"));
    await until(() => t.stored('DEC03').some((e) => e.k === 'close-orders'), 'the stage closed');
    expect(t.logs.some((l) => l.includes('DEC03') && l.includes('exit code 1'))).toBe(true);
    const decided = t.stored('DEC03').find((e) => e.k === 'computer-orders');
    expect(decided).toMatchObject({ role: 'moscow', orders: [], failed: "the computer player's thread stopped (exit code 1)" });
    const room = t.hub.roomStates()[0]!;
    expect(room.record.state.turn).toBe(2);
    expect(room.news.at(-1)?.text).toBe("Moscow's computer player could not decide this turn: it gives no orders.");
  });

  it('a server stopped mid-decision asks again when it starts: one answer logged, the same as if never stopped', async () => {
    const store = new MemoryStore<RoomCreation, LogEntry>();
    const first = setup(store);
    await closingRoom(first, 'DEC04', 'greedy');
    await until(() => first.decider.asked.length === 1, 'the decision asked for');
    const before = first.decider.asked[0]!.decision;
    first.hub.close();
    // The stopped hub's answer comes too late: dropped.
    first.decider.asked[0]!.resolve(decide(before));
    await tick();
    expect(store.load('DEC04')?.log.some((e) => e.k === 'computer-orders')).toBe(false);

    const second = setup(store);
    second.hub.load();
    await until(() => second.decider.asked.length === 1, 'the decision asked again');
    expect(second.decider.asked[0]!.decision).toEqual(before);
    const again = decide(second.decider.asked[0]!.decision);
    second.decider.asked[0]!.resolve(again);
    await until(() => second.stored('DEC04').some((e) => e.k === 'close-orders'), 'the stage closed');
    expect(second.stored('DEC04').filter((e) => e.k === 'closing' || e.k === 'computer-orders').map((e) => e.k)).toEqual(['closing', 'computer-orders']);
    expect(second.decider.asked).toHaveLength(1);
  }, 30_000);
});
