// The hub: every live room and every connection, and the one path by which anything
// changes a room. A room is its creation plus an append-only log; the hub never changes a
// room except by appending entries (from a client's message or from the clock) and folding
// them with the room model's pure `applyEntry`.
//
// Order of events for a message:
//   1. `handleMessage` on the room as it stands with every entry queued earlier in this
//      event-loop tick folded in, so two messages in one tick see each other;
//   2. its entries are folded in and queued, and a flush is scheduled for the end of the tick;
//   3. the flush appends the entries of every room touched in the tick in ONE transaction
//      (group commit: one fsync for many orders) and makes the outboxes from the rooms as
//      written;
//   4. only once the commit is durable: each message gets its `ack`, and the outboxes are
//      routed to their audiences (acks first: they are small). With a store that syncs off
//      the event loop (`durable`: the SQLite store fdatasyncs its WAL on the thread pool),
//      the hub reads, checks and writes the next batches meanwhile; a sync covers every
//      batch written before it began (a few may run at once), and batches are released in order;
//   5. then what the rooms' clocks or completed stages cause (`dueEntries`: the last team's
//      submission closes the stage, which resolves the turn) is queued for the next flush,
//      its own transaction: an ack never waits for a turn to be resolved, in its room or in
//      the fifty others that submitted in the same tick. A crash in between loses nothing:
//      on restart every room is asked `dueEntries` again.
// Computer players never run on the hub's thread. A stage that needs them begins to close (an
// entry like any other); the model then describes each decision it waits for
// (`pendingDecisions`), the hub hands them to `decide` (the worker pool, playerPool.ts) and
// goes on serving every room; each answer comes back through `decided` as ordinary entries,
// queued and committed like a message's. A decision whose answer is not yet committed is
// simply asked again: after a restart (the room replays to "waiting for it"), or after a
// failed commit. An answer the room no longer waits for (the game ended, it was answered
// already) makes no entry. A decision that fails is logged here and answered by the model's
// fallback (no orders), so the game goes on.
// Nothing leaves the hub about a room with entries not yet durable: a `hello` or an export of
// such a room writes first, and its welcome or record leaves once that is durable. If a commit fails, each room touched is rebuilt from the store
// (the model may fold entries in place, so there is no older copy to fall back to) and every
// message of the tick is refused: nothing is acknowledged that is not on disk. A crash
// between commit and ack is seen by the client as a lost connection; it reconnects and its
// `welcome` shows what was kept.
//
// The hub knows rooms only through `RoomModel` (the signatures of src/classroom/room.ts), so
// it is unit-tested with a small fake model, and it knows connections only as `Peer`s, so the
// WebSocket layer (sockets.ts) stays apart from it.
import { timingSafeEqual } from 'node:crypto';
import type { ClientMessage, Identity, ServerMessage } from '../classroom/protocol';
import { parseClientMessage } from '../classroom/protocol';
import { DEFLATE_FROM, deflateMessage } from './deflate';
import type { RoomStore } from './storage';
import { MONOTONIC_OFFSET } from './monotonic';

export type Audience = { kind: 'all' } | { kind: 'facilitator' } | { kind: 'projector' } | { kind: 'team'; role: string };

/** What the hub reads of a room's creation record. */
export interface CreationLike {
  code: string;
  facilitator: string;
  teamCodes: readonly { role: string; code: string }[];
}

/** The pure room model (src/classroom/room.ts), as the hub uses it. */
export interface RoomModel<C extends CreationLike, S extends { readonly creation: C }, E extends { at: number }> {
  createRoom(c: C): S;
  applyEntry(room: S, e: E): S;
  replayRoom(c: C, log: readonly E[]): S;
  identify(room: S, token: string): Identity | null;
  handleMessage(room: S, who: Identity, msg: ClientMessage, now: number): { ok: true; value: E[] } | { ok: false; error: string };
  dueEntries(room: S, now: number): E[];
  nextWake(room: S): number | null;
  outbox(room: S, entries: readonly E[], now: number, connected: ReadonlyMap<string, number>): { to: Audience; msg: ServerMessage }[];
  welcome(room: S, who: Identity, now: number, connected: ReadonlyMap<string, number>): ServerMessage;
  exportRoom(room: S): unknown;
  isFinished(room: S): boolean;
  /** The decisions (computer players) the room waits for and that nobody has answered, each with the key its answer comes back by. Optional: a model without it has none. */
  pendingDecisions?(room: S): { key: string; decision: unknown }[];
  /** The entries that log a decision's answer (or its failure); none if the room no longer waits for it. */
  decided?(room: S, key: string, answer: { ok: true; value: unknown } | { ok: false; error: string }, now: number): E[];
  /**
   * A stored room that cannot be rebuilt because it was played under earlier rules: what a
   * device holding one of its codes is told, and the export its facilitator may still take.
   * Optional: without it (or when it answers null), such a room's codes are unknown.
   */
  unresumable?(c: C, log: readonly E[]): { tell(who: Identity): string; record: unknown } | null;
  /** What the room is told when devices come or go (the outbox says nothing without entries). Optional: without it, presence shows at the next change. */
  presence?(room: S, now: number, connected: ReadonlyMap<string, number>): { to: Audience; msg: ServerMessage }[];
}

/** One device's connection, as the hub sees it. */
export interface Peer {
  /** A JSON text frame: a string, or its UTF-8 bytes (encoded once when it goes to many devices). */
  send(text: string | Buffer): void;
  /**
   * Present when the device negotiated permessage-deflate: sends one text message as its
   * compressed payload (`deflateMessage`, made once for every device it goes to). The device
   * reads the very text `send` would have sent.
   */
  sendDeflated?(payload: Buffer): void;
  /**
   * Holds what is sent until `uncork` (optional): a flush sends a device its room's updates
   * in one write instead of one per message (the system calls were a tenth of the server's
   * time in a deadline burst).
   */
  cork?(): void;
  uncork?(): void;
  /** Closes the connection (WebSocket close codes: 1008 policy, 1013 try again later). */
  close(code: number, reason: string): void;
}

export interface HubOptions {
  /** The wall clock (ms since epoch): timers in the log are absolute times. */
  now?: () => number;
  /** Most devices in one room. */
  maxPerRoom?: number;
  /** Wrong tokens a connection may try before it is closed (join codes are not to be guessed). */
  maxBadHellos?: number;
  /** A finished room with no device connected is unloaded from memory after this long (ms); it is loaded again from the store when a device joins or it is exported. */
  unloadAfterMs?: number;
  /** Where the hub reports what went wrong on the server (never a client's fault). */
  log?: (line: string) => void;
  /** Keep each acknowledgement's time in the server (frame in → ack out) and each flush's, for the benchmark. */
  measure?: boolean;
  /**
   * Makes one decision the model describes, off this thread (the worker pool), after the
   * decisions of the same room asked before it (so a room's answers are logged in the order
   * asked). Without it, every decision fails and the model's fallback answers.
   */
  decide?: (decision: unknown, room: string) => Promise<unknown>;
  /**
   * Longest a message read waits for the rest of its tick before what is read so far is
   * committed (ms). A deadline burst brings hundreds of frames in one tick; without a bound
   * the first would wait for every other one to be parsed and checked before its commit.
   * Never shorter than commits take lately (a moving average), so a slow disk is not asked for more of them.
   */
  maxBatchMs?: number;
  /** Longest run of what commits cause (closing stages, resolving turns) before the hub reads sockets again (ms). */
  sliceMs?: number;
  /** Most syncs asked of a store with `durable` at once (3). */
  maxSyncs?: number;
}

/** A connection: before `hello` it belongs to no room. */
export interface Conn {
  readonly peer: Peer;
  /** The room it joined (the hub's own record of it). */
  room: object | null;
  who: Identity | null;
  badHellos: number;
  open: boolean;
}

interface LiveRoom<S, E> {
  readonly code: string;
  /** The room with every queued entry folded in (between ticks: the committed room). */
  state: S;
  readonly conns: Set<Conn>;
  /** Devices per team role now (for `connected`). */
  readonly connected: Map<string, number>;
  timer: NodeJS.Timeout | null;
  wakeAt: number | null;
  /** A wake that found nothing due, so the next one for the same time waits a little instead of spinning. */
  idleWake: number | null;
  /** Entries folded into `state` but not yet committed. */
  queued: E[];
  /** Devices came or went since the last flush: the room is told who is connected. */
  presence: boolean;
  /** Set while a finished room with no device waits to be unloaded. */
  unloadTimer: NodeJS.Timeout | null;
  /** Keys of the decisions asked for and not yet answered. */
  readonly deciding: Set<string>;
}

interface QueuedAck {
  conn: Conn;
  id: number;
  /** When the frame arrived (performance.now()), for the server's own latency figures. */
  at: number;
}

const SAVE_FAILED = 'the server could not save this just now; please try again';
const INTERNAL = 'the server could not handle this message (its fault, not yours)';
/** Node's timers take at most 2^31-1 ms; a far wake is re-armed on the way. */
const MAX_DELAY = 2 ** 31 - 1;

export class Hub<C extends CreationLike, S extends { readonly creation: C }, E extends { at: number }> {
  private readonly rooms = new Map<string, LiveRoom<S, E>>();
  /** Every token in use (room code, facilitator secret, team codes) → its room's code. */
  private readonly tokens = new Map<string, string>();
  /** Rooms kept in the store that cannot be resumed (earlier rules), by code: their devices are told why. */
  private readonly unresumable = new Map<string, { creation: C; tell(who: Identity): string; record: unknown }>();
  private readonly acks: QueuedAck[] = [];
  private readonly touched = new Set<LiveRoom<S, E>>();
  private flushScheduled: NodeJS.Immediate | null = null;
  /** Rooms whose committed entries may cause more (`dueEntries`), not yet asked: settled a slice at a time, between socket reads. */
  private readonly due = new Set<LiveRoom<S, E>>();
  private dueScheduled: NodeJS.Immediate | null = null;
  private readonly maxBatchMs: number;
  private readonly sliceMs: number;
  /** How long commits take lately (ms, a moving average): a batch is not cut shorter than one commit. */
  private commitMs = 0;
  /** Batches written, and how many of them are known durable (a store with `durable`). */
  private written = 0;
  /** The last batch a sync was asked to cover, and the syncs running. */
  private asked = 0;
  private readonly syncs = new Set<Promise<void>>();
  /**
   * Syncs running at once: a batch written while one runs gets its own at once instead of
   * waiting for it (the file system joins syncs that overlap into one journal commit).
   */
  private readonly maxSyncs: number;
  /** What waits for a batch to be durable, in the order written: acks and updates, welcomes, exports. */
  private readonly releases: { seq: number; run: (durable: boolean) => void }[] = [];
  private closed = false;
  private readonly now: () => number;
  private readonly maxPerRoom: number;
  private readonly maxBadHellos: number;
  private readonly unloadAfterMs: number;
  private readonly log: (line: string) => void;
  private readonly decide: ((decision: unknown, room: string) => Promise<unknown>) | null;
  /** Commits made, and entries written, since the start (for the benchmark and tests). */
  /** Bytes as written (compressed or not), and the same messages' text in UTF-8 bytes (`...Text`). */
  readonly stats = { commits: 0, entries: 0, failedCommits: 0, bytesSent: 0, boardBytesSent: 0, bytesSentText: 0, boardBytesSentText: 0, decisions: 0, failedDecisions: 0 };
  /** With `measure`: ms from a frame's arrival to its ack, and each flush (work up to the commit, in all). */
  readonly latencies: number[] | null;
  /**
   * With `measure`: each ack as `[room code, who (facilitator, projector or the team's role), message id,
   * frame in, ack out]`, the times on the machine's monotonic clock (ms), which every process on
   * it shares: the benchmark joins them with its clients' send and receive times, to tell the
   * wait for the server from a client process's own wait for a core.
   */
  readonly ackTimes: [string, string, number, number, number][] = [];
  /** With `measure`: each flush, `at` its start on the monotonic clock (ms). */
  readonly phases: { at: number; ms: number; commitMs: number; syncMs: number; routeMs: number; acks: number; entries: number }[] = [];
  /** With `measure`: each slice of settling rooms (ms): closing stages and resolving turns; and when each began (the monotonic clock). */
  readonly settling: number[] = [];
  readonly settlingAt: number[] = [];

  constructor(
    private readonly model: RoomModel<C, S, E>,
    private readonly store: RoomStore<C, E>,
    opts: HubOptions = {},
  ) {
    this.now = opts.now ?? Date.now;
    this.maxPerRoom = opts.maxPerRoom ?? 200;
    this.maxBadHellos = opts.maxBadHellos ?? 5;
    this.unloadAfterMs = opts.unloadAfterMs ?? 10 * 60_000;
    this.log = opts.log ?? ((line) => console.error(line));
    this.latencies = opts.measure ? [] : null;
    this.decide = opts.decide ?? null;
    this.maxBatchMs = opts.maxBatchMs ?? 2;
    this.sliceMs = opts.sliceMs ?? 4;
    this.maxSyncs = opts.maxSyncs ?? 3;
  }

  /** Rebuilds every stored room from its log (on start). A room that cannot be rebuilt is reported and left out, never fatal to the others. */
  load(): { loaded: number; failed: string[] } {
    const failed: string[] = [];
    let loaded = 0;
    for (const stored of this.store.loadAll()) {
      try {
        this.addLive(stored.code, this.model.replayRoom(stored.creation, stored.log));
        loaded++;
        const room = this.rooms.get(stored.code);
        // A finished room waits in the store (its codes stay known); an open one may have a stage
        // completed or a timer run out while the server was down: the first flush catches up.
        if (room && this.model.isFinished(room.state)) this.unload(room);
        else if (room) this.touched.add(room);
      } catch (e) {
        failed.push(stored.code);
        this.log(`room ${stored.code} could not be rebuilt from its log: ${e instanceof Error ? e.message : String(e)}`);
        this.keepUnresumable(stored.creation, stored.log);
      }
    }
    this.scheduleFlush();
    return { loaded, failed };
  }

  /** A room left out for its rules: its codes stay taken, and its devices are told why they cannot play it. */
  private keepUnresumable(c: C, log: readonly E[]): void {
    let u: ReturnType<NonNullable<RoomModel<C, S, E>['unresumable']>> = null;
    try {
      u = this.model.unresumable?.(c, log) ?? null;
    } catch (e) {
      this.log(`room ${c.code}: unresumable threw: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (!u) return;
    this.unresumable.set(c.code, { creation: c, tell: u.tell, record: u.record });
    for (const token of [c.code, c.facilitator, ...c.teamCodes.map((t) => t.code)]) this.tokens.set(token, c.code);
  }

  /** Whether a token (a code or secret) is already in use, so a new one is drawn. */
  tokenTaken = (token: string): boolean => this.tokens.has(token);

  /** Stores a new room, then makes it live. */
  createRoom(creation: C): S {
    const tokens = [creation.code, creation.facilitator, ...creation.teamCodes.map((t) => t.code)];
    if (new Set(tokens).size !== tokens.length || tokens.some(this.tokenTaken)) throw new Error('a code of the new room is already in use');
    const state = this.model.createRoom(creation);
    this.store.create(creation.code, creation, this.now());
    this.addLive(creation.code, state);
    return state;
  }

  /** Every room as it stands, oldest first. */
  roomStates(): S[] {
    return [...this.rooms.values()].map((r) => r.state);
  }

  isFinished = (room: S): boolean => this.model.isFinished(room);

  /** The room's record as written, if `key` is its facilitator's secret; null otherwise (no room, wrong key: not told apart). */
  exportRoom(code: string, key: string): unknown {
    const old = this.unresumable.get(code);
    if (old) return sameSecret(key, old.creation.facilitator) ? old.record : null;
    const room = this.live(code);
    if (!room || !sameSecret(key, room.state.creation.facilitator)) return null;
    if (room.queued.length > 0) this.flushNow();
    return this.model.exportRoom(room.state);
  }

  /** The same, given once what it holds is durable (what the HTTP export serves). */
  exportDurable(code: string, key: string): Promise<unknown> {
    const record = this.exportRoom(code, key);
    return new Promise((done) => this.afterPending((durable) => done(durable ? record : null)));
  }

  connect(peer: Peer): Conn {
    return { peer, room: null, who: null, badHellos: 0, open: true };
  }

  /** A text frame from a connection. Never throws: a client cannot break the hub. */
  frame(conn: Conn, text: string): void {
    if (!conn.open || this.closed) return;
    const at = performance.now();
    // Batches the store has made durable since are released now, not when its own event gets through.
    this.store.poll?.();
    const parsed = parseClientMessage(text);
    if (!parsed.ok) return this.send(conn, { t: 'refused', id: parsed.id, reason: parsed.error });
    const msg = parsed.value;
    if (msg.t === 'ping') return this.send(conn, { t: 'pong', id: msg.id, serverNow: this.now() });
    const room = conn.room as LiveRoom<S, E> | null;
    if (msg.t === 'hello') return room ? this.send(conn, { t: 'refused', id: msg.id, reason: 'this connection has already joined a room' }) : this.hello(conn, msg.id, msg.token);
    if (!room || !conn.who) return this.send(conn, { t: 'refused', id: msg.id, reason: 'join a room first (hello with your code)' });
    // What the room's last commit causes comes before any message read after it, as if it had been settled in that commit's tick.
    if (this.due.has(room)) this.settle(room);
    const now = this.now();
    let result: ReturnType<RoomModel<C, S, E>['handleMessage']>;
    try {
      result = this.model.handleMessage(room.state, conn.who, msg, now);
    } catch (e) {
      this.log(`room ${room.code}: handleMessage threw on ${msg.t}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      return this.send(conn, { t: 'refused', id: msg.id, reason: INTERNAL });
    }
    if (!result.ok) return this.send(conn, { t: 'refused', id: msg.id, reason: result.error });
    if (!this.enqueue(room, result.value)) return this.send(conn, { t: 'refused', id: msg.id, reason: INTERNAL });
    this.acks.push({ conn, id: msg.id, at });
    // Cut short only once the batch has waited as long as a commit takes: on a slow disk, commits
    // more frequent than that would hold the event loop longer than the batching saves.
    const first = this.acks[0];
    if (first && performance.now() - first.at >= Math.max(this.maxBatchMs, this.commitMs)) this.flushNow();
    else this.scheduleFlush();
  }

  /** A connection went away. */
  disconnect(conn: Conn): void {
    if (!conn.open) return;
    conn.open = false;
    const room = conn.room as LiveRoom<S, E> | null;
    if (!room) return;
    room.conns.delete(conn);
    if (room.conns.size === 0 && this.model.isFinished(room.state)) this.unloadLater(room);
    if (conn.who?.kind === 'team') {
      const n = (room.connected.get(conn.who.role) ?? 1) - 1;
      if (n > 0) room.connected.set(conn.who.role, n);
      else room.connected.delete(conn.who.role);
      this.connectedChanged(room);
    }
  }

  /** Devices connected to a room now (for tests and the terminal). */
  devices(code: string): number {
    return this.rooms.get(code)?.conns.size ?? 0;
  }

  /** Commits whatever is queued, stops every timer, and refuses anything after. */
  close(): void {
    // A flush may queue what its commits caused (a stage closing): those are committed too, a few rounds at most.
    for (let round = 0; round < 4 && (round === 0 || this.flushScheduled); round++) {
      if (this.flushScheduled) clearImmediate(this.flushScheduled);
      this.flush();
      for (const room of [...this.due]) if (this.settle(room)) this.scheduleFlush();
    }
    if (this.flushScheduled) clearImmediate(this.flushScheduled);
    this.flushScheduled = null;
    if (this.dueScheduled) clearImmediate(this.dueScheduled);
    this.dueScheduled = null;
    this.due.clear();
    this.closed = true;
    for (const room of this.rooms.values()) {
      if (room.timer) clearTimeout(room.timer);
      if (room.unloadTimer) clearTimeout(room.unloadTimer);
    }
  }

  /** Whether a room is in memory now (for tests). */
  isLive = (code: string): boolean => this.rooms.has(code);

  /** The room, loaded again from the store if it was unloaded; undefined if there is none. */
  private live(code: string): LiveRoom<S, E> | undefined {
    const room = this.rooms.get(code);
    if (room) return room;
    if (!this.tokens.has(code)) return undefined;
    const stored = this.store.load(code);
    if (!stored) return undefined;
    try {
      this.addLive(code, this.model.replayRoom(stored.creation, stored.log));
    } catch (e) {
      this.log(`room ${code} could not be rebuilt from its log: ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    }
    const loaded = this.rooms.get(code);
    // Loaded for an export or a device that then leaves: it goes back to the store in time.
    if (loaded && this.model.isFinished(loaded.state)) this.unloadLater(loaded);
    return loaded;
  }

  private unloadLater(room: LiveRoom<S, E>): void {
    if (room.unloadTimer) clearTimeout(room.unloadTimer);
    room.unloadTimer = setTimeout(() => {
      room.unloadTimer = null;
      if (room.conns.size === 0 && room.queued.length === 0 && this.rooms.get(room.code) === room) this.unload(room);
    }, this.unloadAfterMs);
    room.unloadTimer.unref();
  }

  /** Drops a finished, empty room from memory; its codes stay in the index, so it is found again. */
  private unload(room: LiveRoom<S, E>): void {
    if (room.timer) clearTimeout(room.timer);
    if (room.unloadTimer) clearTimeout(room.unloadTimer);
    this.touched.delete(room);
    this.due.delete(room);
    this.rooms.delete(room.code);
  }

  private addLive(code: string, state: S): void {
    const c = state.creation;
    const room: LiveRoom<S, E> = { code, state, conns: new Set(), connected: new Map(), timer: null, wakeAt: null, idleWake: null, queued: [], presence: false, unloadTimer: null, deciding: new Set() };
    this.rooms.set(code, room);
    for (const token of [c.code, c.facilitator, ...c.teamCodes.map((t) => t.code)]) this.tokens.set(token, code);
    this.arm(room);
  }

  private hello(conn: Conn, id: number, token: string): void {
    // Codes are typed by people: the model reads them without regard to case, and so does the index.
    const code = this.tokens.get(token) ?? this.tokens.get(token.trim().toUpperCase());
    const old = code === undefined ? undefined : this.unresumable.get(code);
    // A right code of a room that cannot be played: not a guess, so it counts against no one.
    if (old) return this.send(conn, { t: 'refused', id, reason: old.tell(oldIdentity(old.creation, token)) });
    const room = code === undefined ? undefined : this.live(code);
    let who: Identity | null = null;
    if (room) {
      try {
        who = this.model.identify(room.state, token);
      } catch (e) {
        this.log(`room ${room.code}: identify threw: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    if (!room || !who) {
      conn.badHellos++;
      this.send(conn, { t: 'refused', id, reason: 'no room has this code: check it and try again' });
      if (conn.badHellos >= this.maxBadHellos) this.closeConn(conn, 1008, 'too many wrong codes');
      return;
    }
    if (room.conns.size >= this.maxPerRoom) {
      this.send(conn, { t: 'refused', id, reason: `this room is full (${this.maxPerRoom} ${this.maxPerRoom === 1 ? 'device' : 'devices'})` });
      return this.closeConn(conn, 1013, 'room full');
    }
    // The welcome must show only what is on disk (and what its last commit causes, as any message sees it).
    if (this.due.has(room)) this.settle(room);
    if (room.queued.length > 0) this.flushNow();
    conn.room = room;
    conn.who = who;
    if (who.kind === 'team') room.connected.set(who.role, (room.connected.get(who.role) ?? 0) + 1);
    let hi: ServerMessage | null = null;
    try {
      hi = this.model.welcome(room.state, who, this.now(), room.connected);
    } catch (e) {
      this.log(`room ${room.code}: welcome threw: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
    // The welcome shows the room as written; it leaves once that is durable, and from then on
    // the device is told every update (the ones before are in its welcome).
    this.afterPending((durable) => {
      if (!conn.open) return;
      if (!durable) return this.closeConn(conn, 1013, 'the server could not save just now');
      room.conns.add(conn);
      if (hi) this.send(conn, hi);
      this.send(conn, { t: 'ack', id });
    });
    if (who.kind === 'team') this.connectedChanged(room);
  }

  /** Everyone in the room learns, once per tick however many came or went, how many devices each team has. */
  private connectedChanged(room: LiveRoom<S, E>): void {
    if (this.closed || !this.model.presence) return;
    room.presence = true;
    this.touched.add(room);
    this.scheduleFlush();
  }

  /** Folds entries into the room and queues them; false if the model could not fold them (then none of them is queued). */
  private enqueue(room: LiveRoom<S, E>, entries: readonly E[]): boolean {
    const before = room.queued.length;
    try {
      for (const e of entries) {
        room.state = this.model.applyEntry(room.state, e);
        room.queued.push(e);
      }
    } catch (e) {
      this.log(`room ${room.code}: applyEntry threw: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      // The model may have changed the room half-way: rebuild it from what is stored and what this tick queued before.
      room.queued.length = before;
      this.rebuild(room);
      return false;
    }
    this.touched.add(room);
    return true;
  }

  /** The room from its stored log plus its queued entries. */
  private rebuild(room: LiveRoom<S, E>): void {
    const stored = this.store.load(room.code);
    if (!stored) return this.log(`room ${room.code} is not in the store`);
    try {
      room.state = this.model.replayRoom(stored.creation, [...stored.log, ...room.queued]);
    } catch (e) {
      this.log(`room ${room.code} could not be rebuilt: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  /** Entries the room's clock or a completed stage cause now, folded in and queued (a bounded number of rounds: each closes a stage). */
  private drainDue(room: LiveRoom<S, E>, now: number): void {
    for (let round = 0; round < 4; round++) {
      let due: E[];
      try {
        due = this.model.dueEntries(room.state, now);
      } catch (e) {
        this.log(`room ${room.code}: dueEntries threw: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
        return;
      }
      if (due.length === 0 || !this.enqueue(room, due)) return;
    }
  }

  /** Hands every decision the room waits for, and nobody is making yet, to `decide`; each answer comes back through `answered`. */
  private askDecisions(room: LiveRoom<S, E>): void {
    if (this.closed || !this.model.pendingDecisions) return;
    let pending: { key: string; decision: unknown }[];
    try {
      pending = this.model.pendingDecisions(room.state);
    } catch (e) {
      return this.log(`room ${room.code}: pendingDecisions threw: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
    for (const { key, decision } of pending) {
      if (room.deciding.has(key)) continue;
      room.deciding.add(key);
      this.stats.decisions++;
      const asked = this.decide ? this.decide(decision, room.code) : Promise.reject(new Error('this server runs no computer players'));
      asked.then(
        (value) => this.answered(room, key, { ok: true, value }),
        (e: unknown) => {
          const why = e instanceof Error ? e.message : String(e);
          // A stopping server fails what its threads were making: not a fault, and asked again at the next start.
          if (this.closed) return;
          this.stats.failedDecisions++;
          this.log(`room ${room.code}: the computer player's decision ${key} failed: ${why}`);
          this.answered(room, key, { ok: false, error: why });
        },
      );
    }
  }

  /** A decision's answer: logged through the same queue and commit as any entry, if the room still waits for it. */
  private answered(room: LiveRoom<S, E>, key: string, answer: { ok: true; value: unknown } | { ok: false; error: string }): void {
    room.deciding.delete(key);
    // A stopped hub, or a room no longer live: the answer is dropped (a restarted server asks again).
    if (this.closed || this.rooms.get(room.code) !== room || !this.model.decided) return;
    let entries: E[];
    try {
      entries = this.model.decided(room.state, key, answer, this.now());
    } catch (e) {
      return this.log(`room ${room.code}: decided threw: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
    if (entries.length > 0 && this.enqueue(room, entries)) this.scheduleFlush();
  }

  private scheduleDue(): void {
    if (!this.dueScheduled && !this.closed && this.due.size > 0) this.dueScheduled = setImmediate(() => this.settleSome());
  }

  /** Settles rooms until a slice's time is used, then lets the event loop read sockets before the next slice. */
  private settleSome(): void {
    this.dueScheduled = null;
    const started = performance.now();
    for (const room of this.due) {
      this.store.poll?.();
      if (this.settle(room)) this.scheduleFlush();
      if (performance.now() - started >= this.sliceMs) break;
    }
    if (this.latencies) {
      this.settling.push(performance.now() - started);
      this.settlingAt.push(started + MONOTONIC_OFFSET);
    }
    this.scheduleDue();
  }

  /** Queues what the room's committed entries cause now and asks for the decisions it waits for; true if it queued entries. */
  private settle(room: LiveRoom<S, E>): boolean {
    this.due.delete(room);
    const before = room.queued.length;
    this.drainDue(room, this.now());
    this.askDecisions(room);
    return room.queued.length > before;
  }

  private scheduleFlush(): void {
    if (!this.flushScheduled && !this.closed) this.flushScheduled = setImmediate(() => this.flush());
  }

  /** Commits at once what this tick queued so far (before a welcome or an export of a room with queued entries). */
  private flushNow(): void {
    if (this.flushScheduled) clearImmediate(this.flushScheduled);
    this.flush();
  }

  /**
   * The group commit: one transaction for every room touched this tick; then, once it is
   * durable, acks and outboxes. The outboxes are made now, from the rooms exactly as written
   * (later messages fold more entries in before the commit is durable), and held until then.
   */
  private flush(): void {
    this.flushScheduled = null;
    this.store.poll?.();
    const rooms = [...this.touched];
    const acks = this.acks.splice(0);
    this.touched.clear();
    if (rooms.length === 0 && acks.length === 0) return;
    const now = this.now();
    const started = performance.now();
    const batch = rooms.filter((r) => r.queued.length > 0).map((r) => ({ code: r.code, entries: r.queued }));
    try {
      if (batch.length > 0) this.store.append(batch);
    } catch (e) {
      this.stats.failedCommits++;
      this.log(`commit of ${batch.length} room(s) failed: ${e instanceof Error ? e.message : String(e)}`);
      this.refuseAll(rooms, acks);
      return;
    }
    const written = performance.now();
    if (batch.length > 0) this.stats.commits++;
    const outs: { room: LiveRoom<S, E>; out: { to: Audience; msg: ServerMessage }[] }[] = [];
    let entryCount = 0;
    for (const room of rooms) {
      const entries = room.queued;
      room.queued = [];
      entryCount += entries.length;
      try {
        if (entries.length > 0) outs.push({ room, out: this.model.outbox(room.state, entries, now, room.connected) });
        if (room.presence && this.model.presence) outs.push({ room, out: this.model.presence(room.state, now, room.connected) });
      } catch (e) {
        this.log(`room ${room.code}: outbox threw: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      }
      room.presence = false;
      this.arm(room);
    }
    this.stats.entries += entryCount;
    // What the written entries cause goes into a later transaction (step 5 above), settled a
    // slice of rooms at a time: fifty rooms resolving their turns at once must not hold up
    // the messages read meanwhile (a room's own next message settles it first, in `frame`).
    // It is released after this commit's, so nothing it says is told before this is durable.
    for (const room of rooms) this.due.add(room);
    this.scheduleDue();
    const prepared = performance.now();
    const release = (durable: boolean): void => {
      if (!durable) return this.refuseAll(rooms, acks);
      const synced = performance.now();
      // Acks first: each is a few bytes and means "on disk", which is now true; the outboxes
      // that follow can be large (a turn's end sends every device its new report).
      for (const a of acks) this.send(a.conn, { t: 'ack', id: a.id });
      const acked = performance.now();
      // Each device's updates from every room of this flush leave in one write (the acks above went at once).
      const corked = new Set<Conn>();
      for (const { room, out } of outs) this.route(room, out, corked);
      for (const conn of corked) this.uncork(conn);
      if (this.latencies) {
        const done = performance.now();
        for (const a of acks) {
          this.latencies.push(acked - a.at);
          const room = a.conn.room as LiveRoom<S, E> | null;
          const who = a.conn.who;
          if (room && who) this.ackTimes.push([room.code, who.kind === 'team' ? who.role : who.kind, a.id, a.at + MONOTONIC_OFFSET, acked + MONOTONIC_OFFSET]);
        }
        // Work on the event loop (writing, making the outboxes, sending them), and the wait for the disk, off it.
        this.phases.push({ at: started + MONOTONIC_OFFSET, ms: prepared - started + (done - synced), commitMs: written - started, syncMs: synced - prepared, routeMs: done - acked, acks: acks.length, entries: entryCount });
      }
    };
    if (batch.length > 0) this.whenDurable(release, written - started);
    else this.afterPending(release);
  }

  /** A commit failed (or could not be made durable): every room touched is rebuilt from the store, and every message of the batch refused. */
  private refuseAll(rooms: readonly LiveRoom<S, E>[], acks: readonly QueuedAck[]): void {
    for (const room of rooms) {
      room.queued = [];
      this.rebuild(room);
      this.arm(room);
      // An answer folded in but not committed is gone with the rebuild: its decision is asked again.
      this.askDecisions(room);
    }
    for (const a of acks) this.send(a.conn, { t: 'refused', id: a.id, reason: SAVE_FAILED });
  }

  /**
   * Runs `release` once everything written so far is durable. A store that makes its commits
   * durable as it writes them (no `durable`) releases at once; otherwise one sync at a time is
   * asked of it, each covering every commit written before it began (a second group commit:
   * while the disk syncs, the hub reads, checks and writes the next batches).
   */
  private whenDurable(release: (durable: boolean) => void, writeMs: number): void {
    if (!this.store.durable) {
      this.commitMs = 0.8 * this.commitMs + 0.2 * writeMs;
      return this.afterPending(release);
    }
    const seq = ++this.written;
    this.releases.push({ seq, run: release });
    this.sync();
  }

  /** Runs `f` after every release already waiting (at once when none is), told whether the commits before it are durable. */
  private afterPending(f: (durable: boolean) => void): void {
    if (this.releases.length === 0) return f(true);
    this.releases.push({ seq: this.written, run: f });
  }

  private sync(): void {
    if (this.syncs.size >= this.maxSyncs || this.closed || this.asked >= this.written || !this.store.durable) return;
    const upTo = this.written;
    this.asked = upTo;
    const began = performance.now();
    const running: Promise<void> = this.store.durable().then(
      () => this.syncDone(running, upTo, true, performance.now() - began),
      (e: unknown) => {
        if (!this.closed) {
          this.stats.failedCommits++;
          this.log(`a commit could not be made durable (its messages are refused): ${e instanceof Error ? e.message : String(e)}`);
        }
        this.syncDone(running, upTo, false, performance.now() - began);
      },
    );
    this.syncs.add(running);
  }

  private syncDone(running: Promise<void>, upTo: number, durable: boolean, ms: number): void {
    this.syncs.delete(running);
    // A stopped hub answers nothing more: the devices reconnect to the next start, whose welcome shows what was kept.
    if (this.closed) return;
    // Batches are not cut shorter than a commit takes to be durable lately (flush's caller),
    // unless the store joins the batches it is sent meanwhile itself (a writer thread).
    if (!this.store.joinsBatches) this.commitMs = 0.8 * this.commitMs + 0.2 * ms;
    // A sync covers what was written before it began, so one that ends may release batches a slower earlier one also covers.
    while (this.releases.length > 0 && (this.releases[0]?.seq ?? Infinity) <= upTo) this.releases.shift()?.run(durable);
    this.sync();
  }

  /** Resolves once no sync is running (a stopping server closes its store after). */
  syncsDone(): Promise<void> {
    return Promise.allSettled([...this.syncs]).then(() => undefined);
  }

  private route(room: LiveRoom<S, E>, out: readonly { to: Audience; msg: ServerMessage }[], corked: Set<Conn>): void {
    // The model gives one message object to every audience that is told the same (a board
    // update is made once per viewer: every device that sees the public board gets the same
    // one; the room once for the facilitator, with the teams' names, and once for the projector
    // and every team, without them), so each object is serialised, encoded and compressed once
    // however many devices it goes to.
    const frames = new Map<ServerMessage, Frame>();
    for (const { to, msg } of out) {
      const conns = [...room.conns].filter((c) => c.who && reaches(to, c.who));
      // Nobody of this audience is connected: nothing to serialise.
      if (conns.length === 0) continue;
      let frame = frames.get(msg);
      if (!frame) {
        frame = new Frame(JSON.stringify(msg));
        frames.set(msg, frame);
      }
      for (const conn of conns) {
        if (!corked.has(conn) && conn.open) {
          corked.add(conn);
          this.cork(conn);
        }
        const bytes = this.deliver(conn, frame);
        this.stats.bytesSent += bytes;
        this.stats.bytesSentText += frame.textBytes();
        if (msg.t === 'game') {
          this.stats.boardBytesSent += bytes;
          this.stats.boardBytesSentText += frame.textBytes();
        }
      }
    }
  }

  /** Sends a frame as its device reads it best (compressed when large and the device can inflate); the bytes written. */
  private deliver(conn: Conn, frame: Frame): number {
    if (!conn.open) return 0;
    try {
      if (frame.text.length >= DEFLATE_FROM && conn.peer.sendDeflated) {
        const payload = frame.deflated();
        conn.peer.sendDeflated(payload);
        return payload.byteLength;
      }
      // Encoded to UTF-8 once for every device that reads it as text, not once per socket.
      const text = frame.utf8();
      conn.peer.send(text);
      return text.byteLength;
    } catch (e) {
      this.log(`send failed: ${e instanceof Error ? e.message : String(e)}`);
      return 0;
    }
  }

  /** Keeps one timer per room, at the model's next wake. */
  private arm(room: LiveRoom<S, E>): void {
    if (this.closed) return;
    let wake: number | null;
    try {
      wake = this.model.nextWake(room.state);
    } catch (e) {
      this.log(`room ${room.code}: nextWake threw: ${e instanceof Error ? e.message : String(e)}`);
      wake = null;
    }
    if (wake === room.wakeAt && room.timer) return;
    if (room.timer) clearTimeout(room.timer);
    room.timer = null;
    room.wakeAt = wake;
    if (wake === null) return;
    let delay = Math.max(0, wake - this.now());
    if (wake === room.idleWake) delay = Math.max(delay, 1000);
    room.timer = setTimeout(() => this.wake(room), Math.min(delay, MAX_DELAY));
  }

  private wake(room: LiveRoom<S, E>): void {
    room.timer = null;
    const wakeAt = room.wakeAt;
    room.wakeAt = null;
    if (this.closed) return;
    const before = room.queued.length;
    this.drainDue(room, this.now());
    if (room.queued.length > before) {
      room.idleWake = null;
      this.scheduleFlush();
      return;
    }
    // Early (the wall clock moved back a little): wait again. Nothing due at its time: wait, but never spin on the same instant.
    if (wakeAt === null || this.now() >= wakeAt) room.idleWake = wakeAt;
    this.arm(room);
  }

  private send(conn: Conn, msg: ServerMessage): void {
    const text = JSON.stringify(msg);
    // A welcome carries the scenario (tens of KB): compressed too, for the device alone.
    if (text.length >= DEFLATE_FROM && conn.peer.sendDeflated) this.deliver(conn, new Frame(text));
    else this.sendText(conn, text);
  }

  private sendText(conn: Conn, text: string | Buffer): void {
    if (!conn.open) return;
    try {
      conn.peer.send(text);
    } catch (e) {
      this.log(`send failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  private cork(conn: Conn): void {
    try {
      conn.peer.cork?.();
    } catch (e) {
      this.log(`cork failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  private uncork(conn: Conn): void {
    try {
      conn.peer.uncork?.();
    } catch (e) {
      this.log(`uncork failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  private closeConn(conn: Conn, code: number, reason: string): void {
    this.disconnect(conn);
    try {
      conn.peer.close(code, reason);
    } catch {
      // Already closed: nothing left to do.
    }
  }
}

/** One message as sent: its text, and its UTF-8 bytes and compressed payload, each made once when first needed. */
class Frame {
  private bytes: Buffer | null = null;
  private packed: Buffer | null = null;
  private length: number | null = null;
  constructor(readonly text: string) {}
  utf8(): Buffer {
    return (this.bytes ??= Buffer.from(this.text, 'utf8'));
  }
  /** Its length in UTF-8 bytes (the benchmark's figure of what compression saved). */
  textBytes(): number {
    return (this.length ??= this.bytes ? this.bytes.byteLength : Buffer.byteLength(this.text));
  }
  deflated(): Buffer {
    return (this.packed ??= deflateMessage(this.text));
  }
}

function reaches(to: Audience, who: Identity): boolean {
  switch (to.kind) {
    case 'all':
      return true;
    case 'facilitator':
      return who.kind === 'facilitator';
    case 'projector':
      return who.kind === 'projector';
    case 'team':
      return who.kind === 'team' && who.role === to.role;
  }
}

/** Who a token of a room that cannot be played opens (the model cannot be asked: it has no such room). */
function oldIdentity(c: CreationLike, token: string): Identity {
  if (sameSecret(token, c.facilitator)) return { kind: 'facilitator' };
  const code = token.trim().toUpperCase();
  const team = c.teamCodes.find((t) => t.code === code);
  return team ? { kind: 'team', role: team.role } : { kind: 'projector' };
}

/** Compares a key with a secret in time independent of where they differ. */
function sameSecret(key: string, secret: string): boolean {
  const a = Buffer.from(key);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}
