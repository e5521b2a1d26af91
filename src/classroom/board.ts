// A device's board between turns, sent as what changed (issue 12). A device holds its view
// of the board at a version (the number of turns played) and every turn report so far; after
// a turn the server sends the reports it lacks and, instead of the whole view again, a patch
// from the version it holds. Every device of a room holds the version of the room's last
// commit (a welcome is sent only after its room's queued entries are committed, and messages
// on one socket arrive in order), so the base is known; a device that finds it holds another
// one (a bug, never the normal path) asks for the whole board by connecting again.
//
// A patch is a list of [path, value]: a record whose keys stay the same (in the same order)
// is entered, anything else that differs is replaced whole. So applying only ever sets keys
// that exist, and the result has the server's key order: byte for byte the view a whole board
// would have brought (tests/classroom/board.test.ts plays a game both ways).
import type { PowerView } from '../engine';
import { reviveView } from '../engine';
import type { GameSnapshot, GameUpdate, ViewPatch } from './protocol';

type Json = unknown;

const isRecord = (x: Json): x is Record<string, Json> => x !== null && typeof x === 'object' && !Array.isArray(x);

function sameKeys(a: Record<string, Json>, b: Record<string, Json>): boolean {
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k, i) => k === kb[i]);
}

function same(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => same(x, b[i]));
  if (isRecord(a) && isRecord(b)) return sameKeys(a, b) && Object.keys(a).every((k) => same(a[k], b[k]));
  return false;
}

const size = (x: unknown): number => JSON.stringify(x).length;

function diff(a: Json, b: Json, path: string[]): ViewPatch {
  if (isRecord(a) && isRecord(b) && sameKeys(a, b)) {
    const inner = Object.keys(b).flatMap((k) => diff(a[k], b[k], [...path, k]));
    // A record most of whose values changed (a country's influence after a turn) is shorter sent whole than key by key.
    if (inner.length > 1 && size([path, b]) <= inner.reduce((n, e) => n + size(e) + 1, 0)) return [[path, b]];
    return inner;
  }
  return same(a, b) ? [] : [[path, b]];
}

/** What turns the view `before` into `after` (both as the server made them). */
export function diffView(before: PowerView, after: PowerView): ViewPatch {
  return diff(before, after, []);
}

/** `view` with `patch` applied (a copy: nothing of `view` is changed), or null if the patch does not fit it. */
export function applyViewPatch(view: PowerView, patch: ViewPatch): PowerView | null {
  let root: Json = view;
  for (const [path, value] of patch) {
    if (path.length === 0) {
      root = value;
      continue;
    }
    // Copy along the path only: the old view stays as it was (the page compares boards by identity).
    const top = copyRecord(root);
    if (!top) return null;
    root = top;
    let at = top;
    for (const [i, key] of path.entries()) {
      // Only keys that exist are set, so a patch can neither add keys nor reach a prototype.
      if (!Object.hasOwn(at, key)) return null;
      if (i === path.length - 1) {
        at[key] = value;
        break;
      }
      const next = copyRecord(at[key]);
      if (!next) return null;
      at[key] = next;
      at = next;
    }
  }
  if (!isRecord(root)) return null;
  return reviveView(root as unknown as PowerView);
}

function copyRecord(x: Json): Record<string, Json> | null {
  if (!isRecord(x)) return null;
  // Defined, not assigned, so a key such as "__proto__" stays a plain key.
  const out: Record<string, Json> = Object.create(null) as Record<string, Json>;
  for (const k of Object.keys(x)) Object.defineProperty(out, k, { value: x[k], writable: true, enumerable: true, configurable: true });
  return out;
}

/**
 * The board after an update, or null when the update does not follow what this device holds
 * (another version, or reports missing before `from`): the device must get the whole board again.
 */
export function applyGameUpdate(known: GameSnapshot | null, u: GameUpdate): GameSnapshot | null {
  const reports = known?.reports ?? [];
  if (u.from > reports.length) return null;
  let view: PowerView;
  if (u.board.kind === 'view') view = reviveView(u.board.view);
  else if (!known) return null;
  else if (known.version === u.version) view = known.view;
  else if (known.version !== u.board.base) return null;
  else {
    const patched = applyViewPatch(known.view, u.board.patch);
    if (!patched) return null;
    view = patched;
  }
  return { version: u.version, view, reports: [...reports.slice(0, u.from), ...u.reports] };
}
