// The command line's replay reads a classroom room's exported record: its game is checked
// turn by turn, and its log must fold to the same final state.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyEntry, createRoom, exportRoom, handleMessage, settleDue } from '../../src/classroom/room';
import type { RoomState } from '../../src/classroom/room';
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
