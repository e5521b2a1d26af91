// The WebSocket edge: everything a hostile or broken client can do is stopped here, before
// the hub. Frames above MAX_FRAME_BYTES are refused by ws itself (maxPayload: it closes the
// socket with 1009 without buffering the frame); binary frames are refused; each connection
// has a token bucket (over it: `refused`; refused for long: closed with 1008); a connection
// that has not said `hello` within `helloMs` is closed; a socket that does not answer a ping
// within one heartbeat is dropped; a client that does not read what it is sent (its send
// buffer grows) is dropped; at most `maxPerIp` sockets per address (the per-room limit is
// the hub's, at `hello`). Nothing here blocks: the work per frame is bounded by its size.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';
import { MAX_FRAME_BYTES, frameId } from '../classroom/protocol';
import { deflatedFrameHeader } from './deflate';
import type { Conn, Peer } from './hub';
import type { BucketOptions } from './rateLimit';
import { DEFAULT_BUCKET, TokenBucket } from './rateLimit';

/** What the socket layer needs of the hub. */
export interface FrameSink {
  connect(peer: Peer): Conn;
  frame(conn: Conn, text: string): void;
  disconnect(conn: Conn): void;
}

export interface SocketOptions {
  maxPerIp?: number;
  /** Most sockets in all, whatever the address. */
  maxSockets?: number;
  helloMs?: number;
  heartbeatMs?: number;
  bucket?: BucketOptions;
  /** A client whose unsent data exceeds this is not reading: it is dropped rather than held in memory. */
  maxBuffered?: number;
}

export class Sockets {
  private readonly wss: WebSocketServer;
  private readonly perIp = new Map<string, number>();
  private readonly heartbeat: NodeJS.Timeout;
  private readonly alive = new WeakMap<WebSocket, boolean>();
  private readonly maxPerIp: number;
  private readonly maxSockets: number;
  private readonly helloMs: number;
  private readonly bucket: BucketOptions;
  private readonly maxBuffered: number;
  /** Sockets closed by this layer for cause, by reason (for tests and the log). */
  readonly closedFor = new Map<string, number>();

  constructor(
    private readonly hub: FrameSink,
    opts: SocketOptions = {},
  ) {
    this.maxPerIp = opts.maxPerIp ?? 250;
    this.maxSockets = opts.maxSockets ?? 5000;
    this.helloMs = opts.helloMs ?? 10_000;
    this.bucket = opts.bucket ?? DEFAULT_BUCKET;
    this.maxBuffered = opts.maxBuffered ?? 8 * 1024 * 1024;
    // permessage-deflate is negotiated so that the hub may send a large message compressed once
    // for every device (deflate.ts); `ws` itself compresses nothing (every send says so, and the
    // threshold is out of reach), and a device that asks for a server window under 15 bits gets
    // no extension, so text. The price: a device may now send compressed frames (browsers do);
    // `ws` inflates them in order and stops at `maxPayload` of inflated bytes (1009), so a
    // small frame cannot inflate into a large message, and the rate limit counts them as any.
    // `client_no_context_takeover` keeps the server's inflater free of history between
    // messages, and lets a client that compresses only large messages do so (a `ws` client
    // with context takeover compresses every one: with it, inflating the benchmark's orders
    // was 11% of the server's time).
    this.wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES, perMessageDeflate: { serverNoContextTakeover: true, clientNoContextTakeover: true, serverMaxWindowBits: 15, threshold: Infinity }, clientTracking: true });
    this.heartbeat = setInterval(() => this.beat(), opts.heartbeatMs ?? 15_000);
    this.heartbeat.unref();
  }

  /** The HTTP server's `upgrade` on /ws. */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const ip = req.socket.remoteAddress ?? 'unknown';
    const count = this.perIp.get(ip) ?? 0;
    if (count >= this.maxPerIp || this.wss.clients.size >= this.maxSockets) {
      socket.end('HTTP/1.1 429 Too Many Requests\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    this.perIp.set(ip, count + 1);
    let counted = true;
    const release = (): void => {
      if (!counted) return;
      counted = false;
      const n = (this.perIp.get(ip) ?? 1) - 1;
      if (n > 0) this.perIp.set(ip, n);
      else this.perIp.delete(ip);
    };
    // A handshake that fails (or a socket that closes before it ends) still gives its place back.
    socket.once('close', release);
    this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws, socket, release));
  }

  /** Closes every socket (1001: the server is going away) and stops the heartbeat. */
  close(): void {
    clearInterval(this.heartbeat);
    for (const ws of this.wss.clients) ws.close(1001, 'server shutting down');
    this.wss.close();
  }

  get size(): number {
    return this.wss.clients.size;
  }

  private accept(ws: WebSocket, socket: Duplex, release: () => void): void {
    const bucket = new TokenBucket(this.bucket, performance.now());
    const writable = (): boolean => {
      if (ws.readyState !== ws.OPEN) return false;
      if (ws.bufferedAmount <= this.maxBuffered) return true;
      this.kill(ws, 'not reading');
      return false;
    };
    const conn = this.hub.connect({
      send: (text) => {
        // A Buffer is the UTF-8 of a JSON text: sent as a text frame, like a string.
        if (writable()) ws.send(text, { binary: false, compress: false });
      },
      // Written on the socket itself: \`ws\` writes its own frames at once (it never compresses, so
      // it never queues one), so a frame written here keeps its place among them.
      sendDeflated: ws.extensions.split(',').includes('permessage-deflate')
        ? (payload) => {
            if (!writable()) return;
            socket.cork();
            socket.write(deflatedFrameHeader(payload.byteLength));
            socket.write(payload);
            socket.uncork();
          }
        : undefined,
      // The socket under the WebSocket: frames written while it is corked leave in one write.
      cork: () => socket.cork(),
      uncork: () => socket.uncork(),
      close: (code, reason) => ws.close(code, reason),
    });
    this.alive.set(ws, true);
    const hello = setTimeout(() => {
      if (!conn.room) this.end(ws, 1008, 'no hello in time');
    }, this.helloMs);
    ws.on('pong', () => this.alive.set(ws, true));
    ws.on('message', (data, isBinary) => {
      // Frames already in flight when the socket was told to close are dropped, not answered.
      if (ws.readyState !== ws.OPEN) return;
      const verdict = bucket.take(performance.now());
      if (verdict === 'close') return this.end(ws, 1008, 'too many messages');
      if (verdict === 'refuse') return ws.send(JSON.stringify({ t: 'refused', id: isBinary ? null : frameId(rawText(data)), reason: 'too many messages: slow down' }), { compress: false });
      if (isBinary) return ws.send(JSON.stringify({ t: 'refused', id: null, reason: 'send text frames (JSON), not binary' }), { compress: false });
      try {
        this.hub.frame(conn, rawText(data));
      } catch (e) {
        // The hub catches the model's errors itself; anything left is a server bug, and one client's frame must not take the process down.
        console.error(`frame failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
        ws.send(JSON.stringify({ t: 'refused', id: null, reason: 'the server could not handle this message (its fault, not yours)' }), { compress: false });
      }
    });
    // ws reports protocol errors (a frame over maxPayload, bad UTF-8) here and then closes the socket.
    ws.on('error', () => undefined);
    ws.on('close', () => {
      clearTimeout(hello);
      release();
      this.hub.disconnect(conn);
    });
  }

  private beat(): void {
    for (const ws of this.wss.clients) {
      if (this.alive.get(ws) === false) {
        this.kill(ws, 'no pong');
        continue;
      }
      this.alive.set(ws, false);
      ws.ping();
    }
  }

  private end(ws: WebSocket, code: number, reason: string): void {
    this.closedFor.set(reason, (this.closedFor.get(reason) ?? 0) + 1);
    ws.close(code, reason);
    // A client that ignores the close handshake is cut off anyway.
    setTimeout(() => ws.terminate(), 2000).unref();
  }

  private kill(ws: WebSocket, reason: string): void {
    this.closedFor.set(reason, (this.closedFor.get(reason) ?? 0) + 1);
    ws.terminate();
  }
}

function rawText(data: Buffer | ArrayBuffer | Buffer[]): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.from(data).toString('utf8');
}
