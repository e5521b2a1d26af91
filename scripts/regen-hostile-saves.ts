// Rebuilds the saves and autosaves among the hostile-input fixtures
// (tests/fixtures/hostile/files/web-save-*.json and web-autosave-*.json) with the current
// engine: `npx tsx scripts/regen-hostile-saves.ts`.
//
// Why: a save embeds its scenario, and the engine refuses a save whose scenario is of an
// earlier form of the format ("this save was made with an earlier version of the game…")
// or replays it differently once the rules change. A fixture built by an older engine then
// meets that refusal before the hostile thing it exists to test (a tampered hash, a mode
// naming a missing power, …). Run this whenever the format's form or the rules change, then
// run the corpora that read these files:
//   npx vitest run tests/engine/hostile.test.ts tests/store tests/cli/hostile.test.ts
// (and tests/e2e/hostile.test.ts, which opens some of them in the real page).
//
// Each file is a real game made through the engine's public API — the blank template
// (scenarios/templates/blank.json, the game "of another game" than the classroom game the
// corpus has in progress), seed "web-corpus", one turn with no orders from either power —
// then the one corruption its case in tests/fixtures/hostile/browser.ts names. Autosaves
// are written in the store's format (src/store/autosave.ts, autosaveText) with the game id
// "web-corpus". Before writing, the script reads every file back through the engine and the
// store and stops if one is refused for any reason but its own (above all, the "earlier
// version" refusal), so a fixture never silently tests the wrong thing.
//
// Files not made here: the scenarios (web-*-title.json, web-builtin-ids.json,
// web-proto-*.json, cli-*.json) and the inputs that are not saves at all (web-null.json,
// web-list.json, web-empty-object.json, web-save-is-number.json, web-not-json.txt,
// web-share-damaged.txt), which no engine change makes stale in this way.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { idRecord, loadSave, loadScenarioText, playTurn, saveToJson, startRecord, toSave } from '../src/engine';
import type { GameRecord } from '../src/engine';
import { autosaveText, readAutosave } from '../src/store/autosave';
import type { Mode } from '../src/store/mode';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const FILES = join(root, 'tests/fixtures/hostile/files');
const SEED = 'web-corpus';
const GAME_ID = 'web-corpus';
const TAMPERED_HASH = '0123456789abcdef';

function fail(why: string): never {
  process.stderr.write(`regen-hostile-saves: ${why}\n`);
  process.exit(1);
}

/** The real game every file starts from: the blank template, one turn with no orders. */
function baseRecord(): GameRecord {
  const scenario = loadScenarioText(readFileSync(join(root, 'scenarios/templates/blank.json'), 'utf8'));
  if (!scenario.ok) fail(`the blank template is invalid: ${JSON.stringify(scenario.error)}`);
  const start = startRecord(scenario.value, SEED);
  if (!start.ok) fail(start.error);
  const orders = idRecord<unknown[]>(scenario.value.powers.map((p) => [p.id, []]));
  const played = playTurn(start.value, orders);
  if (!played.ok) fail(played.error);
  return played.value.record;
}

const record = baseRecord();
/** The save with its final hash replaced by one the replay cannot give. */
const tamperedSave = JSON.stringify({ ...toSave(record), finalHash: TAMPERED_HASH });
/** An autosave in the store's format; `mode` may be one no player could pick (that is the point). */
const autosave = (mode: unknown, save = saveToJson(record)): string => {
  const text = autosaveText(GAME_ID, record, mode as Mode);
  const json = JSON.parse(text) as { save: string };
  return JSON.stringify({ ...json, save });
};
const goodAutosave = autosave({ kind: 'vs-computer', human: 'beijing', computer: 'greedy' });

/** What each file holds, and what reading it back must say (a pattern for the reason alone). */
type Check = { engine: 'loads' | RegExp } | { autosave: RegExp };
const files: { name: string; text: string; check: Check }[] = [
  // A valid save of another game than the one in progress.
  { name: 'web-save-blank.json', text: saveToJson(record), check: { engine: 'loads' } },
  // A save whose final hash was changed.
  { name: 'web-save-tampered.json', text: tamperedSave, check: { engine: /^final state: replaying gives [0-9a-f]{16}, but the save says 0123456789abcdef$/ } },
  // Autosaves whose save is valid but whose players are not.
  { name: 'web-autosave-human-nobody.json', text: autosave({ kind: 'vs-computer', human: 'nobody', computer: 'greedy' }), check: { autosave: /^its players do not fit its scenario: there is no power "nobody" in this scenario$/ } },
  { name: 'web-autosave-computer-genius.json', text: autosave({ kind: 'watch', computer: 'genius' }), check: { autosave: /^its players do not fit its scenario: the computer player cannot play: unknown player "genius"/ } },
  { name: 'web-autosave-hot-seat-human.json', text: autosave({ kind: 'hot-seat', human: 'beijing' }), check: { autosave: /^its players are not a mode the game knows \(Unrecognized key: "human"\)$/ } },
  { name: 'web-autosave-kind-unknown.json', text: autosave({ kind: 'network' }), check: { autosave: /^its players are not a mode the game knows \(kind: / } },
  // An autosave whose save's final hash was changed.
  { name: 'web-autosave-tampered.json', text: autosave({ kind: 'vs-computer', human: 'beijing', computer: 'greedy' }, tamperedSave), check: { autosave: /^its game cannot be loaded: final state: replaying gives [0-9a-f]{16}, but the save says 0123456789abcdef$/ } },
  // A valid autosave cut in half.
  { name: 'web-autosave-truncated.json', text: goodAutosave.slice(0, Math.floor(goodAutosave.length / 2)), check: { autosave: /^it is not JSON \(it was cut short or changed\)$/ } },
];

// The uncorrupted forms must load, or every corruption below would be read past.
const good = readAutosave(goodAutosave);
if (!good.ok) fail(`the uncorrupted autosave is refused: ${good.reason}`);

for (const f of files) {
  let said: string;
  let wanted: RegExp | 'loads';
  if ('engine' in f.check) {
    const r = loadSave(f.text);
    said = r.ok ? 'loads' : r.error;
    wanted = f.check.engine;
  } else {
    const r = readAutosave(f.text);
    said = r.ok ? 'loads' : r.reason;
    wanted = f.check.autosave;
  }
  if (wanted === 'loads' ? said !== 'loads' : !wanted.test(said)) fail(`${f.name}: reading it back says "${said}", not what its case tests (${String(wanted)})`);
}

for (const f of files) {
  // Files end with a newline, as the others in the folder do; a truncated one ends where it was cut.
  writeFileSync(join(FILES, f.name), f.name.includes('truncated') ? f.text : `${f.text}\n`);
  process.stdout.write(`${f.name}: ${f.text.length} characters\n`);
}
