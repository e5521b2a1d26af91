// A room a server could not resume because it was played under earlier rules exports only its
// log (room.ts, `unresumable`): no scenario and no game, and its turns would play out
// differently under today's rules. So no debrief can be made of it: the command line's
// `debrief` and `replay` and the server's debrief link say so, with what the record does
// hold, instead of "not a room's record" or a failure.
import { SAVE_VERSION } from '../engine';

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** Whether a parsed document is such a record (it may be malformed: `oldRoomReason` says so). */
export const isOldRoomRecord = (x: unknown): boolean => x !== null && typeof x === 'object' && !Array.isArray(x) && Object.hasOwn(x, 'format') && (x as { format: unknown }).format === 'new-great-game/old-room';

/** Why such a record (parsed JSON) cannot be debriefed or replayed, in one paragraph. */
export function oldRoomReason(parsed: unknown): string {
  const x = (parsed !== null && typeof parsed === 'object' ? parsed : {}) as Record<string, unknown>;
  const field = (key: string): unknown => (Object.hasOwn(x, key) ? x[key] : undefined);
  const code = field('code');
  const rules = field('rules');
  const log = field('log');
  const title = field('title');
  if (typeof code !== 'string' || typeof rules !== 'number' || !Number.isInteger(rules) || !Array.isArray(log)) {
    return 'the log of a classroom room played under earlier rules, but not a readable one (its code, rules version or log is missing)';
  }
  const count = (k: string): number => log.filter((e: unknown) => e !== null && typeof e === 'object' && (e as { k?: unknown }).k === k).length;
  const of = typeof title === 'string' ? ` (${title})` : '';
  const holds = [plural(count('submit'), 'submission'), plural(count('stance'), 'stance'), plural(count('say'), 'message'), plural(count('news'), 'news item'), plural(count('inject'), 'inject')].join(', ');
  return (
    `room ${JSON.stringify(code)}${of} was played under the rules of an earlier version of the game (rules version ${rules}; this version plays version ${SAVE_VERSION}): ` +
    `its turns would now play out differently, and its record holds no game, only its log, so no debrief (outcome, points, influence, turning points) can be made and nothing can be replayed. ` +
    `Its log holds ${holds} in ${plural(log.length, 'entry', 'entries')}, each with its time, as recorded: read them in the file, and play the scenario anew in a new room.`
  );
}
