import { writeFileSync } from 'node:fs';
import { classDebrief } from '../classroom/classDebrief';
import { debriefPage } from '../classroom/debriefPage';
import type { RoomExport } from '../classroom/room';
import { checkSavePath, fsReason, readTextFile, SAVE_LIMIT, userPath } from './files';
import { documentKind } from './documents';
import { InputError } from './errors';
import { oldRoomReason } from '../classroom/oldRoom';
import type { LineWriter } from './terminal';

/** The class's debrief of an exported room, as a printable HTML page: to `outFile`, or printed. */
export function debriefRoom(file: string, outFile: string | undefined, out: LineWriter): number {
  const text = readTextFile(file, SAVE_LIMIT);
  const kind = documentKind(text);
  if (kind === 'old-room') throw new InputError(`${file}: ${oldRoomReason(JSON.parse(text))}`);
  if (kind !== 'room') throw new InputError(`${file}: not a classroom room's record (${kind === 'save' ? 'a saved game: replay checks it' : kind === 'scenario' ? 'a scenario' : 'export it from the facilitator console'})`);
  const made = classDebrief(JSON.parse(text) as RoomExport);
  if (!made.ok) throw new InputError(`${file}: ${made.error}`);
  const page = debriefPage(made.value);
  if (outFile === undefined) {
    // The page goes out whole: the terminal escaping of `out` is for lines of text, and HTML escapes its own data.
    process.stdout.write(page);
    return 0;
  }
  checkSavePath(outFile);
  try {
    writeFileSync(userPath(outFile), page);
  } catch (e) {
    throw new InputError(`${outFile}: cannot write the debrief (${fsReason(e)})`);
  }
  out(`${file}: debrief of room ${JSON.stringify(made.value.code)} (${made.value.turns.length} turns) written to ${outFile}`);
  return 0;
}
