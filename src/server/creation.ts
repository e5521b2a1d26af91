// A new room's creation record, from the facilitator's request (POST /api/rooms). The
// request is untrusted: its scenario is either the id of a shipped scenario (read from
// scenarios/<id>.json, as the command line reads it) or a whole scenario file, and both go
// through the engine's own validator.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { CreateRoom } from '../classroom/protocol';
import type { RoomCreation } from '../classroom/room';
import { rolesOf } from '../classroom/room';
import { CreateRoomSchema, DEFAULT_SETTINGS } from '../classroom/protocol';
import type { Scenario } from '../engine';
import { formatProblem, loadScenario, loadScenarioText, MAX_SCENARIO_BYTES, SAVE_VERSION } from '../engine';
import { facilitatorSecret, freshCode, ROOM_CODE_LENGTH, TEAM_CODE_LENGTH } from './codes';

/** A room's creation record (room.ts's RoomCreation), as the server builds it. */
export type NewCreation = RoomCreation;

export type Built = { ok: true; value: NewCreation } | { ok: false; error: string };

/** A shipped scenario's id: lower-case letters, digits and hyphens, so it can name nothing but a file in scenarios/. */
const SHIPPED_ID = /^[a-z0-9][a-z0-9-]{0,79}$/;

export function readShipped(dir: string, id: string): { ok: true; value: Scenario } | { ok: false; error: string } {
  if (!SHIPPED_ID.test(id)) return { ok: false, error: `no shipped scenario is called "${id}"` };
  const path = join(dir, `${id}.json`);
  let text: string;
  try {
    const st = statSync(path);
    if (!st.isFile() || st.size > MAX_SCENARIO_BYTES * 3) return { ok: false, error: `no shipped scenario is called "${id}"` };
    text = readFileSync(path, 'utf8');
  } catch {
    return { ok: false, error: `no shipped scenario is called "${id}"` };
  }
  const r = loadScenarioText(text);
  return r.ok ? r : { ok: false, error: r.error.slice(0, 5).map((p) => formatProblem(id, p)).join('; ') };
}

/** Builds the creation record for a request body (already JSON). `taken` says whether a code is in use anywhere. */
export function buildCreation(body: unknown, scenariosDir: string, taken: (code: string) => boolean, now: number): Built {
  const parsed = CreateRoomSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: `not a room request${issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : ''}: ${issue?.message ?? 'unknown shape'}` };
  }
  const req: CreateRoom = parsed.data;
  let scenario: Scenario;
  if ('shipped' in req.scenario) {
    const r = readShipped(scenariosDir, req.scenario.shipped);
    if (!r.ok) return r;
    scenario = r.value;
  } else {
    const r = loadScenario(req.scenario.file);
    if (!r.ok) {
      const more = r.error.length > 5 ? `; and ${r.error.length - 5} more` : '';
      return { ok: false, error: `the scenario is not valid: ${r.error.slice(0, 5).map((p) => formatProblem('scenario', p)).join('; ')}${more}` };
    }
    scenario = r.value;
  }
  // Codes drawn for this room must not collide with each other either.
  const drawn = new Set<string>();
  const draw = (length: number): string => {
    const c = freshCode(length, (x) => taken(x) || drawn.has(x));
    drawn.add(c);
    return c;
  };
  return {
    ok: true,
    value: {
      code: draw(ROOM_CODE_LENGTH),
      facilitator: facilitatorSecret(),
      teamCodes: rolesOf(scenario).map((r) => ({ role: r.id, code: draw(TEAM_CODE_LENGTH) })),
      scenario,
      seed: req.seed ?? randomBytes(6).toString('hex'),
      settings: req.settings ?? DEFAULT_SETTINGS,
      at: now,
      rules: SAVE_VERSION,
    },
  };
}
