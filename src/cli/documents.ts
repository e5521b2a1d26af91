// Which kind of document a JSON file is, so that a file given to the wrong command is
// named for what it is ("a saved game, not a scenario") rather than listed as dozens of
// missing fields. `validate scenarios/*.json` also meets the format's own JSON Schema,
// which it skips.

export type DocumentKind = 'json-schema' | 'save' | 'room' | 'old-room' | 'scenario' | 'other';

const JSON_SCHEMA_META = /^https?:\/\/json-schema\.org\//;
const SAVE_FORMAT = 'new-great-game/save';
const ROOM_FORMAT = 'new-great-game/room';
/** A room a server could not resume (played under earlier rules): its log alone (room.ts, `unresumable`). */
const OLD_ROOM_FORMAT = 'new-great-game/old-room';

/** The kind of a document from its text; text that is not a JSON object is 'other' (the engine explains what is wrong with it). */
export function documentKind(text: string): DocumentKind {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return 'other';
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return 'other';
  const field = (key: string): unknown => (Object.hasOwn(json, key) ? (json as Record<string, unknown>)[key] : undefined);
  const schema = field('$schema');
  if (typeof schema === 'string' && JSON_SCHEMA_META.test(schema)) return 'json-schema';
  if (field('format') === SAVE_FORMAT) return 'save';
  if (field('format') === ROOM_FORMAT) return 'room';
  if (field('format') === OLD_ROOM_FORMAT) return 'old-room';
  if (Array.isArray(field('powers')) && Array.isArray(field('countries'))) return 'scenario';
  return 'other';
}

/** Says what a document of another kind is, for a command that expected `expected`. */
export function notA(expected: 'scenario' | 'save', kind: DocumentKind): string | null {
  if (kind === 'json-schema') return `not a ${expected === 'save' ? 'saved game' : 'scenario'} but a JSON Schema (the description of the scenario format)`;
  if (kind === 'save' && expected === 'scenario') return 'not a scenario but a saved game (replay checks saved games)';
  if (kind === 'room' && expected === 'scenario') return 'not a scenario but a classroom room\'s record (replay checks it)';
  if (kind === 'old-room') return `not a ${expected === 'save' ? 'saved game' : 'scenario'} but the log of a classroom room played under earlier rules`;
  if (kind === 'scenario' && expected === 'save') return 'not a saved game but a scenario (validate checks scenarios)';
  return null;
}
