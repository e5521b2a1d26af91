// A classroom server in memory for the client's tests: the real room model (room.ts) behind
// fake sockets, with a hand-turned clock. Frames queue in both directions until `flush`, as a
// network would, so a client never sees an answer inside its own send.
import type { Identity } from '../../src/classroom/protocol';
import { parseClientMessage } from '../../src/classroom/protocol';
import type { RoomState } from '../../src/classroom/room';
import { applyEntry, createRoom, handleMessage, identify, outbox, settleDue, welcome } from '../../src/classroom/room';
import type { Clock, SocketLike } from '../../src/ui/classroom/connection';
import type { Scenario } from '../../src/engine';
import { SAVE_VERSION } from '../../src/engine';

export class FakeSocket implements SocketLike {
  readyState = 0;
  onopen: ((e: unknown) => void) | null = null;
  onmessage: ((e: { data: unknown }) => void) | null = null;
  onclose: ((e: unknown) => void) | null = null;
  onerror: ((e: unknown) => void) | null = null;
  /** Frames the client sent, as text. */
  readonly sent: string[] = [];
  closedByClient = false;
  constructor(readonly url: string) {}
  send(data: string): void {
    if (this.readyState !== 1) throw new Error('send on a socket that is not open');
    this.sent.push(data);
  }
  close(): void {
    this.closedByClient = true;
    this.readyState = 3;
  }
  /** The server's side. */
  open(): void {
    this.readyState = 1;
    this.onopen?.({});
  }
  deliver(frame: string): void {
    this.onmessage?.({ data: frame });
  }
  drop(): void {
    this.readyState = 3;
    this.onclose?.({});
  }
}

/** A clock whose timers run when `advance` passes them. */
export class HandClock implements Clock {
  t = 1_700_000_000_000;
  private timers: { at: number; f: () => void; id: number }[] = [];
  private next = 1;
  now(): number {
    return this.t;
  }
  setTimeout(f: () => void, ms: number): unknown {
    const id = this.next++;
    this.timers.push({ at: this.t + ms, f, id });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.timers = this.timers.filter((x) => x.id !== handle);
  }
  advance(ms: number): void {
    const end = this.t + ms;
    for (;;) {
      const due = this.timers.filter((x) => x.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.timers = this.timers.filter((x) => x !== due);
      this.t = due.at;
      due.f();
    }
    this.t = end;
  }
  pending(): number {
    return this.timers.length;
  }
}

interface Conn {
  socket: FakeSocket;
  who: Identity | null;
  /** How many of the socket's sent frames the server has read. */
  read: number;
}

export class FakeClassroom {
  readonly room: RoomState;
  private conns: Conn[] = [];
  private outgoing: { socket: FakeSocket; frame: string }[] = [];
  constructor(
    scenario: Scenario,
    readonly clock: HandClock,
  ) {
    this.room = createRoom({
      code: 'KX4TP',
      facilitator: 'facilitator-secret',
      teamCodes: scenario.countries.filter((c) => c.role === 'contested').map((c, i) => ({ role: c.id, code: `REP${i}` })).concat(scenario.powers.map((p, i) => ({ role: p.id, code: `TEAM${i}` }))),
      scenario,
      seed: 'client-test',
      settings: { orderSeconds: 120, stanceSeconds: 60, missing: { kind: 'pass' } },
      at: clock.now(),
      rules: SAVE_VERSION,
    });
  }
  /** What `new WebSocket` would make: a socket this server accepts. */
  readonly factory = (url: string): FakeSocket => {
    const socket = new FakeSocket(url);
    this.conns.push({ socket, who: null, read: 0 });
    return socket;
  };
  sockets(): FakeSocket[] {
    return this.conns.map((c) => c.socket);
  }
  private connected(): Map<string, number> {
    const m = new Map<string, number>();
    for (const c of this.conns) if (c.who?.kind === 'team' && c.socket.readyState === 1) m.set(c.who.role, (m.get(c.who.role) ?? 0) + 1);
    return m;
  }
  private push(socket: FakeSocket, msg: unknown): void {
    this.outgoing.push({ socket, frame: JSON.stringify(msg) });
  }
  /** Accepts every socket that is waiting, reads what clients sent, delivers what the server sent; until nothing moves. */
  flush(): void {
    for (let round = 0; round < 50; round++) {
      let moved = false;
      for (const c of this.conns) {
        if (c.socket.readyState === 0) {
          c.socket.open();
          moved = true;
        }
        while (c.socket.readyState === 1 && c.read < c.socket.sent.length) {
          this.receive(c, c.socket.sent[c.read++] as string);
          moved = true;
        }
      }
      const out = this.outgoing;
      this.outgoing = [];
      for (const o of out) if (o.socket.readyState === 1) o.socket.deliver(o.frame);
      if (!moved && out.length === 0) return;
    }
    throw new Error('the fake classroom never settled');
  }
  private receive(c: Conn, frame: string): void {
    const now = this.clock.now();
    const parsed = parseClientMessage(frame);
    if (!parsed.ok) return this.push(c.socket, { t: 'refused', id: parsed.id, reason: parsed.error });
    const msg = parsed.value;
    if (msg.t === 'hello') {
      const who = identify(this.room, msg.token);
      if (!who) return this.push(c.socket, { t: 'refused', id: msg.id, reason: 'no room has this code' });
      c.who = who;
      return this.push(c.socket, welcome(this.room, who, now, this.connected()));
    }
    if (!c.who) return this.push(c.socket, { t: 'refused', id: msg.id, reason: 'say hello first' });
    if (msg.t === 'ping') return this.push(c.socket, { t: 'pong', id: msg.id, serverNow: now });
    const got = handleMessage(this.room, c.who, msg, now);
    if (!got.ok) return this.push(c.socket, { t: 'refused', id: msg.id, reason: got.error });
    const entries = [...got.value];
    for (const e of got.value) applyEntry(this.room, e);
    entries.push(...settleDue(this.room, now));
    // As the real hub does: the ack first, then what the entries tell the room.
    this.push(c.socket, { t: 'ack', id: msg.id });
    this.route(entries);
  }
  private route(entries: Parameters<typeof outbox>[1]): void {
    for (const o of outbox(this.room, entries, this.clock.now(), this.connected())) {
      for (const c of this.conns) {
        if (!c.who || c.socket.readyState !== 1) continue;
        const to = o.to;
        const match = to.kind === 'all' || (to.kind === c.who.kind && (to.kind !== 'team' || (c.who.kind === 'team' && c.who.role === to.role)));
        if (match) this.push(c.socket, o.msg);
      }
    }
  }
}
