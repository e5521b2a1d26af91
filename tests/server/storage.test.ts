// The room stores: what is appended comes back in order after reopening, a batch of several
// rooms is one transaction (all or nothing), and the SQLite file has the durability settings.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { RoomStore } from '../../src/server/storage';
import { MemoryStore } from '../../src/server/storage';
import { measureCommitFloor, SqliteStore } from '../../src/server/sqliteStore';
import { SqliteWriterStore } from '../../src/server/sqliteWriter';
import type { LogEntry, RoomCreation } from '../../src/classroom/room';
import * as roomModel from '../../src/classroom/room';
import { Hub } from '../../src/server/hub';
import { SAVE_VERSION } from '../../src/engine';
import { loadShipped } from '../engine/helpers';
import { TestPeer } from './testPeer';

type C = { code: string; n: number };
type E = { at: number; k: string };

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const tempDb = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'ngg-store-'));
  dirs.push(d);
  return join(d, 'rooms.sqlite');
};

const stores: [string, () => { open: () => RoomStore<C, E>; reopens: boolean }][] = [
  ['memory', () => {
    const m = new MemoryStore<C, E>();
    return { open: () => m, reopens: false };
  }],
  ['sqlite', () => {
    const path = tempDb();
    return { open: () => new SqliteStore<C, E>(path), reopens: true };
  }],
  ['sqlite on a writer thread', () => {
    const path = tempDb();
    return { open: () => new SqliteWriterStore<C, E>(path), reopens: true };
  }],
];

describe.each(stores)('%s store', (_name, make) => {
  it('keeps rooms and their logs in order, across a reopen', () => {
    const { open, reopens } = make();
    const s = open();
    s.create('AAAAA', { code: 'AAAAA', n: 1 }, 10);
    s.create('BBBBB', { code: 'BBBBB', n: 2 }, 20);
    s.append([{ code: 'AAAAA', entries: [{ at: 1, k: 'a1' }, { at: 2, k: 'a2' }] }, { code: 'BBBBB', entries: [{ at: 3, k: 'b1' }] }]);
    s.append([{ code: 'AAAAA', entries: [{ at: 4, k: 'a3' }] }]);
    // A real store is closed first, as a restarted server's was (it holds its file alone).
    if (reopens) s.close();
    const t = reopens ? open() : s;
    expect(t.loadAll()).toEqual([
      { code: 'AAAAA', creation: { code: 'AAAAA', n: 1 }, log: [{ at: 1, k: 'a1' }, { at: 2, k: 'a2' }, { at: 4, k: 'a3' }] },
      { code: 'BBBBB', creation: { code: 'BBBBB', n: 2 }, log: [{ at: 3, k: 'b1' }] },
    ]);
    // Appending after a reopen continues the sequence instead of colliding with it.
    t.append([{ code: 'BBBBB', entries: [{ at: 5, k: 'b2' }] }]);
    expect(t.load('BBBBB')?.log.map((e) => e.k)).toEqual(['b1', 'b2']);
    expect(t.load('CCCCC')).toBeNull();
    t.close();
  });

  it('refuses a second room with the same code', () => {
    const s = make().open();
    s.create('AAAAA', { code: 'AAAAA', n: 1 }, 10);
    expect(() => s.create('AAAAA', { code: 'AAAAA', n: 2 }, 11)).toThrow();
    expect(s.load('AAAAA')?.creation.n).toBe(1);
    s.close();
  });

  it('appends a batch all or nothing: an unknown room fails the whole batch', async () => {
    const s = make().open();
    s.create('AAAAA', { code: 'AAAAA', n: 1 }, 10);
    // A store that commits in `append` throws there; one that commits on a thread refuses its `durable`.
    const commit = async (batch: Parameters<RoomStore<C, E>['append']>[0]): Promise<void> => {
      s.append(batch);
      await s.durable?.();
    };
    await expect(commit([{ code: 'AAAAA', entries: [{ at: 1, k: 'kept?' }] }, { code: 'NOPE0', entries: [{ at: 2, k: 'x' }] }])).rejects.toThrow();
    expect(s.load('AAAAA')?.log).toEqual([]);
    await commit([{ code: 'AAAAA', entries: [{ at: 3, k: 'after' }] }]);
    expect(s.load('AAAAA')?.log).toEqual([{ at: 3, k: 'after' }]);
    s.close();
  });
});

describe('sqlite store', () => {
  it('uses WAL and synchronous=FULL, with the tables the design names; or, syncing apart, NORMAL and a WAL sync of its own', async () => {
    const path = tempDb();
    const s = new SqliteStore<C, E>(path);
    s.create('AAAAA', { code: 'AAAAA', n: 1 }, 10);
    s.append([{ code: 'AAAAA', entries: [{ at: 1, k: 'a' }] }]);
    s.close();
    const db = new Database(path);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.prepare('SELECT code, created_at FROM rooms').all()).toEqual([{ code: 'AAAAA', created_at: 10 }]);
    expect(db.prepare('SELECT code, seq, entry FROM log').all()).toEqual([{ code: 'AAAAA', seq: 0, entry: '{"at":1,"k":"a"}' }]);
    db.close();
    const pragma = (x: SqliteStore<C, E>): unknown => (x as unknown as { db: Database.Database }).db.pragma('synchronous', { simple: true });
    const s2 = new SqliteStore<C, E>(path, { syncApart: true });
    expect(pragma(s2)).toBe(1);
    s2.append([{ code: 'AAAAA', entries: [{ at: 2, k: 'b' }] }]);
    await expect(s2.durable?.()).resolves.toBeUndefined();
    s2.close();
    await expect(s2.durable?.()).rejects.toThrow('closed');
    const s3 = new SqliteStore<C, E>(path);
    expect([pragma(s3), s3.durable]).toEqual([2, undefined]);
    s3.close();
  });

  it('holds its database alone: a second store on the same file fails at once, and opens after the first closed', () => {
    const path = tempDb();
    const first = new SqliteStore<C, E>(path);
    first.create('AAAAA', { code: 'AAAAA', n: 1 }, 10);
    expect(() => new SqliteStore<C, E>(path)).toThrow(/in use by another process/);
    first.close();
    const second = new SqliteStore<C, E>(path);
    expect(second.load('AAAAA')?.creation.n).toBe(1);
    second.close();
  });

  it('measures the durable commit floor', () => {
    const times = measureCommitFloor(tempDb(), 20);
    expect(times).toHaveLength(20);
    expect(times.every((t) => t > 0 && Number.isFinite(t))).toBe(true);
  });
});

describe('sqlite store on a writer thread', () => {
  it('commits on its thread: durable once committed, in order; a read or a creation comes after every batch sent before it', async () => {
    const path = tempDb();
    const s = new SqliteWriterStore<C, E>(path);
    s.create('AAAAA', { code: 'AAAAA', n: 1 }, 10);
    for (let i = 0; i < 20; i++) s.append([{ code: 'AAAAA', entries: [{ at: i, k: `a${i}` }] }]);
    // Asked at once, without waiting for the thread: the read is answered after the twenty batches.
    expect(s.load('AAAAA')?.log.map((e) => e.k)).toEqual(Array.from({ length: 20 }, (_, i) => `a${i}`));
    await expect(s.durable()).resolves.toBeUndefined();
    s.close();
    // Its settings are the store's own: WAL, synchronous=FULL (the file is read back without the thread).
    const db = new Database(path);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.prepare('SELECT COUNT(*) AS n FROM log').get()).toEqual({ n: 20 });
    db.close();
  });

  it('a refused commit is never durable, nor any batch sent after it before the refusal came back; then it goes on', async () => {
    const s = new SqliteWriterStore<C, E>(tempDb());
    s.create('AAAAA', { code: 'AAAAA', n: 1 }, 10);
    s.append([{ code: 'AAAAA', entries: [{ at: 1, k: 'kept' }] }]);
    await s.durable();
    s.append([{ code: 'NOPE0', entries: [{ at: 2, k: 'refused' }] }]);
    // Made from a room that folded in the refused batch: refused with it.
    s.append([{ code: 'AAAAA', entries: [{ at: 3, k: 'after the refused one' }] }]);
    await expect(s.durable()).rejects.toThrow();
    expect(s.load('AAAAA')?.log.map((e) => e.k)).toEqual(['kept']);
    // Once every batch sent has been answered, the thread takes new ones.
    s.append([{ code: 'AAAAA', entries: [{ at: 4, k: 'next' }] }]);
    await expect(s.durable()).resolves.toBeUndefined();
    expect(s.load('AAAAA')?.log.map((e) => e.k)).toEqual(['kept', 'next']);
    s.close();
  });

  it('poll settles what the thread has committed without waiting for its message', async () => {
    const s = new SqliteWriterStore<C, E>(tempDb());
    s.create('AAAAA', { code: 'AAAAA', n: 1 }, 10);
    s.append([{ code: 'AAAAA', entries: [{ at: 1, k: 'a' }] }]);
    let settled = false;
    void s.durable().then(() => (settled = true));
    // The read waits for the commit on the thread; its message to this thread is not read yet.
    s.load('AAAAA');
    await Promise.resolve();
    expect(settled).toBe(false);
    s.poll();
    await Promise.resolve();
    expect(settled).toBe(true);
    s.close();
  });

  it('holds its database alone, like the store on the event loop', () => {
    const path = tempDb();
    const first = new SqliteWriterStore<C, E>(path);
    expect(() => new SqliteWriterStore<C, E>(path)).toThrow(/in use by another process/);
    expect(() => new SqliteStore<C, E>(path)).toThrow(/in use by another process/);
    first.close();
    const second = new SqliteStore<C, E>(path);
    second.close();
  });
});

describe('a room stored under the rules of an earlier version', () => {
  it('is left out on start with a clear message, and the rooms of today\'s rules come back', () => {
    const path = tempDb();
    const scenario = loadShipped('classroom-short');
    const creation = (code: string): RoomCreation => ({ code, facilitator: `f-${code}`.padEnd(24, 'f'), teamCodes: [], scenario, seed: code, settings: { orderSeconds: 0, stanceSeconds: 0, missing: { kind: 'pass' } }, at: 0, rules: SAVE_VERSION });
    const store = new SqliteStore<RoomCreation, LogEntry>(path);
    // Written before rooms recorded their rules: the creation has no `rules`.
    const { rules: _rules, ...old } = creation('OLD01');
    store.create('OLD01', old as RoomCreation, 0);
    store.create('NEW01', creation('NEW01'), 1);
    for (const code of ['OLD01', 'NEW01']) store.append([{ code, entries: [{ k: 'start', at: 5 }] }]);
    store.close();
    const logs: string[] = [];
    const hub = new Hub(roomModel, new SqliteStore<RoomCreation, LogEntry>(path), { log: (l) => logs.push(l) });
    try {
      expect(hub.load()).toEqual({ loaded: 1, failed: ['OLD01'] });
      expect(hub.isLive('NEW01')).toBe(true);
      expect(logs).toEqual([expect.stringMatching(/^room OLD01 could not be rebuilt from its log: room OLD01 was made under the rules of an earlier version: events were drawn during resolution.*played anew$/)]);
    } finally {
      hub.close();
    }
  });

  it('a device holding its codes is told why it cannot be played, and what to do; its facilitator can still download its log', () => {
    const path = tempDb();
    const scenario = loadShipped('classroom-short');
    const store = new SqliteStore<RoomCreation, LogEntry>(path);
    const old = { code: 'OLD01', facilitator: 'f-OLD01-secret-facilitator', teamCodes: [{ role: 'beijing', code: 'BEIJ01' }], scenario, seed: 'old', settings: { orderSeconds: 0, stanceSeconds: 0, missing: { kind: 'pass' } }, at: 0 };
    store.create('OLD01', old as unknown as RoomCreation, 0);
    store.append([{ code: 'OLD01', entries: [{ k: 'start', at: 5 }, { k: 'submit', role: 'beijing', orders: [], at: 6 }] }]);
    store.close();
    const hub = new Hub(roomModel, new SqliteStore<RoomCreation, LogEntry>(path), { log: () => undefined });
    const told = (token: string): { t: string; reason?: string }[] => {
      const peer = new TestPeer();
      hub.frame(hub.connect(peer), JSON.stringify({ t: 'hello', id: 1, token }));
      return peer.got as { t: string; reason?: string }[];
    };
    try {
      expect(hub.load().failed).toEqual(['OLD01']);
      const earlier = 'Room OLD01 was played under the rules of an earlier version of the game (rules version 1; this server plays version 2), so it cannot be resumed';
      for (const token of ['BEIJ01', 'old01']) {
        const [answer, ...more] = told(token);
        expect(more).toEqual([]);
        expect(answer?.t).toBe('refused');
        expect(answer?.reason).toContain(earlier);
        expect(answer?.reason).toContain('Ask your teacher for the code of a new room.');
        expect(answer?.reason).not.toContain(old.facilitator);
      }
      const facilitator = told(old.facilitator)[0]?.reason ?? '';
      expect(facilitator).toContain(earlier);
      expect(facilitator).toContain(`/api/rooms/OLD01/export?key=${old.facilitator}`);
      expect(facilitator).toContain('create a new room of Classroom: the Samarkand years in eight turns');
      // A code no room has is still told apart from it.
      expect(told('NOPE99')[0]?.reason).toBe('no room has this code: check it and try again');
      expect(hub.exportRoom('OLD01', 'wrong')).toBeNull();
      expect(hub.exportRoom('OLD01', old.facilitator)).toMatchObject({ format: 'new-great-game/old-room', code: 'OLD01', rules: 1, log: [{ k: 'start' }, { k: 'submit', role: 'beijing' }] });
      // Its codes stay taken: no new room is given them.
      expect(hub.tokenTaken('BEIJ01')).toBe(true);
    } finally {
      hub.close();
    }
  });
});
