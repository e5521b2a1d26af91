// One device's link to the classroom server: a WebSocket that says hello with its token,
// numbers every message it sends (the server answers each id with `ack` or `refused`), and
// comes back by itself when it drops. Nothing is replayed on return: the server's `welcome`
// holds everything the device may see, so reconnecting is resuming.
//
// The socket and the clock are passed in, so the tests drive it with a fake socket and a
// hand-turned clock; the page passes the browser's WebSocket and timers.
import type { ClientMessage, GameUpdate, ServerMessage } from '../../classroom/protocol';
import { GameUpdateSchema } from '../../classroom/protocol';

/** A client message before the connection gives it its id. */
export type ClientBody = ClientMessage extends infer M ? (M extends ClientMessage ? Omit<M, 'id'> : never) : never;

/** What the connection needs of a WebSocket (the browser's fits). */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(): void;
  onopen: ((e: unknown) => void) | null;
  onmessage: ((e: { data: unknown }) => void) | null;
  onclose: ((e: unknown) => void) | null;
  onerror: ((e: unknown) => void) | null;
}
export type SocketFactory = (url: string) => SocketLike;

export interface Clock {
  now(): number;
  setTimeout(f: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/**
 * `connecting`: the first connection, not yet welcomed. `open`: welcomed. `reconnecting`: the
 * link dropped (or has not come back yet) and the next try is on its way. `denied`: the server
 * refused the token; trying again would not help.
 */
export type LinkStatus = 'connecting' | 'open' | 'reconnecting' | 'denied';

export interface ConnectionEvents {
  status(status: LinkStatus, why: string | null): void;
  /** A server message; `localNow` is this device's clock when it arrived (for the timer). */
  message(msg: ServerMessage, localNow: number): void;
}

export interface Connection {
  /** Sends a message once welcomed; its id, or null when the link is not open (nothing is queued: the welcome will bring the room as it is). */
  send(body: ClientBody): number | null;
  /** Closes for good (the page is leaving). */
  close(): void;
  /** Drops the socket and dials again after the shortest wait, so the next welcome brings everything anew. */
  reconnect(): void;
}

/** Waits between tries: quick at first (a blip), then every few seconds (a server restarting). */
export const RETRY_MS: readonly number[] = [500, 1000, 2000, 4000, 8000];
/** A ping this often keeps proxies from closing a quiet socket. */
export const PING_MS = 20_000;
/** Heard nothing for this long (not even a pong): the link is dead though the socket does not know it yet. */
export const SILENT_MS = 45_000;
/**
 * A message (a ping too) the server has not answered in this long: the link is dead. A phone
 * that lost the Wi-Fi gets no close event, and waiting for the silence check left its
 * Submit dim for up to a minute with nothing saying why. The server acknowledges within a
 * second even under a whole school's load (src/server/README.md), so this is far above that.
 */
export const ANSWER_MS = 10_000;

const SERVER_TYPES: ReadonlySet<string> = new Set(['welcome', 'room', 'game', 'team', 'message', 'ack', 'refused', 'pong']);

/** A server frame, or null. The server is trusted, but a frame is still checked for its shape before it is used. */
export function parseServerFrame(data: unknown): ServerMessage | null {
  if (typeof data !== 'string') return null;
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return null;
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return null;
  const t = (json as { t?: unknown }).t;
  if (typeof t !== 'string' || !SERVER_TYPES.has(t)) return null;
  // A board update is applied to what this device holds (board.ts): its shape is checked first.
  if (t === 'game') return GameUpdateSchema.safeParse(json).success ? (json as GameUpdate) : null;
  return json as ServerMessage;
}

export function openConnection(opts: { url: string; token: string; socket: SocketFactory; clock: Clock; on: ConnectionEvents }): Connection {
  const { url, token, clock, on } = opts;
  let ws: SocketLike | null = null;
  let nextId = 1;
  let helloId = -1;
  let welcomed = false;
  let everWelcomed = false;
  let failures = 0;
  let closed = false;
  let retry: unknown = null;
  let ping: unknown = null;
  let lastHeard = clock.now();
  /** Each message sent on this socket and not yet answered (`ack`, `refused` or `pong` with its id): its timer. */
  const unanswered = new Map<number, unknown>();

  const stopPing = (): void => {
    if (ping !== null) clock.clearTimeout(ping);
    ping = null;
  };
  const forgetUnanswered = (): void => {
    for (const t of unanswered.values()) clock.clearTimeout(t);
    unanswered.clear();
  };
  /** Sends on the open socket and waits for the answer; none in time drops the link. */
  const sendAwaited = (s: SocketLike, id: number, frame: string): void => {
    s.send(frame);
    unanswered.set(
      id,
      clock.setTimeout(() => {
        unanswered.delete(id);
        drop(s);
      }, ANSWER_MS),
    );
  };
  const answered = (id: unknown): void => {
    if (typeof id !== 'number') return;
    const t = unanswered.get(id);
    if (t === undefined) return;
    clock.clearTimeout(t);
    unanswered.delete(id);
  };
  const schedulePing = (): void => {
    stopPing();
    ping = clock.setTimeout(() => {
      ping = null;
      if (!ws || !welcomed) return;
      // A socket that hears nothing may be dead without a close event (a laptop woke from sleep).
      if (clock.now() - lastHeard > SILENT_MS) return void drop(ws);
      const id = nextId++;
      sendAwaited(ws, id, JSON.stringify({ id, t: 'ping' }));
      schedulePing();
    }, PING_MS);
  };

  const drop = (s: SocketLike): void => {
    if (s !== ws) return;
    ws = null;
    welcomed = false;
    stopPing();
    forgetUnanswered();
    s.onopen = s.onmessage = s.onclose = s.onerror = null;
    try {
      s.close();
    } catch {
      // Already closed.
    }
    if (closed) return;
    const wait = RETRY_MS[Math.min(failures, RETRY_MS.length - 1)] ?? 8000;
    failures++;
    on.status(everWelcomed ? 'reconnecting' : failures > 1 ? 'reconnecting' : 'connecting', null);
    retry = clock.setTimeout(() => {
      retry = null;
      dial();
    }, wait);
  };

  const dial = (): void => {
    if (closed) return;
    let s: SocketLike;
    try {
      s = opts.socket(url);
    } catch {
      // A malformed address or a browser refusing sockets: tried again like a drop.
      const dummy = { readyState: 3, send() {}, close() {}, onopen: null, onmessage: null, onclose: null, onerror: null } satisfies SocketLike;
      ws = dummy;
      return drop(dummy);
    }
    ws = s;
    s.onopen = () => {
      helloId = nextId++;
      lastHeard = clock.now();
      s.send(JSON.stringify({ id: helloId, t: 'hello', token }));
    };
    s.onmessage = (e) => {
      const msg = parseServerFrame(e.data);
      lastHeard = clock.now();
      if (!msg) return;
      if (msg.t === 'ack' || msg.t === 'refused' || msg.t === 'pong') answered(msg.id);
      if (msg.t === 'refused' && msg.id === helloId && !welcomed) {
        closed = true;
        on.status('denied', msg.reason);
        ws = null;
        s.onopen = s.onmessage = s.onclose = s.onerror = null;
        s.close();
        return;
      }
      if (msg.t === 'welcome') {
        welcomed = true;
        everWelcomed = true;
        failures = 0;
        on.status('open', null);
        schedulePing();
      }
      on.message(msg, clock.now());
    };
    s.onclose = () => drop(s);
    s.onerror = () => drop(s);
  };

  on.status('connecting', null);
  dial();
  return {
    send(body) {
      if (!ws || !welcomed || ws.readyState !== 1) return null;
      const id = nextId++;
      sendAwaited(ws, id, JSON.stringify({ ...body, id }));
      return id;
    },
    reconnect() {
      if (closed || !ws) return;
      // No outage: the device only needs the whole board again, so the shortest wait.
      failures = 0;
      drop(ws);
    },
    close() {
      closed = true;
      if (retry !== null) clock.clearTimeout(retry);
      stopPing();
      forgetUnanswered();
      const s = ws;
      ws = null;
      if (s) {
        s.onopen = s.onmessage = s.onclose = s.onerror = null;
        s.close();
      }
    },
  };
}

/** The browser's WebSocket behind the SocketLike the connection drives. */
export function browserSocket(url: string): SocketLike {
  const ws = new WebSocket(url);
  const s: SocketLike = {
    get readyState() {
      return ws.readyState;
    },
    send: (data) => ws.send(data),
    close: () => ws.close(),
    onopen: null,
    onmessage: null,
    onclose: null,
    onerror: null,
  };
  ws.onopen = (e) => s.onopen?.(e);
  ws.onmessage = (e) => s.onmessage?.(e);
  ws.onclose = (e) => s.onclose?.(e);
  ws.onerror = (e) => s.onerror?.(e);
  return s;
}
