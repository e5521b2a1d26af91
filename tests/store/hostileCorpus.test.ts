// The browser's hostile-input corpus (tests/fixtures/hostile/browser.ts) through the store
// and the share-link functions: each case gives exactly its message, never throws, touches
// no built-in, and leaves the game in progress (or the damaged autosave) as it was.
import { compressToEncodedURIComponent } from 'lz-string';
import { describe, expect, it } from 'vitest';
import { inProcessPlayers } from '../../src/store/inProcessPlayers';
import { AUTOSAVE_KEY, PREVIOUS_KEY, createGameStore } from '../../src/store/gameStore';
import { SHARE_PREFIX, openShareLink } from '../../src/ui/share';
import type { BrowserCase } from '../fixtures/hostile/browser';
import { BROWSER_CASES, KEPT_GAME, readCase } from '../fixtures/hostile/browser';
import { builtinsChanged, fingerprintBuiltins } from '../fixtures/hostile/builtins';
import { memoryStorage, shippedScenario } from '../fixtures/shipped';

const classroom = shippedScenario('classroom-short');
const memory = memoryStorage;

/** Delivers a case to a page with a game in progress, as the page would; returns the store and its storage. */
function deliver(c: BrowserCase): { store: ReturnType<typeof createGameStore>; storage: ReturnType<typeof memory>; input: string } {
  const storage = memory();
  const store = createGameStore(storage, inProcessPlayers);
  store.getState().startGame(classroom, 'corpus', { kind: 'vs-computer', human: 'beijing', computer: 'greedy' });
  store.getState().endTurn();
  store.getState().endTurn();
  const input = readCase(c);
  const name = c.file ?? 'the file';
  switch (c.via) {
    case 'link':
      openShareLink(store, c.fragment ? input.trim() : `${SHARE_PREFIX}${compressToEncodedURIComponent(input)}`);
      return { store, storage, input };
    case 'autosave': {
      storage.data.set(AUTOSAVE_KEY, input);
      // The page is reopened on that autosave.
      const reopened = createGameStore(storage, inProcessPlayers);
      reopened.getState().resumeAutosave();
      return { store: reopened, storage, input };
    }
    case 'file':
      store.getState().openFile(name, input);
      return { store, storage, input };
    case 'import':
      store.getState().importSave(input, name);
      return { store, storage, input };
  }
}

describe('hostile browser input, through the store', () => {
  it.each(BROWSER_CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const before = fingerprintBuiltins();
    const { store, storage, input } = deliver(c);
    const state = store.getState();
    if (c.via === 'autosave') {
      // Refused, explained and kept as it was; nothing was loaded or written.
      expect(state.session).toBeNull();
      expect(storage.data.get(AUTOSAVE_KEY)).toBe(input);
      expect(storage.data.has(PREVIOUS_KEY)).toBe(false);
      expect(state.saved.current?.ok).toBe(false);
    } else {
      const slot = storage.data.get(AUTOSAVE_KEY);
      const session = state.session;
      expect(session?.record.turns).toHaveLength(2);
      if (c.game === 'asked') {
        expect(state.question?.text).toContain(`would replace your game of ${KEPT_GAME}. Your game is kept as the previous game`);
        store.getState().answer(false);
      } else expect(state.question).toBeNull();
      expect(store.getState().session).toBe(session);
      expect(storage.data.get(AUTOSAVE_KEY)).toBe(slot);
      expect(storage.data.has(PREVIOUS_KEY)).toBe(false);
    }
    const message = store.getState().message;
    expect(message?.kind).toBe(c.message.kind);
    if (typeof c.message.text === 'string') expect(message?.text).toBe(c.message.text);
    else expect(message?.text).toMatch(c.message.text);
    expect(store.getState().customScenario?.title).toBe(c.offered);
    expect(builtinsChanged(before, fingerprintBuiltins())).toEqual([]);
  });
});
