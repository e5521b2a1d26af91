// npm run bench:server — the classroom server under a school's worth of rooms, measured.
//
// Spawns the real server (src/server/main.ts) on a scratch database and plays ROOMS rooms of
// classroom-short, each with its facilitator, seven teams (2 powers + 5 republics) and a
// projector on loopback, to the end, twice, each time with new rooms (orderSeconds 0: a stage
// closes the moment its last team submits; each room's teams submit in the same tick, a
// deadline burst, every stage):
//   1. at a class's pace, compressed: the rooms start at moments spread over one stage, each
//      stage stays open a time drawn from BENCH_THINK_MS (1000-2000 ms; in a class, minutes),
//      teams draft and talk meanwhile, then submit together. The latency targets are read here:
//      a device waits for an answer while the rest of the school goes on at its own pace;
//   2. flat out: every device sends again the moment it is answered, so the server never idles:
//      acknowledgements per second, and latency at saturation, which is the queue (Little's law:
//      with hundreds of devices always waiting, each waits for the whole school's work).
// Measures: acknowledgements per second, acknowledgement latency seen by the client (send →
// ack: parse, check, durable commit, ack) and taken apart with the server's own times, server
// RSS, that every acknowledged order and stance is in the exported record exactly once, and
// that every room's game replays offline to its final hash (as a save, and its log folded
// again). The floor under any acknowledgement is one durable SQLite commit (WAL,
// synchronous=FULL) on the same disk, measured here too. BENCH_ROOMS changes the number of
// rooms. The client processes run niced (BENCH_CLIENT_NICE, 10): in a class the devices are
// elsewhere, and here the load generator would otherwise take the cores from the server it
// measures; each ack is also taken apart with the server's own times, so the wait for the
// server (sent → ack written) is told from a client process's wait to read it.
//
// Then, on the same server: one room whose Moscow is played by search:3 closes its orders
// stage, and while that computer decides (on a worker thread) the Beijing teams of
// BENCH_OTHERS other rooms keep sending drafts, paced under the rate limit: their round
// trips during the decision (from the room's log: its `closing` entry to its
// `computer-orders`) say whether a strong computer player holds up the other rooms.
import { fork } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { CreatedRoom } from '../src/classroom/protocol';
import type { RoomExport } from '../src/classroom/room';
import { replayExport } from '../src/classroom/room';
import { loadSave, stateHash } from '../src/engine';
import { MONOTONIC_OFFSET } from '../src/server/monotonic';
import { measureCommitFloor } from '../src/server/sqliteStore';
import type { AckTimes, FromClients, Pace, ToClients } from './bench-server-clients';
import type { Acked } from './classroom-client';
import { createRoom, Device, exportRoom, powerOrders, ROOT, startServerProcess } from './classroom-client';

const ROOMS = Number(process.env.BENCH_ROOMS ?? 50);
const OTHERS = Number(process.env.BENCH_OTHERS ?? 10);
/** Processes the rooms' devices are spread over (bench-server-clients.ts). */
const CLIENTS = Math.max(1, Number(process.env.BENCH_CLIENTS ?? 3));
/**
 * The client processes' niceness (BENCH_CLIENT_NICE, 10 by default; 0 runs them as the server
 * runs). In a class the devices are phones, not processes on the server's two cores: niced,
 * the load generator no longer takes a core from the server it measures (they took 1.6–1.8×
 * the server's processor time). What is measured is the same: send → ack at the client.
 */
const CLIENT_NICE = Math.min(19, Math.max(0, Math.trunc(Number(process.env.BENCH_CLIENT_NICE ?? 10)) || 0));
const dir = mkdtempSync(join(tmpdir(), 'ngg-bench-server-'));

const pct = (sorted: readonly number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN;
const ms = (x: number): string => `${x.toFixed(2)} ms`;

function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

/** A process's processor time so far (user + system, ms), from /proc. */
function cpuMsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

/** The whole machine's busy and total processor time so far (ms, every core), from /proc/stat. */
function machineMs(): { busy: number; all: number } {
  const cpu = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').split(/\s+/).slice(1).map(Number);
  const all = cpu.reduce((a, b) => a + b, 0);
  // idle and iowait are not busy.
  return { busy: ((all - (cpu[3] ?? 0) - (cpu[4] ?? 0)) * 1000) / 100, all: (all * 1000) / 100 };
}

const sleep = (t: number): Promise<void> => new Promise((r) => setTimeout(r, t));

interface Clients {
  readonly pid: number;
  /** Sends a message and resolves with the process's answer of kind `want` (or fails with its error). */
  ask(m: ToClients, want: FromClients['t']): Promise<FromClients>;
  close(): Promise<void>;
  kill(): void;
}

/** A process's niceness as the kernel holds it (the field after its priority in /proc/<pid>/stat). */
function niceOf(pid: number): number {
  return Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ')[16]);
}

/** A load-generating process (bench-server-clients.ts), through IPC. BENCH_CLIENT_NODE_ARGS: extra Node options for it (e.g. --cpu-prof). */
function forkClients(): Clients {
  const extra = (process.env.BENCH_CLIENT_NODE_ARGS ?? '').split(' ').filter((x) => x.length > 0);
  // Started through nice(1), not reniced after: on Linux a niceness belongs to a thread, and
  // Node's own threads (V8's platform workers, libuv's pool) would keep the old one.
  const niced = CLIENT_NICE > 0 ? { execPath: 'nice', execArgv: ['-n', String(CLIENT_NICE), process.execPath, ...extra, '--import', 'tsx'] } : { execArgv: [...extra, '--import', 'tsx'] };
  const proc = fork(resolve(ROOT, 'scripts/bench-server-clients.ts'), [], { ...niced, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const exited = new Promise<void>((done) => proc.once('exit', () => done()));
  return {
    pid: proc.pid ?? 0,
    ask: (m, want) =>
      new Promise((done, fail) => {
        const on = (r: FromClients): void => {
          if (r.t !== want && r.t !== 'failed') return;
          proc.off('message', on);
          if (r.t === 'failed') fail(new Error(`a client process failed: ${r.error}`));
          else done(r);
        };
        proc.on('message', on);
        proc.send(m);
      }),
    close: () => {
      proc.send({ t: 'close' } satisfies ToClients);
      return exited;
    },
    kill: () => {
      if (proc.exitCode === null) proc.kill();
    },
  };
}

/** The other rooms' round trips while one room's search:3 computer decides. */
async function whileSearching(port: number): Promise<{ decisionMs: number; during: number[]; all: number }> {
  const settings = { orderSeconds: 0, stanceSeconds: 0, missing: { kind: 'pass' } };
  const open = async (seed: string) => {
    const made = await createRoom(port, { scenario: { shipped: 'classroom-short' }, seed, settings });
    const facilitator = await Device.join(port, made.facilitator);
    const beijing = await Device.join(port, facilitator.codes?.teams.find((t) => t.role === 'beijing')?.code ?? '');
    return { made, facilitator, beijing };
  };
  const thinking = await open('bench-search');
  if ((await thinking.facilitator.request({ t: 'seat', role: 'moscow', seat: { kind: 'computer', player: 'search:3' } })).t !== 'ack') throw new Error('could not seat search:3');
  const others = [];
  for (let i = 0; i < OTHERS; i++) others.push(await open(`bench-other-${i}`));
  for (const r of [thinking, ...others]) await r.facilitator.request({ t: 'start' });
  for (const r of others) await r.beijing.until(() => r.beijing.game !== null && r.beijing.room?.phase === 'playing');
  const trips: { sent: number; got: number; ms: number }[] = [];
  let deciding = true;
  await thinking.beijing.request({ t: 'submit', orders: [] });
  const loops = others.map(async (r, i) => {
    const orders = powerOrders(r.facilitator.welcome?.scenario ?? (undefined as never), r.beijing.game ?? (undefined as never), 'beijing');
    await sleep(i * 5);
    for (let n = 0; deciding; n++) {
      const sent = Date.now();
      const a = await r.beijing.request({ t: 'draft', orders: n % 2 === 0 ? orders : [] });
      if (a.t === 'ack') trips.push({ sent, got: Date.now(), ms: a.ms });
      // Under a connection's rate limit (20 a second).
      await sleep(60);
    }
  });
  await thinking.facilitator.until(() => (thinking.facilitator.room?.turn ?? 0) >= 2, 120_000, 'the search:3 room to resolve');
  deciding = false;
  await Promise.all(loops);
  const ex = await exportRoom(port, thinking.made.code, thinking.made.facilitator);
  const log = (ex.body as RoomExport).log;
  const from = log.find((e) => e.k === 'closing')?.at ?? NaN;
  const to = log.find((e) => e.k === 'computer-orders')?.at ?? NaN;
  const during = trips.filter((t) => t.sent >= from && t.got <= to).map((t) => t.ms);
  await Promise.all([thinking, ...others].flatMap((r) => [r.facilitator.close(), r.beijing.close()]));
  return { decisionMs: to - from, during: during.sort((a, b) => a - b), all: trips.length };
}
/** The server's own figures (`--measure`), as its last line gives them. */
interface Measured {
  latencies: number[];
  ackTimes: AckTimes[];
  flushes: { at: number; ms: number; commitMs: number; syncMs: number; routeMs: number; acks: number; entries: number }[];
  settling: number[];
  settlingAt: number[];
  commits: number;
  bytesSent: number;
  boardBytesSent: number;
  bytesSentText: number;
  boardBytesSentText: number;
}

/** One play of every room to its end, as its clients saw it and as the machine spent it. */
interface Play {
  /** Its start and end on the machine's monotonic clock (ms), to pick the server's figures of this play. */
  from: number;
  to: number;
  seconds: number;
  devices: number;
  clientNice: string;
  clientTimes: AckTimes[];
  /** Client side, send → ack read (ms, sorted). */
  latencies: number[];
  orders: number;
  turns: number;
  serverCpuMs: number;
  clientCpuMs: number;
  selfCpuMs: number;
  machineBusyMs: number;
  machineAllMs: number;
  load: [number, number];
  lost: number;
  duplicated: number;
  hashMismatch: number;
  rssEnd: number;
}

/**
 * Plays ROOMS new rooms of classroom-short to their end from CLIENTS processes, at `pace` (none:
 * as fast as the server answers), then checks every room's record: each acknowledged order and
 * stance in it exactly once, and its game replaying offline to its hash.
 */
async function play(port: number, pid: number, tag: string, pace: Pace | null): Promise<Play> {
  const created: CreatedRoom[] = [];
  for (let i = 0; i < ROOMS; i++) created.push(await createRoom(port, { scenario: { shipped: 'classroom-short' }, seed: `bench-${tag}-${i}`, settings: { orderSeconds: 0, stanceSeconds: 0, missing: { kind: 'pass' } } }));
  // Room i is played by process i % CLIENTS; its results come back in that process's order.
  const share = (w: number): number[] => created.flatMap((_, i) => (i % CLIENTS === w ? [i] : []));
  const clients: Clients[] = [];
  try {
    for (let w = 0; w < Math.min(CLIENTS, ROOMS); w++) clients.push(forkClients());
    const ready = await Promise.all(clients.map((c, w) => c.ask({ t: 'open', port, rooms: share(w).flatMap((i) => created.slice(i, i + 1)) }, 'ready')));
    const devices = ready.reduce((n, r) => n + (r.t === 'ready' ? r.devices : 0), 0);
    // As the kernel holds it, not as asked: the figures below are read against it.
    const clientNice = [...new Set(clients.map((c) => niceOf(c.pid)))].join(', ');
    const load0 = loadavg()[0] ?? NaN;
    const t0 = performance.now();
    const [server0, machine0, self0] = [cpuMsOf(pid), machineMs(), process.cpuUsage()];
    const results = await Promise.all(clients.map((c) => c.ask({ t: 'go', pace }, 'done')));
    const t1 = performance.now();
    const [server1, machine1, self1] = [cpuMsOf(pid), machineMs(), process.cpuUsage(self0)];
    const load1 = loadavg()[0] ?? NaN;
    const acked: Acked[][] = [];
    const roles: Map<string, 'power' | 'republic'>[] = [];
    const turns: number[] = [];
    const latencies: number[] = [];
    const clientTimes: AckTimes[] = [];
    for (const [w, r] of results.entries()) {
      if (r.t !== 'done') continue;
      latencies.push(...r.latencies);
      clientTimes.push(...r.times);
      for (const [k, i] of share(w).entries()) {
        acked[i] = r.acked[k] ?? [];
        roles[i] = new Map(r.roles[k] ?? []);
        turns[i] = r.turns[k] ?? NaN;
      }
    }
    let lost = 0;
    let duplicated = 0;
    let hashMismatch = 0;
    for (const [i, c] of created.entries()) {
      const ex = await exportRoom(port, c.code, c.facilitator);
      if (ex.status !== 200) throw new Error(`export ${c.code}: ${ex.status}`);
      const record = ex.body as RoomExport;
      // Compared as multisets per role: an acknowledged value missing is lost, one too many is duplicated.
      const count = (values: string[]): Map<string, number> => {
        const m = new Map<string, number>();
        for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
        return m;
      };
      for (const kind of ['submit', 'stance'] as const) {
        for (const role of roles[i]?.keys() ?? []) {
          const got = count(record.log.flatMap((e) => (e.k === kind && e.role === role ? [JSON.stringify(e.k === 'submit' ? e.orders : e.choice)] : [])));
          const want = count((acked[i] ?? []).flatMap((a) => (a.kind === kind && a.role === role ? [JSON.stringify(a.value)] : [])));
          for (const [v, n] of want) lost += Math.max(0, n - (got.get(v) ?? 0));
          for (const [v, n] of got) duplicated += Math.max(0, n - (want.get(v) ?? 0));
        }
      }
      const loaded = loadSave(JSON.stringify(record.game));
      if (!loaded.ok || stateHash(loaded.value.record.state) !== record.game.finalHash || loaded.value.record.turns.length !== turns[i] || stateHash(replayExport(record, loaded.value.record.scenario).record.state) !== record.game.finalHash) hashMismatch++;
    }
    const rssEnd = rssMb(pid);
    await Promise.all(clients.map((c) => c.close()));
    return {
      from: t0 + MONOTONIC_OFFSET,
      to: t1 + MONOTONIC_OFFSET,
      seconds: (t1 - t0) / 1000,
      devices,
      clientNice,
      clientTimes,
      latencies: latencies.sort((a, b) => a - b),
      orders: acked.flat().length,
      turns: turns[0] ?? NaN,
      serverCpuMs: server1 - server0,
      clientCpuMs: results.reduce((n, r) => n + (r.t === 'done' ? r.cpuMs : 0), 0),
      selfCpuMs: (self1.user + self1.system) / 1000,
      machineBusyMs: machine1.busy - machine0.busy,
      machineAllMs: machine1.all - machine0.all,
      load: [load0, load1],
      lost,
      duplicated,
      hashMismatch,
      rssEnd,
    };
  } finally {
    for (const c of clients) c.kill();
  }
}

const line = (sorted: readonly number[]): string => `p50 ${ms(pct(sorted, 0.5))} / p95 ${ms(pct(sorted, 0.95))} / p99 ${ms(pct(sorted, 0.99))}`;
const verdict = (sorted: readonly number[]): string => `p95 < 10 ms: ${pct(sorted, 0.95) < 10 ? 'met' : 'MISSED'}; p99 < 50 ms: ${pct(sorted, 0.99) < 50 ? 'met' : 'MISSED'}`;

/**
 * One play's figures. The client's figure is taken apart: each acknowledgement joined (room,
 * who, message id) with the server's own times for it, on the monotonic clock every process
 * here shares. Sent → ack written is what a device elsewhere (a phone) waits, less its network:
 * it leaves out only the client process's own wait to read the ack, which on this machine is a
 * wait for a core its neighbours hold. It is the figure held against the targets.
 */
function report(p: Play, m: Measured | null, floor: number): { rows: [string, string][]; served: number[] } {
  const byKey = new Map((m?.ackTimes ?? []).map(([code, who, id, at, out]) => [`${code} ${who} ${id}`, { at, out }]));
  const toServer: number[] = [];
  const inServer: number[] = [];
  const toClient: number[] = [];
  const served: number[] = [];
  for (const [code, who, id, sent, got] of p.clientTimes) {
    const s = byKey.get(`${code} ${who} ${id}`);
    if (!s) continue;
    toServer.push(s.at - sent);
    inServer.push(s.out - s.at);
    toClient.push(got - s.out);
    served.push(s.out - sent);
  }
  for (const xs of [toServer, inServer, toClient, served]) xs.sort((a, b) => a - b);
  // A frame cannot be read before it is sent: one that is says a process's clock offset is off (the figures then are not to be trusted).
  const early = toServer.filter((x) => x < -0.5).length;
  const acks = p.latencies.length;
  const rows: [string, string][] = [
    ['wall time', `${p.seconds.toFixed(1)} s`],
    ['acknowledgements (all kinds)', `${acks} (${(acks / p.seconds).toFixed(0)}/s)`],
    ['orders + stances acknowledged', `${p.orders} (${(p.orders / p.seconds).toFixed(0)}/s)`],
    [
      'sent → ack written (what a device elsewhere waits, less its network)',
      served.length > 0 ? `${line(served)} (p95 / floor ${(pct(served, 0.95) / floor).toFixed(1)}×; ${verdict(served)})` : 'not measured (the server gave no figures)',
    ],
    ['  sent → the server reads the frame (its socket queue)', line(toServer)],
    ['  the server reads it → writes the ack', line(inServer)],
    ['ack written → the client process reads it (its own wait)', line(toClient)],
    ['client side, send → ack read', `${line(p.latencies)} (max ${ms(p.latencies.at(-1) ?? NaN)})`],
  ];
  if (early > 0 || served.length < p.clientTimes.length) rows.push(['acks joined with the server\'s', `${served.length} of ${p.clientTimes.length}${early > 0 ? `; ${early} read before sent: OFFSETS OFF, do not use` : ''}`]);
  if (m) {
    const within = (at: number): boolean => at >= p.from && at <= p.to;
    const flushes = m.flushes.filter((f) => within(f.at));
    const settling = m.settling.filter((_, i) => within(m.settlingAt[i] ?? NaN));
    const commits = flushes.filter((f) => f.entries > 0);
    const total = (k: 'ms' | 'commitMs' | 'syncMs' | 'routeMs'): number => flushes.reduce((n, f) => n + f[k], 0);
    const fl = flushes.map((f) => f.ms).sort((a, b) => a - b);
    rows.push(
      ['group commits', `${commits.length}, ${(commits.reduce((n, f) => n + f.entries, 0) / Math.max(1, commits.length)).toFixed(1)} entries and ${(commits.reduce((n, f) => n + f.acks, 0) / Math.max(1, commits.length)).toFixed(1)} acks each on average; flush work ${line(fl)}`],
      [
        'flush work on the event loop',
        `${(total('ms') / 1000).toFixed(2)} s: writing the commits ${(total('commitMs') / 1000).toFixed(2)} s (waiting for them to be durable, off the event loop: ${(total('syncMs') / 1000).toFixed(2)} s), routing the outboxes ${(total('routeMs') / 1000).toFixed(2)} s; settling what the commits caused (closing stages, resolving turns) between socket reads ${(settling.reduce((a, b) => a + b, 0) / 1000).toFixed(2)} s in ${settling.length} slices (longest ${ms(Math.max(0, ...settling))})`,
      ],
    );
  }
  rows.push(
    [
      'processor time (of the 2 cores)',
      `server ${p.serverCpuMs.toFixed(0)} ms (${(p.serverCpuMs / (p.seconds * 10)).toFixed(0)}% of one core), its ${CLIENTS} client processes ${p.clientCpuMs.toFixed(0)} ms, this process ${p.selfCpuMs.toFixed(0)} ms; the machine busy ${((100 * p.machineBusyMs) / Math.max(1, p.machineAllMs)).toFixed(0)}% (${(p.machineBusyMs / 1000).toFixed(1)} of ${(p.machineAllMs / 1000).toFixed(1)} core-seconds, others' work included)`,
    ],
    ['load average (1 min) before / after', `${p.load[0].toFixed(2)} / ${p.load[1].toFixed(2)} (the machine is shared: compare runs alternated in the same quarter hour)`],
    ['lost / duplicated orders; records not replaying to their hash', `${p.lost} / ${p.duplicated}; ${p.hashMismatch}`],
  );
  return { rows, served };
}

const table = (rows: readonly [string, string][], indent = ''): string => {
  const w = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `${indent}${k.padEnd(w)}  ${v}`).join('\n');
};

/** BENCH_THINK_MS, "min-max": how long each stage of the paced play stays open (1000-2000). */
function paceFromEnv(): Pace {
  const m = /^(\d+)-(\d+)$/.exec(process.env.BENCH_THINK_MS ?? '1000-2000');
  if (!m) throw new Error(`BENCH_THINK_MS must read like 1000-2000 (ms), not ${process.env.BENCH_THINK_MS}`);
  const thinkMs: [number, number] = [Number(m[1]), Math.max(Number(m[1]), Number(m[2]))];
  // The rooms start over one longest stage, as classes begin their games at their own moments.
  return { thinkMs, startSpreadMs: thinkMs[1], seed: 'bench-pace' };
}

async function main(): Promise<void> {
  // The floor first, on an idle disk: one small durable commit at a time.
  const floor = measureCommitFloor(join(dir, 'floor.sqlite'), 400).sort((a, b) => a - b);
  const floorMedian = pct(floor, 0.5);
  const floorMean = floor.reduce((a, b) => a + b, 0) / floor.length;
  const pace = paceFromEnv();

  // NGG_SERVER_ARGS (classroom-client.ts) gives the server more options, e.g. --sync-apart to compare.
  const server = await startServerProcess(join(dir, 'bench.sqlite'), ['--max-per-ip', '5000', '--rooms-per-ip', String(2 * ROOMS + OTHERS + 1), '--measure']);
  const pid = server.proc.pid ?? 0;
  const rssStart = rssMb(pid);
  let rssPeak = rssStart;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, rssMb(pid))), 100);
  let out = '';
  try {
    const paced = await play(server.port, pid, 'paced', pace);
    const flat = await play(server.port, pid, 'flat', null);
    const searching = await whileSearching(server.port);
    clearInterval(sampler);
    await server.stop();
    const last = /measured: (.*)/.exec(server.stdout())?.[1];
    let measured: Measured | null = null;
    try {
      measured = last ? (JSON.parse(last) as Measured) : null;
    } catch (e) {
      // Its stdout alone: a line it cuts short means it stopped writing (an exit before stdout drained).
      const at = Number(/position (\d+)/.exec(String(e))?.[1] ?? 0);
      process.stderr.write(`the server's own figures could not be read (${String(e)}); around there: ${JSON.stringify(last?.slice(Math.max(0, at - 200), at + 200))}\n`);
    }
    // BENCH_SAVE=path keeps the raw figures (the server's and each play's clients') for study.
    if (process.env.BENCH_SAVE) writeFileSync(process.env.BENCH_SAVE, JSON.stringify({ server: measured, paced: { from: paced.from, to: paced.to, clients: paced.clientTimes }, flat: { from: flat.from, to: flat.to, clients: flat.clientTimes } }));
    const a = report(paced, measured, floorMedian);
    const b = report(flat, measured, floorMedian);
    const head: [string, string][] = [
      ['rooms × devices, each play', `${ROOMS} × ${paced.devices / ROOMS} (facilitator, projector, 7 teams), in ${CLIENTS} client processes; ${ROOMS} games of ${paced.turns} turns, every stage a deadline burst (a room's teams submit in one tick)`],
      ['client processes\' niceness', `${paced.clientNice} (server 0; BENCH_CLIENT_NICE=${CLIENT_NICE}${CLIENT_NICE > 0 ? ': the load generator yields the cores to the server, as phones in a class would' : ': client and server compete for the cores as equals'})`],
      ['durable commit floor (median / mean)', `${ms(floorMedian)} / ${ms(floorMean)} (${(1000 / floorMean).toFixed(0)} commits/s, one at a time)`],
      ['targets (sent → ack written, at the class pace)', verdict(a.served)],
      ['server RSS start / peak / end', `${rssStart.toFixed(0)} / ${rssPeak.toFixed(0)} / ${flat.rssEnd.toFixed(0)} MB`],
      ['one search:3 decision (worker thread)', `${ms(searching.decisionMs)}`],
      [`other rooms' round trips meanwhile (${OTHERS} rooms)`, `${searching.during.length} drafts acknowledged; p50 ${ms(pct(searching.during, 0.5))} / p95 ${ms(pct(searching.during, 0.95))} / max ${ms(searching.during.at(-1) ?? NaN)}`],
    ];
    if (measured) head.push(['sent by the server in all (room messages, not acks)', `${(measured.bytesSent / 1e6).toFixed(1)} MB, of which boards (\`game\` after each turn: the new report and the view, as a patch) ${(measured.boardBytesSent / 1e6).toFixed(1)} MB; as text before compression ${(measured.bytesSentText / 1e6).toFixed(1)} MB, boards ${(measured.boardBytesSentText / 1e6).toFixed(1)} MB`]);
    out =
      `\nClassroom server benchmark (loopback, client and server on the same machine)\n\n${table(head)}\n\n` +
      `1. At a class's pace, compressed (the targets): the rooms start over ${(pace.startSpreadMs / 1000).toFixed(1)} s; each stage stays open ${pace.thinkMs[0]}–${pace.thinkMs[1]} ms (BENCH_THINK_MS; a class takes minutes), its teams drafting and talking meanwhile, then submit together\n${table(a.rows, '   ')}\n\n` +
      `2. Flat out (throughput): every device sends again the moment it is answered, so the server is never idle and each ack waits behind the whole school's queue (latency here is the queue: Little's law)\n${table(b.rows, '   ')}\n`;
    process.stdout.write(out);
    if ([paced, flat].some((p) => p.lost > 0 || p.duplicated > 0 || p.hashMismatch > 0)) process.exitCode = 1;
  } finally {
    clearInterval(sampler);
    if (out === '') await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
