// The autosave is untrusted input (D11, D12), a full or refusing storage is said at once
// (D6), and nothing replaces a game in progress without asking; the replaced game is kept
// in the previous slot (D3).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/engine';
import { loadScenarioText } from '../../src/engine';
import type { SaveStorage, StoredMode } from '../../src/store/gameStore';
import { inProcessPlayers } from '../../src/store/inProcessPlayers';
import { AUTOSAVE_KEY, PREVIOUS_KEY, createGameStore } from '../../src/store/gameStore';
import { openShareLink, shareLink } from '../../src/ui/share';
import { mini } from '../fixtures/mini';

const load = (name: string): Scenario => {
  const r = loadScenarioText(readFileSync(join(__dirname, `../../scenarios/${name}.json`), 'utf8'));
  if (!r.ok) throw new Error(`${name} is invalid`);
  return r.value;
};
const classroom = load('classroom-short');
const xian = load('xian-2023');
const vs: StoredMode = { kind: 'vs-computer', human: 'beijing', computer: 'greedy' };

type Memory = SaveStorage & { data: Map<string, string>; failing: Error | null };
/** A storage in memory whose writes throw `failing` while it is set (a full or disabled localStorage). */
const memory = (): Memory => {
  const data = new Map<string, string>();
  const m: Memory = {
    data,
    failing: null,
    get: (k) => data.get(k) ?? null,
    set: (k, v) => {
      if (m.failing) throw m.failing;
      data.set(k, v);
    },
    remove: (k) => void data.delete(k),
  };
  return m;
};
const quota = (): Error => Object.assign(new Error("Failed to execute 'setItem' on 'Storage': Setting the value exceeded the quota."), { name: 'QuotaExceededError' });

/** A game of `scenario` with `turns` turns played, autosaved in `storage`. */
function played(storage: SaveStorage, scenario: Scenario, turns: number, seed = 's'): ReturnType<typeof createGameStore> {
  const store = createGameStore(storage, inProcessPlayers);
  if (!store.getState().startGame(scenario, seed, vs)) store.getState().answer(true);
  for (let i = 0; i < turns; i++) store.getState().endTurn();
  return store;
}
const exported = (scenario: Scenario, turns: number, seed: string): string => played(memory(), scenario, turns, seed).getState().exportSave() ?? '';
/** The save with its first turn's orders changed (its scenario untouched). */
const ordersChanged = (save: string): string => {
  const json = JSON.parse(save) as { turns: { orders: Record<string, unknown[]> }[] };
  const first = json.turns[0];
  if (first) first.orders.beijing = [{ type: 'diplomacy', action: 'state-visit', country: 'turkmenistan' }];
  return JSON.stringify(json);
};

describe('the autosave is read as untrusted input', () => {
  const valid = (): string => {
    const m = memory();
    played(m, classroom, 1);
    return m.data.get(AUTOSAVE_KEY) ?? '';
  };
  const withMode = (mode: unknown): string => JSON.stringify({ ...(JSON.parse(valid()) as object), mode });
  const cases: [string, () => string, RegExp][] = [
    ['null', () => 'null', /^it is not an autosave of this game \(found null, expected an object\)$/],
    ['a list', () => '[]', /^it is not an autosave of this game \(found array, expected an object\)$/],
    ['an empty string', () => '""', /^it is not an autosave of this game \(found string, expected an object\)$/],
    ['a number', () => '42', /^it is not an autosave of this game \(found number, expected an object\)$/],
    ['an empty object', () => '{}', /^it is not an autosave of this game \(save: missing; mode: missing\)$/],
    ['a save that is a number', () => '{"save": 1}', /^it is not an autosave of this game \(save: found number, expected a string; mode: missing\)$/],
    ['nothing but whitespace', () => '   ', /^it is not JSON \(it was cut short or changed\)$/],
    ['truncated JSON', () => valid().slice(0, 500), /^it is not JSON \(it was cut short or changed\)$/],
    ['an unknown field', () => JSON.stringify({ ...(JSON.parse(valid()) as object), extra: 1 }), /^it is not an autosave of this game \(Unrecognized key: "extra"\)$/],
    ['a mode of an unknown kind', () => withMode({ kind: 'nonsense' }), /^its players are not a mode the game knows \(kind: /],
    ['a mode with a wrong field', () => withMode({ kind: 'hot-seat', human: 'beijing' }), /^its players are not a mode the game knows \(Unrecognized key: "human"\)$/],
    ['a mode that is null', () => withMode(null), /^its players are not a mode the game knows/],
    ['a human power the scenario lacks', () => withMode({ kind: 'vs-computer', human: 'nobody', computer: 'greedy' }), /^its players do not fit its scenario: there is no power "nobody" in this scenario$/],
    ['a human power named like a built-in', () => withMode({ kind: 'vs-computer', human: 'constructor', computer: 'greedy' }), /^its players do not fit its scenario: there is no power "constructor" in this scenario$/],
    ['a computer player that does not exist', () => withMode({ kind: 'vs-computer', human: 'beijing', computer: 'genius' }), /^its players do not fit its scenario: the computer player cannot play: unknown player "genius"/],
    ['watching a computer player that does not exist', () => withMode({ kind: 'watch', computer: 'search:9' }), /^its players do not fit its scenario: the computer player cannot play: unknown player "search:9"/],
    ['a huge player name', () => withMode({ kind: 'watch', computer: 'x'.repeat(10_000) }), /^its players are not a mode the game knows \(computer: /],
    ['a save whose hash was tampered with', () => JSON.stringify({ ...(JSON.parse(valid()) as object), save: exported(xian, 2, 't').replace(/"finalHash":"[0-9a-f]{16}"/, '"finalHash":"0000000000000000"') }), /^its game cannot be loaded: final state: replaying gives [0-9a-f]{16}, but the save says 0000000000000000$/],
    ['a save whose orders were changed', () => JSON.stringify({ ...(JSON.parse(valid()) as object), save: ordersChanged(exported(classroom, 2, 'u')) }), /^its game cannot be loaded: turn 1: /],
    ['a save that is not a save', () => JSON.stringify({ save: '{"format":"something"}', mode: { kind: 'hot-seat' } }), /^its game cannot be loaded: this is not a New Great Game save/],
    // An autosave written before events were drawn when a turn opens: its save is of version 1.
    ['a game of the earlier rules', () => JSON.stringify({ ...(JSON.parse(valid()) as object), save: exported(classroom, 2, 'v').replace('"version":2', '"version":1') }), /^its game cannot be loaded: this save was made under the rules of an earlier version: events were drawn during resolution.*; its scenario can still be opened and played anew$/],
    ['huge text', () => `{"save":"${'x'.repeat(6_000_000)}"}`, /^it is 6000011 characters, more than any save \(5100000\)$/],
  ];

  it.each(cases)('%s: refused with the reason, kept as it was, never thrown', (_what, text, reason) => {
    const storage = memory();
    const stored = text();
    storage.data.set(AUTOSAVE_KEY, stored);
    const store = createGameStore(storage, inProcessPlayers);
    const current = store.getState().saved.current;
    expect(current?.ok === false && current.reason).toMatch(reason);
    expect(store.getState().resumeAutosave()).toBe(false);
    expect(store.getState().session).toBeNull();
    const message = store.getState().message;
    expect(message?.kind).toBe('error');
    expect(message?.text).toMatch(/^The saved game cannot be continued: .*\. It is kept as it was: download it or discard it from the start screen \(a new game keeps it as the previous game\)\.$/);
    expect(message?.text).toContain(current?.ok === false ? current.reason : '?');
    // Kept: nothing overwrote it, and it can be downloaded as it is.
    expect(storage.data.get(AUTOSAVE_KEY)).toBe(stored);
    expect(store.getState().savedText('current')).toBe(stored);
    // A new game keeps it as the previous game; discarding it is the player's choice.
    expect(store.getState().startGame(classroom, 'n', vs)).toBe(true);
    expect(storage.data.get(PREVIOUS_KEY)).toBe(stored);
    expect(store.getState().saved.previous?.ok).toBe(false);
    store.getState().discardSaved('previous');
    expect(storage.data.has(PREVIOUS_KEY)).toBe(false);
  });

  it('an autosave from before game ids (save and mode only) still continues, without asking about itself', () => {
    const storage = memory();
    const { save, mode } = JSON.parse(valid()) as { save: string; mode: StoredMode };
    storage.data.set(AUTOSAVE_KEY, JSON.stringify({ save, mode }));
    const store = createGameStore(storage, inProcessPlayers);
    expect(store.getState().resumeAutosave()).toBe(true);
    expect(store.getState().question).toBeNull();
    expect(store.getState().session?.record.turns).toHaveLength(1);
  });

  it('a share link still opens when the autosave is damaged', () => {
    const storage = memory();
    storage.data.set(AUTOSAVE_KEY, 'null');
    const store = createGameStore(storage, inProcessPlayers);
    expect(store.getState().resumeAutosave()).toBe(false);
    const link = shareLink('http://x/', mini());
    if (!link.ok) throw new Error(link.reason);
    openShareLink(store, link.url.slice(link.url.indexOf('#')));
    expect(store.getState().customScenario?.title).toBe('Mini');
  });

  it('a mode that does not fit is refused when a game starts, too', () => {
    const store = createGameStore(null, inProcessPlayers);
    expect(store.getState().startGame(classroom, 's', { kind: 'vs-computer', human: 'beijing', computer: 'genius' })).toBe(false);
    expect(store.getState().message?.text).toMatch(/^This game cannot start: the computer player cannot play: unknown player "genius"/);
    expect(store.getState().startGame(classroom, 's', { kind: 'vs-computer', human: 'keys', computer: 'greedy' })).toBe(false);
    expect(store.getState().session).toBeNull();
  });

  it('an imported save keeps the mode only if it fits the save’s scenario', () => {
    const store = createGameStore(null, inProcessPlayers);
    store.getState().startGame(classroom, 's', { kind: 'watch', computer: 'greedy' });
    const save = exported(xian, 0, 'v');
    store.getState().importSave(save);
    expect(store.getState().session?.mode).toEqual({ kind: 'seats', seats: [{ power: 'beijing', player: { computer: 'greedy' } }, { power: 'moscow', player: { computer: 'greedy' } }] });
    const other = createGameStore(null, inProcessPlayers);
    other.getState().startGame(classroom, 's', { kind: 'vs-computer', human: 'moscow', computer: 'greedy' });
    const renamed = exported(load('astana-2024'), 0, 'w');
    other.getState().importSave(renamed);
    expect(other.getState().session?.mode.seats.map((x) => x.player)).toEqual([{ computer: 'greedy' }, 'human']);
  });
});

describe('a storage that refuses to save is said at once, and when it works again', () => {
  it('a full storage: the message stays, the game goes on and can be exported; the next good write says so', () => {
    const storage = memory();
    const store = played(storage, classroom, 2);
    expect(store.getState().storageTrouble).toBeNull();
    storage.failing = quota();
    store.getState().endTurn();
    expect(store.getState().storageTrouble).toBe("The game cannot be autosaved: the browser's storage for this site is full. Reloading or closing the page would lose this game (the autosave still holds turn 3): export the save to keep it.");
    expect(store.getState().session?.record.turns).toHaveLength(3);
    store.getState().endTurn();
    store.getState().dismissMessage();
    // Persistent: not a message that goes away.
    expect(store.getState().storageTrouble).toMatch(/storage for this site is full/);
    expect(store.getState().exportSave()).toMatch(/^\{"format":"new-great-game\/save"/);
    storage.failing = null;
    store.getState().endTurn();
    expect(store.getState().storageTrouble).toBeNull();
    expect(store.getState().message).toEqual({ kind: 'info', text: 'Autosave works again: Classroom: one school year at turn 6 of 8 is saved.'.replace('Classroom: one school year', classroom.title) });
    expect(createGameStore(storage, inProcessPlayers).getState().saved.current).toMatchObject({ ok: true, turn: 6 });
  });

  it('a storage the browser refuses to open (private mode): said before any game', () => {
    const refusing: SaveStorage = {
      get: () => {
        throw Object.assign(new Error('The operation is insecure.'), { name: 'SecurityError' });
      },
      set: () => {
        throw Object.assign(new Error('The operation is insecure.'), { name: 'SecurityError' });
      },
      remove: () => undefined,
    };
    const store = createGameStore(refusing, inProcessPlayers);
    expect(store.getState().storageTrouble).toBe('The game cannot be autosaved: the browser does not let this site store anything (a private window or a privacy setting). Export the save to keep a game.');
    expect(store.getState().resumeAutosave()).toBe(false);
    expect(store.getState().startGame(classroom, 's', vs)).toBe(true);
    store.getState().endTurn();
    expect(store.getState().session?.record.turns).toHaveLength(1);
    expect(store.getState().storageTrouble).toMatch(/does not let this site store anything/);
  });

  it('a storage whose first write fails when the game starts says so at once', () => {
    const storage = memory();
    storage.failing = new Error('disk I/O error');
    const store = createGameStore(storage, inProcessPlayers);
    store.getState().startGame(classroom, 's', vs);
    expect(store.getState().storageTrouble).toBe("The game cannot be autosaved: the browser's storage refused (disk I/O error). Reloading or closing the page would lose this game: export the save to keep it.");
  });
});

describe('nothing replaces a game in progress without asking; the replaced game is kept', () => {
  it('importing a save over a game in progress asks; "keep" changes nothing, "replace" keeps the old game as the previous one', () => {
    const storage = memory();
    const store = played(storage, classroom, 2);
    const before = store.getState().session;
    const slot = storage.data.get(AUTOSAVE_KEY);
    const incoming = exported(xian, 1, 'x');
    expect(store.getState().importSave(incoming, 'friend.json')).toBe(false);
    expect(store.getState().question).toEqual({
      title: 'Replace your game in progress?',
      text: `The game in friend.json (${xian.title} at turn 2 of ${xian.turns}) would replace your game of ${classroom.title} at turn 3 of 8. Your game is kept as the previous game: the start screen can restore it.`,
      yes: 'Replace it',
      no: 'Keep my game',
      canExport: true,
    });
    // While the question waits, the game does not move.
    store.getState().endTurn();
    expect(store.getState().session).toBe(before);
    store.getState().answer(false);
    expect(store.getState().session).toBe(before);
    expect(storage.data.get(AUTOSAVE_KEY)).toBe(slot);
    expect(store.getState().message?.text).toBe('Your game is unchanged.');
    // Asked again, and replaced.
    store.getState().openFile('friend.json', incoming);
    store.getState().answer(true);
    expect(store.getState().session?.scenario.id).toBe('xian-2023');
    expect(storage.data.get(PREVIOUS_KEY)).toBe(slot);
    // The next page offers the previous game and restores it; the replacing one becomes the previous.
    const next = createGameStore(storage, inProcessPlayers);
    expect(next.getState().saved.previous).toMatchObject({ ok: true, title: classroom.title, turn: 3 });
    expect(next.getState().restorePrevious()).toBe(false);
    expect(next.getState().question?.text).toMatch(/^Your previous game of .* at turn 3 of 8 would replace your saved game of .* at turn 2 of 8\./);
    next.getState().answer(true);
    expect(next.getState().session?.record.state).toEqual(before?.record.state);
    expect(next.getState().saved.previous).toMatchObject({ ok: true, title: xian.title, turn: 2 });
  });

  it('starting a game while an autosaved game is in progress asks first', () => {
    const storage = memory();
    played(storage, classroom, 1);
    const store = createGameStore(storage, inProcessPlayers);
    expect(store.getState().startGame(xian, 'y', vs)).toBe(false);
    expect(store.getState().question?.text).toMatch(new RegExp(`^A new game of ${xian.title} would replace your saved game of ${classroom.title} at turn 2 of 8\\.`));
    store.getState().answer(true);
    expect(store.getState().session?.scenario.id).toBe('xian-2023');
    expect(store.getState().saved.previous).toMatchObject({ ok: true, turn: 2 });
  });

  it('a finished game or one not yet begun is replaced without a question, and still kept', () => {
    const storage = memory();
    const store = played(storage, classroom, 8);
    expect(store.getState().session?.record.state.phase.kind).toBe('over');
    expect(store.getState().startGame(xian, 'z', vs)).toBe(true);
    expect(store.getState().startGame(classroom, 'z2', vs)).toBe(true);
    expect(store.getState().saved.previous).toMatchObject({ ok: true, title: xian.title, turn: 1 });
  });

  it('a share link carrying a save is refused and the game stays', () => {
    const storage = memory();
    const store = played(storage, classroom, 2);
    const slot = storage.data.get(AUTOSAVE_KEY);
    store.getState().openSharedScenario(exported(classroom, 1, 'q'));
    expect(store.getState().message?.text).toBe('This share link carries a saved game, not a scenario: links share scenarios only, so it was not opened. Open a save as a file instead; your game is unchanged.');
    expect(store.getState().session?.record.turns).toHaveLength(2);
    expect(storage.data.get(AUTOSAVE_KEY)).toBe(slot);
    expect(storage.data.has(PREVIOUS_KEY)).toBe(false);
  });

  it('leaving a game the browser is not keeping asks first, offering the export', () => {
    const storage = memory();
    const store = played(storage, classroom, 1);
    storage.failing = quota();
    store.getState().endTurn();
    store.getState().leaveGame();
    expect(store.getState().question).toMatchObject({ title: 'Leave this game?', yes: 'Leave it', no: 'Stay in the game', canExport: true });
    store.getState().answer(false);
    expect(store.getState().session?.record.turns).toHaveLength(2);
    // With the storage working, leaving asks nothing: Continue brings the game back.
    storage.failing = null;
    store.getState().endTurn();
    store.getState().leaveGame();
    expect(store.getState().question).toBeNull();
    expect(store.getState().session).toBeNull();
    expect(store.getState().saved.current).toMatchObject({ ok: true, turn: 4 });
  });

  it('a replacement the browser cannot keep says so in the question', () => {
    const storage = memory();
    const store = played(storage, classroom, 1);
    storage.failing = quota();
    store.getState().endTurn();
    store.getState().importSave(exported(xian, 0, 'k'));
    expect(store.getState().question?.text).toMatch(/This browser is not keeping games right now: export yours first to keep it\.$/);
  });

  it('when the previous slot cannot be written, the autosaved game is not overwritten', () => {
    const storage = memory();
    played(storage, classroom, 1);
    const slot = storage.data.get(AUTOSAVE_KEY);
    const store = createGameStore(storage, inProcessPlayers);
    let writes = 0;
    const set = storage.set;
    storage.set = (k, v) => {
      writes += 1;
      if (k === PREVIOUS_KEY) throw quota();
      set(k, v);
    };
    store.getState().startGame(xian, 'p', vs);
    store.getState().answer(true);
    expect(writes).toBe(1);
    expect(storage.data.get(AUTOSAVE_KEY)).toBe(slot);
    expect(store.getState().storageTrouble).toMatch(/full/);
  });
});
