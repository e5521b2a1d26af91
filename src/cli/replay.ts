import { loadSave, stateHash } from '../engine';
import { replayExport } from '../classroom/room';
import type { RoomExport } from '../classroom/room';
import { readTextFile, SAVE_LIMIT } from './files';
import { documentKind, notA } from './documents';
import { InputError } from './errors';
import { oldRoomReason } from '../classroom/oldRoom';
import type { LineWriter } from './terminal';

/**
 * Replays a saved game, or a classroom room's exported record: its game is checked as a
 * save is (every turn's hash), then its log is folded again as a restarted server would,
 * and must end in the same state.
 */
export function replay(file: string, out: LineWriter): number {
  const text = readTextFile(file, SAVE_LIMIT);
  const kind = documentKind(text);
  if (kind === 'old-room') throw new InputError(`${file}: ${oldRoomReason(JSON.parse(text))}`);
  const other = kind === 'room' ? null : notA('save', kind);
  if (other !== null) throw new InputError(`${file}: ${other}`);
  const room = kind === 'room' ? (JSON.parse(text) as RoomExport) : null;
  const r = loadSave(room ? JSON.stringify(room.game ?? null) : text);
  if (!r.ok) throw new InputError(`${file}: ${room ? 'its game: ' : ''}${r.error}`);
  const { record } = r.value;
  const phase = record.state.phase;
  const final = stateHash(record.state);
  if (room) {
    let folded: string;
    try {
      folded = stateHash(replayExport(room, record.scenario).record.state);
    } catch (e) {
      throw new InputError(`${file}: its room log cannot be replayed (${e instanceof Error ? e.message : String(e)})`);
    }
    if (folded !== final) throw new InputError(`${file}: its room log replays to state ${folded}, but its game ends in ${final}`);
  }
  const what = room ? `room ${JSON.stringify(room.code)} (${room.log.length} log entries replayed to the same state), ` : '';
  // A room the facilitator ended holds a game that never reached its last turn: its result says how it ended, not "in progress".
  const ended = phase.kind === 'over' ? phase.reason : (room?.result?.reason ?? 'game in progress');
  out(`${file}: ok — ${what}scenario "${record.scenario.id}", seed ${JSON.stringify(record.seed)}, ${record.turns.length} turns replayed, every hash matches; final state ${final}; ${ended}`);
  return 0;
}
