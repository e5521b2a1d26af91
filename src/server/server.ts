// Puts the pieces together: the store, the hub (rebuilt from the store), the WebSocket edge
// and the HTTP server, listening. main.ts adds the command line and the terminal output; the
// room model is passed in, so this file holds no rule of the game.
import type { AddressInfo } from 'node:net';
import type { NewCreation } from './creation';
import type { RoomModel } from './hub';
import { Hub } from './hub';
import { PlayerPool } from './playerPool';
import { createHttpServer } from './http';
import { Sockets } from './sockets';
import { SqliteStore } from './sqliteStore';
import { SqliteWriterStore } from './sqliteWriter';
import type { RoomStore } from './storage';

export interface ServerOptions {
  port: number;
  host: string;
  db: string;
  distDir: string;
  scenariosDir: string;
  maxPerIp?: number;
  maxPerRoom?: number;
  /** Rooms one address may make at once (then one a second): 60. */
  roomsPerIp?: number;
  /** A connection must say hello within this time. */
  helloMs?: number;
  /** Every socket is pinged this often; one that has not answered the last ping is dropped. */
  heartbeatMs?: number;
  /** Keep the server's own latency figures (the benchmark). */
  measure?: boolean;
  /** Sync the database's WAL on the thread pool instead of inside each commit on the event loop (sqliteStore.ts). */
  syncApart?: boolean;
  /** Commit on a writer thread (sqliteWriter.ts) while the event loop goes on; acknowledged once the thread answers. */
  writerThread?: boolean;
  /** Threads for the computer players (default: one per core but one, at least one). */
  playerThreads?: number;
  /** Told of each room made after the start. */
  onCreated?(c: NewCreation): void;
  log?: (line: string) => void;
}

export interface RunningServer<S> {
  port: number;
  /** Rooms rebuilt from the database at the start, and any that could not be. */
  loaded: { loaded: number; failed: string[] };
  rooms(): S[];
  isFinished(room: S): boolean;
  /** With `measure`: ms from each frame's arrival to its ack, and each group commit's work. */
  measured(): { latencies: readonly number[]; ackTimes: readonly (readonly [string, string, number, number, number])[]; flushes: readonly { at: number; ms: number; commitMs: number; syncMs: number; routeMs: number; acks: number; entries: number }[]; settling: readonly number[]; settlingAt: readonly number[]; commits: number; bytesSent: number; boardBytesSent: number; bytesSentText: number; boardBytesSentText: number };
  /** Commits what is queued, closes every connection and the database. */
  close(): Promise<void>;
}

export async function startServer<S extends { readonly creation: NewCreation }, E extends { at: number }>(model: RoomModel<NewCreation, S, E>, opts: ServerOptions): Promise<RunningServer<S>> {
  const store: RoomStore<NewCreation, E> = opts.writerThread ? new SqliteWriterStore<NewCreation, E>(opts.db) : new SqliteStore<NewCreation, E>(opts.db, { syncApart: opts.syncApart });
  const players = new PlayerPool({ size: opts.playerThreads });
  const hub = new Hub(model, store, { maxPerRoom: opts.maxPerRoom, log: opts.log, measure: opts.measure, decide: (d, room) => players.decide(d, room) });
  const loaded = hub.load();
  const sockets = new Sockets(hub, { maxPerIp: opts.maxPerIp, helloMs: opts.helloMs, heartbeatMs: opts.heartbeatMs });
  const http = createHttpServer({
    distDir: opts.distDir,
    scenariosDir: opts.scenariosDir,
    createRoom: (c) => void hub.createRoom(c),
    tokenTaken: hub.tokenTaken,
    exportRoom: (code, key) => hub.exportDurable(code, key),
    sockets,
    ...(opts.roomsPerIp ? { createBucket: { rate: 1, burst: opts.roomsPerIp, abuseAfter: Number.MAX_SAFE_INTEGER } } : {}),
    onCreated: opts.onCreated,
    log: opts.log,
  });
  await new Promise<void>((done, fail) => {
    http.once('error', fail);
    http.listen(opts.port, opts.host, () => {
      http.off('error', fail);
      done();
    });
  });
  let closing: Promise<void> | null = null;
  return {
    port: (http.address() as AddressInfo).port,
    loaded,
    rooms: () => hub.roomStates(),
    isFinished: hub.isFinished,
    measured: () => ({ latencies: hub.latencies ?? [], ackTimes: hub.ackTimes, flushes: hub.phases, settling: hub.settling, settlingAt: hub.settlingAt, commits: hub.stats.commits, bytesSent: hub.stats.bytesSent, boardBytesSent: hub.stats.boardBytesSent, bytesSentText: hub.stats.bytesSentText, boardBytesSentText: hub.stats.boardBytesSentText }),
    close: () =>
      (closing ??= new Promise<void>((done) => {
        hub.close();
        // Decisions still being made are dropped: their rooms wait for them in the log, and the next start asks again.
        void players.close();
        sockets.close();
        http.close(() => {
          // The last batch's sync is let finish before the database closes under it.
          void hub.syncsDone().then(() => {
            store.close();
            done();
          });
        });
        http.closeAllConnections();
      })),
  };
}
