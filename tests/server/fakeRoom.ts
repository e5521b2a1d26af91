// A tiny room model with the signatures of src/classroom/room.ts, so the hub's own
// behaviour (group commit, ack after commit, routing, timers, restart) is tested apart from
// the real game's rules. Teams "submit" once each; the facilitator starts a timer; when it
// runs out an `expired` entry is due.
import type { Addressee, ClientMessage, Identity, ServerMessage } from '../../src/classroom/protocol';
import type { Audience, RoomModel } from '../../src/server/hub';

export interface FakeCreation {
  code: string;
  facilitator: string;
  teamCodes: { role: string; code: string }[];
}
export type FakeEntry = { at: number } & ({ k: 'submit'; role: string; n: number } | { k: 'timer'; endsAt: number } | { k: 'expired' } | { k: 'closed' } | { k: 'end' } | { k: 'say'; from: string; to: Addressee; text: string });
export interface FakeState {
  readonly creation: FakeCreation;
  readonly submitted: Map<string, number>;
  endsAt: number | null;
  expired: number;
  entries: number;
  closed: boolean;
  ended: boolean;
}

// Like room.ts, the fake folds entries in place: the hub must not rely on an older copy surviving.
const apply = (s: FakeState, e: FakeEntry): FakeState => {
  s.entries++;
  if (e.k === 'submit') s.submitted.set(e.role, e.n);
  if (e.k === 'timer') s.endsAt = e.endsAt;
  if (e.k === 'expired') {
    s.endsAt = null;
    s.expired++;
  }
  if (e.k === 'closed') s.closed = true;
  if (e.k === 'end') s.ended = true;
  return s;
};

const room = (s: FakeState, connected: ReadonlyMap<string, number>): ServerMessage =>
  ({ t: 'room', room: { code: s.creation.code, submitted: [...s.submitted.keys()], connected: [...connected], expired: s.expired } }) as unknown as ServerMessage;

export const fakeModel: RoomModel<FakeCreation, FakeState, FakeEntry> & { calls: { handle: number } } = {
  calls: { handle: 0 },
  createRoom: (c) => ({ creation: c, submitted: new Map(), endsAt: null, expired: 0, entries: 0, closed: false, ended: false }),
  applyEntry: apply,
  replayRoom: (c, log) => log.reduce(apply, fakeModel.createRoom(c)),
  identify(s, token): Identity | null {
    if (token === s.creation.facilitator) return { kind: 'facilitator' };
    if (token === s.creation.code) return { kind: 'projector' };
    const t = s.creation.teamCodes.find((x) => x.code === token);
    return t ? { kind: 'team', role: t.role } : null;
  },
  handleMessage(s, who, msg: ClientMessage, now) {
    fakeModel.calls.handle++;
    if (msg.t === 'submit') {
      if (who.kind !== 'team') return { ok: false, error: 'only a team submits' };
      if (s.submitted.has(who.role)) return { ok: false, error: 'already submitted' };
      return { ok: true, value: [{ at: now, k: 'submit', role: who.role, n: msg.orders.length }] };
    }
    if (msg.t === 'start') {
      if (who.kind !== 'facilitator') return { ok: false, error: 'only the facilitator starts' };
      return { ok: true, value: [{ at: now, k: 'timer', endsAt: now + 60 }] };
    }
    if (msg.t === 'say') {
      if (who.kind !== 'team') return { ok: false, error: 'only a team speaks' };
      return { ok: true, value: [{ at: now, k: 'say', from: who.role, to: msg.to, text: msg.text }] };
    }
    if (msg.t === 'withdraw') throw new Error('a bug in the model');
    if (msg.t === 'end') return who.kind === 'facilitator' ? { ok: true, value: [{ at: now, k: 'end' }] } : { ok: false, error: 'only the facilitator ends' };
    if (msg.t === 'draft') return { ok: true, value: [] };
    return { ok: false, error: `not here: ${msg.t}` };
  },
  // As in room.ts, a completed stage is due at once, not only a timer.
  dueEntries: (s, now) => (s.endsAt !== null && now >= s.endsAt ? [{ at: now, k: 'expired' }] : !s.closed && s.submitted.size === s.creation.teamCodes.length ? [{ at: now, k: 'closed' }] : []),
  nextWake: (s) => s.endsAt,
  outbox(s, entries, _now, connected) {
    const out: { to: Audience; msg: ServerMessage }[] = [{ to: { kind: 'all' }, msg: room(s, connected) }];
    for (const e of entries) {
      if (e.k === 'submit') out.push({ to: { kind: 'team', role: e.role }, msg: { t: 'team', team: { role: e.role, n: e.n } } as unknown as ServerMessage });
      if (e.k === 'say') {
        const message = { seq: 0, turn: 1, at: e.at, from: { kind: 'team', role: e.from } as const, to: e.to, text: e.text };
        const readers: Audience[] = [{ kind: 'team', role: e.from }, e.to.kind === 'team' ? { kind: 'team', role: e.to.role } : { kind: 'all' }, { kind: 'facilitator' }];
        for (const to of readers) out.push({ to, msg: { t: 'message', message } });
      }
    }
    return out;
  },
  welcome: (s, who, _now, connected) => ({ t: 'welcome', you: who, room: room(s, connected) }) as unknown as ServerMessage,
  exportRoom: (s) => ({ code: s.creation.code, entries: s.entries }),
  isFinished: (s) => s.ended,
  presence: (s, _now, connected) => [{ to: { kind: 'all' }, msg: room(s, connected) }],
};

export const creation = (code: string): FakeCreation => ({
  code,
  facilitator: `secret-${code}`,
  teamCodes: [
    { role: 'beijing', code: `B${code}` },
    { role: 'moscow', code: `M${code}` },
  ],
});
