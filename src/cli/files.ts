// Reading the files the command line is given, and checking where a save may go. Input
// is untrusted: the name may be a folder, a device that never ends (/dev/zero), a pipe
// that never opens (a FIFO) or a file far larger than any scenario. So the kind of file
// and its size are checked before reading, and reading stops at the limit.
import { accessSync, closeSync, constants, fstatSync, openSync, readSync, statSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { MAX_SAVE_BYTES, MAX_SCENARIO_BYTES } from '../engine';
import { InputError } from './errors';

/** What a file must be to be read as one kind of document; the engine's limits are in characters (UTF-16 code units). */
export interface TextLimit {
  /** "scenario" or "save", for messages. */
  what: string;
  maxChars: number;
}

export const SCENARIO_LIMIT: TextLimit = { what: 'scenario', maxChars: MAX_SCENARIO_BYTES };
export const SAVE_LIMIT: TextLimit = { what: 'save', maxChars: MAX_SAVE_BYTES };

/**
 * The most bytes of UTF-8 that can decode to `maxChars` code units: three bytes per code
 * unit at worst, plus a byte-order mark. A file within this is read and the engine decides
 * by characters, as it does in the browser; a larger one cannot be valid and is not read.
 */
export const maxBytesFor = (limit: TextLimit): number => limit.maxChars * 3 + 3;

const CHUNK = 64 * 1024;

const NO_SUCH_FILE = 'no such file';

/** Why a file operation failed, in words, from Node's error code. */
export function fsReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOENT':
      return NO_SUCH_FILE;
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a folder, not a file';
    case 'ENOTDIR':
      return 'a part of the path is not a folder';
    case 'ENAMETOOLONG':
      return 'the name is too long';
    case 'ELOOP':
      return 'a loop of symbolic links';
    case 'EROFS':
      return 'the file system is read-only';
    case 'ENOSPC':
      return 'the disk is full';
    case 'ERR_INVALID_ARG_VALUE':
    case 'ERR_INVALID_ARG_TYPE':
      return 'not a valid file name';
    default:
      return code ?? (e instanceof Error ? e.message : String(e));
  }
}

/** What a non-regular file is, said for a person. */
function kindOf(st: Stats): string | null {
  if (st.isFile()) return null;
  if (st.isDirectory()) return 'it is a folder, not a file';
  if (st.isFIFO()) return 'it is a named pipe, not a file';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'it is a device, not a file';
  if (st.isSocket()) return 'it is a socket, not a file';
  return 'it is not a regular file';
}

/**
 * The folder a relative name on the command line means. `npm run cli` runs the command
 * from the package root whatever folder the user typed it in; npm says that folder in
 * INIT_CWD. INIT_CWD is inherited by every process npm starts, so it is believed only
 * when npm ran this very script (`npm_lifecycle_event` is `cli`): a test or a tool that
 * starts the command line from elsewhere means its own current folder.
 */
export function userFolder(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): string {
  const init = env.INIT_CWD;
  return env.npm_lifecycle_event === 'cli' && init !== undefined && init !== '' ? resolve(cwd, init) : cwd;
}

/** Where a file named on the command line is: relative names from the user's folder (see userFolder). */
export const userPath = (name: string, env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): string => resolve(userFolder(env, cwd), name);

/**
 * The name as given; a missing file also says the absolute path tried, when it differs
 * from the name: a user in another folder than they thought sees where it was looked for.
 */
const cannotRead = (path: string, reason: string): InputError => {
  const tried = userPath(path);
  const where = reason === NO_SUCH_FILE && tried !== path ? `; tried ${tried}` : '';
  return new InputError(`${path}: cannot read the file (${reason}${where})`);
};

/**
 * The text of a regular file, decoded as the browser's File.text() does (UTF-8, one
 * leading byte-order mark dropped, invalid bytes as U+FFFD), so a file gets the same
 * answer on the command line as in the browser. Never reads more than the limit's
 * bytes plus one.
 */
export function readTextFile(path: string, limit: TextLimit): string {
  let fd: number;
  try {
    // Non-blocking, so that opening a FIFO nobody writes to returns at once instead of waiting.
    fd = openSync(userPath(path), constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    throw cannotRead(path, fsReason(e));
  }
  try {
    const st = fstatSync(fd);
    const kind = kindOf(st);
    if (kind !== null) throw cannotRead(path, kind);
    const maxBytes = maxBytesFor(limit);
    const tooLarge = (size: string): InputError => new InputError(`${path}: too large for a ${limit.what} (${size}; a ${limit.what} has at most ${limit.maxChars} characters)`);
    if (st.size > maxBytes) throw tooLarge(`${st.size} bytes`);
    // The size can be wrong (a file still growing, a /proc file that says 0), so the reading itself stops at the limit.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(CHUNK, maxBytes + 1 - total));
      let n: number;
      try {
        n = readSync(fd, chunk, 0, chunk.length, null);
      } catch (e) {
        throw cannotRead(path, fsReason(e));
      }
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      total += n;
      if (total > maxBytes) throw tooLarge(`more than ${maxBytes} bytes`);
    }
    if (total === 0) throw new InputError(`${path}: the file is empty`);
    return new TextDecoder('utf-8').decode(Buffer.concat(chunks, total));
  } finally {
    closeSync(fd);
  }
}

/**
 * Checks before a long game that its save can be written at `path`: a regular file or
 * a new name in an existing, writable folder. The write itself can still fail (a full
 * disk); the caller reports that the same way.
 */
export function checkSavePath(path: string): void {
  const cannotWrite = (reason: string): InputError => new InputError(`${path}: cannot write the save (${reason})`);
  const where = userPath(path);
  let st: Stats | undefined;
  try {
    st = statSync(where);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw cannotWrite(fsReason(e));
  }
  if (st) {
    const kind = kindOf(st);
    if (kind !== null) throw cannotWrite(kind);
    return;
  }
  const folder = dirname(where);
  let parent: Stats;
  try {
    parent = statSync(folder);
  } catch (e) {
    throw cannotWrite((e as NodeJS.ErrnoException).code === 'ENOENT' ? `no such folder: ${folder}` : fsReason(e));
  }
  if (!parent.isDirectory()) throw cannotWrite(`${folder} is not a folder`);
  try {
    accessSync(folder, constants.W_OK);
  } catch (e) {
    throw cannotWrite(fsReason(e));
  }
}
