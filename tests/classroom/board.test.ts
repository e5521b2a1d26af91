// Board updates as patches (src/classroom/board.ts): a device fed every update of a whole game
// ends with the very board, byte for byte, that a device joining then is sent whole; an update
// that does not follow a device's board is refused rather than applied.
import { constants, inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { applyGameUpdate, applyViewPatch, diffView } from '../../src/classroom/board';
import type { GameSnapshot, GameUpdate, Identity } from '../../src/classroom/protocol';
import { GameUpdateSchema } from '../../src/classroom/protocol';
import type { LogEntry, RoomState } from '../../src/classroom/room';
import { createRoom, gameSnapshot, outbox, welcome } from '../../src/classroom/room';
import type { Scenario } from '../../src/engine';
import { reviveView, SAVE_VERSION, viewFor } from '../../src/engine';
import { greedyPlayer } from '../../src/ai/greedy';
import { deflateMessage } from '../../src/server/deflate';
import { loadShipped } from '../engine/helpers';
import type { Msg } from './roomDriver';
import { FAC, deliver, team } from './roomDriver';

const T0 = 1_700_000_000_000;

/** classroom-short with Moscow's war drain secret, so the powers' boards differ from the public one. */
function withSecret(): Scenario {
  const sc = loadShipped('classroom-short');
  return { ...sc, powers: sc.powers.map((p) => (p.id === 'moscow' ? { ...p, tracks: p.tracks.map((t) => (t.id === 'war-drain' ? { ...t, secret: true } : t)) } : p)) };
}

function room(scenario: Scenario): RoomState {
  return createRoom({
    code: 'KX4TP',
    facilitator: 'secret-facilitator-token',
    teamCodes: [...scenario.powers.map((p, i) => ({ role: p.id, code: `TEAM0${i}` })), { role: 'uzbekistan', code: 'UZBEK1' }],
    scenario,
    seed: 'board-test',
    settings: { orderSeconds: 0, stanceSeconds: 0, missing: { kind: 'pass' } },
    at: T0,
    rules: SAVE_VERSION,
  });
}

let clock = T0;
const send = (r: RoomState, who: Identity, msg: Msg): LogEntry[] => deliver(r, who, msg, (clock += 1000));

/** What crossed the wire: JSON text read back, as a device gets it. */
const wire = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
/**
 * What crossed the wire to a device that negotiated permessage-deflate (src/server/deflate.ts):
 * the text compressed once, inflated as its browser does, then read back; the text must come out whole.
 */
function compressedWire<T>(x: T): T {
  const text = JSON.stringify(x);
  const read = inflateRawSync(Buffer.concat([deflateMessage(text), Buffer.from([0, 0, 0xff, 0xff])]), { finishFlush: constants.Z_SYNC_FLUSH }).toString('utf8');
  expect(read).toBe(text);
  return JSON.parse(read) as T;
}
/** A welcome's board as the page keeps it (classroomStore's reviveGame). */
const revived = (g: GameSnapshot): GameSnapshot => ({ version: g.version, view: reviveView(g.view), reports: g.reports });

describe('board updates', () => {
  it('a device fed patches over a whole game holds, byte for byte, the board a device joining at the end is sent whole', () => {
    const scenario = withSecret();
    const r = room(scenario);
    send(r, FAC, { t: 'seat', role: 'uzbekistan', seat: { kind: 'team', name: 'Uzbekistan' } });
    const who: Identity[] = [FAC, { kind: 'projector' }, team('beijing'), team('moscow'), team('uzbekistan')];
    const held = new Map<Identity, GameSnapshot | null>(who.map((w) => [w, revived(wire(gameSnapshot(r, w)))]));
    const deliver = (entries: LogEntry[]): GameUpdate[] => {
      // One message object per board, however many audiences it goes to (the hub serialises and compresses it once).
      const sent = new Map<GameUpdate, GameUpdate>();
      for (const o of outbox(r, entries, clock, new Map())) {
        if (o.msg.t !== 'game') continue;
        const msg = sent.get(o.msg) ?? compressedWire(o.msg);
        sent.set(o.msg, msg);
        expect(GameUpdateSchema.safeParse(msg).success).toBe(true);
        for (const w of who) {
          const to = o.to;
          const reaches = to.kind === 'all' || (to.kind === 'team' ? w.kind === 'team' && w.role === to.role : to.kind === w.kind);
          if (reaches) held.set(w, applyGameUpdate(held.get(w) ?? null, msg));
        }
      }
      return [...sent.values()];
    };
    expect(deliver(send(r, FAC, { t: 'start' }))).toEqual([]);
    let turns = 0;
    while (r.phase !== 'ended') {
      for (const p of scenario.powers) deliver(send(r, team(p.id), { t: 'submit', orders: greedyPlayer().decide(scenario, viewFor(scenario, r.record.state, p.id)) }));
      const updates = deliver(send(r, team('uzbekistan'), { t: 'stance', choice: { kind: 'hedge' } }));
      turns++;
      // One update per viewer (the public board, and each power's own), each a patch with the one new report.
      expect(updates.map((u) => [u.board.kind, u.version, u.from, u.reports.length])).toEqual(Array.from({ length: 3 }, () => ['patch', turns, turns - 1, 1]));
      for (const u of updates) expect(JSON.stringify(u).length).toBeLessThan(JSON.stringify({ ...u, board: { kind: 'view', view: viewFor(scenario, r.record.state, '') } }).length);
    }
    expect(turns).toBe(scenario.turns);
    for (const w of who) {
      const whole = welcome(r, w, clock, new Map());
      if (whole.t !== 'welcome' || !whole.game) throw new Error('no board in the welcome');
      expect(JSON.stringify(held.get(w)), JSON.stringify(w)).toBe(JSON.stringify(revived(wire(whole.game))));
    }
    // The secret track stayed with its power.
    const [, , beijing, moscow] = who as [Identity, Identity, Identity, Identity];
    expect(held.get(moscow)?.view.powers.moscow?.tracks['war-drain']).toBeGreaterThanOrEqual(0);
    expect(held.get(beijing)?.view.powers.moscow?.tracks['war-drain']).toBeUndefined();
  });

  it('an update that does not follow the board held is refused: another version, or reports missing', () => {
    const scenario = loadShipped('classroom-short');
    const r = room(scenario);
    send(r, FAC, { t: 'start' });
    const before = revived(wire(gameSnapshot(r, FAC)));
    const play = (): GameUpdate => {
      send(r, team('beijing'), { t: 'submit', orders: [] });
      const entries = send(r, team('moscow'), { t: 'submit', orders: [] });
      const u = outbox(r, entries, clock, new Map()).find((o) => o.msg.t === 'game')?.msg;
      if (u?.t !== 'game') throw new Error('no board update');
      return wire(u);
    };
    const first = play();
    const second = play();
    // Skipping the first update: the second patches a board this device does not hold.
    expect(applyGameUpdate(before, second)).toBeNull();
    expect(applyGameUpdate(null, second)).toBeNull();
    const after = applyGameUpdate(before, first);
    expect(after?.version).toBe(1);
    expect(applyGameUpdate(after, second)?.version).toBe(2);
    // Reports from index 1 on, to a device holding none.
    expect(applyGameUpdate({ ...before, version: 1 }, second)).toBeNull();
  });

  it('two turns resolved by one batch of entries send the view whole', () => {
    const scenario = loadShipped('classroom-short');
    const r = room(scenario);
    send(r, FAC, { t: 'start' });
    const entries = [...send(r, team('beijing'), { t: 'submit', orders: [] }), ...send(r, team('moscow'), { t: 'submit', orders: [] })];
    entries.push(...send(r, team('beijing'), { t: 'submit', orders: [] }), ...send(r, team('moscow'), { t: 'submit', orders: [] }));
    const u = outbox(r, entries, clock, new Map()).find((o) => o.msg.t === 'game')?.msg;
    if (u?.t !== 'game') throw new Error('no board update');
    expect([u.board.kind, u.version, u.from, u.reports.length]).toEqual(['view', 2, 0, 2]);
  });

  it('a patch sets only keys that exist: it cannot add one or reach a prototype', () => {
    const scenario = loadShipped('classroom-short');
    const view = viewFor(scenario, room(scenario).record.state, '');
    expect(applyViewPatch(view, [[['powers', '__proto__', 'polluted'], 1]])).toBeNull();
    expect(applyViewPatch(view, [[['no-such-key'], 1]])).toBeNull();
    expect(applyViewPatch(view, [[['turn', 'deeper'], 1]])).toBeNull();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // The view given is left as it was.
    const patched = applyViewPatch(view, [[['turn'], 5]]);
    expect([patched?.turn, view.turn]).toEqual([5, 1]);
    expect(diffView(view, view)).toEqual([]);
  });
});
