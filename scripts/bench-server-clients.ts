// One load-generating process of `npm run bench:server` (forked by scripts/bench-server.ts,
// with IPC): it opens its share of the rooms' devices, waits for `go`, plays every one of
// its rooms to the end with deadline bursts, and reports what was acknowledged and how long
// each acknowledgement took as seen from here. The clients live in processes of their own so
// that 450 sockets parsing boards on one event loop are not what the benchmark measures.
import seedrandom from 'seedrandom';
import type { CreatedRoom } from '../src/classroom/protocol';
import type { Acked, Classroom, Device } from './classroom-client';
import { closeClassroom, openClassroom, playToEnd } from './classroom-client';

/** From the benchmark to this process. */
/** `go`'s `pace`: the rooms' starts spread over `startSpreadMs`, and each stage open `thinkMs` before its burst (classroom-client.ts); none: as fast as the server answers. */
export type Pace = { thinkMs: [number, number]; startSpreadMs: number; seed: string };
export type ToClients = { t: 'open'; port: number; rooms: CreatedRoom[] } | { t: 'go'; pace: Pace | null } | { t: 'close' };
/** One acknowledgement as a device saw it: room code, who (facilitator, projector or the team's role), message id, sent, read (the machine's monotonic clock, ms). */
export type AckTimes = [string, string, number, number, number];
/** From this process to the benchmark. */
export type FromClients =
  | { t: 'ready'; devices: number }
  | { t: 'done'; acked: Acked[][]; latencies: number[]; times: AckTimes[]; roles: [string, 'power' | 'republic'][][]; turns: number[]; cpuMs: number }
  | { t: 'failed'; error: string };

const tell = (m: FromClients): void => {
  process.send?.(m);
};

let rooms: Classroom[] = [];
/** Each room's code, in the order of `rooms`. */
let codes: string[] = [];

async function open(port: number, created: readonly CreatedRoom[]): Promise<void> {
  for (const c of created) {
    rooms.push(await openClassroom(port, c));
    codes.push(c.code);
  }
  // Only the powers' players read the board (they choose orders on it).
  for (const r of rooms) for (const d of [r.facilitator, r.projector, ...[...r.teams].filter(([role]) => r.roles.get(role) !== 'power').map(([, d]) => d)]) d.parseGame = false;
  tell({ t: 'ready', devices: rooms.reduce((n, r) => n + 2 + r.teams.size, 0) });
}

async function go(pace: Pace | null): Promise<void> {
  const devices = rooms.flatMap((r) => [r.facilitator, r.projector, ...r.teams.values()]);
  const named = rooms.flatMap((r, i) => ([['facilitator', r.facilitator], ['projector', r.projector], ...r.teams] satisfies [string, Device][]).map(([who, d]) => ({ code: codes[i] ?? '', who, d })));
  // Acknowledgements while the games are played (not the joins and seats before).
  const startAt = new Map(devices.map((d) => [d, d.ackMs.length]));
  const cpu = process.cpuUsage();
  // With a pace, each room starts at its own moment (as classes do), drawn from the seed.
  const acked = await Promise.all(
    rooms.map(async (r, i) => {
      const seed = `${pace?.seed ?? ''}:${codes[i] ?? i}`;
      if (pace) await new Promise((go) => setTimeout(go, seedrandom(`${seed}:start`)() * pace.startSpreadMs));
      await r.facilitator.request({ t: 'start' });
      return playToEnd(r, { draft: true, talk: true, burst: true, timeoutMs: 120_000, ...(pace ? { pace: { thinkMs: pace.thinkMs, seed } } : {}) });
    }),
  );
  tell({
    t: 'done',
    acked,
    latencies: devices.flatMap((d) => d.ackMs.slice(startAt.get(d) ?? 0)),
    times: named.flatMap(({ code, who, d }) => d.ackTimes.slice(startAt.get(d) ?? 0).map(([id, sent, got]): AckTimes => [code, who, id, sent, got])),
    roles: rooms.map((r) => [...r.roles]),
    turns: rooms.map((r) => r.scenario.turns),
    // This process's processor time while the games were played (user + system): what the load takes from the server's cores.
    cpuMs: ((u) => (u.user + u.system) / 1000)(process.cpuUsage(cpu)),
  });
}

const fail = (e: unknown): void => {
  tell({ t: 'failed', error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  process.exitCode = 1;
};

process.on('message', (m: ToClients) => {
  if (m.t === 'open') open(m.port, m.rooms).catch(fail);
  else if (m.t === 'go') go(m.pace).catch(fail);
  else
    void Promise.all(rooms.map(closeClassroom)).finally(() => {
      rooms = [];
      codes = [];
      process.disconnect();
    });
});
