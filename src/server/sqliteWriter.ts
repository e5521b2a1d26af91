// The room store with its commits on a writer thread (`--writer-thread`, issue 12): the same
// SQLite file and settings as sqliteStore.ts (WAL, synchronous=FULL, the file held alone),
// but the connection lives on a `node:worker_threads` thread (sqliteWriterThread.ts). The
// hub's thread serialises each batch, posts it and goes on reading frames and settling rooms
// while the thread commits; `durable` resolves once the thread answers that every batch sent
// before the call is committed (so synced: synchronous=FULL), and the hub acknowledges then.
// A failed commit rejects it, so nothing it held is acknowledged (nor anything sent after it:
// the thread refuses those too, until every batch sent has been answered and the hub has
// rebuilt its rooms).
//
// What the hub's thread reads (the rooms at start, one room to rebuild or to load again,
// a new room's creation) is asked synchronously: posted on the same port as the batches, so
// the thread answers it after committing every batch sent before, and the hub's thread waits
// for the answer on a shared word (Atomics.wait), then takes it off a port of its own
// (receiveMessageOnPort). These are rare (a room created, loaded or rebuilt), and a room
// created is on disk before its codes are given out, as with the store on this thread.
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import type { AppendText } from './sqliteStore';
import type { Append, RoomStore, StoredRoom } from './storage';

/** A question the hub's thread waits for. */
export type WriterCall = { op: 'open' } | { op: 'create'; code: string; creation: unknown; at: number } | { op: 'load'; code: string } | { op: 'loadAll' } | { op: 'close' };
/** From the hub's thread to the writer, in order. */
export type ToWriter = { t: 'append'; seq: number; batch: AppendText[] } | { t: 'reset' } | { t: 'call'; id: number; call: WriterCall };
/** From the writer: batches up to `upTo` committed (or refused). */
export type FromWriter = { t: 'committed'; upTo: number; ok: true } | { t: 'committed'; upTo: number; ok: false; error: string };

interface Waiter {
  upTo: number;
  /** A batch it covers was refused. */
  failed: string | null;
  resolve(): void;
  reject(e: Error): void;
}

export interface SqliteWriterOptions {
  /** Longest the hub's thread waits for a synchronous answer (ms): opening includes starting the thread. */
  callTimeoutMs?: number;
  /** The thread's script (tests may give another). */
  script?: URL;
}

export class SqliteWriterStore<C, E> implements RoomStore<C, E> {
  readonly joinsBatches = true;
  private readonly worker: Worker;
  private readonly reply: MessagePort;
  private readonly flag: Int32Array;
  private readonly callTimeoutMs: number;
  private nextCall = 1;
  /** Batches sent, and answered (answers come in order). */
  private sent = 0;
  private answered = 0;
  /** The last batch a `durable` call covers, and the last refused. */
  private covered = 0;
  private lastRefused = 0;
  private refusedWhy = '';
  /** A refusal not yet followed by `reset`. */
  private failing = false;
  private readonly waiters: Waiter[] = [];
  private closed = false;
  /** Why the thread stopped, if it did. */
  private dead: string | null = null;

  constructor(path: string, opts: SqliteWriterOptions = {}) {
    this.callTimeoutMs = opts.callTimeoutMs ?? 30_000;
    const { port1, port2 } = new MessageChannel();
    this.reply = port1;
    // [0]: the last call answered; [1]: the last batch committed; [2]: the last batch refused.
    this.flag = new Int32Array(new SharedArrayBuffer(12));
    // Worker threads do not inherit tsx's loader: the .mjs registers it, then loads the TypeScript writer.
    this.worker = new Worker(opts.script ?? new URL('./sqliteWriterThread.mjs', import.meta.url), { workerData: { path, reply: port2, flag: this.flag }, transferList: [port2] });
    this.worker.on('message', (m: FromWriter) => this.committed(m));
    this.worker.on('error', (e) => this.stopped(`the writer thread failed: ${e.message}`));
    this.worker.on('exit', (code) => this.stopped(`the writer thread stopped (exit code ${code})`));
    try {
      this.call({ op: 'open' });
    } catch (e) {
      void this.worker.terminate();
      this.closed = true;
      throw new Error(`${path} is in use by another process (is a server already running on it?), or could not be opened: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
    }
  }

  create(code: string, creation: C, at: number): void {
    this.call({ op: 'create', code, creation, at });
  }

  append(batch: readonly Append<E>[]): void {
    if (this.closed || this.dead !== null) throw new Error(this.dead ?? 'the store is closed');
    if (batch.length === 0) return;
    const message: ToWriter = { t: 'append', seq: ++this.sent, batch: batch.map(({ code, entries }) => ({ code, texts: entries.map((e) => JSON.stringify(e)) })) };
    this.worker.postMessage(message);
  }

  /** Resolves once every batch appended before the call is committed on the thread (rejects if one was refused). */
  readonly durable = (): Promise<void> => {
    if (this.closed) return Promise.reject(new Error('the store is closed'));
    // A refusal no earlier call has reported belongs to this one.
    const failed = this.lastRefused > this.covered ? this.refusedWhy : null;
    const upTo = this.sent;
    this.covered = upTo;
    if (this.dead !== null && this.answered < upTo) return Promise.reject(new Error(this.dead));
    if (this.answered >= upTo) return failed === null ? Promise.resolve() : Promise.reject(new Error(failed));
    return new Promise((resolve, reject) => this.waiters.push({ upTo, failed, resolve, reject }));
  };

  loadAll(): StoredRoom<C, E>[] {
    return this.call({ op: 'loadAll' }) as StoredRoom<C, E>[];
  }

  load(code: string): StoredRoom<C, E> | null {
    return this.call({ op: 'load', code }) as StoredRoom<C, E> | null;
  }

  /** Commits every batch sent, closes the database, and ends the thread. */
  close(): void {
    if (this.closed) return;
    try {
      if (this.dead === null) this.call({ op: 'close' });
    } finally {
      this.closed = true;
      for (const w of this.waiters.splice(0)) w.reject(new Error('the store is closed'));
      this.reply.close();
      void this.worker.terminate();
    }
  }

  /**
   * Settles what the thread has committed by now, without waiting for its message to come
   * through the event loop: the hub calls it as it reads frames, so on a busy loop an
   * acknowledgement leaves as soon as the hub looks, not behind every socket read queued
   * before the thread's message. A refusal is left to the message (it must reset the thread).
   */
  poll(): void {
    const upTo = Atomics.load(this.flag, 1);
    if (upTo > this.answered && Atomics.load(this.flag, 2) <= this.answered) this.committed({ t: 'committed', upTo, ok: true });
  }

  private committed(m: FromWriter): void {
    // Already settled by `poll`.
    if (m.upTo <= this.answered) return;
    this.answered = m.upTo;
    if (!m.ok) {
      this.lastRefused = m.upTo;
      this.refusedWhy = m.error;
      this.failing = true;
      // Every waiter still waiting covers some of the refused batches (answers come in order).
      for (const w of this.waiters) w.failed ??= m.error;
    }
    while (this.waiters.length > 0 && (this.waiters[0]?.upTo ?? Infinity) <= m.upTo) {
      const w = this.waiters.shift();
      if (w?.failed != null) w.reject(new Error(w.failed));
      else w?.resolve();
    }
    // Every batch sent after the refusal has been refused too: the hub rebuilds its rooms as it
    // reads those refusals (in the microtasks after this), before it reads another frame, so
    // what it sends after the reset is made from rooms as stored.
    if (this.failing && this.answered === this.sent) {
      this.failing = false;
      this.worker.postMessage({ t: 'reset' } satisfies ToWriter);
    }
  }

  private stopped(why: string): void {
    if (this.closed || this.dead !== null) return;
    this.dead = why;
    for (const w of this.waiters.splice(0)) w.reject(new Error(why));
  }

  /** Asks the thread and waits for its answer, after every batch sent before. */
  private call(call: WriterCall): unknown {
    if (this.closed) throw new Error('the store is closed');
    if (this.dead !== null) throw new Error(this.dead);
    const id = this.nextCall++;
    this.worker.postMessage({ t: 'call', id, call } satisfies ToWriter);
    const deadline = performance.now() + this.callTimeoutMs;
    for (;;) {
      // Read before looking at the port: an answer posted after the look changes the word, so the wait returns at once.
      const seen = Atomics.load(this.flag, 0);
      const got = receiveMessageOnPort(this.reply) as { message: { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string } } | undefined;
      if (got) {
        const a = got.message;
        if (a.id !== id) continue;
        if (!a.ok) throw new Error(a.error);
        return a.value;
      }
      const left = deadline - performance.now();
      if (left <= 0) throw new Error(`the writer thread did not answer ${call.op} in ${this.callTimeoutMs} ms`);
      // Woken when the thread has posted an answer (its id in the word), or at the deadline.
      Atomics.wait(this.flag, 0, seen, Math.min(left, 1000));
    }
  }
}
