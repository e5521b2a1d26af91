// Role ids are the scenario's words: a power may be called `facilitator` or `all`, a republic
// `constructor`. Messages tag their sender and addressee (the facilitator, everyone, a team),
// so such a role neither reads the facilitator's notes to other teams nor stands for everyone.
import { describe, expect, it } from 'vitest';
import type { ClientMessage, Identity } from '../../src/classroom/protocol';
import { parseClientMessage } from '../../src/classroom/protocol';
import type { LogEntry, RoomState } from '../../src/classroom/room';
import { applyEntry, createRoom, exportRoom, handleMessage, messagesFor, outbox, replayRoom } from '../../src/classroom/room';
import { classDebrief } from '../../src/classroom/classDebrief';
import type { Scenario } from '../../src/engine';
import { loadScenarioText, SAVE_VERSION } from '../../src/engine';
import { loadShipped } from '../engine/helpers';

/** classroom-short with Beijing renamed `facilitator`, Moscow `all` and Uzbekistan `constructor` (every reference too). */
function clashing(): Scenario {
  const text = JSON.stringify(loadShipped('classroom-short')).replaceAll('"beijing"', '"facilitator"').replaceAll('"moscow"', '"all"').replaceAll('"uzbekistan"', '"constructor"');
  const loaded = loadScenarioText(text);
  if (!loaded.ok) throw new Error(`the renamed scenario does not load: ${JSON.stringify(loaded.error)}`);
  return loaded.value;
}

const scenario = clashing();
const T0 = 1_700_000_000_000;
const FAC: Identity = { kind: 'facilitator' };
const team = (role: string): Identity => ({ kind: 'team', role });
type Msg = ClientMessage extends infer M ? (M extends unknown ? Omit<M, 'id'> : never) : never;

function room(): RoomState {
  const r = createRoom({
    code: 'CLASH1',
    facilitator: 'the-facilitators-secret',
    teamCodes: [
      { role: 'facilitator', code: 'TEAMF' },
      { role: 'all', code: 'TEAMA' },
      { role: 'constructor', code: 'TEAMC' },
    ],
    scenario,
    seed: 'clash',
    settings: { orderSeconds: 0, stanceSeconds: 0, missing: { kind: 'pass' } },
    at: T0,
    rules: SAVE_VERSION,
  });
  send(r, FAC, { t: 'seat', role: 'constructor', seat: { kind: 'team', name: 'Team 3' } });
  return r;
}

let clock = T0;
function send(r: RoomState, who: Identity, msg: Msg): LogEntry[] {
  const got = handleMessage(r, who, { id: 1, ...msg } as ClientMessage, (clock += 1000));
  if (!got.ok) throw new Error(got.error);
  for (const e of got.value) applyEntry(r, e);
  return got.value;
}
/** Who the outbox tells about the entries' message, as sorted labels ('team:<role>' or the audience's kind). */
const told = (r: RoomState, entries: LogEntry[]): string[] =>
  outbox(r, entries, clock, new Map())
    .filter((o) => o.msg.t === 'message')
    .map((o) => (o.to.kind === 'team' ? `team:${o.to.role}` : o.to.kind))
    .sort();
const texts = (r: RoomState, who: Identity): string[] => messagesFor(r, who).map((m) => m.text);

describe('roles named like the special parties of a message', () => {
  it('the scenario has powers `facilitator` and `all` and a contested republic `constructor`', () => {
    expect(scenario.powers.map((p) => p.id)).toEqual(['facilitator', 'all']);
    expect(room().roles.map((x) => x.id)).toContain('constructor');
  });

  it('the power `facilitator` reads none of the facilitator’s notes to other teams', () => {
    const r = room();
    const entries = send(r, FAC, { t: 'say', to: { kind: 'team', role: 'constructor' }, text: 'Constructor: a word in private.' });
    expect(told(r, entries)).toEqual(['facilitator', 'team:constructor']);
    expect(texts(r, team('constructor'))).toEqual(['Constructor: a word in private.']);
    expect(texts(r, team('facilitator'))).toEqual([]);
    expect(texts(r, team('all'))).toEqual([]);
  });

  it('a message to the team `all` is for that team only; a message to everyone is for every team', () => {
    const r = room();
    const toTeam = send(r, team('facilitator'), { t: 'say', to: { kind: 'team', role: 'all' }, text: 'To the team called all.' });
    expect(told(r, toTeam)).toEqual(['facilitator', 'team:all', 'team:facilitator']);
    expect(texts(r, team('constructor'))).toEqual([]);
    const toEveryone = send(r, team('constructor'), { t: 'say', to: { kind: 'all' }, text: 'To everyone.' });
    // Every role's team (a computer-seated role has no device to reach) and the facilitator; never the projector.
    expect(told(r, toEveryone)).toEqual(['facilitator', ...r.roles.map((x) => `team:${x.id}`)].sort());
    expect(texts(r, team('facilitator'))).toEqual(['To the team called all.', 'To everyone.']);
    expect(texts(r, team('all'))).toEqual(['To the team called all.', 'To everyone.']);
    expect(texts(r, team('constructor'))).toEqual(['To everyone.']);
  });

  it('a message from the power `facilitator` is from that team, not from the facilitator', () => {
    const r = room();
    send(r, FAC, { t: 'start' });
    send(r, team('facilitator'), { t: 'say', to: { kind: 'team', role: 'constructor' }, text: 'A railway?' });
    send(r, FAC, { t: 'say', to: { kind: 'team', role: 'constructor' }, text: 'Two minutes.' });
    expect(messagesFor(r, team('constructor')).map((m) => m.from)).toEqual([{ kind: 'team', role: 'facilitator' }, { kind: 'facilitator' }]);
    // The debrief names them apart too (its pages are made from the exported record): play turn 1 out (orders, then the team republic's stance).
    send(r, FAC, { t: 'resolve-now' });
    send(r, FAC, { t: 'resolve-now' });
    expect(r.reports).toHaveLength(1);
    send(r, FAC, { t: 'end' });
    const made = classDebrief(exportRoom(r));
    if (!made.ok) throw new Error(made.error);
    const said = made.value.turns.flatMap((t) => t.messages);
    const beijing = scenario.powers[0]?.name ?? '';
    expect(said.map((m) => [m.from, m.to])).toEqual([
      // Beijing's team kept its role's name: called once.
      [beijing, 'Uzbekistan'],
      ['The facilitator', 'Uzbekistan'],
    ]);
  });

  it('a team cannot write to itself, even when it is called `all`', () => {
    const r = room();
    const got = handleMessage(r, team('all'), { id: 1, t: 'say', to: { kind: 'team', role: 'all' }, text: 'hi' }, clock);
    expect(got).toEqual({ ok: false, error: 'a message to your own team is not sent' });
  });

  it('the bare words of the old protocol are not read as an addressee', () => {
    expect(parseClientMessage(JSON.stringify({ id: 1, t: 'say', to: 'all', text: 'hi' })).ok).toBe(false);
    expect(parseClientMessage(JSON.stringify({ id: 1, t: 'say', to: { kind: 'team', role: 'all' }, text: 'hi' })).ok).toBe(true);
  });

  it('a log written before messages were tagged replays as it was meant', () => {
    const r = room();
    // Old logs held bare words: `facilitator` the facilitator, `all` everyone, any other word a role.
    const legacy = [
      { at: T0 + 1, k: 'say', from: 'facilitator', to: 'all', text: 'Five minutes.' },
      { at: T0 + 2, k: 'say', from: 'constructor', to: 'facilitator', text: 'Help?' },
    ] as unknown as LogEntry[];
    const again = replayRoom(r.creation, [...r.log, ...legacy]);
    expect(again.messages.map((m) => [m.from, m.to])).toEqual([
      [{ kind: 'facilitator' }, { kind: 'all' }],
      [{ kind: 'team', role: 'constructor' }, { kind: 'team', role: 'facilitator' }],
    ]);
  });
});
