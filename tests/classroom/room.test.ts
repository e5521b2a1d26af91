// The classroom room model: who may do what and when, the timer and the missing-orders
// policies, the stance stage, and the log that rebuilds a room exactly.
import { describe, expect, it } from 'vitest';
import type { Identity, RoomSettings } from '../../src/classroom/protocol';
import type { LogEntry, RoomState } from '../../src/classroom/room';
import { applyEntry, createRoom, dueEntries, exportRoom, gameSnapshot, identify, messagesFor, outbox, publicRoom, replayRoom, settleDue, teamPrivate, welcome } from '../../src/classroom/room';
import { loadSave, SAVE_VERSION, stateHash, viewFor } from '../../src/engine';
import { greedyPlayer } from '../../src/ai/greedy';
import { loadShipped } from '../engine/helpers';
import type { Msg } from './roomDriver';
import { FAC, PROJ, deliver, refusalOf, team } from './roomDriver';

const scenario = loadShipped('classroom-short');
const T0 = 1_700_000_000_000;
const settings = (over: Partial<RoomSettings> = {}): RoomSettings => ({ orderSeconds: 60, stanceSeconds: 30, missing: { kind: 'pass' }, ...over });

function room(over: Partial<RoomSettings> = {}, sc = scenario): RoomState {
  return createRoom({ code: 'KX4TP', facilitator: 'secret-facilitator-token', teamCodes: [...sc.powers.map((p, i) => ({ role: p.id, code: `TEAM0${i}` })), { role: 'uzbekistan', code: 'UZBEK1' }], scenario: sc, seed: 'room-test', settings: settings(over), at: T0, rules: SAVE_VERSION });
}

let clock = T0;
/** Sends a message as `who`, applies what it causes and what then falls due, as the server does; throws if refused. */
const send = (r: RoomState, who: Identity, msg: Msg, now = (clock += 1000)): LogEntry[] => deliver(r, who, msg, now);
const refusal = (r: RoomState, who: Identity, msg: Msg): string => refusalOf(r, who, msg, clock);
const greedy = (r: RoomState, power: string) => greedyPlayer().decide(scenario, viewFor(scenario, r.record.state, power));
const [BEIJING, MOSCOW] = scenario.powers.map((p) => p.id) as [string, string];

describe('who a token opens', () => {
  it.each([
    { token: 'secret-facilitator-token', who: FAC },
    { token: 'KX4TP', who: PROJ },
    { token: ' kx4tp ', who: PROJ },
    { token: 'team00', who: team(BEIJING) },
    { token: 'UZBEK1', who: team('uzbekistan') },
    { token: 'SECRET-FACILITATOR-TOKEN', who: null },
    { token: 'nope', who: null },
  ])('$token', ({ token, who }) => {
    expect(identify(room(), token)).toEqual(who);
  });
});

describe('who may do what', () => {
  it.each([
    { name: 'a team cannot start the game', who: team(BEIJING), msg: { t: 'start' }, reason: 'only the facilitator can do that' },
    { name: 'the projector cannot give orders', who: PROJ, msg: { t: 'submit', orders: [] }, reason: 'only a team can do that' },
    { name: 'the facilitator cannot give orders', who: FAC, msg: { t: 'draft', orders: [] }, reason: 'only a team can do that' },
    { name: 'no orders before the start', who: team(BEIJING), msg: { t: 'submit', orders: [] }, reason: 'the game has not started yet' },
    { name: 'no resolving before the start', who: FAC, msg: { t: 'resolve-now' }, reason: 'the game is not being played' },
    { name: 'a message to no such team', who: team(BEIJING), msg: { t: 'say', to: { kind: 'team', role: 'constructor' }, text: 'hi' }, reason: 'there is no team "constructor" in this room' },
    { name: 'a computer seat that does not exist', who: FAC, msg: { t: 'seat', role: MOSCOW, seat: { kind: 'computer', player: 'oracle' } }, reason: 'unknown player "oracle"' },
    { name: 'a seat for no such role', who: FAC, msg: { t: 'seat', role: '__proto__', seat: { kind: 'computer', player: 'greedy' } }, reason: 'there is no role "__proto__" in this scenario' },
    { name: 'two teams of one name', who: FAC, msg: { t: 'seat', role: MOSCOW, seat: { kind: 'team', name: scenario.powers[0]!.name.toUpperCase() } }, reason: 'another team is already called' },
  ])('$name', ({ who, msg, reason }) => {
    expect(refusal(room(), who, msg as Msg)).toContain(reason);
  });

  it('a republic gives no orders, a power takes no stance, and stances wait for the orders', () => {
    const r = room();
    send(r, FAC, { t: 'seat', role: 'uzbekistan', seat: { kind: 'team', name: 'Team 3' } });
    send(r, FAC, { t: 'start' });
    expect(refusal(r, team('uzbekistan'), { t: 'submit', orders: [] })).toBe('a republic takes a stance; it gives no orders');
    expect(refusal(r, team(BEIJING), { t: 'stance', choice: { kind: 'hedge' } })).toBe('only a republic takes a stance');
    expect(refusal(r, team('uzbekistan'), { t: 'stance', choice: { kind: 'hedge' } })).toBe('the republics decide once the powers have given their orders');
  });

  it('an illegal order is refused with the engine’s reason, and submitted orders are locked until withdrawn', () => {
    const r = room();
    send(r, FAC, { t: 'start' });
    expect(refusal(r, team(BEIJING), { t: 'submit', orders: [{ type: 'project', project: 'no-such-project' }] })).toMatch(/^order 1: /);
    send(r, team(BEIJING), { t: 'submit', orders: greedy(r, BEIJING) });
    expect(refusal(r, team(BEIJING), { t: 'draft', orders: [] })).toContain('withdraw them first');
    send(r, team(BEIJING), { t: 'withdraw' });
    expect(teamPrivate(r, BEIJING).submitted).toBeNull();
    send(r, team(BEIJING), { t: 'draft', orders: [] });
  });
});

describe('a turn', () => {
  it('closes when every team power has submitted; nobody sees another team’s orders before', () => {
    const r = room();
    send(r, FAC, { t: 'start' });
    const orders = greedy(r, BEIJING);
    const entries = send(r, team(BEIJING), { t: 'submit', orders });
    expect(entries.map((e) => e.k)).toEqual(['submit']);
    const out = outbox(r, entries, clock, new Map());
    const seen = (who: string) => out.filter((o) => o.to.kind === 'all' || (o.to.kind === 'team' && o.to.role === who)).map((o) => JSON.stringify(o.msg));
    expect(seen(MOSCOW).some((m) => m.includes('"submitted":[') || m.includes(JSON.stringify(orders[0])))).toBe(false);
    expect(publicRoom(r, clock, new Map(), 'class').roles.find((x) => x.role === BEIJING)?.submitted).toBe(true);
    const closing = send(r, team(MOSCOW), { t: 'submit', orders: greedy(r, MOSCOW) });
    expect(closing.map((e) => e.k)).toEqual(['submit', 'close-orders']);
    expect(r.record.state.turn).toBe(2);
    // Every device gets the new board with only the report it has not had.
    send(r, team(BEIJING), { t: 'submit', orders: [] });
    const second = send(r, team(MOSCOW), { t: 'submit', orders: [] });
    const boards = outbox(r, second, clock, new Map()).flatMap((o) => (o.msg.t === 'game' ? [o.msg] : []));
    expect(boards).toHaveLength(2 + r.roles.length);
    for (const b of boards) expect([b.from, b.reports.map((x) => x.turn), b.version, b.board.kind]).toEqual([1, [2], 2, 'patch']);
    expect(r.reports[0]?.orders[BEIJING]).toEqual(orders);
  });

  it('under "pass" a team that did not submit gives its draft, or nothing', () => {
    const r = room({ orderSeconds: 60 });
    send(r, FAC, { t: 'start' }, T0);
    const draft = greedy(r, BEIJING);
    send(r, team(BEIJING), { t: 'draft', orders: draft }, T0 + 1000);
    expect(dueEntries(r, T0 + 59_999)).toEqual([]);
    const due = dueEntries(r, T0 + 60_000);
    expect(due.map((e) => e.k)).toEqual(['close-orders']);
    applyEntry(r, due[0]!);
    expect(r.reports[0]?.orders[BEIJING]).toEqual(draft);
    expect(r.reports[0]?.orders[MOSCOW]).toEqual([]);
  });

  it('under "computer fills in" the timer gives a grace period, then the computer gives the missing orders', () => {
    const r = room({ orderSeconds: 60, missing: { kind: 'computer', player: 'greedy', graceSeconds: 20 } });
    send(r, FAC, { t: 'start' }, T0);
    const grace = dueEntries(r, T0 + 60_000);
    expect(grace.map((e) => e.k)).toEqual(['grace']);
    applyEntry(r, grace[0]!);
    expect(r.timer).toEqual({ kind: 'running', endsAt: T0 + 80_000, grace: true });
    expect(dueEntries(r, T0 + 79_999)).toEqual([]);
    const expected = greedy(r, MOSCOW);
    // The stage begins to close and asks for both powers' computer player; their answers are logged before the turn resolves.
    const closing = dueEntries(r, T0 + 80_000);
    expect(closing).toEqual([{ at: T0 + 80_000, k: 'closing', computers: scenario.powers.map((p) => ({ role: p.id, player: 'greedy' })) }]);
    applyEntry(r, closing[0]!);
    expect(refusal(r, team(BEIJING), { t: 'submit', orders: [] })).toBe('the computer players are deciding: the turn moves on in a moment');
    expect(settleDue(r, T0 + 80_001).map((e) => e.k)).toEqual(['computer-orders', 'computer-orders', 'close-orders']);
    expect(r.reports[0]?.orders[MOSCOW]).toEqual(expected);
    expect(expected.length).toBeGreaterThan(0);
  });

  it('under "computer fills in" a team’s unsent draft still counts first; the computer fills in only for a team with none (the set-up says so)', () => {
    const r = room({ orderSeconds: 60, missing: { kind: 'computer', player: 'greedy', graceSeconds: 0 } });
    send(r, FAC, { t: 'start' }, T0);
    // A draft the computer would not give: one order where greedy gives several.
    const computer = greedy(r, BEIJING);
    const draft = computer.slice(0, 1);
    expect(computer.length).toBeGreaterThan(1);
    const moscow = greedy(r, MOSCOW);
    send(r, team(BEIJING), { t: 'draft', orders: draft }, T0 + 1000);
    settleDue(r, T0 + 60_000);
    expect(r.reports[0]?.orders[BEIJING]).toEqual(draft);
    expect(r.reports[0]?.orders[MOSCOW]).toEqual(moscow);
    expect(moscow.length).toBeGreaterThan(0);
  });

  it('a power’s team that missed the deadline is told in the stance stage what its power gives and why: its draft, the computer, or nothing', () => {
    // In the role-play Moscow's team, which never submitted, read only "Orders are in".
    const r = room({ orderSeconds: 60, missing: { kind: 'computer', player: 'greedy', graceSeconds: 0 } });
    send(r, FAC, { t: 'seat', role: 'uzbekistan', seat: { kind: 'team', name: 'Team 3' } });
    send(r, FAC, { t: 'start' }, T0);
    const draft = greedy(r, BEIJING).slice(0, 1);
    const computer = greedy(r, MOSCOW);
    send(r, team(BEIJING), { t: 'draft', orders: draft }, T0 + 1000);
    expect(teamPrivate(r, BEIJING).missed).toBeNull();
    settleDue(r, T0 + 60_000);
    expect(r.stage).toBe('stances');
    expect(teamPrivate(r, BEIJING).missed).toEqual({ by: 'draft', orders: draft });
    expect(teamPrivate(r, MOSCOW).missed).toEqual({ by: 'computer', orders: computer });
    expect(computer.length).toBeGreaterThan(0);
    // A republic, and a power that submitted, missed nothing.
    expect(teamPrivate(r, 'uzbekistan').missed).toBeNull();
    // Under "pass" a team with no draft gives nothing; one that submitted is not "missed".
    const p = room({ orderSeconds: 60 });
    send(p, FAC, { t: 'seat', role: 'uzbekistan', seat: { kind: 'team', name: 'Team 3' } });
    send(p, FAC, { t: 'start' }, T0);
    send(p, team(BEIJING), { t: 'submit', orders: draft }, T0 + 1000);
    settleDue(p, T0 + 60_000);
    expect(p.stage).toBe('stances');
    expect(teamPrivate(p, BEIJING).missed).toBeNull();
    expect(teamPrivate(p, MOSCOW).missed).toEqual({ by: 'none', orders: [] });
    // The next turn's orders stage asks again: nothing is missed yet.
    send(p, team('uzbekistan'), { t: 'stance', choice: { kind: 'hedge' } }, T0 + 61_000);
    expect(p.stage).toBe('orders');
    expect(teamPrivate(p, MOSCOW).missed).toBeNull();
  });

  it('pause, resume and extend move the deadline as a teacher expects', () => {
    const r = room({ orderSeconds: 60 });
    send(r, FAC, { t: 'start' }, T0);
    send(r, FAC, { t: 'pause' }, T0 + 10_000);
    expect(r.timer).toEqual({ kind: 'paused', leftMs: 50_000, grace: false });
    expect(dueEntries(r, T0 + 999_999)).toEqual([]);
    send(r, FAC, { t: 'extend', seconds: 60 }, T0 + 20_000);
    send(r, FAC, { t: 'resume' }, T0 + 100_000);
    expect(r.timer).toEqual({ kind: 'running', endsAt: T0 + 210_000, grace: false });
    expect(refusal(r, FAC, { t: 'resume' })).toBe('the timer is not paused');
  });

  it('republic teams see what each patron offers (not the orders), choose a stance, and the rule of thumb fills in for a silent one', () => {
    const r = room({ orderSeconds: 0, stanceSeconds: 30 });
    send(r, FAC, { t: 'seat', role: 'uzbekistan', seat: { kind: 'team', name: 'Team 3' } });
    send(r, FAC, { t: 'start' });
    send(r, team(BEIJING), { t: 'submit', orders: greedy(r, BEIJING) });
    const closed = send(r, team(MOSCOW), { t: 'submit', orders: greedy(r, MOSCOW) });
    expect(r.stage).toBe('stances');
    // The board has not changed yet: no device is sent it again, but the republic learns its offers.
    const told = outbox(r, closed, clock, new Map());
    expect(told.some((o) => o.msg.t === 'game')).toBe(false);
    expect(told.some((o) => o.to.kind === 'team' && o.to.role === 'uzbekistan' && o.msg.t === 'team' && o.msg.team.offers !== null)).toBe(true);
    const mine = teamPrivate(r, 'uzbekistan');
    expect(Object.keys(mine.offers ?? {}).sort()).toEqual([BEIJING, MOSCOW].sort());
    expect(JSON.stringify(mine)).not.toContain('"type"');
    expect(refusal(r, team('uzbekistan'), { t: 'stance', choice: { kind: 'lean', power: 'nobody' } })).toContain('not a stance');
    const done = send(r, team('uzbekistan'), { t: 'stance', choice: { kind: 'lean', power: MOSCOW } });
    expect(done.map((e) => e.k)).toEqual(['stance', 'close-stances']);
    expect(r.reports[0]?.republics.find((x) => x.country === 'uzbekistan')?.choice).toEqual({ kind: 'lean', power: MOSCOW });
    // Next turn nobody answers for Uzbekistan: the rule of thumb does, when the stance timer runs out.
    send(r, team(BEIJING), { t: 'submit', orders: [] });
    send(r, team(MOSCOW), { t: 'submit', orders: [] });
    const due = dueEntries(r, clock + 30_000);
    expect(due.map((e) => e.k)).toEqual(['close-stances']);
    applyEntry(r, due[0]!);
    expect(r.record.state.turn).toBe(3);
  });

  it('an injected event fires as the turn resolves, once, and everyone reads it in the news', () => {
    const r = room();
    send(r, FAC, { t: 'start' });
    const event = scenario.events.find((e) => !e.repeatable)!;
    send(r, FAC, { t: 'inject-event', event: event.id });
    expect(refusal(r, FAC, { t: 'inject-event', event: event.id })).toContain('fired by hand twice');
    expect(publicRoom(r, clock, new Map(), 'class').news.at(-1)).toMatchObject({ kind: 'event', event: event.id });
    send(r, FAC, { t: 'resolve-now' });
    expect(r.reports[0]?.events.find((e) => e.id === event.id)?.injected).toBe(true);
    expect(refusal(r, FAC, { t: 'inject-event', event: event.id })).toContain('has already happened');
  });

  it('a renamed team is named to the facilitator and to itself only: the class is sent one room, with no team names', () => {
    const r = room();
    const renamed = send(r, FAC, { t: 'seat', role: 'uzbekistan', seat: { kind: 'team', name: 'Team 3' } });
    const entries = [...renamed, ...send(r, FAC, { t: 'seat', role: MOSCOW, seat: { kind: 'team', name: 'Red Square' } })];
    const out = outbox(r, entries, clock, new Map([['uzbekistan', 1]]));
    const rooms = out.filter((o) => o.msg.t === 'room');
    // Two variants: the facilitator's, and one object for the projector and every role's team (serialised and compressed once for them all).
    expect(rooms.map((o) => (o.to.kind === 'team' ? o.to.role : o.to.kind)).sort()).toEqual(['facilitator', 'projector', ...r.roles.map((x) => x.id)].sort());
    expect(new Set(rooms.map((o) => o.msg)).size).toBe(2);
    const seatsIn = (who: string): unknown[] => {
      const m = rooms.find((o) => (o.to.kind === 'team' ? o.to.role : o.to.kind) === who)?.msg;
      return m?.t === 'room' ? m.room.roles.map((x) => x.seat) : [];
    };
    const teamSeats = (who: string): [string, unknown][] => r.roles.flatMap((x, i) => ((seatsIn(who)[i] as { kind: string } | undefined)?.kind === 'team' ? [[x.id, seatsIn(who)[i]]] : []));
    expect(teamSeats('facilitator')).toEqual([[BEIJING, { kind: 'team', name: 'Beijing' }], [MOSCOW, { kind: 'team', name: 'Red Square' }], ['uzbekistan', { kind: 'team', name: 'Team 3' }]]);
    for (const who of ['projector', BEIJING, MOSCOW, 'uzbekistan']) expect(teamSeats(who), who).toEqual([BEIJING, MOSCOW, 'uzbekistan'].map((role) => [role, { kind: 'team', name: null }]));
    // Each renamed team is told its own name, privately.
    const told = out.flatMap((o) => (o.msg.t === 'team' && o.to.kind === 'team' ? [[o.to.role, o.msg.team.role, o.msg.team.name]] : []));
    expect(told).toEqual([['uzbekistan', 'uzbekistan', 'Team 3'], [MOSCOW, MOSCOW, 'Red Square']]);
    // A welcome likewise: the facilitator's with the names, anyone else's without another team's.
    const text = (who: Identity): string => JSON.stringify(welcome(r, who, clock, new Map()));
    expect(text(FAC)).toContain('Red Square');
    expect(text(FAC)).toContain('Team 3');
    for (const who of [PROJ, team(BEIJING), team('uzbekistan')]) expect(text(who)).not.toContain('Red Square');
    for (const who of [PROJ, team(BEIJING), team(MOSCOW)]) expect(text(who)).not.toContain('Team 3');
    expect(text(team('uzbekistan'))).toContain('Team 3');
    // The record, the facilitator's, keeps them.
    expect(exportRoom(r).seats.map((x) => x.seat)).toEqual(seatsIn('facilitator'));
  });

  it('messages reach the sender, the addressee and the facilitator only', () => {
    const r = room();
    send(r, FAC, { t: 'seat', role: 'uzbekistan', seat: { kind: 'team', name: 'Team 3' } });
    const entries = send(r, team(BEIJING), { t: 'say', to: { kind: 'team', role: 'uzbekistan' }, text: 'A railway for your cotton?' });
    const out = outbox(r, entries, clock, new Map());
    const to = out.map((o) => (o.to.kind === 'team' ? o.to.role : o.to.kind)).sort();
    expect(to).toEqual([BEIJING, 'facilitator', 'uzbekistan'].sort());
    expect(messagesFor(r, team(MOSCOW))).toEqual([]);
    expect(messagesFor(r, PROJ)).toEqual([]);
    expect(messagesFor(r, FAC)).toHaveLength(1);
  });

  it('the facilitator writes to one team: only that team (and the facilitator) reads it; or to every team', () => {
    const r = room();
    const entries = send(r, FAC, { t: 'say', to: { kind: 'team', role: MOSCOW }, text: '  Moscow: remember your budget.  ' });
    expect(entries).toEqual([{ at: clock, k: 'say', from: { kind: 'facilitator' }, to: { kind: 'team', role: MOSCOW }, text: 'Moscow: remember your budget.' }]);
    const out = outbox(r, entries, clock, new Map());
    expect(out.map((o) => (o.to.kind === 'team' ? o.to.role : o.to.kind)).sort()).toEqual(['facilitator', MOSCOW].sort());
    expect(messagesFor(r, team(MOSCOW)).map((m) => [m.from, m.text])).toEqual([[{ kind: 'facilitator' }, 'Moscow: remember your budget.']]);
    expect(messagesFor(r, team(BEIJING))).toEqual([]);
    expect(messagesFor(r, PROJ)).toEqual([]);
    send(r, FAC, { t: 'say', to: { kind: 'all' }, text: 'Five minutes left.' });
    expect(messagesFor(r, team(BEIJING)).map((m) => m.text)).toEqual(['Five minutes left.']);
    // Not to a role the computer plays, nor to nobody; the projector may not write at all.
    expect(refusal(r, FAC, { t: 'say', to: { kind: 'team', role: 'uzbekistan' }, text: 'hi' })).toBe('a computer reads no messages: that role is not played by a team');
    expect(refusal(r, FAC, { t: 'say', to: { kind: 'team', role: '__proto__' }, text: 'hi' })).toBe('there is no team "__proto__" in this room');
    expect(refusal(r, FAC, { t: 'say', to: { kind: 'team', role: MOSCOW }, text: '   ' })).toBe('the message is empty');
    expect(refusal(r, PROJ, { t: 'say', to: { kind: 'team', role: MOSCOW }, text: 'hi' })).toBe('only a team or the facilitator can send a message');
  });

  it('the projector, the republics and the rival see no power’s secret track', () => {
    // classroom-short has no secret track: one of Moscow's is made secret here.
    const sc = structuredClone(scenario);
    const track = sc.powers[1]!.tracks[0]!;
    track.secret = true;
    const r = room({}, sc);
    for (const who of [PROJ, FAC, team('uzbekistan'), team(BEIJING)]) expect(gameSnapshot(r, who).view.powers[MOSCOW]?.tracks[track.id]).toBeUndefined();
    expect(gameSnapshot(r, team(MOSCOW)).view.powers[MOSCOW]?.tracks[track.id]).toBeDefined();
  });
});

describe('a whole game', () => {
  it('plays to the end, and its log rebuilds the room and its export replays offline to the same state', () => {
    const r = room({ orderSeconds: 0 });
    send(r, FAC, { t: 'seat', role: MOSCOW, seat: { kind: 'computer', player: 'greedy' } });
    send(r, FAC, { t: 'start' });
    send(r, FAC, { t: 'news', text: 'Heavy snow closes the Torugart pass.' });
    let guard = 0;
    while (r.phase === 'playing' && guard++ < 100) send(r, team(BEIJING), { t: 'submit', orders: greedy(r, BEIJING) });
    expect(r.phase).toBe('ended');
    expect(r.result).not.toBeNull();
    const rebuilt = replayRoom(r.creation, JSON.parse(JSON.stringify(r.log)) as LogEntry[]);
    expect(stateHash(rebuilt.record.state)).toBe(stateHash(r.record.state));
    expect(publicRoom(rebuilt, clock, new Map(), 'facilitator')).toEqual(publicRoom(r, clock, new Map(), 'facilitator'));
    const exported = exportRoom(r);
    expect(JSON.stringify(exported)).not.toContain('secret-facilitator-token');
    expect(JSON.stringify(exported)).not.toContain('TEAM00');
    const replay = loadSave(JSON.stringify(exported.game));
    expect(replay.ok && stateHash(replay.value.record.state)).toBe(stateHash(r.record.state));
  });

  it('a room of the earlier rules (events drawn during resolution) is refused when rebuilt, and so is its exported game, saying why', () => {
    const r = room();
    send(r, FAC, { t: 'start' });
    const { rules: _rules, ...old } = r.creation;
    expect(() => replayRoom(old as typeof r.creation, r.log)).toThrow(/^room KX4TP was made under the rules of an earlier version: events were drawn during resolution.*played anew$/);
    const game = { ...exportRoom(r).game, version: 1 };
    expect(loadSave(JSON.stringify(game))).toEqual({ ok: false, error: expect.stringMatching(/^this save was made under the rules of an earlier version/) as unknown });
  });

  it('the facilitator may end it early: the points leader is named', () => {
    const r = room();
    send(r, FAC, { t: 'start' });
    send(r, FAC, { t: 'end' });
    expect(r.phase).toBe('ended');
    expect(r.result?.reason).toBe(`The facilitator ended the game before turn 1 of ${scenario.turns} was played: nobody had scored.`);
    expect(refusal(r, team(BEIJING), { t: 'submit', orders: [] })).toBe('the game is over');
  });
});
