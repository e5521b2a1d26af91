// The one HTTP server: the built game (dist/), the room API, and the WebSocket upgrade.
//
//   GET  /, /assets/…                    static files from dist/ (index.html for /)
//   POST /api/rooms                      create a room → CreatedRoom JSON
//   GET  /api/rooms/<code>/export?key=…  the room's record (facilitator's secret required)
//   GET  /api/rooms/<code>/debrief?key=… the class's debrief as a printable page (the same secret)
//   GET  /ws (Upgrade: websocket)        a device's connection
//
// Static paths are resolved inside dist/ and checked to stay there after resolving
// symbolic links, so no request can read a file outside it.
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createReadStream, realpathSync, statSync } from 'node:fs';
import { extname, resolve, sep } from 'node:path';
import type { CreatedRoom } from '../classroom/protocol';
import type { RoomExport } from '../classroom/room';
import { classDebrief } from '../classroom/classDebrief';
import { debriefPage } from '../classroom/debriefPage';
import { isOldRoomRecord, oldRoomReason } from '../classroom/oldRoom';
import type { Built, NewCreation } from './creation';
import { buildCreation } from './creation';
import type { BucketOptions } from './rateLimit';
import { TokenBucket } from './rateLimit';
import type { Sockets } from './sockets';

/** A room request carries at most a whole scenario (1 MB of text, which JSON escaping can grow). */
export const MAX_BODY_BYTES = 3 * 1024 * 1024;

const MIME = new Map<string, string>([
  ['.html', 'text/html; charset=utf-8'],
  ['.js', 'text/javascript; charset=utf-8'],
  ['.mjs', 'text/javascript; charset=utf-8'],
  ['.css', 'text/css; charset=utf-8'],
  ['.json', 'application/json; charset=utf-8'],
  ['.map', 'application/json; charset=utf-8'],
  ['.svg', 'image/svg+xml'],
  ['.png', 'image/png'],
  ['.jpg', 'image/jpeg'],
  ['.jpeg', 'image/jpeg'],
  ['.gif', 'image/gif'],
  ['.webp', 'image/webp'],
  ['.ico', 'image/x-icon'],
  ['.woff', 'font/woff'],
  ['.woff2', 'font/woff2'],
  ['.ttf', 'font/ttf'],
  ['.txt', 'text/plain; charset=utf-8'],
  ['.webmanifest', 'application/manifest+json'],
  ['.wasm', 'application/wasm'],
]);

export interface HttpDeps {
  distDir: string;
  scenariosDir: string;
  /** Stores and opens a new room (the hub's createRoom); throws if it cannot. */
  createRoom(c: NewCreation): void;
  tokenTaken(code: string): boolean;
  /** The room's record once all it holds is durable, or null (no room, or not its facilitator's key). */
  exportRoom(code: string, key: string): Promise<unknown>;
  sockets: Sockets;
  /** Told of each room made (main prints its code and QR). */
  onCreated?(c: NewCreation): void;
  /** Rooms one address may create: a bucket per address. */
  createBucket?: BucketOptions;
  log?: (line: string) => void;
}

export function createHttpServer(deps: HttpDeps): Server {
  const dist = realDir(deps.distDir);
  const creators = new Map<string, TokenBucket>();
  const createBucket = deps.createBucket ?? { rate: 1, burst: 60, abuseAfter: Number.MAX_SAFE_INTEGER };
  const log = deps.log ?? ((line: string) => console.error(line));
  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      // The path only: the query may hold a facilitator's secret.
      log(`http ${req.method ?? '?'} ${(req.url ?? '?').split('?')[0] ?? ''}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'server error');
      else res.destroy();
    });
  });
  // Slow-loris: a request must arrive whole within this time.
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;
  server.on('upgrade', (req, socket, head: Buffer) => {
    const path = (req.url ?? '').split('?')[0];
    if (path !== '/ws') {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    deps.sockets.upgrade(req, socket, head);
  });
  server.on('clientError', (_e, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      return send(res, 400, 'text/plain; charset=utf-8', 'bad request');
    }
    const path = url.pathname;
    if (path === '/api/rooms') {
      if (req.method !== 'POST') return send(res, 405, 'text/plain; charset=utf-8', 'POST a room request here', { Allow: 'POST' });
      return createRoom(req, res);
    }
    const exportMatch = /^\/api\/rooms\/([A-Z0-9]{1,16})\/export$/.exec(path);
    if (exportMatch?.[1] !== undefined) {
      if (req.method !== 'GET') return send(res, 405, 'text/plain; charset=utf-8', 'GET only', { Allow: 'GET' });
      const record = await deps.exportRoom(exportMatch[1], url.searchParams.get('key') ?? '');
      if (record === null) return json(res, 404, { error: 'no such room, or the key is not its facilitator key' });
      return send(res, 200, 'application/json; charset=utf-8', JSON.stringify(record), {
        'Content-Disposition': `attachment; filename="room-${exportMatch[1]}.json"`,
        'Cache-Control': 'no-store',
      });
    }
    const debriefMatch = /^\/api\/rooms\/([A-Z0-9]{1,16})\/debrief$/.exec(path);
    if (debriefMatch?.[1] !== undefined) {
      if (req.method !== 'GET') return send(res, 405, 'text/plain; charset=utf-8', 'GET only', { Allow: 'GET' });
      const record = await deps.exportRoom(debriefMatch[1], url.searchParams.get('key') ?? '');
      if (record === null) return json(res, 404, { error: 'no such room, or the key is not its facilitator key' });
      // A room played under earlier rules has no game to debrief: the teacher is told why, and what its export holds.
      if (isOldRoomRecord(record)) return send(res, 409, 'text/plain; charset=utf-8', `No debrief can be made of this room: ${oldRoomReason(record)}`, { 'Cache-Control': 'no-store' });
      const made = classDebrief(record as RoomExport);
      if (!made.ok) return send(res, 500, 'text/plain; charset=utf-8', `The debrief could not be made: ${made.error}`);
      // The page is ours and self-contained: its one inline style sheet is allowed, nothing else (no script, no other origin).
      return send(res, 200, 'text/html; charset=utf-8', debriefPage(made.value), {
        'Cache-Control': 'no-store',
        'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
        'Referrer-Policy': 'no-referrer',
      });
    }
    if (path.startsWith('/api/')) return json(res, 404, { error: 'no such API' });
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'GET only', { Allow: 'GET, HEAD' });
    return serveStatic(req, res, path);
  }

  async function createRoom(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const ip = req.socket.remoteAddress ?? 'unknown';
    let bucket = creators.get(ip);
    if (!bucket) {
      bucket = new TokenBucket(createBucket, performance.now());
      creators.set(ip, bucket);
    }
    if (bucket.take(performance.now()) !== 'ok') return json(res, 429, { error: 'too many rooms created from this address: wait a minute' });
    const body = await readBody(req, MAX_BODY_BYTES);
    if (body === null) return json(res, 413, { error: `the request is larger than ${MAX_BODY_BYTES} bytes` });
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return json(res, 400, { error: 'the request is not JSON' });
    }
    const built: Built = buildCreation(parsed, deps.scenariosDir, deps.tokenTaken, Date.now());
    if (!built.ok) return json(res, 400, { error: built.error });
    try {
      deps.createRoom(built.value);
    } catch (e) {
      log(`creating room ${built.value.code}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      return json(res, 400, { error: `the room could not be created: ${e instanceof Error ? e.message : String(e)}` });
    }
    deps.onCreated?.(built.value);
    const created: CreatedRoom = { code: built.value.code, facilitator: built.value.facilitator };
    return json(res, 201, created);
  }

  function serveStatic(req: IncomingMessage, res: ServerResponse, path: string): void {
    const file = staticFile(dist, path);
    if (file === null) return send(res, 404, 'text/plain; charset=utf-8', 'not found');
    const type = MIME.get(extname(file.path).toLowerCase()) ?? 'application/octet-stream';
    // Vite's assets carry a content hash in their names: they never change. index.html does.
    const cache = path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
    res.writeHead(200, { 'Content-Type': type, 'Content-Length': file.size, 'Cache-Control': cache, 'X-Content-Type-Options': 'nosniff' });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(file.path)
      .on('error', () => res.destroy())
      .pipe(res);
  }

  server.on('close', () => creators.clear());
  return server;
}

/** The regular file under `dist` that `urlPath` names, or null; never a file outside `dist`. */
export function staticFile(dist: string, urlPath: string): { path: string; size: number } | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const rel = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const full = resolve(dist, rel);
  if (full !== dist && !full.startsWith(dist + sep)) return null;
  try {
    // A symbolic link inside dist/ could point out of it: the real path must stay inside too.
    const real = realpathSync(full);
    if (!real.startsWith(dist + sep)) return null;
    const st = statSync(real);
    return st.isFile() ? { path: real, size: st.size } : null;
  } catch {
    return null;
  }
}

function realDir(dir: string): string {
  try {
    return realpathSync(dir);
  } catch {
    // No build yet: nothing is served, but the API and WebSockets still work.
    return resolve(dir);
  }
}

/** The body as text, or null once it passes `limit` bytes (the rest is not read). */
function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  const declared = Number(req.headers['content-length'] ?? '0');
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    return Promise.resolve(null);
  }
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > limit) {
        over = true;
        chunks.length = 0;
        return done(null);
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!over) done(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', fail);
  });
}

function send(res: ServerResponse, status: number, type: string, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body), 'X-Content-Type-Options': 'nosniff', ...headers });
  res.end(body);
}

function json(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value), { 'Cache-Control': 'no-store' });
}
