// The hub with a fake room model: group commit (every message of one tick in one
// transaction), nothing acknowledged or sent before its commit, a failed commit refuses and
// rolls back, routing by audience, timers through the same commit path, and a restart
// rebuilding every room from the store.
import { constants, inflateRawSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import type { ServerMessage } from '../../src/classroom/protocol';
import type { Conn, HubOptions } from '../../src/server/hub';
import { Hub } from '../../src/server/hub';
import { MemoryStore } from '../../src/server/storage';
import type { Msg } from './testPeer';
import { TestPeer, joinHub } from './testPeer';
import type { FakeCreation, FakeEntry, FakeState } from './fakeRoom';
import { creation, fakeModel } from './fakeRoom';


const tick = (): Promise<void> => new Promise((r) => setImmediate(r));
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

const hubs: Hub<FakeCreation, FakeState, FakeEntry>[] = [];
afterEach(() => {
  for (const h of hubs.splice(0)) h.close();
});

function setup(store = new MemoryStore<FakeCreation, FakeEntry>(), opts: HubOptions = {}) {
  const logs: string[] = [];
  const hub = new Hub(fakeModel, store, { log: (l) => logs.push(l), maxPerRoom: 4, unloadAfterMs: 30, ...opts });
  hubs.push(hub);
  const join = (token: string): { peer: TestPeer; conn: Conn } => joinHub(hub, token);
  const say = (c: { conn: Conn }, msg: object): void => hub.frame(c.conn, JSON.stringify(msg));
  return { hub, store, logs, join, say };
}

describe('hub', () => {
  it('welcomes a known token and refuses an unknown one, closing after too many wrong codes', () => {
    const { hub, join } = setup();
    hub.createRoom(creation('ROOM1'));
    const f = join('secret-ROOM1');
    expect(f.peer.got.map((m) => m.t)).toEqual(['welcome', 'ack']);
    expect(f.peer.got[0]?.you).toEqual({ kind: 'facilitator' });
    const stranger = new TestPeer();
    const conn = hub.connect(stranger);
    for (let i = 0; i < 5; i++) hub.frame(conn, JSON.stringify({ t: 'hello', id: i, token: `WRONG${i}` }));
    expect(stranger.got.every((m) => m.t === 'refused')).toBe(true);
    expect(stranger.closed).toBe(1008);
  });

  it('commits every message of one tick in one transaction, and acks only after it', async () => {
    // No bound on the batch: however slow this machine is between the three frames, they are one tick's.
    const { hub, store, join, say } = setup(undefined, { maxBatchMs: Infinity });
    hub.createRoom(creation('ROOM1'));
    hub.createRoom(creation('ROOM2'));
    const b1 = join('BROOM1');
    const m1 = join('MROOM1');
    const b2 = join('BROOM2');
    for (const c of [b1, m1, b2]) c.peer.got = [];
    const before = store.commits;
    say(b1, { t: 'submit', id: 7, orders: [1, 2] });
    say(m1, { t: 'submit', id: 8, orders: [] });
    say(b2, { t: 'submit', id: 9, orders: [3] });
    // Nothing is sent before the commit.
    expect([b1, m1, b2].every((c) => c.peer.got.length === 0)).toBe(true);
    await tick();
    expect(store.commits - before).toBe(1);
    expect(store.load('ROOM1')?.log.map((e) => e.k)).toEqual(['submit', 'submit']);
    expect(store.load('ROOM2')?.log.map((e) => e.k)).toEqual(['submit']);
    expect(b1.peer.got[0]).toEqual({ t: 'ack', id: 7 });
    expect(m1.peer.got[0]).toEqual({ t: 'ack', id: 8 });
    expect(b2.peer.got[0]).toEqual({ t: 'ack', id: 9 });
    // Routing: a team's private message reaches that team only.
    expect(b1.peer.got.filter((m) => m.t === 'team')).toEqual([{ t: 'team', team: { role: 'beijing', n: 2 } }]);
    expect(m1.peer.got.filter((m) => m.t === 'team')).toEqual([{ t: 'team', team: { role: 'moscow', n: 0 } }]);
    expect(b2.peer.got.some((m) => m.t === 'room' && (m.room as { code: string }).code === 'ROOM1')).toBe(false);
    // The last submission completed the stage: what that causes follows in the next transaction,
    // after the acks, once the sockets have been read again (a tick to settle the room, one to commit).
    await tick();
    expect(store.commits - before).toBe(1);
    await tick();
    expect(store.commits - before).toBe(2);
    expect(store.load('ROOM1')?.log.map((e) => e.k)).toEqual(['submit', 'submit', 'closed']);
  });

  it('with a store that syncs apart: acks and updates wait for the sync, the next batch is written meanwhile, a sync covers what was written before it', async () => {
    const store = new SyncedApart();
    const { hub, join, say } = setup(store, { maxBatchMs: Infinity });
    hub.createRoom(creation('ROOM1'));
    const b = join('BROOM1');
    const m = join('MROOM1');
    for (const c of [b, m]) c.peer.got = [];
    say(b, { t: 'submit', id: 1, orders: [1] });
    await tick();
    // Written, not yet durable: nothing is told.
    expect([store.load('ROOM1')?.log.length, store.syncs.length]).toEqual([1, 1]);
    expect(b.peer.got).toEqual([]);
    // Read and written while the disk syncs, with a sync of its own.
    say(m, { t: 'submit', id: 2, orders: [] });
    await tick();
    expect([store.load('ROOM1')?.log.length, store.syncs.length]).toEqual([2, 2]);
    // A device joining now is welcomed once what its welcome shows is durable.
    const late = joinHub(hub, 'secret-ROOM1');
    expect(late.peer.got).toEqual([]);
    // The second sync ends first: it covers both batches, released in the order written.
    store.syncs.splice(1, 1)[0]?.ok();
    await tick();
    expect(b.peer.got[0]).toEqual({ t: 'ack', id: 1 });
    expect(m.peer.got.find((x) => x.t === 'ack')).toEqual({ t: 'ack', id: 2 });
    // What the stage's close caused was written since: the welcome waits for its sync too.
    expect(late.peer.got).toEqual([]);
    while (store.syncs.length > 0) store.syncs.shift()?.ok();
    await tick();
    expect(late.peer.got.map((x) => x.t)).toEqual(['welcome', 'ack']);
    // A sync that fails refuses its batch's messages.
    say(b, { t: 'say', id: 3, to: { kind: 'all' }, text: 'hello' });
    await tick();
    while (store.syncs.length > 0) store.syncs.shift()?.fail();
    await tick();
    expect(b.peer.got.at(-1)).toEqual({ t: 'refused', id: 3, reason: 'the server could not save this just now; please try again' });
  });

  it('commits what a long tick has read so far once its first message has waited maxBatchMs', () => {
    // maxBatchMs 0: every message has waited long enough, so each is committed and acknowledged as it is read.
    const { hub, store, join, say } = setup(undefined, { maxBatchMs: 0 });
    hub.createRoom(creation('ROOM1'));
    hub.createRoom(creation('ROOM2'));
    const b1 = join('BROOM1');
    const b2 = join('BROOM2');
    for (const c of [b1, b2]) c.peer.got = [];
    const before = store.commits;
    say(b1, { t: 'submit', id: 1, orders: [1] });
    expect(store.commits - before).toBe(1);
    expect(b1.peer.got).toContainEqual({ t: 'ack', id: 1 });
    say(b2, { t: 'submit', id: 2, orders: [] });
    expect(store.commits - before).toBe(2);
    expect(b2.peer.got).toContainEqual({ t: 'ack', id: 2 });
  });

  it('does not cut batches shorter than commits take lately', async () => {
    // A disk on which every commit takes 100 ms (so the moving average, 20 ms after one, outlasts any pause of a loaded machine).
    class SlowStore extends MemoryStore<FakeCreation, FakeEntry> {
      override append(batch: Parameters<MemoryStore<FakeCreation, FakeEntry>['append']>[0]): void {
        const until = performance.now() + 100;
        while (performance.now() < until);
        super.append(batch);
      }
    }
    const store = new SlowStore();
    const { hub, join, say } = setup(store, { maxBatchMs: 0 });
    hub.createRoom(creation('ROOM1'));
    hub.createRoom(creation('ROOM2'));
    const b1 = join('BROOM1');
    const b2 = join('BROOM2');
    const m2 = join('MROOM2');
    const before = store.commits;
    say(b1, { t: 'submit', id: 1, orders: [1] });
    // No commit timed yet: committed at once, and now commits are known to be slow.
    expect(store.commits - before).toBe(1);
    say(b2, { t: 'submit', id: 2, orders: [] });
    say(m2, { t: 'submit', id: 3, orders: [] });
    expect(store.commits - before).toBe(1);
    await tick();
    expect(store.commits - before).toBe(2);
    expect([b2, m2].map((c) => c.peer.got.some((x) => x.t === 'ack'))).toEqual([true, true]);
  });

  it('sends the acks at once, then each device its updates of a flush corked, so they leave in one write', async () => {
    const { hub, join, say } = setup(undefined, { maxBatchMs: Infinity });
    hub.createRoom(creation('ROOM1'));
    const b = join('BROOM1');
    const m = join('MROOM1');
    await tick();
    for (const c of [b, m]) {
      c.peer.got = [];
      c.peer.sentCorked = [];
    }
    say(b, { t: 'submit', id: 1, orders: [1] });
    say(m, { t: 'say', id: 2, to: { kind: 'team', role: 'beijing' }, text: 'hello' });
    await tick();
    expect(b.peer.got.map((x) => x.t)).toEqual(['ack', 'room', 'team', 'message']);
    expect(b.peer.sentCorked).toEqual(['room', 'team', 'message']);
    expect(m.peer.sentCorked).toEqual(['room', 'message']);
    expect([b.peer.corked, m.peer.corked]).toEqual([0, 0]);
  });

  it('settles what a commit caused before the next message to that room, even if it is read before the settling slice', async () => {
    const { hub, store, join, say } = setup(undefined, { maxBatchMs: Infinity });
    hub.createRoom(creation('ROOM1'));
    const b = join('BROOM1');
    const m = join('MROOM1');
    say(b, { t: 'submit', id: 1, orders: [] });
    say(m, { t: 'submit', id: 2, orders: [] });
    await tick();
    expect(store.load('ROOM1')?.log.map((e) => e.k)).toEqual(['submit', 'submit']);
    // Read before the room was settled: the stage's closing still comes first, as it would have in the commit's own tick.
    say(b, { t: 'say', id: 3, to: { kind: 'team', role: 'moscow' }, text: 'too late?' });
    await tick();
    await tick();
    expect(store.load('ROOM1')?.log.map((e) => e.k)).toEqual(['submit', 'submit', 'closed', 'say']);
  });

  it('checks a message against the entries queued before it in the same tick', async () => {
    const { hub, store, join, say } = setup();
    hub.createRoom(creation('ROOM1'));
    const a = join('BROOM1');
    const b = join('BROOM1');
    say(a, { t: 'submit', id: 1, orders: [] });
    say(b, { t: 'submit', id: 2, orders: [] });
    await tick();
    expect(store.load('ROOM1')?.log).toHaveLength(1);
    expect(a.peer.got).toContainEqual({ t: 'ack', id: 1 });
    expect(b.peer.got.some((m) => m.t === 'refused' && m.id === 2 && m.reason === 'already submitted')).toBe(true);
  });

  it('refuses every message of a tick whose commit failed, and rolls the room back', async () => {
    const { hub, store, join, say } = setup();
    hub.createRoom(creation('ROOM1'));
    const a = join('BROOM1');
    a.peer.got = [];
    store.failNext = true;
    say(a, { t: 'submit', id: 1, orders: [] });
    await tick();
    expect(a.peer.got).toEqual([{ t: 'refused', id: 1, reason: expect.stringContaining('could not save') as unknown as string }]);
    // The room was rebuilt from the store: the refused submission is not in it, so the team may submit again.
    expect(hub.roomStates()[0]?.submitted.size).toBe(0);
    say(a, { t: 'submit', id: 2, orders: [] });
    await tick();
    expect(a.peer.got).toContainEqual({ t: 'ack', id: 2 });
    expect(store.load('ROOM1')?.log).toHaveLength(1);
  });

  it('survives malformed frames and a model that throws, and keeps serving', async () => {
    const { hub, join, say, logs } = setup();
    hub.createRoom(creation('ROOM1'));
    const a = join('BROOM1');
    await tick();
    a.peer.got = [];
    hub.frame(a.conn, 'not json');
    hub.frame(a.conn, '{"t":"submit","id":3}');
    hub.frame(a.conn, JSON.stringify({ t: 'submit', id: 4, orders: [], extra: 1 }));
    hub.frame(a.conn, 'x'.repeat(20_000));
    say(a, { t: 'withdraw', id: 5 });
    say(a, { t: 'ping', id: 6 });
    say(a, { t: 'submit', id: 7, orders: [] });
    await tick();
    expect(a.peer.got.map((m) => `${m.t}:${String(m.id)}`)).toEqual(['refused:null', 'refused:3', 'refused:4', 'refused:null', 'refused:5', 'pong:6', 'ack:7', 'room:undefined', 'team:undefined']);
    expect(logs.some((l) => l.includes('handleMessage threw'))).toBe(true);
  });

  it('needs hello first, and allows one hello per connection', () => {
    const { hub, say, join } = setup();
    hub.createRoom(creation('ROOM1'));
    const peer = new TestPeer();
    const conn = hub.connect(peer);
    say({ conn }, { t: 'submit', id: 1, orders: [] });
    expect(peer.got).toEqual([{ t: 'refused', id: 1, reason: expect.stringContaining('join a room first') as unknown as string }]);
    const a = join('BROOM1');
    say(a, { t: 'hello', id: 9, token: 'MROOM1' });
    expect(a.peer.got.at(-1)?.t).toBe('refused');
  });

  it('routes team messages to the two teams and the facilitator only', async () => {
    const { hub, join, say } = setup();
    hub.createRoom(creation('ROOM1'));
    const b = join('BROOM1');
    const m = join('MROOM1');
    const f = join('secret-ROOM1');
    const p = join('ROOM1');
    say(b, { t: 'say', id: 1, to: { kind: 'team', role: 'moscow' }, text: 'hello' });
    await tick();
    const got = (c: { peer: TestPeer }): number => c.peer.got.filter((x) => x.t === 'message').length;
    expect([got(b), got(m), got(f), got(p)]).toEqual([1, 1, 1, 0]);
  });

  it('counts connected devices per role and tells the room once a tick when it changes', async () => {
    const { hub, join } = setup();
    hub.createRoom(creation('ROOM1'));
    const f = join('secret-ROOM1');
    const b1 = join('BROOM1');
    await tick();
    join('BROOM1');
    join('MROOM1');
    await tick();
    const rooms = f.peer.got.filter((m) => m.t === 'room').map((m) => (m.room as { connected: [string, number][] }).connected);
    expect(rooms).toEqual([[['beijing', 1]], [['beijing', 2], ['moscow', 1]]]);
    hub.disconnect(b1.conn);
    await tick();
    const last = f.peer.got.at(-1) as unknown as { room: { connected: [string, number][] } };
    expect(last.room.connected).toEqual([['beijing', 1], ['moscow', 1]]);
    expect(hub.devices('ROOM1')).toBe(3);
  });

  it('holds at most maxPerRoom devices in a room', () => {
    const { hub, join } = setup();
    hub.createRoom(creation('ROOM1'));
    const joined = Array.from({ length: 5 }, () => join('ROOM1'));
    expect(joined.slice(0, 4).every((c) => c.peer.closed === null)).toBe(true);
    expect(joined[4]?.peer.closed).toBe(1013);
    expect(hub.devices('ROOM1')).toBe(4);
  });

  it('fires a timer at the room\'s next wake, through the commit path', async () => {
    const { hub, store, join, say } = setup();
    hub.createRoom(creation('ROOM1'));
    const f = join('secret-ROOM1');
    say(f, { t: 'start', id: 1 });
    await tick();
    expect(store.load('ROOM1')?.log.map((e) => e.k)).toEqual(['timer']);
    await sleep(150);
    expect(store.load('ROOM1')?.log.map((e) => e.k)).toEqual(['timer', 'expired']);
    const last = f.peer.got.at(-1) as { t: string; room: { expired: number } };
    expect(last.room.expired).toBe(1);
  });

  it('rebuilds every room from the store on restart, with its timer', async () => {
    const store = new MemoryStore<FakeCreation, FakeEntry>();
    const first = setup(store);
    first.hub.createRoom(creation('ROOM1'));
    first.hub.createRoom(creation('ROOM2'));
    const b = first.join('BROOM1');
    first.say(b, { t: 'submit', id: 1, orders: [1] });
    first.say(first.join('secret-ROOM2'), { t: 'start', id: 2 });
    await tick();
    first.hub.close();
    const second = setup(store);
    expect(second.hub.load()).toEqual({ loaded: 2, failed: [] });
    const again = second.join('BROOM1');
    expect((again.peer.got[0]?.room as { room: { submitted: string[] } }).room.submitted).toEqual(['beijing']);
    await sleep(150);
    expect(store.load('ROOM2')?.log.map((e) => e.k)).toEqual(['timer', 'expired']);
    // A token of a restored room is known, so a new room cannot take it.
    expect(second.hub.tokenTaken('MROOM2')).toBe(true);
  });

  it('commits on close what is queued and what it causes, and nothing after', async () => {
    const { hub, store, join, say, logs } = setup();
    hub.createRoom(creation('ROOM1'));
    const b = join('BROOM1');
    const m = join('MROOM1');
    say(b, { t: 'submit', id: 1, orders: [] });
    say(m, { t: 'submit', id: 2, orders: [] });
    hub.close();
    expect(store.load('ROOM1')?.log.map((e) => e.k)).toEqual(['submit', 'submit', 'closed']);
    say(b, { t: 'draft', id: 3, orders: [] });
    await tick();
    expect(store.load('ROOM1')?.log).toHaveLength(3);
    expect(logs).toEqual([]);
  });

  it('unloads a finished room nobody is in, and loads it again for a device or an export', async () => {
    const store = new MemoryStore<FakeCreation, FakeEntry>();
    const first = setup(store);
    first.hub.createRoom(creation('ROOM1'));
    first.hub.createRoom(creation('ROOM2'));
    const f = first.join('secret-ROOM1');
    const b = first.join('BROOM1');
    first.say(b, { t: 'submit', id: 1, orders: [1, 2] });
    first.say(f, { t: 'end', id: 2 });
    await tick();
    first.hub.disconnect(b.conn);
    await sleep(60);
    // Someone is still in it: it stays.
    expect(first.hub.isLive('ROOM1')).toBe(true);
    first.hub.disconnect(f.conn);
    await sleep(60);
    expect(first.hub.isLive('ROOM1')).toBe(false);
    expect(first.hub.isLive('ROOM2')).toBe(true);
    // Its codes are still known (no new room may take them), and its record is there.
    expect(first.hub.tokenTaken('BROOM1')).toBe(true);
    expect(first.hub.exportRoom('ROOM1', 'secret-ROOM1')).toEqual({ code: 'ROOM1', entries: 2 });
    const again = first.join('BROOM1');
    expect((again.peer.got[0]?.room as { room: { submitted: string[] } }).room.submitted).toEqual(['beijing']);
    expect(first.hub.isLive('ROOM1')).toBe(true);
    first.hub.close();
    // On a restart a finished room is not kept in memory, but is found by its codes.
    const second = setup(store);
    expect(second.hub.load()).toEqual({ loaded: 2, failed: [] });
    expect(second.hub.isLive('ROOM1')).toBe(false);
    expect(second.hub.isLive('ROOM2')).toBe(true);
    expect(second.join('secret-ROOM1').peer.got[0]?.t).toBe('welcome');
  });

  it('exports a room only with its facilitator secret', () => {
    const { hub } = setup();
    hub.createRoom(creation('ROOM1'));
    expect(hub.exportRoom('ROOM1', 'secret-ROOM1')).toEqual({ code: 'ROOM1', entries: 0 });
    expect(hub.exportRoom('ROOM1', 'secret-ROOM2')).toBeNull();
    expect(hub.exportRoom('ROOM1', '')).toBeNull();
    expect(hub.exportRoom('NOPE1', 'secret-ROOM1')).toBeNull();
  });
});

/** A store whose commits become durable only when the test says (as the SQLite store's WAL sync on the thread pool). */
class SyncedApart extends MemoryStore<FakeCreation, FakeEntry> {
  readonly syncs: { ok: () => void; fail: () => void }[] = [];
  durable(): Promise<void> {
    return new Promise((ok, fail) => this.syncs.push({ ok, fail: () => fail(new Error('the disk refused the sync')) }));
  }
}

describe('large messages', () => {
  /** A device that negotiated permessage-deflate: it keeps each compressed payload it was given, and reads it as its browser would. */
  class DeflatingPeer extends TestPeer {
    payloads: Buffer[] = [];
    sendDeflated(payload: Buffer): void {
      this.payloads.push(payload);
      const text = inflateRawSync(Buffer.concat([payload, Buffer.from([0, 0, 0xff, 0xff])]), { finishFlush: constants.Z_SYNC_FLUSH }).toString('utf8');
      this.got.push(JSON.parse(text) as Msg);
    }
  }

  it('are compressed once for every device that can inflate them, and sent as text to the others', async () => {
    // Each submission also tells every device a large message (a turn's board, say), one object for two audiences.
    const board = { t: 'game', pad: 'Beijing’s influence in Kazakhstan '.repeat(300) } as unknown as ServerMessage;
    const model: typeof fakeModel = { ...fakeModel, outbox: (s, entries, now, connected) => [...fakeModel.outbox(s, entries, now, connected), { to: { kind: 'all' }, msg: board }, { to: { kind: 'facilitator' }, msg: board }] };
    const hub = new Hub(model, new MemoryStore<FakeCreation, FakeEntry>(), {});
    hubs.push(hub);
    hub.createRoom(creation('ROOM1'));
    const peers = [new DeflatingPeer(), new DeflatingPeer(), new TestPeer()];
    const conns = peers.map((p) => hub.connect(p));
    for (const [i, token] of ['secret-ROOM1', 'BROOM1', 'MROOM1'].entries()) hub.frame(conns[i] as Conn, JSON.stringify({ t: 'hello', id: 0, token }));
    await tick();
    for (const p of peers) p.got = [];
    hub.frame(conns[1] as Conn, JSON.stringify({ t: 'submit', id: 1, orders: [] }));
    await tick();
    const [facilitator, beijing, moscow] = peers as [DeflatingPeer, DeflatingPeer, TestPeer];
    // The same compressed bytes for the facilitator (twice: two audiences) and Beijing; text to Moscow.
    expect(facilitator.payloads).toHaveLength(2);
    expect(beijing.payloads).toHaveLength(1);
    expect(new Set([...facilitator.payloads, ...beijing.payloads]).size).toBe(1);
    expect((beijing.payloads[0]?.byteLength ?? Infinity) * 10).toBeLessThan(JSON.stringify(board).length);
    // Every device read the very same messages; the small ones (ack, room, team) went as text to all.
    const boards = (p: TestPeer): Msg[] => p.got.filter((m) => m.t === 'game');
    expect(boards(moscow)).toEqual([JSON.parse(JSON.stringify(board))]);
    expect(boards(beijing)).toEqual(boards(moscow));
    expect(beijing.got.map((m) => m.t)).toEqual(['ack', 'room', 'team', 'game']);
  });

  it('are compressed once per audience variant, not per device: the facilitator\'s, and one for the projector and every team', async () => {
    // As room.ts tells a room: the facilitator's with the teams' names, one object without them for the class.
    const named = { t: 'room', room: { pad: 'Team Silk plays Beijing; '.repeat(300) } } as unknown as ServerMessage;
    const anonymous = { t: 'room', room: { pad: 'a team plays Beijing; '.repeat(300) } } as unknown as ServerMessage;
    const model: typeof fakeModel = {
      ...fakeModel,
      outbox: () => [{ to: { kind: 'facilitator' }, msg: named }, { to: { kind: 'projector' }, msg: anonymous }, ...['beijing', 'moscow'].map((role) => ({ to: { kind: 'team', role } as const, msg: anonymous }))],
    };
    const hub = new Hub(model, new MemoryStore<FakeCreation, FakeEntry>(), {});
    hubs.push(hub);
    hub.createRoom(creation('ROOM1'));
    const tokens = ['secret-ROOM1', 'ROOM1', 'BROOM1', 'BROOM1', 'MROOM1'];
    const peers = tokens.map(() => new DeflatingPeer());
    const conns = peers.map((p) => hub.connect(p));
    for (const [i, token] of tokens.entries()) hub.frame(conns[i] as Conn, JSON.stringify({ t: 'hello', id: 0, token }));
    await tick();
    for (const p of peers) {
      p.payloads = [];
      p.got = [];
    }
    hub.frame(conns[2] as Conn, JSON.stringify({ t: 'submit', id: 1, orders: [] }));
    await tick();
    const [facilitator, ...rest] = peers as [DeflatingPeer, ...DeflatingPeer[]];
    expect(peers.map((p) => p.payloads.length)).toEqual([1, 1, 1, 1, 1]);
    expect(new Set(rest.map((p) => p.payloads[0])).size).toBe(1);
    expect(rest.map((p) => p.payloads[0])).not.toContain(facilitator.payloads[0]);
    expect(facilitator.got.filter((m) => m.t === 'room')).toEqual([JSON.parse(JSON.stringify(named))]);
    for (const p of rest) expect(JSON.stringify(p.got)).not.toContain('Team Silk');
  });
});
