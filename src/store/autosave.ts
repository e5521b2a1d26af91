// The autosave: two slots in the browser's storage, the game being played and the game it
// replaced ("previous game"), so nothing a player started is ever lost to a new game, a
// file or a share link. What is read back is untrusted text like any file (another tab,
// an extension, an old version or a full disk may have written it): every field is
// checked, and a slot that fails says why and stays as it is until the player discards
// it or another game pushes it into the previous slot.
import { z } from 'zod';
import type { GameRecord, Order, TurnReport } from '../engine';
import { MAX_SAVE_BYTES, hashJson, loadSave, saveToJson, validateOrders } from '../engine';
import type { Mode } from './mode';
import { ModeSchema, humans, modeProblem, seatsFor } from './mode';

/** Where the autosave goes: localStorage in the browser, a Map in tests. Any call may throw. */
export interface SaveStorage {
  get(key: string): string | null;
  set(key: string, value: string): void;
  remove(key: string): void;
}

export const AUTOSAVE_KEY = 'new-great-game/autosave';
export const PREVIOUS_KEY = 'new-great-game/previous';
export type Slot = 'current' | 'previous';
export const slotKey = (slot: Slot): string => (slot === 'current' ? AUTOSAVE_KEY : PREVIOUS_KEY);

/** The engine's limit on a save, plus room for the mode and the escaping around it. */
export const MAX_AUTOSAVE_CHARS = MAX_SAVE_BYTES + 100_000;
const FORMAT = 'new-great-game/autosave';

/** Each game gets an id when it begins, so a write can tell "the same game, a turn later" from "another game". */
const GameId = z.string().regex(/^[a-z0-9-]{1,40}$/);

const AutosaveSchema = z.strictObject({
  // Autosaves written before the previous slot existed have only `save` and `mode`.
  format: z.literal(FORMAT).optional(),
  version: z.literal(1).optional(),
  game: GameId.optional(),
  save: z.string(),
  mode: z.unknown(),
  // Hot seat: the sealed orders of the seats that have handed over this turn (never shown
  // to the next seat; kept so that reloading the page does not lose them).
  pending: z.unknown().optional(),
});

/** The handed-over orders as stored: a list (power ids are data, never an object's keys). */
const PendingSchema = z.array(z.strictObject({ power: z.string().max(100), orders: z.array(z.unknown()).max(100) })).max(16);

export interface SavedGame {
  gameId: string;
  record: GameRecord;
  reports: TurnReport[];
  mode: Mode;
  /** Hot seat: the orders of the seats that had handed over this turn, restored (a Map: power ids are data). */
  pending: ReadonlyMap<string, readonly Order[]>;
  /** Why handed-over orders in the autosave could not be restored (those seats give them again), or null. */
  pendingLost: string | null;
}

/** What a slot holds, as the start screen offers it. */
export type SlotSummary = { ok: true; gameId: string; title: string; turn: number; lastTurn: number; over: boolean } | { ok: false; reason: string };

export function newGameId(): string {
  const [a = 0, b = 0] = crypto.getRandomValues(new Uint32Array(2));
  return `${a.toString(36)}-${b.toString(36)}`;
}

/** `pending`: hot seat's handed-over orders this turn, written only while another seat still has to give theirs. */
export function autosaveText(gameId: string, record: GameRecord, mode: Mode, pending: ReadonlyMap<string, readonly Order[]> = new Map()): string {
  // The id leads, so a write can read it back without parsing the whole slot.
  const sealed = [...pending].map(([power, orders]) => ({ power, orders }));
  return JSON.stringify({ format: FORMAT, version: 1, game: gameId, mode, save: saveToJson(record), ...(sealed.length > 0 ? { pending: sealed } : {}) });
}

/**
 * The handed-over orders of an autosave, read as untrusted input: each for a person's
 * seat, at most once, legal in the game's current state, and leaving at least one seat
 * still to give orders (else the turn would have been played). All or nothing.
 */
function readPending(record: GameRecord, mode: Mode, raw: unknown): { pending: Map<string, Order[]>; lost: string | null } {
  const none = new Map<string, Order[]>();
  if (raw === undefined) return { pending: none, lost: null };
  const lost = (why: string): { pending: Map<string, Order[]>; lost: string } => ({ pending: none, lost: why });
  if (record.state.phase.kind === 'over') return lost('the game is over');
  const parsed = PendingSchema.safeParse(raw);
  if (!parsed.success) return lost(`they are not orders the game knows (${issues(parsed.error)})`);
  const people = humans(record.scenario, mode);
  const pending = new Map<string, Order[]>();
  for (const { power, orders } of parsed.data) {
    if (!people.includes(power)) return lost(`"${power}" is not a seat played on this device`);
    if (pending.has(power)) return lost(`"${power}" has them twice`);
    const v = validateOrders(record.scenario, record.state, power, orders);
    if (!v.ok) return lost(`they cannot be given now: ${v.error.map((x) => x.reason).join('; ')}`);
    pending.set(power, v.value);
  }
  if (people.every((p) => pending.has(p))) return lost('every seat had given its orders');
  return { pending, lost: null };
}

/** The game id at the head of an autosave text, or null (an old or damaged autosave). */
export function gameIdOf(text: string): string | null {
  return /^\{"format":"new-great-game\/autosave","version":1,"game":"([a-z0-9-]{1,40})"/.exec(text)?.[1] ?? null;
}

/** zod's issues in the game's words: "save: found number, expected a string". */
const issues = (error: z.ZodError): string =>
  error.issues
    .slice(0, 3)
    .map((i) => {
      const where = i.path.length ? `${i.path.join('.')}: ` : '';
      const type = /^Invalid input: expected (\w+), received (\w+)$/.exec(i.message);
      if (type?.[2] === 'undefined') return `${where}missing`;
      if (type) return `${where}found ${type[2]}, expected ${/^[aeiou]/.test(type[1] ?? '') ? 'an' : 'a'} ${type[1]}`;
      return `${where}${i.message}`;
    })
    .join('; ');

/** Reads an autosave's text as untrusted input: a playable game, or what is wrong with it. Never throws. */
export function readAutosave(text: string): { ok: true; game: SavedGame } | { ok: false; reason: string } {
  const no = (reason: string): { ok: false; reason: string } => ({ ok: false, reason });
  try {
    if (text.length > MAX_AUTOSAVE_CHARS) return no(`it is ${text.length} characters, more than any save (${MAX_AUTOSAVE_CHARS})`);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return no('it is not JSON (it was cut short or changed)');
    }
    const file = AutosaveSchema.safeParse(json);
    if (!file.success) return no(`it is not an autosave of this game (${issues(file.error)})`);
    const mode = ModeSchema.safeParse(file.data.mode);
    if (!mode.success) return no(`its players are not a mode the game knows (${issues(mode.error)})`);
    const loaded = loadSave(file.data.save);
    if (!loaded.ok) return no(`its game cannot be loaded: ${loaded.error}`);
    // A mode from before seats is read as the seats it meant.
    const seats = seatsFor(loaded.value.record.scenario, mode.data);
    const problem = modeProblem(loaded.value.record.scenario, seats);
    if (problem !== null) return no(`its players do not fit its scenario: ${problem}`);
    const { pending, lost } = readPending(loaded.value.record, seats, file.data.pending);
    // An autosave from before game ids gets one from its text, the same on every read.
    return { ok: true, game: { gameId: file.data.game ?? `old-${hashJson(text)}`, record: loaded.value.record, reports: loaded.value.reports, mode: seats, pending, pendingLost: lost } };
  } catch (e) {
    // The engine should never throw on a save; if it does, the player still hears why.
    return no(`reading it failed (${e instanceof Error ? e.message : String(e)})`);
  }
}

export function slotSummary(gameId: string, record: GameRecord): SlotSummary {
  return { ok: true, gameId, title: record.scenario.title, turn: record.state.turn, lastTurn: record.state.lastTurn, over: record.state.phase.kind === 'over' };
}

export function summaryOf(text: string | null): SlotSummary | null {
  if (text === null) return null;
  const r = readAutosave(text);
  return r.ok ? slotSummary(r.game.gameId, r.game.record) : r;
}

/** Why the storage refused, in words a player can act on. */
export function storageFailure(e: unknown): string {
  const name = e instanceof Error || (typeof DOMException !== 'undefined' && e instanceof DOMException) ? (e as Error).name : '';
  if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') return "the browser's storage for this site is full";
  if (name === 'SecurityError') return 'the browser does not let this site store anything (a private window or a privacy setting)';
  return `the browser's storage refused (${e instanceof Error ? e.message : String(e)})`;
}

/**
 * Writes the game into the current slot. A different game already there moves to the
 * previous slot first; if that move fails, the current slot is left alone (the older
 * game is kept, the new one is not saved) and the failure is returned.
 */
export function writeAutosave(storage: SaveStorage, gameId: string, text: string): { moved: boolean } {
  const there = storage.get(AUTOSAVE_KEY);
  const moved = there !== null && there !== text && gameIdOf(there) !== gameId;
  if (moved) storage.set(PREVIOUS_KEY, there);
  storage.set(AUTOSAVE_KEY, text);
  return { moved };
}
