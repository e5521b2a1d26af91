// The classroom client's logic without a browser: which screen an address opens, the
// connection (hello, ids, reconnecting, a refused token, keep-alive) on fake sockets and a
// hand-turned clock, and the store and the bridge against the real room model in memory
// (tests/classroom/fakeClassroom.ts): seats, start, a team's draft shared between its two
// devices through the game store's queue, submit, refusals, the stance stage, a turn resolved.
import { describe, expect, it } from 'vitest';
import type { StoreApi } from 'zustand/vanilla';
import { classroomLink, classroomRoute, socketUrl } from '../../src/ui/classroom/route';
import type { ClientBody, LinkStatus } from '../../src/ui/classroom/connection';
import { ANSWER_MS, PING_MS, RETRY_MS, SILENT_MS, openConnection, parseServerFrame } from '../../src/ui/classroom/connection';
import type { ClassroomState } from '../../src/ui/classroom/classroomStore';
import { OFFLINE, busy, clockText, createClassroomStore, draftOf, graceNote, timeLeft } from '../../src/ui/classroom/classroomStore';
import { bridge } from '../../src/ui/classroom/bridge';
import { createFailure, createRoom } from '../../src/ui/classroom/setup';
import { createGameStore } from '../../src/store/gameStore';
import { inProcessPlayers } from '../../src/store/inProcessPlayers';
import { legalOrders } from '../../src/engine';
import { loadShipped } from '../engine/helpers';
import { FakeClassroom, FakeSocket, HandClock } from './fakeClassroom';

const scenario = loadShipped('classroom-short');

describe('the address', () => {
  it.each([
    { at: ['?classroom', ''], route: { kind: 'setup' } },
    { at: ['?facilitate=abc-DEF_123', ''], route: { kind: 'facilitate', token: 'abc-DEF_123' } },
    { at: ['', '#facilitate=abc'], route: { kind: 'facilitate', token: 'abc' } },
    { at: ['?projector=KX4TP', ''], route: { kind: 'projector', token: 'KX4TP' } },
    { at: ['?join=TEAM0', ''], route: { kind: 'join', token: 'TEAM0' } },
    { at: ['?join', ''], route: { kind: 'join', token: null } },
    { at: ['?join=<script>', ''], route: { kind: 'join', token: null } },
    { at: ['?facilitate=', ''], route: { kind: 'setup' } },
    { at: ['?shared=abc-DEF_123', ''], route: { kind: 'shared', token: 'abc-DEF_123' } },
    { at: ['', '#shared=abc'], route: { kind: 'shared', token: 'abc' } },
    { at: ['?shared=', ''], route: { kind: 'setup' } },
    { at: ['', '#play=samarkand-2022'], route: null },
    { at: ['?view=projector', ''], route: null },
  ])('$at', ({ at, route }) => {
    expect(classroomRoute(at[0] as string, at[1] as string)).toEqual(route);
  });
  it('links and the socket stay on the page’s own host', () => {
    expect(classroomLink('http://10.0.0.2:8080', 'join', 'TEAM 1')).toBe('http://10.0.0.2:8080/?join=TEAM%201');
    expect(socketUrl({ protocol: 'https:', host: 'class.example:443' })).toBe('wss://class.example:443/ws');
    expect(socketUrl({ protocol: 'http:', host: 'localhost:8080' })).toBe('ws://localhost:8080/ws');
  });
});

describe('the countdown', () => {
  it('runs on the server’s clock and stops when paused', () => {
    expect(timeLeft({ kind: 'off' }, 0, 0)).toBeNull();
    // The server is 5 s ahead: 65 s on its clock are 60 s left.
    expect(timeLeft({ kind: 'running', endsAt: 100_000, grace: false }, 5_000, 35_000)).toBe(60_000);
    expect(timeLeft({ kind: 'running', endsAt: 100_000, grace: false }, 0, 200_000)).toBe(0);
    expect(timeLeft({ kind: 'paused', leftMs: 12_345, grace: false }, 9_999, 0)).toBe(12_345);
    expect([clockText(0), clockText(9_001), clockText(245_000), clockText(3_720_000)]).toEqual(['0:00', '0:10', '4:05', '1:02:00']);
  });

  it('says in the grace period what happens next, and to a team what happens to it', () => {
    // The role-play's team with a queued draft read "(grace: then the computer fills in)": its draft counts first (room.ts).
    expect(graceNote('orders', 2)).toBe(' (grace: then your unsent list counts)');
    expect(graceNote('orders', 0)).toBe(' (grace: then the computer gives your orders)');
    expect(graceNote('orders', null)).toBe(' (grace: then a team’s unsent list counts, or the computer fills in)');
    // A silent republic takes the rule of thumb's stance, whatever the policy (room.ts, closeStage).
    expect(graceNote('stances', null)).toBe(' (grace: then the rule of thumb takes a missing stance)');
    expect(graceNote('stances', 0)).toBe(' (grace: then the rule of thumb takes a missing stance)');
  });
});

describe('the connection', () => {
  const open = (on: { status: LinkStatus[]; messages: string[] }, token = 'TEAM0') => {
    const clock = new HandClock();
    const sockets: FakeSocket[] = [];
    const conn = openConnection({
      url: 'ws://h/ws',
      token,
      clock,
      socket: (url) => {
        const s = new FakeSocket(url);
        sockets.push(s);
        return s;
      },
      on: { status: (s) => on.status.push(s), message: (m) => on.messages.push(m.t) },
    });
    return { clock, sockets, conn };
  };
  const welcomeFrame = JSON.stringify({ t: 'welcome', you: { kind: 'projector' }, scenario, room: { serverNow: 0 }, game: null, team: null, messages: [], codes: null });
  /** A link whose socket opened and was welcomed: what the link said (`on`), its socket, clock and connection. */
  const welcomed = () => {
    const on = { status: [] as LinkStatus[], messages: [] as string[] };
    const { sockets, clock, conn } = open(on);
    const s = sockets[0] as FakeSocket;
    s.open();
    s.deliver(welcomeFrame);
    return { on, s, clock, conn };
  };

  it('says hello with its token, is open once welcomed, and numbers what it sends', () => {
    const on = { status: [] as LinkStatus[], messages: [] as string[] };
    const { sockets, conn } = open(on);
    const s = sockets[0] as FakeSocket;
    expect(conn.send({ t: 'ping' })).toBeNull();
    s.open();
    expect(JSON.parse(s.sent[0] as string)).toEqual({ id: 1, t: 'hello', token: 'TEAM0' });
    // Not welcomed yet: nothing else goes.
    expect(conn.send({ t: 'start' })).toBeNull();
    s.deliver(welcomeFrame);
    expect(on.status).toEqual(['connecting', 'open']);
    expect(conn.send({ t: 'start' })).toBe(2);
    expect(conn.send({ t: 'extend', seconds: 60 })).toBe(3);
    expect(s.sent.slice(1).map((f) => JSON.parse(f))).toEqual([
      { t: 'start', id: 2 },
      { t: 'extend', seconds: 60, id: 3 },
    ]);
    // Frames that are not server messages are ignored.
    s.deliver('not json');
    s.deliver('{"t":"launch"}');
    s.deliver('[1]');
    expect(on.messages).toEqual(['welcome']);
  });

  it('reconnects after a drop, quickly and then less often, and is open again at the next welcome', () => {
    const on = { status: [] as LinkStatus[], messages: [] as string[] };
    const { sockets, clock } = open(on);
    (sockets[0] as FakeSocket).open();
    (sockets[0] as FakeSocket).deliver(welcomeFrame);
    (sockets[0] as FakeSocket).drop();
    expect(on.status.at(-1)).toBe('reconnecting');
    clock.advance((RETRY_MS[0] as number) - 1);
    expect(sockets).toHaveLength(1);
    clock.advance(1);
    expect(sockets).toHaveLength(2);
    // The server is still down: each try waits longer.
    (sockets[1] as FakeSocket).drop();
    clock.advance((RETRY_MS[1] as number) - 1);
    expect(sockets).toHaveLength(2);
    clock.advance(1);
    expect(sockets).toHaveLength(3);
    const s = sockets[2] as FakeSocket;
    s.open();
    expect(JSON.parse(s.sent[0] as string)).toMatchObject({ t: 'hello', token: 'TEAM0' });
    s.deliver(welcomeFrame);
    expect(on.status.at(-1)).toBe('open');
  });

  it('stops at a refused token: trying again would not help', () => {
    const on = { status: [] as LinkStatus[], messages: [] as string[] };
    const { sockets, clock } = open(on, 'WRONG');
    const s = sockets[0] as FakeSocket;
    s.open();
    s.deliver(JSON.stringify({ t: 'refused', id: 1, reason: 'no room has this code' }));
    expect(on.status.at(-1)).toBe('denied');
    expect(s.closedByClient).toBe(true);
    clock.advance(60_000);
    expect(sockets).toHaveLength(1);
  });

  it('pings while quiet, and drops a socket that has heard nothing for too long', () => {
    const { on, s, clock } = welcomed();
    clock.advance(PING_MS);
    expect(JSON.parse(s.sent.at(-1) as string)).toMatchObject({ t: 'ping' });
    s.deliver(JSON.stringify({ t: 'pong', id: 2, serverNow: 0 }));
    clock.advance(SILENT_MS + PING_MS);
    expect(s.closedByClient).toBe(true);
    expect(on.status.at(-1)).toBe('reconnecting');
  });

  it('drops a link whose sent message goes unanswered, so a phone that lost the Wi-Fi says so within seconds', () => {
    // In the role-play a phone offline for 40 s still looked connected: its Submit went dim
    // and nothing said why, as the socket had no close event and the silence check waits 45 s.
    const { on, s, clock, conn } = welcomed();
    const answered = conn.send({ t: 'start' }) as number;
    clock.advance(ANSWER_MS - 1);
    s.deliver(JSON.stringify({ t: 'ack', id: answered }));
    clock.advance(ANSWER_MS);
    // Answered in time: the link stays.
    expect(on.status.at(-1)).toBe('open');
    expect(s.closedByClient).toBe(false);
    conn.send({ t: 'submit', orders: [] });
    clock.advance(ANSWER_MS - 1);
    expect(on.status.at(-1)).toBe('open');
    // A refusal is an answer too, but this one never came.
    clock.advance(1);
    expect(s.closedByClient).toBe(true);
    expect(on.status.at(-1)).toBe('reconnecting');
    expect(ANSWER_MS).toBeLessThan(SILENT_MS);
  });

  it('a quiet link whose ping goes unanswered is dropped long before the silence check', () => {
    const { on, s, clock } = welcomed();
    clock.advance(PING_MS);
    expect(JSON.parse(s.sent.at(-1) as string)).toMatchObject({ t: 'ping' });
    clock.advance(ANSWER_MS);
    expect(s.closedByClient).toBe(true);
    expect(on.status.at(-1)).toBe('reconnecting');
  });

  it('reads only server messages', () => {
    expect(parseServerFrame('{"t":"ack","id":3}')).toEqual({ t: 'ack', id: 3 });
    expect(parseServerFrame('{"t":"hello"}')).toBeNull();
    expect(parseServerFrame(42)).toBeNull();
    expect(parseServerFrame('null')).toBeNull();
    // A board update is checked for its shape before it is applied.
    const update = { t: 'game', version: 1, from: 0, reports: [], board: { kind: 'patch', base: 0, patch: [[['turn'], 2]] } };
    expect(parseServerFrame(JSON.stringify(update))).toEqual(update);
    expect(parseServerFrame(JSON.stringify({ ...update, board: { kind: 'patch', base: 0, patch: [['turn', 2]] } }))).toBeNull();
    expect(parseServerFrame(JSON.stringify({ ...update, version: -1 }))).toBeNull();
  });

  it('a board update that does not follow the board held is not applied: the device connects again for a whole one', () => {
    const clock = new HandClock();
    const server = new FakeClassroom(scenario, clock);
    const d = device(server, 'kx4tp');
    server.flush();
    const held = d.store.getState().game;
    expect(held?.version).toBe(0);
    d.store.getState().receive({ t: 'game', version: 5, from: 0, reports: [], board: { kind: 'patch', base: 4, patch: [[['turn'], 6]] } }, clock.now());
    expect(d.store.getState().game).toBe(held);
    expect(d.store.getState().link).toBe('reconnecting');
    clock.advance(RETRY_MS[0] ?? 500);
    server.flush();
    expect(d.store.getState().link).toBe('open');
    expect(d.store.getState().game?.version).toBe(0);
  });
});

/** A device of the classroom: its store and its connection to the fake server. */
function device(server: FakeClassroom, token: string): { store: StoreApi<ClassroomState>; close(): void } {
  const holder: { send: ((b: ClientBody) => number | null) | null; resync: (() => void) | null } = { send: null, resync: null };
  const store = createClassroomStore({ send: (b) => holder.send?.(b) ?? null, resync: () => holder.resync?.() });
  const conn = openConnection({
    url: 'ws://fake/ws',
    token,
    clock: server.clock,
    socket: server.factory,
    on: { status: (s, why) => store.getState().setLink(s, why), message: (m, now) => store.getState().receive(m, now) },
  });
  holder.send = (b) => conn.send(b);
  holder.resync = () => conn.reconnect();
  return { store, close: () => conn.close() };
}

describe('the store and the bridge, against the room model', () => {
  it('a class plays a turn: seats, start, a draft shared by two devices, refusals beside their control, submit, stances, turn 2', () => {
    const clock = new HandClock();
    const server = new FakeClassroom(scenario, clock);
    const fac = device(server, 'facilitator-secret');
    const proj = device(server, 'kx4tp');
    const bj1 = device(server, 'TEAM0');
    const bj2 = device(server, 'TEAM0');
    const mo = device(server, 'TEAM1');
    server.flush();
    for (const d of [fac, proj, bj1, bj2, mo]) expect(d.store.getState().link).toBe('open');
    expect(fac.store.getState().codes?.teams.length).toBe(7);
    expect(proj.store.getState().codes).toBeNull();
    expect(bj1.store.getState().you).toEqual({ kind: 'team', role: 'beijing' });

    // A team cannot start the game: the refusal goes to the control that asked.
    expect(bj1.store.getState().act('start', { t: 'start' })).toBe(true);
    expect(busy(bj1.store.getState(), 'start')).toBe(true);
    server.flush();
    expect(busy(bj1.store.getState(), 'start')).toBe(false);
    expect(bj1.store.getState().refusals.get('start')).toBe('only the facilitator can do that');

    // The facilitator seats Kazakhstan as a team, renames Moscow's, starts.
    fac.store.getState().act('seat-kazakhstan', { t: 'seat', role: 'kazakhstan', seat: { kind: 'team', name: 'Team 3' } });
    fac.store.getState().act('seat-moscow', { t: 'seat', role: 'moscow', seat: { kind: 'team', name: 'Red Square' } });
    fac.store.getState().act('start', { t: 'start' });
    server.flush();
    expect(fac.store.getState().refusals.size).toBe(0);
    const room = proj.store.getState().room;
    expect(room?.phase).toBe('playing');
    // Which team plays Moscow is the facilitator's and Moscow's own to know: the projector and Beijing hold no team's name.
    expect(room?.roles.find((r) => r.role === 'moscow')?.seat).toEqual({ kind: 'team', name: null });
    expect(bj1.store.getState().room?.roles.find((r) => r.role === 'moscow')?.seat).toEqual({ kind: 'team', name: null });
    expect(fac.store.getState().room?.roles.find((r) => r.role === 'moscow')?.seat).toEqual({ kind: 'team', name: 'Red Square' });
    expect(mo.store.getState().team?.name).toBe('Red Square');
    expect(bj1.store.getState().team?.name).toBe('Beijing');
    expect(room?.timer).toEqual({ kind: 'running', endsAt: clock.now() + 120_000, grace: false });

    // Beijing's first device queues an order in the game store (as the play screen's Queue button does).
    const g1 = createGameStore(null, inProcessPlayers);
    const g2 = createGameStore(null, inProcessPlayers);
    bridge(bj1.store, g1);
    bridge(bj2.store, g2);
    const pg = createGameStore(null, inProcessPlayers);
    bridge(proj.store, pg);
    expect(pg.getState().session?.activePower).toBeNull();
    expect(g1.getState().session?.activePower).toBe('beijing');
    const view = bj1.store.getState().game?.view;
    if (!view) throw new Error('no game');
    const [first, second] = legalOrders(scenario, view, 'beijing').map((o) => o.order);
    if (!first || !second) throw new Error('no legal orders');
    expect(g1.getState().queueOrder(first)).toBe(true);
    // Shown at once on this device, on the other once the server has echoed it.
    expect(draftOf(bj1.store.getState())).toEqual([first]);
    expect(g2.getState().session?.pending.get('beijing')).toEqual([]);
    server.flush();
    expect(g2.getState().session?.pending.get('beijing')).toEqual([first]);
    // The second device adds one; the first sees both. The device that edited never shows its
    // draft going back while the server answers (the ack comes before the echo).
    const shownOn2: number[] = [];
    const watch = g2.subscribe((now) => shownOn2.push(now.session?.pending.get('beijing')?.length ?? -1));
    expect(g2.getState().queueOrder(second)).toBe(true);
    server.flush();
    watch();
    expect(shownOn2.length).toBeGreaterThan(0);
    expect(shownOn2.every((n) => n === 2)).toBe(true);
    expect(g1.getState().session?.pending.get('beijing')).toEqual([first, second]);
    expect(bj1.store.getState().localDraft).toBeNull();
    expect(bj2.store.getState().localDraft).toBeNull();
    // Moscow's team never sees Beijing's draft.
    expect(mo.store.getState().team?.draft).toEqual([]);

    // Offline, nothing is sent, and the control says why; back online, the welcome brings the draft back.
    const bjSocket = server.sockets()[2] as FakeSocket;
    bjSocket.drop();
    expect(bj1.store.getState().link).toBe('reconnecting');
    expect(bj1.store.getState().act('submit', { t: 'submit', orders: [first] })).toBe(false);
    expect(bj1.store.getState().refusals.get('submit')).toBe(OFFLINE);
    clock.advance(RETRY_MS[0] as number);
    server.flush();
    expect(bj1.store.getState().link).toBe('open');
    expect(bj1.store.getState().team?.draft).toEqual([first, second]);

    // Submit: the room says Beijing has submitted (not what), the draft can no longer change.
    expect(bj1.store.getState().act('submit', { t: 'submit', orders: [...draftOf(bj1.store.getState())] })).toBe(true);
    expect(bj1.store.getState().refusals.has('submit')).toBe(false);
    server.flush();
    expect(proj.store.getState().room?.roles.find((r) => r.role === 'beijing')?.submitted).toBe(true);
    expect(bj2.store.getState().team?.submitted).toEqual([first, second]);
    g2.getState().removeOrder(0);
    server.flush();
    expect(bj2.store.getState().refusals.get('draft')).toMatch(/already submitted/);
    // The refused change is put back in the queue.
    expect(g2.getState().session?.pending.get('beijing')).toEqual([first, second]);

    // Moscow submits nothing; the orders stage closes, Kazakhstan's team sees the offers.
    mo.store.getState().act('submit', { t: 'submit', orders: [] });
    const kz = device(server, 'REP0');
    server.flush();
    expect(proj.store.getState().room?.stage).toBe('stances');
    const offers = kz.store.getState().team?.offers;
    expect(offers).not.toBeNull();
    // A republic's team has the public board and no queue of its own.
    const kg = createGameStore(null, inProcessPlayers);
    bridge(kz.store, kg);
    expect(kg.getState().session?.activePower).toBeNull();
    expect(kg.getState().session?.pending.size).toBe(0);
    kz.store.getState().act('stance', { t: 'stance', choice: { kind: 'lean', power: 'beijing' } });
    server.flush();
    expect(kz.store.getState().refusals.size).toBe(0);

    // The turn resolved: turn 2 everywhere, with the report, drawn on the projector's map store.
    for (const d of [fac, proj, bj1, mo, kz]) expect(d.store.getState().room?.turn).toBe(2);
    expect(proj.store.getState().room?.stage).toBe('orders');
    expect(proj.store.getState().game?.reports).toHaveLength(1);
    expect(pg.getState().session?.record.state.turn).toBe(2);
    expect(pg.getState().session?.reports).toHaveLength(1);
    expect(g1.getState().session?.pending.get('beijing')).toEqual([]);
    // The revived view keeps ids as plain keys.
    expect(Object.getPrototypeOf(proj.store.getState().game?.view.countries)).toBeNull();

    // Messages: Moscow writes to Beijing; the facilitator sees it, Kazakhstan does not.
    mo.store.getState().act('say', { t: 'say', to: { kind: 'team', role: 'beijing' }, text: 'Shall we talk about Kyrgyzstan?' });
    server.flush();
    expect(bj2.store.getState().messages.map((m) => m.text)).toEqual(['Shall we talk about Kyrgyzstan?']);
    expect(fac.store.getState().messages).toHaveLength(1);
    expect(kz.store.getState().messages).toHaveLength(0);
    for (const d of [fac, proj, bj1, bj2, mo, kz]) d.close();
  });

  it('a refusal stays beside its control while its stage lasts, and goes when the stage moves on', () => {
    const clock = new HandClock();
    const server = new FakeClassroom(scenario, clock);
    const fac = device(server, 'facilitator-secret');
    server.flush();
    fac.store.getState().act('start', { t: 'start' });
    server.flush();
    fac.store.getState().act('inject-event', { t: 'inject-event', event: 'no-such-event' });
    server.flush();
    expect(fac.store.getState().refusals.get('inject-event')).toMatch(/there is no event/);
    // Something else in the same stage: the refusal still answers it.
    fac.store.getState().act('pause', { t: 'pause' });
    server.flush();
    expect(fac.store.getState().room?.timer.kind).toBe('paused');
    expect(fac.store.getState().refusals.has('inject-event')).toBe(true);
    // The stage closes: the old refusal no longer answers anything on the screen.
    const stage = fac.store.getState().room?.stage;
    fac.store.getState().act('resolve-now', { t: 'resolve-now' });
    server.flush();
    const room = fac.store.getState().room;
    expect([room?.stage, room?.turn]).not.toEqual([stage, 1]);
    expect(fac.store.getState().refusals.size).toBe(0);
  });

  it('an illegal draft is refused on the device, before anything is sent', () => {
    const clock = new HandClock();
    const server = new FakeClassroom(scenario, clock);
    const bj = device(server, 'TEAM0');
    server.flush();
    const sentBefore = (server.sockets()[0] as FakeSocket).sent.length;
    expect(bj.store.getState().setDraft([{ type: 'invest', action: 'no-such-action', country: 'kazakhstan' } as never])).toBe(false);
    expect(bj.store.getState().refusals.get('draft')).toBeTruthy();
    expect((server.sockets()[0] as FakeSocket).sent.length).toBe(sentBefore);
  });

  it('a refused token says why and tries no more', () => {
    const clock = new HandClock();
    const server = new FakeClassroom(scenario, clock);
    const d = device(server, 'NOPE');
    server.flush();
    expect(d.store.getState().link).toBe('denied');
    expect(d.store.getState().deniedWhy).toBe('no room has this code');
  });
});

describe('creating a room', () => {
  const fetcher = (status: number, body: string): typeof fetch => (async () => new Response(body, { status })) as typeof fetch;
  it('gives the room, or says the server is missing in words a facilitator can act on', async () => {
    const body = { scenario: { shipped: 'classroom-short' } };
    expect(await createRoom(body, fetcher(200, '{"code":"KX4TP","facilitator":"s3cret"}'))).toEqual({ ok: true, room: { code: 'KX4TP', facilitator: 's3cret' } });
    const missing = await createRoom(body, fetcher(404, 'Not found'));
    expect(missing).toEqual({ ok: false, reason: createFailure(404, '') });
    expect(createFailure(404, '')).toMatch(/npm run serve/);
    // A static host answering the POST with the page itself.
    expect(await createRoom(body, fetcher(200, '<!doctype html>'))).toEqual({ ok: false, reason: createFailure(404, '') });
    const down = await createRoom(body, (async () => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch);
    expect(down.ok || down.reason).toMatch(/npm run serve/);
    expect(await createRoom(body, fetcher(400, 'unknown scenario "x"'))).toEqual({ ok: false, reason: 'The server could not make the room (400): unknown scenario "x".' });
  });
});
