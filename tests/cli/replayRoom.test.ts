// The command line's replay reads a classroom room's exported record: its game is checked
// turn by turn, and its log must fold to the same final state.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyEntry, createRoom, exportRoom, handleMessage, settleDue, unresumable } from '../../src/classroom/room';
import type { LogEntry, RoomCreation, RoomState } from '../../src/classroom/room';
import type { ClientMessage } from '../../src/classroom/protocol';
import { SAVE_VERSION, stateHash } from '../../src/engine';
import { loadShipped } from '../engine/helpers';
import { cli } from './run';

const tmp = mkdtempSync(join(tmpdir(), 'ngg-room-'));
const scenario = loadShipped('classroom-short');

function playedRoom(): RoomState {
  const room = createRoom({ code: 'ROOM5', facilitator: 'f'.repeat(24), teamCodes: [], scenario, seed: 'cli-room', settings: { orderSeconds: 30, stanceSeconds: 0, missing: { kind: 'computer', player: 'greedy', graceSeconds: 0 } }, at: 1_000, rules: SAVE_VERSION });
  let now = 1_000;
  const act = (msg: ClientMessage): void => {
    const r = handleMessage(room, { kind: 'facilitator' }, msg, now);
    if (!r.ok) throw new Error(r.error);
    for (const e of r.value) applyEntry(room, e);
  };
  act({ id: 1, t: 'seat', role: scenario.powers[1]!.id, seat: { kind: 'computer', player: 'varied' } });
  act({ id: 2, t: 'start' });
  act({ id: 3, t: 'news', text: 'A news item for the record.' });
  for (let turn = 0; turn < 4; turn++) {
    now += 30_000;
    settleDue(room, now);
  }
  return room;
}

describe('replay of a room', () => {
  const room = playedRoom();
  const file = join(tmp, 'room.json');
  writeFileSync(file, JSON.stringify(exportRoom(room)));

  it('checks the game and folds the log to the same state', () => {
    expect(room.record.state.turn).toBe(5);
    const r = cli(['replay', file]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`room "ROOM5" (${room.log.length} log entries replayed to the same state)`);
    expect(r.stdout).toContain(`4 turns replayed, every hash matches; final state ${stateHash(room.record.state)}`);
  });

  it('says a room the facilitator ended was ended, not that its game is in progress', () => {
    const ended = playedRoom();
    const r0 = handleMessage(ended, { kind: 'facilitator' }, { id: 9, t: 'end' }, 200_000);
    if (!r0.ok) throw new Error(r0.error);
    for (const e of r0.value) applyEntry(ended, e);
    expect(ended.result?.reason).toMatch(/^The facilitator ended the game after turn 4 of \d+: /);
    const endedFile = join(tmp, 'ended-room.json');
    writeFileSync(endedFile, JSON.stringify(exportRoom(ended)));
    const r = cli(['replay', endedFile]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`; ${ended.result?.reason ?? ''}`);
    expect(r.stdout).not.toContain('game in progress');
    // A room still being played says so.
    expect(cli(['replay', file]).stdout).toContain('; game in progress');
  });

  it('finds a log that does not give the game it claims', () => {
    const x = exportRoom(room);
    const close = x.log.find((e) => e.k === 'close-orders');
    if (close?.k !== 'close-orders') throw new Error('no turn closed');
    close.fill = {};
    const bad = join(tmp, 'tampered-room.json');
    writeFileSync(bad, JSON.stringify(x));
    const r = cli(['replay', bad]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/its room log replays to state [0-9a-f]{16}, but its game ends in [0-9a-f]{16}/);
  });

  it('says what is wrong with a room whose game is missing', () => {
    const bad = join(tmp, 'no-game.json');
    writeFileSync(bad, JSON.stringify({ ...exportRoom(room), game: undefined }));
    const r = cli(['replay', bad]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('its game: this is not a New Great Game save');
  });
});

// A room a server could not resume (played under rules version 1) exports its log alone
// (room.ts, `unresumable`): debrief and replay say why nothing can be rebuilt from it, and
// what it holds, instead of "not a room's record".
describe('the record of a room played under earlier rules', () => {
  const { rules: _rules, ...creation } = { code: 'OLD01', facilitator: 'f'.repeat(24), teamCodes: [{ role: 'beijing', code: 'BEIJ01' }], scenario, seed: 'old', settings: { orderSeconds: 0, stanceSeconds: 0, missing: { kind: 'pass' as const } }, at: 0, rules: 1 };
  const log: LogEntry[] = [
    { k: 'start', at: 5 },
    { k: 'submit', role: 'beijing', orders: [], at: 6 },
    { k: 'news', text: 'Kept for the record.', at: 7 },
  ];
  const old = unresumable(creation as RoomCreation, log);
  const file = join(tmp, 'old-room.json');
  writeFileSync(file, JSON.stringify(old?.record));

  it('is refused by debrief and replay with the reason and what it holds', () => {
    expect(old?.rules).toBe(1);
    for (const command of ['debrief', 'replay']) {
      const r = cli([command, file]);
      expect(r.code, command).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(`${file}: room "OLD01" (${scenario.title}) was played under the rules of an earlier version of the game (rules version 1; this version plays version ${SAVE_VERSION})`);
      expect(r.stderr).toContain('no debrief (outcome, points, influence, turning points) can be made and nothing can be replayed');
      expect(r.stderr).toContain('Its log holds 1 submission, 0 stances, 0 messages, 1 news item, 0 injects in 3 entries');
      expect(r.stderr).not.toContain('not a classroom room');
    }
  });

  it('says so, too, when such a record has lost its log', () => {
    const bad = join(tmp, 'old-room-no-log.json');
    writeFileSync(bad, JSON.stringify({ ...old?.record, log: undefined }));
    const r = cli(['debrief', bad]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('the log of a classroom room played under earlier rules, but not a readable one');
  });
});
