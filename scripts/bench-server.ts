// npm run bench:server — the classroom server under a school's worth of rooms, measured.
//
// Spawns the real server (src/server/main.ts) on a scratch database, opens ROOMS rooms of
// classroom-short, each with its facilitator, seven teams (2 powers + 5 republics) and a
// projector on loopback, and plays every game to the end at once (orderSeconds 0: a stage
// closes the moment its last team submits, so each room's teams all submit together, a
// deadline burst, every turn). Measures: acknowledgements per second, acknowledgement
// latency seen by the client (send → ack: parse, check, durable commit, ack), server RSS,
// that every acknowledged order and stance is in the exported record exactly once, and that
// every room's game replays offline to its final hash (as a save, and its log folded again).
// The floor under any acknowledgement is one durable SQLite commit (WAL, synchronous=FULL)
// on the same disk, measured here too. BENCH_ROOMS changes the number of rooms. The client
// processes run niced (BENCH_CLIENT_NICE, 10): in a class the devices are elsewhere, and here
// the load generator would otherwise take the cores from the server it measures; each ack is
// also taken apart with the server's own times, so the wait for the server (sent → ack
// written) is told from a client process's wait to read it.
//
// Then, on the same server: one room whose Moscow is played by search:3 closes its orders
// stage, and while that computer decides (on a worker thread) the Beijing teams of
// BENCH_OTHERS other rooms keep sending drafts, paced under the rate limit: their round
// trips during the decision (from the room's log: its `closing` entry to its
// `computer-orders`) say whether a strong computer player holds up the other rooms.
import { fork } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { CreatedRoom } from '../src/classroom/protocol';
import type { RoomExport } from '../src/classroom/room';
import { replayExport } from '../src/classroom/room';
import { loadSave, stateHash } from '../src/engine';
import { measureCommitFloor } from '../src/server/sqliteStore';
import type { AckTimes, FromClients, ToClients } from './bench-server-clients';
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

/**
 * The client's figure taken apart: each acknowledgement of the play joined (room, who, message
 * id) with the server's own times for it, on the monotonic clock every process here shares.
 * Send → ack written is what a device elsewhere (a phone) waits, less its network: it leaves
 * out only the client process's own wait to read the ack, which on this machine is a wait for a
 * core its neighbours hold.
 */
function split(client: readonly AckTimes[], server: readonly AckTimes[], floor: number): string {
  const byKey = new Map(server.map(([code, who, id, at, out]) => [`${code} ${who} ${id}`, { at, out }]));
  const toServer: number[] = [];
  const inServer: number[] = [];
  const toClient: number[] = [];
  const served: number[] = [];
  for (const [code, who, id, sent, got] of client) {
    const s = byKey.get(`${code} ${who} ${id}`);
    if (!s) continue;
    toServer.push(s.at - sent);
    inServer.push(s.out - s.at);
    toClient.push(got - s.out);
    served.push(s.out - sent);
  }
  for (const xs of [toServer, inServer, toClient, served]) xs.sort((a, b) => a - b);
  const line = (sorted: number[]): string => `p50 ${ms(pct(sorted, 0.5))} / p95 ${ms(pct(sorted, 0.95))} / p99 ${ms(pct(sorted, 0.99))}`;
  const p95 = pct(served, 0.95);
  const p99 = pct(served, 0.99);
  // A frame cannot be read before it is sent: one that is says a process's clock offset is off (the figures then are not to be trusted).
  const early = toServer.filter((x) => x < -0.5).length;
  return (
    `The client's figure taken apart (${served.length} of ${client.length} acks of the play joined with the server's; one monotonic clock${early > 0 ? `; ${early} read before sent: OFFSETS OFF, do not use` : ''}):\n` +
    `  sent → the server reads the frame (loopback, the server's socket queue)  ${line(toServer)}\n` +
    `  the server reads it → writes the ack (as above, these acks only)        ${line(inServer)}\n` +
    `  ack written → the client process reads it (the client's own wait)        ${line(toClient)}\n` +
    `  sent → ack written (what a device elsewhere waits, less its network)     ${line(served)} (p95 / floor ${(p95 / floor).toFixed(1)}×; p95 < 10 ms: ${p95 < 10 ? 'met' : 'MISSED'}; p99 < 50 ms: ${p99 < 50 ? 'met' : 'MISSED'})\n`
  );
}

async function main(): Promise<void> {
  // The floor first, on an idle disk: one small durable commit at a time.
  const floor = measureCommitFloor(join(dir, 'floor.sqlite'), 400).sort((a, b) => a - b);
  const floorMedian = pct(floor, 0.5);
  const floorMean = floor.reduce((a, b) => a + b, 0) / floor.length;

  // NGG_SERVER_ARGS (classroom-client.ts) gives the server more options, e.g. --sync-apart to compare.
  const server = await startServerProcess(join(dir, 'bench.sqlite'), ['--max-per-ip', '5000', '--measure']);
  const pid = server.proc.pid ?? 0;
  const rssStart = rssMb(pid);
  let rssPeak = rssStart;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, rssMb(pid))), 100);
  const clients: Clients[] = [];
  /** Every acknowledgement of the play as its device saw it, to be joined with the server's own times. */
  const clientTimes: AckTimes[] = [];
  try {
    const created: CreatedRoom[] = [];
    for (let i = 0; i < ROOMS; i++) created.push(await createRoom(server.port, { scenario: { shipped: 'classroom-short' }, seed: `bench-${i}`, settings: { orderSeconds: 0, stanceSeconds: 0, missing: { kind: 'pass' } } }));
    // Room i is played by process i % CLIENTS; its results come back in that process's order.
    const share = (w: number): number[] => created.flatMap((_, i) => (i % CLIENTS === w ? [i] : []));
    for (let w = 0; w < Math.min(CLIENTS, ROOMS); w++) clients.push(forkClients());
    const ready = await Promise.all(clients.map((c, w) => c.ask({ t: 'open', port: server.port, rooms: share(w).flatMap((i) => created.slice(i, i + 1)) }, 'ready')));
    const devices = ready.reduce((n, r) => n + (r.t === 'ready' ? r.devices : 0), 0);
    // As the kernel holds it, not as asked: the figures below are read against it.
    const clientNice = [...new Set(clients.map((c) => niceOf(c.pid)))].join(', ');
    const load0 = loadavg()[0] ?? NaN;
    const t0 = performance.now();
    const [server0, machine0, self0] = [cpuMsOf(pid), machineMs(), process.cpuUsage()];
    const results = await Promise.all(clients.map((c) => c.ask({ t: 'go' }, 'done')));
    const seconds = (performance.now() - t0) / 1000;
    const [server1, machine1, self1] = [cpuMsOf(pid), machineMs(), process.cpuUsage(self0)];
    const load1 = loadavg()[0] ?? NaN;
    const clientCpuMs = results.reduce((n, r) => n + (r.t === 'done' ? r.cpuMs : 0), 0);
    const machineBusyMs = machine1.busy - machine0.busy;
    const machineAllMs = machine1.all - machine0.all;
    const acked: Acked[][] = [];
    const roles: Map<string, 'power' | 'republic'>[] = [];
    const turns: number[] = [];
    const latencies: number[] = [];
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
    const acks = latencies.length;
    const sorted = latencies.sort((a, b) => a - b);

    // Every acknowledged order and stance in the record exactly once, in order; every game replays to its hash.
    let lost = 0;
    let duplicated = 0;
    let hashMismatch = 0;
    for (const [i, c] of created.entries()) {
      const ex = await exportRoom(server.port, c.code, c.facilitator);
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
    const searching = await whileSearching(server.port);

    const p50 = pct(sorted, 0.5);
    const p95 = pct(sorted, 0.95);
    const p99 = pct(sorted, 0.99);
    const orders = acked.flat().length;
    const rows: [string, string][] = [
      ['rooms × devices', `${ROOMS} × ${devices / ROOMS} (facilitator, projector, 7 teams), in ${clients.length} client processes`],
      ['client processes\' niceness', `${clientNice} (server 0; BENCH_CLIENT_NICE=${CLIENT_NICE}${CLIENT_NICE > 0 ? ': the load generator yields the cores to the server, as phones in a class would' : ': client and server compete for the cores as equals'})`],
      ['games played to the end', `${ROOMS} (${turns[0] ?? '?'} turns each), every stage a deadline burst`],
      ['wall time', `${seconds.toFixed(1)} s`],
      ['acknowledgements (all kinds)', `${acks} (${(acks / seconds).toFixed(0)}/s)`],
      ['orders + stances acknowledged', `${orders} (${(orders / seconds).toFixed(0)}/s)`],
      ['ack latency p50 / p95 / p99', `${ms(p50)} / ${ms(p95)} / ${ms(p99)}  (max ${ms(sorted.at(-1) ?? NaN)})`],
      ['targets', `p95 < 10 ms: ${p95 < 10 ? 'met' : 'MISSED'}; p99 < 50 ms: ${p99 < 50 ? 'met' : 'MISSED'}`],
      ['durable commit floor (median / mean)', `${ms(floorMedian)} / ${ms(floorMean)} (${(1000 / floorMean).toFixed(0)} commits/s, one at a time)`],
      ['p95 / floor median', `${(p95 / floorMedian).toFixed(1)}×`],
      ['p99 / floor median', `${(p99 / floorMedian).toFixed(1)}×`],
      [
        'processor time while playing (of the 2 cores)',
        `server ${(server1 - server0).toFixed(0)} ms (${((server1 - server0) / (seconds * 10)).toFixed(0)}% of one core), its ${clients.length} client processes ${clientCpuMs.toFixed(0)} ms, this process ${((self1.user + self1.system) / 1000).toFixed(0)} ms; the machine busy ${((100 * machineBusyMs) / Math.max(1, machineAllMs)).toFixed(0)}% (${(machineBusyMs / 1000).toFixed(1)} of ${(machineAllMs / 1000).toFixed(1)} core-seconds, others' work included)`,
      ],
      ['load average (1 min) before / after the play', `${load0.toFixed(2)} / ${load1.toFixed(2)} (the machine is shared: compare runs alternated in the same quarter hour)`],
      ['server RSS start / peak / end', `${rssStart.toFixed(0)} / ${rssPeak.toFixed(0)} / ${rssEnd.toFixed(0)} MB`],
      ['lost / duplicated orders', `${lost} / ${duplicated}`],
      ['rooms whose record does not replay to its hash', `${hashMismatch}`],
      ['one search:3 decision (worker thread)', `${ms(searching.decisionMs)}`],
      [`other rooms' round trips meanwhile (${OTHERS} rooms)`, `${searching.during.length} drafts acknowledged; p50 ${ms(pct(searching.during, 0.5))} / p95 ${ms(pct(searching.during, 0.95))} / max ${ms(searching.during.at(-1) ?? NaN)}`],
    ];
    const w = Math.max(...rows.map(([k]) => k.length));
    process.stdout.write(`\nClassroom server benchmark (loopback, client and server on the same machine)\n\n${rows.map(([k, v]) => `${k.padEnd(w)}  ${v}`).join('\n')}\n`);
    if (lost > 0 || duplicated > 0 || hashMismatch > 0) process.exitCode = 1;
  } finally {
    clearInterval(sampler);
    for (const c of clients) c.kill();
    await server.stop();
    const line = /measured: (.*)/.exec(server.stdout())?.[1];
    let parsed: unknown = null;
    try {
      parsed = line ? JSON.parse(line) : null;
    } catch (e) {
      // Its stdout alone: a line it cuts short means it stopped writing (an exit before stdout drained).
      const at = Number(/position (\d+)/.exec(String(e))?.[1] ?? 0);
      process.stderr.write(`the server's own figures could not be read (${String(e)}); around there: ${JSON.stringify(line?.slice(Math.max(0, at - 200), at + 200))}\n`);
    }
    if (parsed) {
      const m = parsed as { latencies: number[]; ackTimes?: AckTimes[]; flushes: { ms: number; commitMs: number; syncMs: number; routeMs: number; acks: number; entries: number }[]; settling?: number[]; commits: number; bytesSent: number; boardBytesSent: number; bytesSentText?: number; boardBytesSentText?: number };
      const lat = m.latencies.sort((a, b) => a - b);
      const fl = m.flushes.map((f) => f.ms).sort((a, b) => a - b);
      const perCommit = m.flushes.filter((f) => f.entries > 0);
      const total = (k: 'ms' | 'commitMs' | 'syncMs' | 'routeMs'): number => m.flushes.reduce((n, f) => n + f[k], 0);
      process.stdout.write(
        `\nIn the server (frame in → ack out, all acks incl. joins): p50 ${ms(pct(lat, 0.5))} / p95 ${ms(pct(lat, 0.95))} / p99 ${ms(pct(lat, 0.99))} (p95 / floor ${(pct(lat, 0.95) / floorMedian).toFixed(1)}×)\n` +
          `Group commits: ${m.commits}, ${(perCommit.reduce((n, f) => n + f.entries, 0) / Math.max(1, perCommit.length)).toFixed(1)} entries and ${(perCommit.reduce((n, f) => n + f.acks, 0) / Math.max(1, perCommit.length)).toFixed(1)} acks each on average; flush work p50 ${ms(pct(fl, 0.5))} / p95 ${ms(pct(fl, 0.95))} / p99 ${ms(pct(fl, 0.99))}\n` +
          `Flush work on the event loop in all: ${(total('ms') / 1000).toFixed(2)} s, of which writing the commits ${(total('commitMs') / 1000).toFixed(2)} s (waiting for them to be durable, off the event loop: ${(total('syncMs') / 1000).toFixed(2)} s), routing the outboxes (serialising and sending) ${(total('routeMs') / 1000).toFixed(2)} s; what the commits caused (closing stages, resolving turns), settled between socket reads: ${((m.settling ?? []).reduce((a, b) => a + b, 0) / 1000).toFixed(2)} s in ${(m.settling ?? []).length} slices (longest ${ms(Math.max(0, ...(m.settling ?? [])))})\n` +
          split(clientTimes, m.ackTimes ?? [], floorMedian) +
          `Sent by the server (room messages, not acks): ${(m.bytesSent / 1e6).toFixed(1)} MB, of which boards (\`game\` after each turn: the new report and the view, as a patch) ${(m.boardBytesSent / 1e6).toFixed(1)} MB; as text before compression ${((m.bytesSentText ?? NaN) / 1e6).toFixed(1)} MB, boards ${((m.boardBytesSentText ?? NaN) / 1e6).toFixed(1)} MB\n`,
      );
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
