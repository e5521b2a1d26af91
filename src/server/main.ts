// `npm run serve` (after `vite build`): the classroom server.
//
//   tsx src/server/main.ts [--port 8080] [--host 0.0.0.0] [--db classroom.sqlite] [--dist dist]
//                          [--max-per-ip 250] [--max-per-room 200] [--rooms-per-ip 60] [--hello-seconds 10]
//                          [--heartbeat-seconds 15] [--player-threads N] [--sync-apart] [--writer-thread]
//                          [--measure]
//
// --sync-apart syncs the database's WAL on the thread pool instead of inside each commit on
// the event loop (sqliteStore.ts): slower on a loaded 2-core machine, kept for comparing.
// --writer-thread commits on a worker thread (sqliteWriter.ts) while the event loop goes on
// reading frames; an order is acknowledged once the thread answers that its commit is durable.
// --measure keeps the server's own latency figures and prints them as one JSON line
// (`measured: {...}`) when it stops: the benchmark reads them.
//
// It makes no room by itself: it rebuilds the rooms in the database and prints where to
// reach the server, the facilitator console, and each open room's code with a QR code of
// its join link. The first line on stdout, `listening on http://127.0.0.1:<port>`, is for
// programs (tests and the benchmark start it with --port 0 and read the port from it).
import { networkInterfaces } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import QRCode from 'qrcode';
import * as roomModel from '../classroom/room';
import { showHiddenCharacters } from '../engine';
import type { NewCreation } from './creation';
import { startServer } from './server';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

interface Options {
  port: number;
  host: string;
  db: string;
  dist: string;
  maxPerIp: number;
  maxPerRoom: number;
  roomsPerIp: number;
  helloSeconds: number;
  heartbeatSeconds: number;
  playerThreads: number | undefined;
  syncApart: boolean;
  writerThread: boolean;
  measure: boolean;
}

const USAGE = 'usage: tsx src/server/main.ts [--port 8080] [--host 0.0.0.0] [--db classroom.sqlite] [--dist dist] [--max-per-ip 250] [--max-per-room 200] [--rooms-per-ip 60] [--hello-seconds 10] [--heartbeat-seconds 15] [--player-threads N] [--sync-apart] [--writer-thread] [--measure]';

function parseArgs(argv: readonly string[]): Options {
  const o: Options = { port: 8080, host: '0.0.0.0', db: resolve(ROOT, 'classroom.sqlite'), dist: resolve(ROOT, 'dist'), maxPerIp: 250, maxPerRoom: 200, roomsPerIp: 60, helloSeconds: 10, heartbeatSeconds: 15, playerThreads: undefined, syncApart: false, writerThread: false, measure: false };
  const int = (name: string, v: string, min: number, max: number): number => {
    const n = Number(v);
    if (!/^\d+$/.test(v) || n < min || n > max) usage(`${name} must be a whole number from ${min} to ${max}`);
    return n;
  };
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i];
    if (name === '--measure' || name === '--sync-apart' || name === '--writer-thread') {
      if (name === '--measure') o.measure = true;
      else if (name === '--sync-apart') o.syncApart = true;
      else o.writerThread = true;
      i--;
      continue;
    }
    const v = argv[i + 1];
    if (v === undefined) usage(`${name ?? ''} needs a value`);
    else if (name === '--port') o.port = int(name, v, 0, 65535);
    else if (name === '--host') o.host = v;
    else if (name === '--db') o.db = resolve(v);
    else if (name === '--dist') o.dist = resolve(v);
    else if (name === '--max-per-ip') o.maxPerIp = int(name, v, 1, 100_000);
    else if (name === '--max-per-room') o.maxPerRoom = int(name, v, 1, 100_000);
    else if (name === '--rooms-per-ip') o.roomsPerIp = int(name, v, 1, 100_000);
    else if (name === '--hello-seconds') o.helloSeconds = int(name, v, 1, 3600);
    else if (name === '--heartbeat-seconds') o.heartbeatSeconds = int(name, v, 1, 3600);
    else if (name === '--player-threads') o.playerThreads = int(name, v, 1, 64);
    else usage(`unknown option ${showHiddenCharacters(name ?? '')}`);
  }
  if (o.syncApart && o.writerThread) usage('--sync-apart and --writer-thread are two ways of taking the sync off the event loop: choose one');
  return o;
}

function usage(why: string): never {
  process.stderr.write(`error: ${why}\n${USAGE}\n`);
  process.exit(2);
}

/** The machine's LAN addresses (IPv4, not loopback): what phones in the room can reach. */
function lanAddresses(host: string): string[] {
  if (host !== '0.0.0.0' && host !== '::') return [host];
  const found: string[] = [];
  for (const list of Object.values(networkInterfaces())) for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) found.push(a.address);
  return found.length > 0 ? found : ['127.0.0.1'];
}

async function printRoom(c: Pick<NewCreation, 'code' | 'scenario'>, base: string): Promise<void> {
  const join = `${base}/?join=${c.code}`;
  const qr = await QRCode.toString(join, { type: 'terminal', small: true });
  process.stdout.write(`\nroom ${c.code} (${showHiddenCharacters(c.scenario.title)}): teams join at ${join}\n${qr}`);
}

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  let base = '';
  const server = await startServer(roomModel, {
    port: o.port,
    host: o.host,
    db: o.db,
    distDir: o.dist,
    scenariosDir: resolve(ROOT, 'scenarios'),
    maxPerIp: o.maxPerIp,
    maxPerRoom: o.maxPerRoom,
    roomsPerIp: o.roomsPerIp,
    helloMs: o.helloSeconds * 1000,
    heartbeatMs: o.heartbeatSeconds * 1000,
    measure: o.measure,
    syncApart: o.syncApart,
    writerThread: o.writerThread,
    playerThreads: o.playerThreads,
    onCreated: (c) => void printRoom(c, base),
  });
  const local = o.host === '0.0.0.0' || o.host === '::' ? '127.0.0.1' : o.host;
  process.stdout.write(`listening on http://${local}:${server.port}\n`);
  const addresses = lanAddresses(o.host);
  base = `http://${addresses[0]}:${server.port}`;
  process.stdout.write(`database: ${o.db} (${server.loaded.loaded} room(s)${server.loaded.failed.length > 0 ? `; could not rebuild ${server.loaded.failed.join(', ')}` : ''})\n`);
  for (const a of addresses) process.stdout.write(`on this network: http://${a}:${server.port}/\n`);
  process.stdout.write(`facilitator console: ${base}/?classroom\n`);
  for (const room of server.rooms()) if (!server.isFinished(room)) await printRoom(room.creation, base);

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`${signal}: saving and closing\n`);
    // The figures are one long line (hundreds of KB): exiting before a pipe has taken it all would cut it.
    const written = new Promise<void>((done) => (o.measure ? process.stdout.write(`measured: ${JSON.stringify(server.measured())}\n`, () => done()) : done()));
    Promise.all([server.close(), written]).then(
      () => process.exit(0),
      (e: unknown) => {
        process.stderr.write(`closing failed: ${e instanceof Error ? e.message : String(e)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((e: unknown) => {
  process.stderr.write(`the server could not start: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
