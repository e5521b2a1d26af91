// The room store on SQLite (better-sqlite3: synchronous, in process). Durability settings:
// WAL, so readers never block the writer and a commit is one sequential write into the WAL;
// and every commit synced to disk before any client is told "ack". A power cut therefore
// loses nothing acknowledged.
//
// Where the sync happens (issue 12): with synchronous=FULL (the default), SQLite fsyncs the
// WAL inside every commit, on the event loop, and every room waits for the disk (4–17 ms a
// commit on a loaded machine). With `syncApart`, the store runs synchronous=NORMAL (SQLite
// syncs only around checkpoints, keeping the database consistent) and `durable` fdatasyncs
// the WAL file itself on libuv's thread pool: the hub goes on reading and writing the next
// batches meanwhile, and acknowledges a batch only once a sync begun after its commit has
// finished (fsync applies to the file, whichever descriptor asks, so it covers every commit
// written before it began). Measured on this 2-core machine under load, the acks then waited
// longer, not shorter (src/server/README.md): the event loop, not the disk, is what is
// short, and a finished sync waits for it. So it is an option, not the default.
//
// A PostgreSQL store would implement the same RoomStore interface the same way: a `rooms`
// table and an append-only `log` table keyed by (code, seq), and `append` as one
// transaction per event-loop tick (BEGIN; INSERT … for every entry of every room; COMMIT).
// Only the driver is asynchronous, so its hub would await the commit before acking.
import { closeSync, fdatasync, fstatSync, openSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { Append, RoomStore, StoredRoom } from './storage';

/** A room's entries as the JSON text stored for each. */
export interface AppendText {
  code: string;
  texts: readonly string[];
}

export class SqliteStore<C, E> implements RoomStore<C, E> {
  private readonly db: Database.Database;
  /** The next seq of each room, so an append needs no read. */
  private readonly nextSeq = new Map<string, number>();
  private readonly insertRoom: Database.Statement<[string, string, number]>;
  private readonly insertEntry: Database.Statement<[string, number, string]>;
  private readonly appendAll: (batch: readonly AppendText[]) => void;
  /** The WAL file, opened for syncing it (once it exists). */
  private wal: number | null = null;
  private readonly walPath: string;
  readonly durable?: () => Promise<void>;

  constructor(path: string, opts: { syncApart?: boolean } = {}) {
    this.db = new Database(path);
    this.walPath = `${path}-wal`;
    if (opts.syncApart) this.durable = () => this.syncWal();
    try {
      this.db.pragma('busy_timeout = 1000');
      this.db.pragma('journal_mode = WAL');
      this.db.pragma(opts.syncApart ? 'synchronous = NORMAL' : 'synchronous = FULL');
      // One server per database: a second one (the same command run twice) would append to the
      // same logs from its own stale rooms. The exclusive lock, taken now and held until close,
      // makes the second one fail at start instead.
      this.db.pragma('locking_mode = EXCLUSIVE');
      this.db.exec('BEGIN EXCLUSIVE; COMMIT;');
    } catch (e) {
      this.db.close();
      throw new Error(`${path} is in use by another process (is a server already running on it?): ${e instanceof Error ? e.message : String(e)}`, { cause: e });
    }
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS rooms (code TEXT PRIMARY KEY, creation TEXT NOT NULL, created_at INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS log (code TEXT NOT NULL REFERENCES rooms(code), seq INTEGER NOT NULL, entry TEXT NOT NULL, PRIMARY KEY (code, seq)) WITHOUT ROWID;
    `);
    this.insertRoom = this.db.prepare('INSERT INTO rooms (code, creation, created_at) VALUES (?, ?, ?)');
    this.insertEntry = this.db.prepare('INSERT INTO log (code, seq, entry) VALUES (?, ?, ?)');
    const maxSeq = this.db.prepare<[string], { n: number | null }>('SELECT MAX(seq) AS n FROM log WHERE code = ?');
    const tx = this.db.transaction((batch: readonly AppendText[]) => {
      const next = new Map<string, number>();
      for (const { code, texts } of batch) {
        let seq = next.get(code) ?? this.nextSeq.get(code) ?? (maxSeq.get(code)?.n ?? -1) + 1;
        for (const text of texts) this.insertEntry.run(code, seq++, text);
        next.set(code, seq);
      }
      return next;
    });
    this.appendAll = (batch) => {
      // The counters move only once the transaction committed, so a failed commit leaves them right.
      for (const [code, seq] of tx(batch)) this.nextSeq.set(code, seq);
    };
  }

  create(code: string, creation: C, at: number): void {
    this.insertRoom.run(code, JSON.stringify(creation), at);
    this.nextSeq.set(code, 0);
  }

  append(batch: readonly Append<E>[]): void {
    if (batch.length > 0) this.appendAll(batch.map(({ code, entries }) => ({ code, texts: entries.map((e) => JSON.stringify(e)) })));
  }

  /** The same with every entry already JSON (the writer thread's batches, serialised on the hub's thread). */
  appendText(batch: readonly AppendText[]): void {
    if (batch.length > 0) this.appendAll(batch);
  }

  loadAll(): StoredRoom<C, E>[] {
    const rooms = this.db.prepare<[], { code: string; creation: string }>('SELECT code, creation FROM rooms ORDER BY created_at, code').all();
    const logs = new Map<string, E[]>(rooms.map((r) => [r.code, []]));
    for (const row of this.db.prepare<[], { code: string; entry: string }>('SELECT code, entry FROM log ORDER BY code, seq').iterate()) {
      logs.get(row.code)?.push(JSON.parse(row.entry) as E);
    }
    return rooms.map((r) => this.remember({ code: r.code, creation: JSON.parse(r.creation) as C, log: logs.get(r.code) ?? [] }));
  }

  load(code: string): StoredRoom<C, E> | null {
    const row = this.db.prepare<[string], { creation: string }>('SELECT creation FROM rooms WHERE code = ?').get(code);
    if (!row) return null;
    const log = this.db.prepare<[string], { entry: string }>('SELECT entry FROM log WHERE code = ? ORDER BY seq').all(code).map((r) => JSON.parse(r.entry) as E);
    return this.remember({ code, creation: JSON.parse(row.creation) as C, log });
  }

  close(): void {
    if (this.db.open) this.db.close();
    // SQLite syncs the WAL when it checkpoints on close; a sync still running only fails (the hub is stopped by then).
    if (this.wal !== null) closeSync(this.wal);
    this.wal = null;
  }

  /** fdatasync of the WAL on the thread pool: every commit written before this call is then on disk. */
  private syncWal(): Promise<void> {
    if (!this.db.open) return Promise.reject(new Error('the store is closed'));
    let fd: number;
    try {
      fd = this.walFile();
    } catch (e) {
      return Promise.reject(e instanceof Error ? e : new Error(String(e)));
    }
    return new Promise((done, fail) => fdatasync(fd, (e) => (e ? fail(e) : done())));
  }

  /** The WAL's descriptor, opened again should SQLite ever have made a new file (it keeps one while it holds the database). */
  private walFile(): number {
    if (this.wal !== null && fstatSync(this.wal).ino === statSync(this.walPath).ino) return this.wal;
    if (this.wal !== null) closeSync(this.wal);
    this.wal = null;
    this.wal = openSync(this.walPath, 'r');
    return this.wal;
  }

  private remember(room: StoredRoom<C, E>): StoredRoom<C, E> {
    this.nextSeq.set(room.code, room.log.length);
    return room;
  }
}

/**
 * The floor under every acknowledgement: one durable commit of one small row in a scratch
 * database with the same settings, timed `n` times. The benchmark reports latencies against it.
 */
export function measureCommitFloor(path: string, n: number): number[] {
  const db = new Database(path);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('CREATE TABLE IF NOT EXISTS floor (k INTEGER PRIMARY KEY, v TEXT NOT NULL)');
    const insert = db.prepare<[string]>('INSERT INTO floor (v) VALUES (?)');
    const times: number[] = [];
    for (let i = 0; i < n; i++) {
      const t = process.hrtime.bigint();
      insert.run('{"k":"order"}');
      times.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    return times;
  } finally {
    db.close();
  }
}
