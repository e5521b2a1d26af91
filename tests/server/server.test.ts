// The classroom server as a real process (src/server/main.ts), over real WebSockets: whole
// games, what each device may see, reconnection, a crash (SIGKILL) mid-turn, hostile
// clients, the missing-orders policies when the timer runs out, and the exported record.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { MAX_FRAME_BYTES, isTeamParty } from '../../src/classroom/protocol';
import type { RoomExport } from '../../src/classroom/room';
import { replayExport, settleDue } from '../../src/classroom/room';
import { loadSave, stateHash } from '../../src/engine';
import type { ServerProcess } from '../../scripts/classroom-client';
import { closeClassroom, createRoom, Device, exportRoom, openClassroom, playToEnd, powerOrders, startServerProcess } from '../../scripts/classroom-client';

const dir = mkdtempSync(join(tmpdir(), 'ngg-server-'));
const NO_TIMER = { orderSeconds: 0, stanceSeconds: 0, missing: { kind: 'pass' } };
let server: ServerProcess;

const dist = join(dir, 'dist');
mkdirSync(join(dist, 'assets'), { recursive: true });
writeFileSync(join(dist, 'index.html'), '<!doctype html><title>game</title>');
writeFileSync(join(dist, 'assets', 'app-1.js'), 'export {};');
writeFileSync(join(dir, 'outside.txt'), 'not for you');

beforeAll(async () => {
  server = await startServerProcess(join(dir, 'main.sqlite'), ['--hello-seconds', '1', '--dist', dist]);
});
afterAll(async () => {
  const code = await server.stop();
  rmSync(dir, { recursive: true, force: true });
  // A clean stop: SIGTERM commits and exits 0.
  expect(code).toBe(0);
});

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const entriesOf = (x: RoomExport, k: string): RoomExport['log'] => x.log.filter((e) => e.k === k);
/** The renamed teams' names (`Table Q<n>Z`) found anywhere in what a device received, in order of n, each once. */
const namesIn = (received: readonly unknown[]): string[] => [...new Set(received.flatMap((m) => JSON.stringify(m).match(/Table Q\dZ/g) ?? []))].sort();

describe('a whole classroom-short game over WebSockets', () => {
  it('plays seven teams to the end; every device sees only what it may, renamed teams anonymous; the record replays to the same hash', async () => {
    const created = await createRoom(server.port, { scenario: { shipped: 'classroom-short' }, seed: 'class-7', settings: NO_TIMER });
    expect(created.code).toMatch(/^[2-9A-HJ-NP-Z]{5}$/);
    expect(created.facilitator.length).toBeGreaterThanOrEqual(24);
    const c = await openClassroom(server.port, created);
    // Anonymity between teams: once every device has joined, the facilitator renames each team
    // (names found nowhere in the scenario). Which team plays which role is then the
    // facilitator's and that team's own to know: no other device may receive a team's name.
    const teamNames = new Map([...c.roles.keys()].map((role, i) => [role, `Table Q${i + 1}Z`]));
    for (const [role, name] of teamNames) expect((await c.facilitator.request({ t: 'seat', role, seat: { kind: 'team', name } })).t).toBe('ack');
    expect(JSON.stringify(c.scenario)).not.toMatch(/Table Q\dZ/);
    // Every device of openClassroom offers permessage-deflate, as browsers do; a second projector does not.
    const plainProjector = await Device.join(server.port, created.code, false);
    expect([...c.roles.values()]).toEqual(['power', 'power', 'republic', 'republic', 'republic', 'republic', 'republic']);
    const codes = c.facilitator.codes?.teams ?? [];
    expect(new Set(codes.map((t) => t.code)).size).toBe(7);
    for (const t of codes) expect(t.code).toMatch(/^[2-9A-HJ-NP-Z]{6}$/);

    // Before the start, nobody but the facilitator may start, and a team cannot act for another.
    const beijing = c.teams.get('beijing') as Device;
    const moscow = c.teams.get('moscow') as Device;
    const kazakhstan = c.teams.get('kazakhstan') as Device;
    expect((await beijing.request({ t: 'start' })).t).toBe('refused');
    expect((await c.projector.request({ t: 'start' })).t).toBe('refused');
    expect((await beijing.request({ t: 'hello', token: codes.find((t) => t.role === 'moscow')?.code ?? '' })).t).toBe('refused');
    expect((await c.facilitator.request({ t: 'start' })).t).toBe('ack');
    expect((await kazakhstan.request({ t: 'submit', orders: [] })).t).toBe('refused');
    expect((await c.facilitator.request({ t: 'submit', orders: [] })).t).toBe('refused');

    const acked = await playToEnd(c, { draft: true, talk: true });
    const turns = c.scenario.turns;
    await c.projector.until(() => c.projector.room?.phase === 'ended', 5000, 'the projector to show the end');
    await c.facilitator.until(() => c.facilitator.messages.length === 7 * turns, 5000, 'every message at the facilitator');
    expect(acked.filter((a) => a.kind === 'submit')).toHaveLength(2 * turns);
    expect(acked.filter((a) => a.kind === 'stance')).toHaveLength(5 * turns);

    // What each device was shown: a team's private state only to that team; messages only to
    // their sender, their addressee(s) and the facilitator; the projector nothing private; no
    // power the other's secret tracks.
    const devices: [string, Device][] = [['facilitator', c.facilitator], ['projector', c.projector], ...c.teams];
    for (const [who, d] of devices) {
      for (const m of d.received) {
        if (m.t === 'team') expect(m.team.role, `${who} got a team message`).toBe(who);
        if (m.t === 'message') {
          if (who === 'projector') throw new Error('the projector got a team message');
          if (who !== 'facilitator') expect(isTeamParty(m.message.from, who) || isTeamParty(m.message.to, who) || m.message.to.kind === 'all', `${who} read ${JSON.stringify(m.message.from)} → ${JSON.stringify(m.message.to)}`).toBe(true);
        }
        if (m.t === 'welcome') {
          expect(m.team === null || m.team.role === who).toBe(true);
          expect(m.codes === null).toBe(who !== 'facilitator');
        }
        // After a turn a device is sent what changed, never the whole view again.
        if (m.t === 'game') expect(m.board.kind, `${who}'s board update`).toBe('patch');
      }
      expect(d.game?.view.viewer).toBe(c.roles.get(who) === 'power' ? who : '');
      expect(d.unfitting, `${who}'s board updates that did not fit`).toBe(0);
      expect(namesIn(d.received), `the team names ${who} received`).toEqual(who === 'facilitator' ? [...teamNames.values()] : who === 'projector' ? [] : [teamNames.get(who)]);
    }
    // The facilitator's console shows who plays which role; every other device the roles only, a team its own name apart.
    expect(c.facilitator.room?.roles.map((r) => r.seat)).toEqual([...teamNames.values()].map((name) => ({ kind: 'team', name })));
    for (const [who, d] of [['projector', c.projector] as const, ...c.teams]) {
      expect(d.room?.roles.map((r) => r.seat), `${who}'s seats`).toEqual([...teamNames.keys()].map(() => ({ kind: 'team', name: null })));
      expect(d.team?.name ?? null).toBe(teamNames.get(who) ?? null);
    }
    // Boards went compressed to the devices that offered it (once for all of them) and as text to
    // the one that did not: both read the same messages, and hold the same board.
    expect(c.projector.ws.extensions).toBe('permessage-deflate');
    expect(plainProjector.ws.extensions).toBe('');
    const boards = (d: Device): string[] => d.received.filter((m) => m.t === 'game').map((m) => JSON.stringify(m));
    // The last turn's board leaves after the room's news that the game ended.
    for (const d of [c.projector, plainProjector]) await d.until(() => boards(d).length === turns, 5000, 'every board at both projectors');
    expect(boards(plainProjector)).toEqual(boards(c.projector));
    expect(namesIn(plainProjector.received), 'the team names a projector without deflate received').toEqual([]);
    expect(JSON.stringify(plainProjector.game)).toBe(JSON.stringify(c.projector.game));
    await plainProjector.close();
    // A device fed every update holds the very board a device joining now is sent whole.
    for (const [who, d] of devices) {
      const token = who === 'facilitator' ? created.facilitator : who === 'projector' ? created.code : (c.facilitator.codes?.teams.find((t) => t.role === who)?.code ?? '');
      const fresh = await Device.join(server.port, token);
      expect(JSON.stringify(d.game), `${who}'s board`).toBe(JSON.stringify(fresh.game));
      expect(namesIn(fresh.received), `the team names ${who}'s welcome at the end holds`).toEqual(who === 'facilitator' ? [...teamNames.values()] : who === 'projector' ? [] : [teamNames.get(who)]);
      await fresh.close();
    }
    // Messages did reach who they were for: Moscow read Kazakhstan's note to Beijing? Never.
    expect(moscow.messages.some((m) => isTeamParty(m.from, 'kazakhstan'))).toBe(false);
    expect(beijing.messages.filter((m) => isTeamParty(m.from, 'kazakhstan'))).toHaveLength(turns);
    expect(c.facilitator.messages.length).toBe(7 * turns);
    // Moscow never saw Beijing's orders before a turn resolved: the only place they appear is a turn report.
    for (const m of moscow.received) if (m.t === 'team') expect(m.team.role).toBe('moscow');

    // The record: every acknowledged order and stance exactly once, and the game replays offline to the same hash.
    const wrong = await exportRoom(server.port, created.code, 'not-the-key');
    expect(wrong.status).toBe(404);
    const ex = await exportRoom(server.port, created.code, created.facilitator);
    expect(ex.status).toBe(200);
    const record = ex.body as RoomExport;
    expect(record.format).toBe('new-great-game/room');
    expect(JSON.stringify(record)).not.toContain(created.facilitator);
    // The record is the facilitator's: it says which team played which role.
    expect(record.seats.map((x) => [x.role, x.seat])).toEqual([...teamNames].map(([role, name]) => [role, { kind: 'team', name }]));
    const submits = entriesOf(record, 'submit');
    const stances = entriesOf(record, 'stance');
    expect(submits).toHaveLength(acked.filter((a) => a.kind === 'submit').length);
    expect(stances).toHaveLength(acked.filter((a) => a.kind === 'stance').length);
    for (const a of acked) {
      const key = JSON.stringify(a.value);
      const found = (a.kind === 'submit' ? submits : stances).filter((e) => 'role' in e && e.role === a.role && JSON.stringify(a.kind === 'submit' ? (e as { orders: unknown }).orders : (e as { choice: unknown }).choice) === key);
      expect(found.length, `${a.role} turn ${a.turn}`).toBeGreaterThanOrEqual(1);
    }
    const loaded = loadSave(JSON.stringify(record.game));
    if (!loaded.ok) throw new Error(loaded.error);
    expect(loaded.value.record.turns).toHaveLength(turns);
    expect(stateHash(loaded.value.record.state)).toBe(record.game.finalHash);
    // The room's own log, folded again offline as a restarted server would, ends in the same game.
    expect(stateHash(replayExport(record, loaded.value.record.scenario).record.state)).toBe(record.game.finalHash);
    // The turns were played with the orders the teams submitted, in the turn they gave them.
    for (const a of acked.filter((x) => x.kind === 'submit')) expect(loaded.value.record.turns[a.turn - 1]?.orders[a.role]).toEqual(a.value);
    // The class's debrief page, behind the same key; a policy that lets it run nothing.
    const page = await fetch(`http://127.0.0.1:${server.port}/api/rooms/${created.code}/debrief?key=${encodeURIComponent(created.facilitator)}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await page.text();
    expect(html).toContain("the class's debrief");
    expect(html).toContain(`Turn ${turns} — `);
    for (const name of teamNames.values()) expect(html).toContain(name);
    expect((await fetch(`http://127.0.0.1:${server.port}/api/rooms/${created.code}/debrief?key=wrong`)).status).toBe(404);
    await closeClassroom(c);
  });
});

describe('computer players', () => {
  it('a team and the projector are told a role is played by a computer, never its strength; the facilitator is told which', async () => {
    const r = await smallRoom(server.port, NO_TIMER, 'strengths');
    const strengths = new Map([['moscow', 'search:1'], ['kazakhstan', 'greedy'], ['uzbekistan', 'search']]);
    for (const [role, player] of strengths) expect((await r.facilitator.request({ t: 'seat', role, seat: { kind: 'computer', player } })).t).toBe('ack');
    const projector = await Device.join(server.port, r.created.code);
    const latecomer = await Device.join(server.port, r.facilitator.codes?.teams.find((t) => t.role === 'beijing')?.code ?? '');
    const beijing = r.team('beijing');
    expect((await r.facilitator.request({ t: 'start' })).t).toBe('ack');
    await beijing.until(() => beijing.game !== null && beijing.room?.phase === 'playing');
    expect((await beijing.request({ t: 'submit', orders: powerOrders(r.scenario, beijing.game ?? (undefined as never), 'beijing') })).t).toBe('ack');
    // Generous: Moscow's search is the first decision of this server's worker thread, which compiles the players first.
    await projector.until(() => (projector.room?.turn ?? 0) >= 2, 60_000, 'turn 2 on the projector');
    await r.facilitator.until(() => (r.facilitator.room?.turn ?? 0) >= 2, 5000, 'turn 2 at the facilitator');
    // Every message each device received, welcomes and room updates alike, as the developer tools show them.
    for (const [who, d] of [['projector', projector], ['beijing', beijing], ['beijing, joined late', latecomer]] as const) {
      expect(d.received.filter((m) => JSON.stringify(m).includes('"player":"')).map((m) => m.t), `messages telling ${who} a computer's strength`).toEqual([]);
      expect(d.room?.roles.filter((x) => x.seat.kind === 'computer').map((x) => x.seat)).toEqual(r.facilitator.room?.roles.filter((x) => x.seat.kind === 'computer').map(() => ({ kind: 'computer', player: null })));
    }
    expect(r.facilitator.room?.roles.filter((x) => strengths.has(x.role)).map((x) => [x.role, x.seat])).toEqual([...strengths].map(([role, player]) => [role, { kind: 'computer', player }]));
    await Promise.all([projector.close(), latecomer.close(), r.facilitator.close(), ...[...r.teams.values()].map((d) => d.close())]);
  });
});

describe('connections', () => {
  it('a device that reconnects resumes with its team\'s draft, and a second device of the team shares it', async () => {
    const created = await createRoom(server.port, { scenario: { shipped: 'classroom-short' }, seed: 'reconnect', settings: NO_TIMER });
    const c = await openClassroom(server.port, created);
    await c.facilitator.request({ t: 'start' });
    const beijing = c.teams.get('beijing') as Device;
    await beijing.until(() => beijing.game !== null && beijing.room?.phase === 'playing');
    const orders = powerOrders(c.scenario, beijing.game ?? (undefined as never), 'beijing');
    expect((await beijing.request({ t: 'draft', orders })).t).toBe('ack');
    const code = c.facilitator.codes?.teams.find((t) => t.role === 'beijing')?.code ?? '';
    const second = await Device.join(server.port, code.toLowerCase());
    expect(second.team?.draft).toEqual(orders);
    await beijing.close();
    const again = await Device.join(server.port, code);
    expect(again.team?.draft).toEqual(orders);
    expect(again.room?.roles.find((r) => r.role === 'beijing')?.connected).toBe(2);
    expect((await again.request({ t: 'submit', orders })).t).toBe('ack');
    await second.until(() => second.team?.submitted !== null && second.team?.submitted !== undefined, 5000, 'the shared submission');
    expect(second.team?.submitted).toEqual(orders);
    await Promise.all([second.close(), again.close(), closeClassroom(c)]);
  });

  it('closes a connection that does not say hello in time', async () => {
    const d = await Device.open(server.port);
    await d.until(() => d.closed !== null, 5000, 'the close');
    expect(d.closed?.code).toBe(1008);
  });
});

describe('hostile clients', () => {
  it('malformed, oversized and flooding clients do not stall the server or another room', async () => {
    const created = await createRoom(server.port, { scenario: { shipped: 'classroom-short' }, seed: 'calm', settings: NO_TIMER });
    const c = await openClassroom(server.port, created);
    await c.facilitator.request({ t: 'start' });
    const calm = c.teams.get('moscow') as Device;
    await calm.until(() => calm.game !== null && calm.room?.phase === 'playing');
    const orders = powerOrders(c.scenario, calm.game ?? (undefined as never), 'moscow');
    const other = await createRoom(server.port, { scenario: { shipped: 'classroom-short' }, seed: 'storm', settings: NO_TIMER });
    const attacker = await Device.join(server.port, other.code);

    // Malformed: each is refused, the connection stays.
    for (const bad of ['{', 'null', '[]', '{"t":"submit"}', JSON.stringify({ t: 'draft', id: 5, orders: [{ type: 'nope' }] }), JSON.stringify({ t: 'hello', id: 6, token: 'x'.repeat(101) }), '"\u0000"']) attacker.sendRaw(bad);
    attacker.sendRaw(Buffer.from([1, 2, 3]));
    await attacker.until(() => attacker.received.filter((m) => m.t === 'refused').length >= 8, 5000, 'eight refusals');
    expect(attacker.closed).toBeNull();

    // Flooding: refused past the bucket, then cut off; meanwhile the calm room's drafts are acknowledged quickly.
    const flooder = await Device.join(server.port, other.code);
    const latencies: number[] = [];
    const calmLoop = (async () => {
      for (let i = 0; i < 20; i++) {
        const a = await calm.request({ t: 'draft', orders: i % 2 === 0 ? orders : [] });
        expect(a.t).toBe('ack');
        latencies.push(a.ms);
        await sleep(10);
      }
    })();
    const flood = JSON.stringify({ t: 'ping', id: 7 });
    for (let i = 0; i < 3000 && flooder.closed === null; i++) flooder.sendRaw(flood);
    await flooder.until(() => flooder.closed !== null, 5000, 'the flooder cut off');
    expect(flooder.closed?.code).toBe(1008);
    // A refusal over the rate answers the request it refuses (by its id), so a client waiting on it hears.
    expect(flooder.received.some((m) => m.t === 'refused' && m.reason.includes('too many') && m.id === 7)).toBe(true);

    // Oversized: ws refuses the frame (1009) without reading it.
    const big = await Device.join(server.port, other.code);
    big.sendRaw(JSON.stringify({ t: 'news', id: 1, text: 'x'.repeat(MAX_FRAME_BYTES + 10) }));
    await big.until(() => big.closed !== null, 5000, 'the oversized close');
    expect(big.closed?.code).toBe(1009);

    await calmLoop;
    latencies.sort((a, b) => a - b);
    expect(latencies[Math.floor(latencies.length * 0.9)]).toBeLessThan(250);
    // The server is still whole: the attacker's room still answers, and a new room can be made.
    expect((await attacker.request({ t: 'ping' })).t).toBe('pong');
    expect((await attacker.request({ t: 'submit', orders: [] })).t).toBe('refused');
    await createRoom(server.port, { scenario: { shipped: 'classroom-short' }, settings: NO_TIMER });
    await Promise.all([attacker.close(), closeClassroom(c)]);
  });
});

/** A room whose powers are played by teams; `republicTeams` are seated with teams too (the others: the rule of thumb). */
async function smallRoom(port: number, settings: unknown, seed: string, republicTeams: string[] = []) {
  const created = await createRoom(port, { scenario: { shipped: 'classroom-short' }, seed, settings });
  const facilitator = await Device.join(port, created.facilitator);
  for (const role of republicTeams) expect((await facilitator.request({ t: 'seat', role, seat: { kind: 'team', name: `Team ${role}` } })).t).toBe('ack');
  const teams = new Map<string, Device>();
  for (const t of facilitator.codes?.teams ?? []) if (t.role === 'beijing' || t.role === 'moscow' || republicTeams.includes(t.role)) teams.set(t.role, await Device.join(port, t.code));
  const team = (role: string): Device => teams.get(role) ?? (undefined as never);
  return { created, facilitator, teams, team, scenario: facilitator.welcome?.scenario ?? (undefined as never) };
}

const recordOf = async (port: number, code: string, key: string): Promise<RoomExport> => {
  const ex = await exportRoom(port, code, key);
  expect(ex.status).toBe(200);
  return ex.body as RoomExport;
};

describe('the timer', () => {
  it('closes a stage when it runs out, under each missing-orders policy', async () => {
    const pass = await smallRoom(server.port, { orderSeconds: 1, stanceSeconds: 1, missing: { kind: 'pass' } }, 'pass', ['kazakhstan']);
    const draft = await smallRoom(server.port, { orderSeconds: 1, stanceSeconds: 0, missing: { kind: 'pass' } }, 'draft');
    const computer = await smallRoom(server.port, { orderSeconds: 1, stanceSeconds: 0, missing: { kind: 'computer', player: 'greedy', graceSeconds: 1 } }, 'computer');
    const rooms = [pass, draft, computer];
    for (const r of rooms) expect((await r.facilitator.request({ t: 'start' })).t).toBe('ack');
    for (const r of rooms) await r.team('beijing').until(() => r.team('beijing').game !== null && r.team('beijing').room?.phase === 'playing');
    const given = new Map<string, unknown>();
    for (const r of rooms) {
      const orders = powerOrders(r.scenario, r.team('beijing').game ?? (undefined as never), 'beijing');
      given.set(r.created.code, orders);
      expect((await r.team('beijing').request({ t: 'submit', orders })).t).toBe('ack');
    }
    const moscowDraft = powerOrders(draft.scenario, draft.team('moscow').game ?? (undefined as never), 'moscow').slice(0, 1);
    expect(moscowDraft.length).toBe(1);
    expect((await draft.team('moscow').request({ t: 'draft', orders: moscowDraft })).t).toBe('ack');
    const computerView = computer.team('moscow').game ?? (undefined as never);

    // The computer policy: a grace period first, shown on the timer.
    const cm = computer.team('moscow');
    await cm.until(() => cm.room?.timer.kind === 'running' && cm.room.timer.grace, 3000, 'the grace period');
    // Generous: the computer room's first decision also starts a worker thread (tsx compiles the players in it), slow on a loaded machine.
    for (const r of rooms) await r.facilitator.until(() => (r.facilitator.room?.turn ?? 0) >= 2, 30_000, `turn 2 in ${r.created.code}`);

    const close = (x: RoomExport) => entriesOf(x, 'close-orders')[0] as Extract<RoomExport['log'][number], { k: 'close-orders' }>;
    const passRecord = await recordOf(server.port, pass.created.code, pass.created.facilitator);
    expect(close(passRecord).fill).toEqual({ moscow: [] });
    // The republic team that gave no stance got the rule of thumb's when its own timer ran out.
    const closeStances = entriesOf(passRecord, 'close-stances')[0] as Extract<RoomExport['log'][number], { k: 'close-stances' }>;
    expect(Object.keys(closeStances.fill)).toEqual(['kazakhstan']);
    expect(closeStances.at - close(passRecord).at).toBeGreaterThanOrEqual(1000);
    const draftRecord = await recordOf(server.port, draft.created.code, draft.created.facilitator);
    expect(close(draftRecord).fill).toEqual({ moscow: moscowDraft });
    const computerRecord = await recordOf(server.port, computer.created.code, computer.created.facilitator);
    expect(entriesOf(computerRecord, 'grace')).toHaveLength(1);
    expect(close(computerRecord).fill).toEqual({ moscow: powerOrders(computer.scenario, computerView, 'moscow') });
    expect(close(computerRecord).at - (computerRecord.log.find((e) => e.k === 'start')?.at ?? 0)).toBeGreaterThanOrEqual(2000);
    for (const r of rooms) {
      const x = await recordOf(server.port, r.created.code, r.created.facilitator);
      expect(x.game.turns[0]?.orders.beijing).toEqual(given.get(r.created.code));
      await Promise.all([r.facilitator.close(), ...[...r.teams.values()].map((d) => d.close())]);
    }
  });
});

describe('a crash', () => {
  it('SIGKILL mid-turn, then a restart on the same database: every room, acknowledged order and timer intact; devices resume', async () => {
    const db = join(dir, 'crash.sqlite');
    let s = await startServerProcess(db);
    const created = await createRoom(s.port, { scenario: { shipped: 'classroom-short' }, seed: 'crash', settings: { orderSeconds: 60, stanceSeconds: 0, missing: { kind: 'pass' } } });
    const c = await openClassroom(s.port, created);
    expect((await c.facilitator.request({ t: 'start' })).t).toBe('ack');
    const beijing = c.teams.get('beijing') as Device;
    const moscow = c.teams.get('moscow') as Device;
    await moscow.until(() => moscow.game !== null && moscow.room?.phase === 'playing');
    const timer = moscow.room?.timer;
    expect(timer?.kind).toBe('running');
    const bOrders = powerOrders(c.scenario, beijing.game ?? (undefined as never), 'beijing');
    const mDraft = powerOrders(c.scenario, moscow.game ?? (undefined as never), 'moscow').slice(0, 1);
    expect((await beijing.request({ t: 'submit', orders: bOrders })).t).toBe('ack');
    expect((await moscow.request({ t: 'draft', orders: mDraft })).t).toBe('ack');
    // A second room whose timer runs out while the server is down.
    const short = await smallRoom(s.port, { orderSeconds: 1, stanceSeconds: 0, missing: { kind: 'pass' } }, 'short');
    expect((await short.facilitator.request({ t: 'start' })).t).toBe('ack');

    // Messages in flight when the process dies: those acknowledged must survive, the rest may not.
    const kz = c.teams.get('kazakhstan') as Device;
    const acked: string[] = [];
    const inFlight = Array.from({ length: 30 }, (_, i) =>
      kz.request({ t: 'say', to: { kind: 'team', role: 'beijing' }, text: `note ${i}` }).then((a) => {
        if (a.t === 'ack') acked.push(`note ${i}`);
      }),
    );
    await kz.until(() => acked.length >= 10, 5000, 'ten acknowledged notes');
    await s.kill();
    void inFlight;
    const ackedAtKill = [...acked];
    await sleep(1200);

    s = await startServerProcess(db);
    try {
      // Every device reconnects with its code and resumes where it was.
      const f2 = await Device.join(s.port, created.facilitator);
      const codes = f2.codes?.teams ?? [];
      const b2 = await Device.join(s.port, codes.find((t) => t.role === 'beijing')?.code ?? '');
      const m2 = await Device.join(s.port, codes.find((t) => t.role === 'moscow')?.code ?? '');
      expect(b2.team?.submitted).toEqual(bOrders);
      expect(m2.team?.draft).toEqual(mDraft);
      expect(m2.team?.submitted).toBeNull();
      expect(m2.room?.timer).toEqual(timer);
      expect(f2.room?.roles.find((r) => r.role === 'beijing')?.submitted).toBe(true);
      const notes = f2.messages.filter((m) => isTeamParty(m.from, 'kazakhstan')).map((m) => m.text);
      for (const n of ackedAtKill) expect(notes).toContain(n);
      expect(new Set(notes).size).toBe(notes.length);
      // The short room's timer ran out while the server was down: the turn closed on restart.
      const sf = await Device.join(s.port, short.created.facilitator);
      await sf.until(() => (sf.room?.turn ?? 0) >= 2, 3000, 'the short room caught up');
      // The game goes on: Moscow submits, the republics answer, turn 2 begins.
      const rest = await Promise.all(codes.filter((t) => t.role !== 'beijing' && t.role !== 'moscow').map((t) => Device.join(s.port, t.code)));
      expect((await m2.request({ t: 'submit', orders: mDraft })).t).toBe('ack');
      await m2.until(() => m2.room?.stage === 'stances', 5000, 'the stance stage');
      for (const d of rest) expect((await d.request({ t: 'stance', choice: { kind: 'hedge' } })).t).toBe('ack');
      await f2.until(() => f2.room?.turn === 2, 5000, 'turn 2');
      const x = await recordOf(s.port, created.code, created.facilitator);
      expect(x.game.turns[0]?.orders).toEqual({ beijing: bOrders, moscow: mDraft });
      await Promise.all([f2, b2, m2, sf, ...rest].map((d) => d.close()));
    } finally {
      expect(await s.stop()).toBe(0);
    }
  });
});

/** What the room model decides offline, on this thread, from a record's log up to its first `closing`: the computer players' entries the server should have logged. */
function decidedOffline(x: RoomExport, scenario: RoomExport['game']['scenario']): RoomExport['log'] {
  const at = x.log.findIndex((e) => e.k === 'closing');
  expect(at).toBeGreaterThanOrEqual(0);
  const room = replayExport({ ...x, log: x.log.slice(0, at + 1) }, scenario);
  return settleDue(room, (x.log[at]?.at ?? 0) + 1).filter((e) => e.k === 'computer-orders' || e.k === 'computer-stance');
}
const withoutTimes = (log: RoomExport['log']): unknown[] => log.map(({ at: _at, ...rest }) => rest);

describe('computer players on worker threads', () => {
  it('while a search:3 computer decides in one room, another room is answered at once; its orders are those decided in place', async () => {
    const thinking = await smallRoom(server.port, NO_TIMER, 'thinking');
    expect((await thinking.facilitator.request({ t: 'seat', role: 'moscow', seat: { kind: 'computer', player: 'search:3' } })).t).toBe('ack');
    const other = await smallRoom(server.port, NO_TIMER, 'other');
    for (const r of [thinking, other]) expect((await r.facilitator.request({ t: 'start' })).t).toBe('ack');
    const ob = other.team('beijing');
    await ob.until(() => ob.game !== null && ob.room?.phase === 'playing');
    const orders = powerOrders(other.scenario, ob.game ?? (undefined as never), 'beijing');

    // Beijing's submission closes the thinking room's stage: Moscow's search:3 begins.
    expect((await thinking.team('beijing').request({ t: 'submit', orders: [] })).t).toBe('ack');
    const trips: { sent: number; got: number; ms: number }[] = [];
    while ((thinking.facilitator.room?.turn ?? 1) < 2 && trips.length < 2000) {
      const sent = Date.now();
      const a = await ob.request({ t: 'draft', orders: trips.length % 2 === 0 ? orders : [] });
      expect(a.t).toBe('ack');
      trips.push({ sent, got: Date.now(), ms: a.ms });
      // Paced under a connection's rate limit (20 a second).
      await sleep(60);
    }
    await thinking.facilitator.until(() => (thinking.facilitator.room?.turn ?? 0) >= 2, 60_000, 'the thinking room\'s turn 2');

    const x = await recordOf(server.port, thinking.created.code, thinking.created.facilitator);
    const closing = x.log.find((e) => e.k === 'closing');
    const decidedEntry = x.log.find((e) => e.k === 'computer-orders');
    expect(closing?.k === 'closing' && closing.computers).toEqual([{ role: 'moscow', player: 'search:3' }]);
    if (!closing || !decidedEntry) throw new Error('no closing or no decision in the log');
    // The other room's drafts were sent and acknowledged while Moscow was still deciding:
    // the clocks are the same machine's, and before the worker threads none could be.
    const during = trips.filter((t) => t.sent >= closing.at && t.got <= decidedEntry.at);
    expect(during.length, `round trips during a ${decidedEntry.at - closing.at} ms decision`).toBeGreaterThanOrEqual(3);
    const ms = during.map((t) => t.ms).sort((a, b) => a - b);
    expect(ms[Math.floor(ms.length / 2)]).toBeLessThan((decidedEntry.at - closing.at) / 4);
    // The decision is the one the room model makes in place from the same log.
    const offline = decidedOffline(x, thinking.scenario);
    expect(withoutTimes(x.log.filter((e) => e.k === 'computer-orders' || e.k === 'computer-stance'))).toEqual(withoutTimes(offline));
    expect(decidedEntry.k === 'computer-orders' && decidedEntry.orders.length).toBeGreaterThan(0);
    for (const r of [thinking, other]) await Promise.all([r.facilitator.close(), ...[...r.teams.values()].map((d) => d.close())]);
  }, 120_000);

  it('SIGKILL while a computer decides, then a restart: the decision is asked again and logged once, as it would have been', async () => {
    const db = join(dir, 'deciding-crash.sqlite');
    let s = await startServerProcess(db);
    let killedMidDecision = false;
    const r = await smallRoom(s.port, NO_TIMER, 'crash-deciding');
    expect((await r.facilitator.request({ t: 'seat', role: 'moscow', seat: { kind: 'computer', player: 'search:3' } })).t).toBe('ack');
    expect((await r.facilitator.request({ t: 'start' })).t).toBe('ack');
    const b = r.team('beijing');
    await b.until(() => b.game !== null && b.room?.phase === 'playing');
    expect((await b.request({ t: 'submit', orders: [] })).t).toBe('ack');
    for (let i = 0; i < 200; i++) {
      const x = await recordOf(s.port, r.created.code, r.created.facilitator);
      if (x.log.some((e) => e.k === 'computer-orders')) break;
      if (x.log.some((e) => e.k === 'closing')) {
        await s.kill();
        killedMidDecision = true;
        break;
      }
      await sleep(10);
    }
    expect(killedMidDecision).toBe(true);
    await Promise.all([r.facilitator, ...r.teams.values()].map((d) => d.close()));

    s = await startServerProcess(db);
    try {
      const f = await Device.join(s.port, r.created.facilitator);
      await f.until(() => (f.room?.turn ?? 0) >= 2, 60_000, 'turn 2 after the restart');
      const x = await recordOf(s.port, r.created.code, r.created.facilitator);
      expect(x.log.filter((e) => ['submit', 'closing', 'computer-orders', 'close-orders'].includes(e.k)).map((e) => e.k)).toEqual(['submit', 'closing', 'computer-orders', 'close-orders']);
      expect(withoutTimes(x.log.filter((e) => e.k === 'computer-orders'))).toEqual(withoutTimes(decidedOffline(x, r.scenario)));
      await f.close();
    } finally {
      expect(await s.stop()).toBe(0);
    }
  }, 120_000);
});

/** A GET with the path sent as written (fetch would resolve the dots first). */
const rawGet = (port: number, path: string): Promise<{ status: number; type: string; body: string }> =>
  new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString('utf8')));
      res.on('end', () => done({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }));
    });
    req.on('error', fail);
    req.end();
  });

describe('HTTP', () => {
  it('serves the built game with its types, and nothing outside dist/', async () => {
    expect(await rawGet(server.port, '/')).toMatchObject({ status: 200, type: 'text/html; charset=utf-8', body: '<!doctype html><title>game</title>' });
    expect(await rawGet(server.port, '/assets/app-1.js')).toMatchObject({ status: 200, type: 'text/javascript; charset=utf-8' });
    for (const p of ['/../outside.txt', '/assets/../../outside.txt', '/%2e%2e/outside.txt', '/..%2foutside.txt', '/nope.js']) expect((await rawGet(server.port, p)).status, p).toBe(404);
  });

  it('makes a room from a whole scenario file, and refuses bad requests with a reason', async () => {
    const file = JSON.parse(readFileSync(join(__dirname, '../../scenarios/classroom-short.json'), 'utf8')) as Record<string, unknown>;
    const made = await createRoom(server.port, { scenario: { file: { ...file, title: 'Our own' } } });
    const f = await Device.join(server.port, made.facilitator);
    expect(f.welcome?.room.title).toBe('Our own');
    await f.close();
    const post = async (body: string): Promise<{ status: number; text: string }> => {
      const res = await fetch(`http://127.0.0.1:${server.port}/api/rooms`, { method: 'POST', body });
      return { status: res.status, text: await res.text() };
    };
    expect(await post('{')).toMatchObject({ status: 400, text: expect.stringContaining('not JSON') as unknown as string });
    expect((await post(JSON.stringify({ scenario: { shipped: '../package' } }))).status).toBe(400);
    expect((await post(JSON.stringify({ scenario: { shipped: 'no-such' } }))).text).toContain('no shipped scenario');
    expect((await post(JSON.stringify({ scenario: { file: { ...file, turns: -1 } } }))).text).toContain('not valid');
    expect((await post(JSON.stringify({ scenario: { shipped: 'classroom-short' }, extra: 1 }))).status).toBe(400);
    expect((await post('x'.repeat(3 * 1024 * 1024 + 1))).status).toBe(413);
    expect((await fetch(`http://127.0.0.1:${server.port}/api/rooms`)).status).toBe(405);
  });
});

describe('limits', () => {
  it('holds at most N rooms made, devices per room and per address, and drops a socket that stops answering pings', async () => {
    const s = await startServerProcess(join(dir, 'limits.sqlite'), ['--max-per-room', '3', '--max-per-ip', '6', '--rooms-per-ip', '2', '--heartbeat-seconds', '1']);
    try {
      const made = await createRoom(s.port, { scenario: { shipped: 'classroom-short' }, settings: NO_TIMER });
      // Two rooms at once from one address (--rooms-per-ip), then one a second: the third is turned away.
      await createRoom(s.port, { scenario: { shipped: 'classroom-short' }, settings: NO_TIMER });
      await expect(createRoom(s.port, { scenario: { shipped: 'classroom-short' }, settings: NO_TIMER })).rejects.toThrow(/429 .*too many rooms/);
      const inRoom = [await Device.join(s.port, made.code), await Device.join(s.port, made.code), await Device.join(s.port, made.code)];
      const fourth = await Device.open(s.port);
      const a = await fourth.request({ t: 'hello', token: made.code });
      expect(a.t).toBe('refused');
      await fourth.until(() => fourth.closed !== null, 3000, 'the full room to close the fourth');
      expect(fourth.closed?.code).toBe(1013);
      // Per address: three more sockets (not in a room) fill the six; a seventh is turned away at the handshake.
      const idle = [await Device.open(s.port), await Device.open(s.port), await Device.open(s.port)];
      await expect(Device.open(s.port)).rejects.toThrow(/429/);
      await idle[0]?.close();
      await sleep(100);
      const again = await Device.open(s.port);
      // A device that never answers a ping is dropped by the heartbeat; the others answer and stay.
      await inRoom[0]?.close();
      await sleep(100);
      const silent = new WebSocket(`ws://127.0.0.1:${s.port}/ws`, { autoPong: false });
      await new Promise((r, fail) => {
        silent.once('open', r);
        silent.once('error', fail);
      });
      const closed = new Promise<number>((r) => silent.once('close', (code) => r(code)));
      silent.send(JSON.stringify({ t: 'hello', id: 1, token: made.code }));
      expect(await closed).toBe(1006);
      expect(inRoom[1]?.closed).toBeNull();
      await Promise.all([...inRoom, ...idle, again].map((d) => d.close()));
    } finally {
      expect(await s.stop()).toBe(0);
    }
  });
});
