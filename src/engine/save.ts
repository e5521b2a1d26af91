// Saving and loading. A save is the scenario, the seed, the options and every turn's
// orders with the state hash after that turn: loading replays the orders through the
// engine and checks each hash, so a corrupted or tampered save is caught at the turn
// where it goes wrong, and the game it describes is rebuilt exactly.
import { z } from 'zod';
import type { Scenario } from './schema';
import type { GameState } from './state';
import type { GameOptions } from './game';
import { MAX_INJECTED, MAX_SEED_LENGTH, MAX_TURNS, newGame, resolveTurn, stateHash } from './game';
import type { TurnReport } from './ledger';
import type { Order } from './order';
import type { RepublicChoice } from './republics';
import { idRecord, protoKeyPaths } from './records';
import { loadScenario, protoKeyProblem, withoutBom } from './scenario';
import { FORMAT_VERSION, migrateScenario } from './migrate';
import { describeValue, problemsFromZod, formatProblem } from './problems';
import type { Result } from './result';
import { err, ok } from './result';

export interface TurnRecord {
  orders: Record<string, Order[]>;
  /** Each republic's stance that turn (replayed as given, so a republic played by students replays exactly). */
  republics?: Record<string, RepublicChoice>;
  /** Events fired by hand that turn (a classroom facilitator's injects); absent when none. */
  injected?: string[];
  /** State hash after the turn resolved. */
  hash: string;
}

/**
 * The save format's version, which is also the version of the rules a save replays under:
 * 2 draws each turn's events when the turn opens (phases/events.ts); 1 drew them during
 * resolution, so a game of version 1 replays to other states and is refused (loadSave).
 */
export const SAVE_VERSION = 2;

/** Why a game of the rules before SAVE_VERSION 2 cannot be replayed: said the same wherever one is stored. */
export const OLD_RULES_MESSAGE =
  'made under the rules of an earlier version: events were drawn during resolution, and they are now drawn when each turn opens, so its turns would replay to a different game and cannot be checked; its scenario can still be opened and played anew';

export interface SaveFile {
  format: 'new-great-game/save';
  version: typeof SAVE_VERSION;
  scenario: Scenario;
  seed: string;
  options: GameOptions;
  turns: TurnRecord[];
  finalHash: string;
}

/** A game in progress: what a save holds, plus the current state. */
export interface GameRecord {
  scenario: Scenario;
  seed: string;
  options: GameOptions;
  turns: TurnRecord[];
  state: GameState;
}

const Hash = z.string().regex(/^[0-9a-f]{16}$/, 'a 16-digit hex hash');

const SaveSchema = z.strictObject({
  format: z.literal('new-great-game/save'),
  version: z.literal(SAVE_VERSION),
  scenario: z.unknown(),
  seed: z.string().max(MAX_SEED_LENGTH),
  options: z.strictObject({ turns: z.number().int().min(1).max(MAX_TURNS).optional(), whatIf: z.boolean().optional() }),
  turns: z.array(z.strictObject({ orders: z.record(z.string(), z.array(z.unknown())), republics: z.record(z.string(), z.unknown()).optional(), injected: z.array(z.string().max(100)).max(MAX_INJECTED).optional(), hash: Hash })).max(MAX_TURNS),
  finalHash: Hash,
});

export const MAX_SAVE_BYTES = 5_000_000;
/** A save nests its scenario one level down; anything deeper is refused by the scenario's own limit. */
const MAX_SAVE_NESTING = 32;

export function startRecord(scenario: Scenario, seed: string, options: GameOptions = {}): Result<GameRecord, string> {
  const state = newGame(scenario, seed, options);
  return state.ok ? ok({ scenario, seed, options, turns: [], state: state.value }) : state;
}

/** Plays a turn and appends it to the record. The record given is not changed. */
export function playTurn(record: GameRecord, orders: Record<string, unknown>, republics?: unknown, injected: readonly string[] = []): Result<{ record: GameRecord; report: TurnReport }, string> {
  const r = resolveTurn(record.scenario, record.state, orders, republics, injected);
  if (!r.ok) return err(r.error.message);
  const taken = idRecord<RepublicChoice>();
  for (const s of r.value.report.republics) taken[s.country] = s.choice;
  const turn: TurnRecord = { orders: r.value.report.orders, republics: taken, ...(injected.length > 0 ? { injected: [...injected] } : {}), hash: stateHash(r.value.state) };
  return ok({ record: { ...record, turns: [...record.turns, turn], state: r.value.state }, report: r.value.report });
}

export function toSave(record: GameRecord): SaveFile {
  return { format: 'new-great-game/save', version: SAVE_VERSION, scenario: record.scenario, seed: record.seed, options: record.options, turns: record.turns, finalHash: stateHash(record.state) };
}

export const saveToJson = (record: GameRecord): string => JSON.stringify(toSave(record));

export interface LoadedGame {
  record: GameRecord;
  reports: TurnReport[];
}

/** Loads a save from untrusted text; every failure says where (field path or turn). */
export function loadSave(raw: string): Result<LoadedGame, string> {
  const text = withoutBom(raw);
  if (text.length > MAX_SAVE_BYTES) return err(`the save is ${text.length} characters; at most ${MAX_SAVE_BYTES} are accepted`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return err('the save is not JSON (the file is damaged or not a New Great Game save)');
  }
  const protoKeys = protoKeyPaths(json, 5, MAX_SAVE_NESTING);
  if (protoKeys.length > 0) return err(`not a valid save: ${protoKeys.map((p) => formatProblem('save', protoKeyProblem(p))).join('; ')}`);
  // A file of another kind (a scenario, a state, another program's JSON) is named as such, not listed field by field.
  const format = json !== null && typeof json === 'object' && !Array.isArray(json) ? (json as { format?: unknown }).format : undefined;
  if (format !== 'new-great-game/save') return err(`this is not a New Great Game save (${format === undefined ? 'it has no "format": "new-great-game/save"' : `its format is ${describeValue(format)}`})`);
  const version = (json as { version?: unknown }).version;
  if (version === 1) return err(`this save was ${OLD_RULES_MESSAGE}`);
  if (version !== SAVE_VERSION) return err(`this save is of version ${describeValue(version)}; this game reads saves of version ${SAVE_VERSION}`);
  const parsed = SaveSchema.safeParse(json);
  if (!parsed.success) {
    return err(`not a valid save: ${problemsFromZod(json, parsed.error.issues).slice(0, 5).map((p) => formatProblem('save', p)).join('; ')}`);
  }
  const save = parsed.data;
  // A save is checked by the state hash after every turn, and the scenario's own hash is part
  // of the state: a scenario migrated from an earlier form hashes differently, so such a save
  // could only be replayed unchecked. It is refused, saying why, rather than misread.
  const form = migrateScenario(save.scenario).from;
  if (form !== FORMAT_VERSION) {
    return err(`this save was made with an earlier version of the game (its scenario is in form ${form} of the format, this version reads form ${FORMAT_VERSION}), so it cannot be replayed and checked exactly; its scenario can still be opened and played anew`);
  }
  const scenario = loadScenario(save.scenario);
  if (!scenario.ok) {
    const more = scenario.error.length > 5 ? `; and ${scenario.error.length - 5} more` : '';
    return err(`the save's scenario is invalid: ${scenario.error.slice(0, 5).map((p) => formatProblem('save.scenario', p)).join('; ')}${more}`);
  }
  const start = startRecord(scenario.value, save.seed, save.options);
  if (!start.ok) return err(`the save's options are invalid: ${start.error}`);
  let record = start.value;
  const reports: TurnReport[] = [];
  for (const [i, turn] of save.turns.entries()) {
    const r = playTurn(record, turn.orders, turn.republics, turn.injected);
    if (!r.ok) return err(`turn ${i + 1}: the saved orders are not legal: ${r.error}`);
    const got = stateHash(r.value.record.state);
    if (got !== turn.hash) return err(`turn ${i + 1}: replaying gives state ${got}, but the save says ${turn.hash}`);
    record = r.value.record;
    reports.push(r.value.report);
  }
  const final = stateHash(record.state);
  if (final !== save.finalHash) return err(`final state: replaying gives ${final}, but the save says ${save.finalHash}`);
  return ok({ record, reports });
}
