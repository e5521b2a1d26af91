// Where rooms are kept. A room is its creation record plus an append-only log of entries
// (event sourcing): nothing is ever updated in place, so a crash can lose at most entries
// that were never acknowledged, and a restart rebuilds every room by folding its log.
//
// The store knows nothing of what a creation or an entry means: both are JSON. The hub
// appends the entries of every room touched during one event-loop tick in ONE call, which a
// durable store must make ONE transaction (group commit: one disk flush for many orders).

/** A room as stored: its creation and its log, in order. */
export interface StoredRoom<C, E> {
  code: string;
  creation: C;
  log: E[];
}

/** Entries for one room, appended after the ones it already has. */
export interface Append<E> {
  code: string;
  entries: readonly E[];
}

export interface RoomStore<C, E> {
  /** Stores a new room with an empty log. Throws if the code is taken. */
  create(code: string, creation: C, at: number): void;
  /**
   * Appends the entries of several rooms atomically: all are written when it returns, or none
   * (it throws). Without `durable`, they are also durable when it returns.
   */
  append(batch: readonly Append<E>[]): void;
  /**
   * Optional: resolves once everything appended before the call is durable (rejects if it
   * cannot be made so). A store that has it lets the hub read and write the next batches while
   * the disk syncs; nothing is acknowledged before it resolves.
   */
  durable?(): Promise<void>;
  /**
   * Optional, with `durable`: settles at once what the store already knows is durable, instead
   * of when its own event comes through the event loop. The hub calls it as it reads frames.
   */
  poll?(): void;
  /**
   * Optional, with `durable`: the store itself joins the batches sent while it commits into
   * one commit (a writer thread), so the hub need not hold a batch back for the disk.
   */
  readonly joinsBatches?: boolean;
  /** Every room with its whole log, oldest room first. */
  loadAll(): StoredRoom<C, E>[];
  /** One room with its whole log, or null. */
  load(code: string): StoredRoom<C, E> | null;
  close(): void;
}

/**
 * A store in memory, for unit tests of the hub. It copies through JSON, as a real store
 * does, so a test cannot pass by sharing objects with the store; `failNext` makes the next
 * append throw, to test what the hub does when the disk refuses a commit.
 */
export class MemoryStore<C, E> implements RoomStore<C, E> {
  private readonly rooms = new Map<string, { creation: string; log: string[] }>();
  failNext = false;
  commits = 0;

  create(code: string, creation: C): void {
    if (this.rooms.has(code)) throw new Error(`room ${code} exists`);
    this.rooms.set(code, { creation: JSON.stringify(creation), log: [] });
  }

  append(batch: readonly Append<E>[]): void {
    if (this.failNext) {
      this.failNext = false;
      throw new Error('the store refused the commit');
    }
    for (const { code } of batch) if (!this.rooms.has(code)) throw new Error(`no room ${code}`);
    for (const { code, entries } of batch) this.rooms.get(code)?.log.push(...entries.map((e) => JSON.stringify(e)));
    this.commits++;
  }

  loadAll(): StoredRoom<C, E>[] {
    return [...this.rooms.keys()].flatMap((code) => this.load(code) ?? []);
  }

  load(code: string): StoredRoom<C, E> | null {
    const r = this.rooms.get(code);
    return r ? { code, creation: JSON.parse(r.creation) as C, log: r.log.map((e) => JSON.parse(e) as E) } : null;
  }

  close(): void {
    this.rooms.clear();
  }
}
