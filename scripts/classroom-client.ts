// A classroom client for programs: the server's tests and its benchmark. It starts the real
// server process, makes rooms over HTTP, and plays over real WebSockets (the `ws` client),
// recording every message each device receives so a test can check what it was shown.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import seedrandom from 'seedrandom';
import WebSocket from 'ws';
import type { ClientMessage, CreatedRoom, GameSnapshot, Identity, RoomPublic, ServerMessage, TeamPrivate, TeamMessage, FacilitatorCodes } from '../src/classroom/protocol';
import type { Order, RepublicChoice, Scenario } from '../src/engine';
import { republicChoices, reviveView } from '../src/engine';
import { greedyOrders } from '../src/ai/greedy';
import { applyGameUpdate } from '../src/classroom/board';
import { MONOTONIC_OFFSET } from '../src/server/monotonic';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface ServerProcess {
  port: number;
  proc: ChildProcess;
  /** Everything the process wrote, for a test's failure message. */
  output(): string;
  /** What it wrote to stdout alone (a long line there is not cut by what it logs on stderr meanwhile). */
  stdout(): string;
  /** SIGTERM, and the exit code. */
  stop(): Promise<number | null>;
  /** SIGKILL: the process dies at once, mid-whatever. */
  kill(): Promise<void>;
}

/** Starts `src/server/main.ts` on a free port (node + tsx, no npx in between, so a signal reaches the server itself). */
export function startServerProcess(db: string, extra: readonly string[] = []): Promise<ServerProcess> {
  // NGG_SERVER_NODE_ARGS: extra Node options for the server only (e.g. --cpu-prof to profile it under the benchmark).
  const nodeArgs = (process.env.NGG_SERVER_NODE_ARGS ?? '').split(' ').filter((x) => x.length > 0);
  // NGG_SERVER_ARGS: more server options for every server a test or the benchmark starts (e.g. --sync-apart).
  const serverArgs = (process.env.NGG_SERVER_ARGS ?? '').split(' ').filter((x) => x.length > 0);
  const proc = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', resolve(ROOT, 'src/server/main.ts'), '--port', '0', '--host', '127.0.0.1', '--db', db, ...serverArgs, ...extra], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let stdout = '';
  // 'close', not 'exit': the process may exit before everything it wrote has been read from its pipes (the benchmark reads its last line).
  const exited = new Promise<number | null>((done) => proc.once('close', (code) => done(code)));
  return new Promise((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`the server did not start in 30 s:\n${out}`)), 30_000);
    const onData = (chunk: Buffer): void => {
      out += chunk.toString('utf8');
      const m = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        done({
          port: Number(m[1]),
          proc,
          output: () => out,
          stdout: () => stdout,
          stop: () => {
            proc.kill('SIGTERM');
            return exited;
          },
          kill: async () => {
            proc.kill('SIGKILL');
            await exited;
          },
        });
      }
    };
    proc.stdout?.on('data', onData);
    proc.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    proc.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    void exited.then((code) => {
      clearTimeout(timer);
      fail(new Error(`the server exited (${code}) before listening:\n${out}`));
    });
  });
}

export async function createRoom(port: number, body: unknown): Promise<CreatedRoom> {
  const res = await fetch(`http://127.0.0.1:${port}/api/rooms`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (res.status !== 201) throw new Error(`POST /api/rooms: ${res.status} ${await res.text()}`);
  return (await res.json()) as CreatedRoom;
}

export async function exportRoom(port: number, code: string, key: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`http://127.0.0.1:${port}/api/rooms/${code}/export?key=${encodeURIComponent(key)}`);
  return { status: res.status, body: res.status === 200 ? ((await res.json()) as unknown) : await res.text() };
}

type Welcome = Extract<ServerMessage, { t: 'welcome' }>;
export type Answer = { t: 'ack'; id: number } | { t: 'refused'; id: number | null; reason: string } | { t: 'pong'; id: number; serverNow: number };

/** One device: a WebSocket that records what it receives and matches answers to requests. */
export class Device {
  readonly received: ServerMessage[] = [];
  welcome: Welcome | null = null;
  room: RoomPublic | null = null;
  game: GameSnapshot | null = null;
  team: TeamPrivate | null = null;
  messages: TeamMessage[] = [];
  closed: { code: number; reason: string } | null = null;
  /** Every acknowledgement's time from send to ack (ms), in order. */
  readonly ackMs: number[] = [];
  /** Every acknowledgement as `[message id, sent, read]` on the machine's monotonic clock (ms), which the server's `--measure` figures share. */
  readonly ackTimes: [number, number, number][] = [];
  private nextId = 1;
  private readonly waiting = new Map<number, { sent: number; done: (a: Answer & { ms: number }) => void }>();
  private readonly watchers = new Set<() => void>();

  /** Whether to read the board (`game` messages, the largest): a benchmark's republics, facilitator and projector need not. */
  parseGame = true;
  /** `game` messages left unread. */
  skippedGames = 0;
  /** Board updates that did not follow this device's board (never, unless the server errs). */
  unfitting = 0;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data: Buffer) => {
      // '{"t":"game"' in its first bytes: the server writes `t` first.
      if (!this.parseGame && data.subarray(0, 12).toString('latin1').startsWith('{"t":"game"')) {
        this.skippedGames++;
        return this.notify();
      }
      this.receive(JSON.parse(data.toString('utf8')) as ServerMessage);
    });
    ws.on('close', (code, reason) => {
      this.closed = { code, reason: reason.toString('utf8') };
      this.notify();
    });
    ws.on('error', () => undefined);
  }

  /**
   * Opens a socket offering permessage-deflate, as browsers do (the server sends large messages
   * compressed to such a device), unless `deflate` is false; NGG_CLIENT_DEFLATE=off makes every
   * device of a process plain (the benchmark's comparison).
   */
  static open(port: number, deflate = process.env.NGG_CLIENT_DEFLATE !== 'off'): Promise<Device> {
    // A browser inflates each socket's messages on its own; \`ws\` queues every socket of the
    // process behind one limit of 10 inflates at once, which, with 150 devices in one benchmark
    // process all sent a board together, held acknowledgements behind other devices' boards.
    const ws = new WebSocket(`ws://127.0.0.1:${port}/ws`, { perMessageDeflate: deflate ? { concurrencyLimit: 1000 } : false });
    return new Promise((done, fail) => {
      ws.once('open', () => done(new Device(ws)));
      ws.once('error', fail);
    });
  }

  /** Opens a device and says hello with `token`; resolves once welcomed. */
  static async join(port: number, token: string, deflate?: boolean): Promise<Device> {
    const d = await Device.open(port, deflate);
    const a = await d.request({ t: 'hello', token });
    if (a.t !== 'ack') throw new Error(`hello ${token}: ${a.t === 'refused' ? a.reason : a.t}`);
    return d;
  }

  get you(): Identity | null {
    return this.welcome?.you ?? null;
  }

  get codes(): FacilitatorCodes | null {
    return this.welcome?.codes ?? null;
  }

  /** Sends a message with a fresh id; resolves with its ack or refusal and the time it took (ms). */
  request(msg: DistributiveOmit<ClientMessage, 'id'>): Promise<Answer & { ms: number }> {
    const id = this.nextId++;
    return new Promise((done) => {
      this.waiting.set(id, { sent: performance.now(), done });
      this.ws.send(JSON.stringify({ ...msg, id }));
    });
  }

  sendRaw(data: string | Buffer): void {
    this.ws.send(data);
  }

  /** Resolves when `test` holds (checked now and after every message), or fails after `ms`. */
  until(test: () => boolean, ms = 15_000, what = 'a condition'): Promise<void> {
    if (test()) return Promise.resolve();
    return new Promise((done, fail) => {
      const check = (): void => {
        if (!test()) return;
        clearTimeout(timer);
        this.watchers.delete(check);
        done();
      };
      const timer = setTimeout(() => {
        this.watchers.delete(check);
        fail(new Error(`timed out waiting for ${what}`));
      }, ms);
      this.watchers.add(check);
    });
  }

  close(): Promise<void> {
    if (this.closed) return Promise.resolve();
    return new Promise((done) => {
      this.ws.once('close', () => done());
      this.ws.close();
    });
  }

  private receive(msg: ServerMessage): void {
    this.received.push(msg);
    switch (msg.t) {
      case 'welcome':
        this.welcome = msg;
        this.room = msg.room;
        this.game = msg.game;
        this.team = msg.team;
        this.messages = [...msg.messages];
        break;
      case 'room':
        this.room = msg.room;
        break;
      case 'game': {
        // As a browser does (board.ts): the update applied to what this device holds.
        const game = applyGameUpdate(this.game, msg);
        if (game) this.game = game;
        else this.unfitting++;
        break;
      }
      case 'team':
        this.team = msg.team;
        break;
      case 'message':
        this.messages.push(msg.message);
        break;
      case 'ack':
      case 'pong':
      case 'refused': {
        const w = msg.id === null ? undefined : this.waiting.get(msg.id);
        if (w && msg.id !== null) {
          this.waiting.delete(msg.id);
          if (msg.t === 'ack') {
            const got = performance.now();
            this.ackMs.push(got - w.sent);
            this.ackTimes.push([msg.id, w.sent + MONOTONIC_OFFSET, got + MONOTONIC_OFFSET]);
          }
          w.done({ ...msg, ms: performance.now() - w.sent } as Answer & { ms: number });
          // What awaits the answer runs after this message (a microtask): a condition it makes true
          // is checked again then, not only at the next message, which may be none (the server
          // writes a device's ack and its room's update in one write, read as one chunk).
          this.recheckSoon();
        }
        break;
      }
    }
    this.notify();
  }

  private notify(): void {
    for (const w of [...this.watchers]) w();
  }

  private recheck: NodeJS.Immediate | null = null;

  private recheckSoon(): void {
    if (this.recheck || this.watchers.size === 0) return;
    this.recheck = setImmediate(() => {
      this.recheck = null;
      this.notify();
    });
  }
}

/** What a refusal said (or what came instead of an ack). */
export const why = (a: Answer): string => (a.t === 'refused' ? a.reason : a.t);

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A power team's orders this turn: the rule-of-thumb player on the team's own view. */
export function powerOrders(scenario: Scenario, game: GameSnapshot, power: string): Order[] {
  return greedyOrders(scenario, reviveView(game.view), power);
}

/** A republic team's stance: one of the choices, varied by turn so every kind is played. */
export function republicStance(scenario: Scenario, turn: number, role: string): RepublicChoice {
  const choices = republicChoices(scenario);
  const pick = choices[(turn + role.length) % choices.length];
  if (!pick) throw new Error('the scenario offers no stance');
  return pick;
}

/** Whether the room is at `turn` (or past it, or over). */
export const reached = (room: RoomPublic | null, turn: number, stage?: 'orders' | 'stances'): boolean =>
  room !== null && (room.phase === 'ended' || room.turn > turn || (room.turn === turn && room.phase === 'playing' && (stage === undefined || room.stage === stage)));

/** An order or stance the server acknowledged: what a lost/duplicated-order check looks for in the record. */
export interface Acked {
  role: string;
  turn: number;
  kind: 'submit' | 'stance';
  value: unknown;
  ms: number;
}

export interface Classroom {
  scenario: Scenario;
  facilitator: Device;
  projector: Device;
  /** One device per role, in the scenario's order (powers, then republics). */
  teams: Map<string, Device>;
  roles: Map<string, 'power' | 'republic'>;
}

/** Opens a room's devices: the facilitator seats every republic with a team, then every role and the projector join. */
export async function openClassroom(port: number, created: CreatedRoom): Promise<Classroom> {
  const facilitator = await Device.join(port, created.facilitator);
  const welcome = facilitator.welcome;
  const codes = facilitator.codes;
  if (!welcome || !codes) throw new Error('the facilitator was not welcomed with the codes');
  const roles = new Map(welcome.room.roles.map((r) => [r.role, r.kind]));
  for (const r of welcome.room.roles) {
    if (r.kind !== 'republic') continue;
    const a = await facilitator.request({ t: 'seat', role: r.role, seat: { kind: 'team', name: `Team ${r.name}` } });
    if (a.t !== 'ack') throw new Error(`seat ${r.role}: ${why(a)}`);
  }
  const teams = new Map<string, Device>();
  await Promise.all(
    codes.teams.map(async (t) => {
      teams.set(t.role, await Device.join(port, t.code));
    }),
  );
  const projector = await Device.join(port, codes.projector);
  return { scenario: welcome.scenario, facilitator, projector, teams: new Map(codes.teams.map((t) => [t.role, teams.get(t.role) as Device])), roles };
}

export interface PlayOptions {
  draft?: boolean;
  talk?: boolean;
  timeoutMs?: number;
  burst?: boolean;
  /**
   * A class's pace, compressed: each stage stays open a time drawn from `thinkMs` (min, max)
   * before its teams submit together (a deadline burst); each team drafts and talks at a
   * moment drawn from the first half of it. Draws come from `seed`, so every run plays at the
   * same pace. Without it a room is played as fast as the server answers.
   */
  pace?: { thinkMs: readonly [number, number]; seed: string };
}

/**
 * Plays a started room to its end: each power team gives the rule-of-thumb orders on its own
 * view (a draft first, then the submission), each republic team a stance, and teams send each
 * other a message each turn. Returns everything acknowledged.
 *
 * `burst`: a deadline burst made explicit. The teams of a stage (every power for orders,
 * every republic for stances) wait for one another, then all send their submission in the
 * same tick, as when a class's timer runs out; without it each sends when it is ready.
 */
export async function playToEnd(c: Classroom, opts: PlayOptions = {}): Promise<Acked[]> {
  const acked: Acked[] = [];
  const timeout = opts.timeoutMs ?? 30_000;
  const pace = opts.pace;
  /** A fraction in [0, 1) drawn for `what` of this room: the same every run. */
  const draw = (what: string): number => seedrandom(`${pace?.seed ?? ''}:${what}`)();
  /** When each stage (turn and kind) was first seen open by one of its teams (performance.now()). */
  const opened = new Map<string, number>();
  const stageKey = (turn: number, kind: 'power' | 'republic'): string => `${turn}:${kind}`;
  /** How long the stage stays open before its teams submit together (ms; 0 without a pace). */
  const thinkMs = (key: string): number => (pace ? pace.thinkMs[0] + draw(key) * (pace.thinkMs[1] - pace.thinkMs[0]) : 0);
  // Per turn and stage: the teams waiting to submit; the last to arrive releases them all at once.
  const barriers = new Map<string, (() => void)[]>();
  const together = (turn: number, kind: 'power' | 'republic'): Promise<void> => {
    if (!opts.burst) return Promise.resolve();
    const need = [...c.roles.values()].filter((k) => k === kind).length;
    const key = stageKey(turn, kind);
    const waiting = barriers.get(key) ?? [];
    barriers.set(key, waiting);
    return new Promise((go) => {
      waiting.push(go);
      if (waiting.length < need) return;
      barriers.delete(key);
      // Resolved in one loop: every team's continuation, so its send, runs in this same tick.
      const release = (): void => {
        for (const w of waiting) w();
      };
      // With a pace, at the stage's deadline: when it opened plus its think time.
      const wait = pace ? (opened.get(key) ?? 0) + thinkMs(key) - performance.now() : 0;
      if (wait > 0) setTimeout(release, wait);
      else release();
    });
  };
  /** With a pace: a team reads the stage for a while before it drafts and talks (up to half the stage's think time). */
  const reading = async (turn: number, kind: 'power' | 'republic', role: string): Promise<void> => {
    const key = stageKey(turn, kind);
    if (!opened.has(key)) opened.set(key, performance.now());
    if (pace) await new Promise((r) => setTimeout(r, draw(`${key}:${role}`) * thinkMs(key) * 0.5));
  };
  await Promise.all(
    [...c.teams].map(async ([role, d]) => {
      const kind = c.roles.get(role);
      for (;;) {
        await d.until(() => d.room?.phase === 'ended' || (d.room?.phase === 'playing' && d.room.stage === (kind === 'power' ? 'orders' : 'stances') && (kind !== 'power' || d.game?.view.turn === d.room.turn)), timeout, `${role}'s turn`);
        const room = d.room;
        if (!room || room.phase === 'ended') return;
        const turn = room.turn;
        await reading(turn, kind === 'power' ? 'power' : 'republic', role);
        if (kind === 'power') {
          const game = d.game;
          if (!game) throw new Error(`${role} has no game`);
          const orders = powerOrders(c.scenario, game, role);
          if (opts.draft) {
            const a = await d.request({ t: 'draft', orders: orders.slice(0, 1) });
            if (a.t !== 'ack') throw new Error(`${role} draft, turn ${turn}: ${why(a)}`);
          }
          if (opts.talk) {
            const a = await d.request({ t: 'say', to: { kind: 'all' }, text: `${role} speaks on turn ${turn}` });
            if (a.t !== 'ack') throw new Error(`${role} say: ${why(a)}`);
          }
          await together(turn, 'power');
          const a = await d.request({ t: 'submit', orders });
          if (a.t !== 'ack') throw new Error(`${role} submit, turn ${turn}: ${why(a)}`);
          acked.push({ role, turn, kind: 'submit', value: orders, ms: a.ms });
          await d.until(() => d.room?.phase === 'ended' || d.room?.turn !== turn || d.room.stage !== 'orders', timeout, `${role} past the orders of turn ${turn}`);
        } else {
          if (opts.talk) {
            const power = [...c.roles].find(([, k]) => k === 'power')?.[0];
            const a = await d.request({ t: 'say', to: power === undefined ? { kind: 'all' } : { kind: 'team', role: power }, text: `${role} to ${power ?? 'everyone'} on turn ${turn}` });
            if (a.t !== 'ack') throw new Error(`${role} say: ${why(a)}`);
          }
          const choice = republicStance(c.scenario, turn, role);
          await together(turn, 'republic');
          const a = await d.request({ t: 'stance', choice });
          if (a.t !== 'ack') throw new Error(`${role} stance, turn ${turn}: ${why(a)}`);
          acked.push({ role, turn, kind: 'stance', value: choice, ms: a.ms });
          await d.until(() => d.room?.phase === 'ended' || d.room?.turn !== turn, timeout, `${role} past turn ${turn}`);
        }
      }
    }),
  );
  return acked;
}

export async function closeClassroom(c: Classroom): Promise<void> {
  await Promise.all([c.facilitator, c.projector, ...c.teams.values()].map((d) => d.close()));
}
