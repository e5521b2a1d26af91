// Drives a room model through messages and the clock the way the server does (src/server/hub.ts):
// a message's entries are folded in once each (the hub's `enqueue`), then what they cause (a
// stage closing when every team is in or the timer ran out, the computer players' decisions)
// is settled by the model's own `settleDue`, which folds in the entries it returns itself, as
// the hub folds each `dueEntries` and `decided` entry once. The tests' own helpers differed
// there, and one folded settleDue's entries a second time (a closing stage applied twice), so
// every send checks that the room's log ends with each of its entries exactly once.
import type { ClientMessage, Identity } from '../../src/classroom/protocol';
import type { LogEntry, RoomCreation, RoomState } from '../../src/classroom/room';
import { applyEntry, createRoom, handleMessage, settleDue } from '../../src/classroom/room';
import type { Scenario } from '../../src/engine';
import { SAVE_VERSION } from '../../src/engine';

/** A client message without its id (distributed over the union, so each kind keeps its own fields). */
export type Msg = ClientMessage extends infer M ? (M extends unknown ? Omit<M, 'id'> : never) : never;

export const FAC: Identity = { kind: 'facilitator' };
export const PROJ: Identity = { kind: 'projector' };
export const team = (role: string): Identity => ({ kind: 'team', role });

/** A room of `scenario` (its powers played by teams, the republics by the rule of thumb) made at `at`; `over` changes any part of its creation. */
export function classroomRoom(scenario: Scenario, at: number, over: Partial<RoomCreation> = {}): RoomState {
  return createRoom({
    code: 'KX4TP',
    facilitator: 'secret-facilitator-token',
    teamCodes: scenario.powers.map((p, i) => ({ role: p.id, code: `TEAM0${i}` })),
    scenario,
    seed: 'room-driver',
    settings: { orderSeconds: 0, stanceSeconds: 0, missing: { kind: 'pass' } },
    at,
    rules: SAVE_VERSION,
    ...over,
  });
}

/** `who` sends `msg` at `now`: the entries it and what it causes add to the room's log, in order; throws if the room refuses it. */
export function deliver(room: RoomState, who: Identity, msg: Msg, now: number): LogEntry[] {
  const got = handleMessage(room, who, { id: 1, ...msg } as ClientMessage, now);
  if (!got.ok) throw new Error(got.error);
  for (const e of got.value) applyEntry(room, e);
  return logged(room, [...got.value, ...settleDue(room, now)]);
}

/** What falls due at `now` (a timer running out, a grace period ending), folded in. */
export const settleAt = (room: RoomState, now: number): LogEntry[] => logged(room, settleDue(room, now));

/** Why the room refuses `msg` from `who` at `now` ('accepted' if it would not). Nothing is applied. */
export function refusalOf(room: RoomState, who: Identity, msg: Msg, now: number): string {
  const got = handleMessage(room, who, { id: 1, ...msg } as ClientMessage, now);
  return got.ok ? 'accepted' : got.error;
}

/** The entries, checked to be the log's last, each once: what the server would have stored. */
function logged(room: RoomState, entries: LogEntry[]): LogEntry[] {
  const tail = room.log.slice(room.log.length - entries.length);
  if (tail.length !== entries.length || tail.some((e, i) => e !== entries[i])) throw new Error(`the room's log does not end with the ${entries.length} entries just folded in, each once`);
  return entries;
}

/** A room and its clock: each message comes a second after the last; `wait` moves the clock on. */
export class RoomDriver {
  clock: number;
  constructor(
    readonly room: RoomState,
    clock = room.creation.at,
  ) {
    this.clock = clock;
  }

  send(who: Identity, msg: Msg, now = (this.clock += 1000)): LogEntry[] {
    this.clock = Math.max(this.clock, now);
    return deliver(this.room, who, msg, now);
  }

  refusal(who: Identity, msg: Msg): string {
    return refusalOf(this.room, who, msg, this.clock);
  }

  wait(ms: number): LogEntry[] {
    this.clock += ms;
    return settleAt(this.room, this.clock);
  }
}
