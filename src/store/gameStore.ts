// The game session: the one place that holds game and UI state in the browser.
// Scenes and panels subscribe to it and send intents (select a country, queue an
// order, end the turn); it calls only the engine's public API and the computer
// players. Made by a factory so each test (and each new page) gets a fresh store.
//
// Everything that arrives from outside (files, share links, the autosave) is untrusted:
// it is checked before it is used, a refusal says why, and no action throws. Nothing
// replaces a game in progress without asking (see README.md), and a replaced game is
// kept in the autosave's previous slot.
import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { GameRecord, GameState, Order, PowerView, Scenario, TurnReport } from '../engine';
import { formatProblem, idRecord, jsonBreak, loadSave, newGame, own, readScenarioText, playTurn, resolveTurn, saveToJson, startRecord, validateOrders, viewFor, withoutBom } from '../engine';
import type { SaveStorage, SavedGame, Slot, SlotSummary } from './autosave';
import { AUTOSAVE_KEY, MAX_AUTOSAVE_CHARS, autosaveText, newGameId, readAutosave, slotKey, slotSummary, storageFailure, summaryOf, writeAutosave } from './autosave';
import type { Mode, StoredMode } from './mode';
import { computerAt, humans, modeFor, modeProblem, seatsFor } from './mode';

export type { Mode, Seat, SeatPlayer, StoredMode } from './mode';
export { STRENGTHS, againstComputer, humans, seatMode } from './mode';
export type { SaveStorage, Slot, SlotSummary } from './autosave';
export { AUTOSAVE_KEY, PREVIOUS_KEY } from './autosave';
/** The most a save or scenario file may hold; larger files are refused before they are read. */
export { MAX_AUTOSAVE_CHARS as MAX_FILE_CHARS } from './autosave';

export interface GameSession {
  /** Tells this game from any other in the autosave's slots. */
  gameId: string;
  scenario: Scenario;
  record: GameRecord;
  mode: Mode;
  /** Turn reports so far, oldest first. */
  reports: TurnReport[];
  /** Orders queued this turn by each human power, not yet revealed (a Map: power ids are data). */
  pending: ReadonlyMap<string, readonly Order[]>;
  /** The power whose orders are being entered (hot seat: the others' stay hidden); null when nobody is seated. */
  activePower: string | null;
  /** Hot seat: the device is being passed to `activePower`; nothing of the game shows until they confirm. */
  handover: boolean;
}

/** Hot seat: the seats that have handed over their orders this turn (sealed: never shown to another seat). */
export const handedOver = (session: GameSession): string[] => humans(session.scenario, session.mode).filter((p) => p !== session.activePower && session.pending.has(p));

/** A question the player must answer before something happens (replacing or leaving a game in progress). */
export interface Question {
  title: string;
  text: string;
  /** The buttons: go ahead, or keep things as they are. */
  yes: string;
  no: string;
  /** The game at stake is the one in memory, so it can be exported from the question. */
  canExport: boolean;
}

export interface GameStoreState {
  session: GameSession | null;
  selectedCountry: string | null;
  /** The replay viewer: the state before turn 1 and after each turn, and which one is shown. */
  replay: { states: GameState[]; index: number } | null;
  /** The scenario editor is showing (its text lives in the editor panel). */
  editorOpen: boolean;
  /** A scenario the player opened from a file (offered on the start screen beside the shipped ones). */
  customScenario: Scenario | null;
  /** Map zoom, 1 (whole region) to 4; the map scene follows it. */
  zoom: number;
  /** The last thing a player must be told went wrong (an illegal order, a bad save file). */
  message: { kind: 'error' | 'info'; text: string } | null;
  /** What the autosave's two slots hold (null: empty), as the start screen offers them. */
  saved: { current: SlotSummary | null; previous: SlotSummary | null };
  /** The autosave is failing, and why: shown until a write succeeds again. */
  storageTrouble: string | null;
  /** Waiting for the player's answer; nothing else changes the game meanwhile. */
  question: Question | null;
  /** The computer players are choosing their orders (in a worker); the turn resolves when they answer. */
  thinking: boolean;
  /** A shipped scenario a share link named: the start screen chooses it (then clears this). */
  linkedScenario: string | null;

  /** `mode`: a seat per power (a mode of an older shape is read as the seats it meant). `whatIf` plays on into the scenario's "what if" continuation past the reporting (a separate choice). */
  startGame(scenario: Scenario, seed: string, mode: StoredMode, options?: { whatIf?: boolean }): boolean;
  selectCountry(id: string | null): void;
  setZoom(zoom: number): void;
  queueOrder(order: Order): boolean;
  removeOrder(index: number): void;
  /** The active human has finished; resolves the turn once every human has. */
  endTurn(): void;
  /** Hot-seat: the next player has the device. */
  confirmHandover(): void;
  /** Steps through the game so far turn by turn (rebuilt from the recorded orders). */
  startReplay(): void;
  replayStep(delta: number): void;
  stopReplay(): void;
  /**
   * A new game that goes on from the state the replay shows: the turns before it as they
   * were played, the same seats and seed (so the same chances lie ahead for the same
   * orders). The game it branches from is kept as the previous game.
   */
  playOnFromReplay(): boolean;
  exportSave(): string | null;
  importSave(text: string, name?: string): boolean;
  /** A dropped or chosen file: a save is loaded, a scenario is validated and offered for a new game. */
  openFile(name: string, text: string): boolean;
  /** A share link's text: a scenario is offered for a new game; nothing else is accepted. */
  openSharedScenario(text: string): boolean;
  /** Continue: the game in the autosave's current slot. */
  resumeAutosave(): boolean;
  /** The game in the previous slot becomes the current one (and the current one the previous). */
  restorePrevious(): boolean;
  /** Empties a slot (offered for a damaged autosave and for the previous game). */
  discardSaved(slot: Slot): void;
  /** A slot's text as stored, to download (also when it is damaged). */
  savedText(slot: Slot): string | null;
  /** Back to the start screen; the game stays in the autosave. */
  leaveGame(): void;
  /** The answer to `question`. */
  answer(yes: boolean): void;
  dismissMessage(): void;
}

/**
 * Where the computer players think. In-process (tests, the command line) answers at once;
 * the page passes a Web Worker (src/workers/playerWorker.ts) that answers with a promise,
 * so a strong player's search never freezes the page. `gameId` lets a worker keep one
 * validated copy of the scenario per game.
 */
export interface ComputerPlayers {
  decide(scenario: Scenario, gameId: string, view: PowerView, player: string): Order[] | Promise<Order[]>;
}


const inProgress = (record: GameRecord): boolean => record.state.phase.kind !== 'over' && record.turns.length > 0;
const gameWords = (title: string, turn: number, lastTurn: number): string => `${title} at turn ${turn} of ${lastTurn}`;
const turnsOf = (record: GameRecord): string => gameWords(record.scenario.title, record.state.turn, record.state.lastTurn);
const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

function sessionOf(game: Omit<SavedGame, 'pending' | 'pendingLost'> & { pending?: SavedGame['pending'] }): GameSession {
  const hs = humans(game.record.scenario, game.mode);
  const pending = game.pending ?? new Map<string, readonly Order[]>();
  // Hot seat: seats that had handed over keep their sealed orders; the device goes to the next.
  return { gameId: game.gameId, scenario: game.record.scenario, record: game.record, mode: game.mode, reports: game.reports, pending, activePower: hs.find((h) => !pending.has(h)) ?? null, handover: hs.length > 1 };
}

/** What a resumed game says about the hand-over it was in (hot seat), or null. */
function resumeWords(game: SavedGame, session: GameSession): string | null {
  const names = (ids: string[]): string => ids.map((id) => game.record.scenario.powers.find((p) => p.id === id)?.name ?? id).join(', ');
  const next = names(session.activePower === null ? [] : [session.activePower]);
  if (game.pendingLost !== null) return `The orders handed over this turn could not be restored (${game.pendingLost}): every seat gives its orders again, starting with ${next}.`;
  const done = handedOver(session);
  if (done.length === 0) return null;
  return `This turn's orders of ${names(done)} were kept, still hidden. Pass the device to ${next}.`;
}

export function createGameStore(storage: SaveStorage | null, computers: ComputerPlayers): StoreApi<GameStoreState> {
  /** What "yes" does, while a question waits. */
  let onYes: (() => void) | null = null;

  const readSlot = (slot: Slot): string | null => {
    try {
      return storage?.get(slotKey(slot)) ?? null;
    } catch {
      return null;
    }
  };
  const initialTrouble = ((): string | null => {
    try {
      storage?.get(AUTOSAVE_KEY);
      return null;
    } catch (e) {
      return `The game cannot be autosaved: ${storageFailure(e)}. Export the save to keep a game.`;
    }
  })();

  return createStore<GameStoreState>()((set, get) => {
    const fail = (text: string): false => {
      set({ message: { kind: 'error', text } });
      return false;
    };

    /** Writes the session to the autosave; says at once when that fails, and when it works again. */
    const autosave = (session: GameSession): void => {
      if (!storage) return;
      const { saved, storageTrouble } = get();
      try {
        // Hot seat: the orders already handed over are kept too, so a reload does not lose them.
        const sealed = new Map(handedOver(session).map((p) => [p, session.pending.get(p) ?? []]));
        const { moved } = writeAutosave(storage, session.gameId, autosaveText(session.gameId, session.record, session.mode, sealed));
        const next = { current: slotSummary(session.gameId, session.record), previous: moved ? saved.current : saved.previous };
        if (storageTrouble === null) set({ saved: next });
        else set({ saved: next, storageTrouble: null, message: { kind: 'info', text: `Autosave works again: ${turnsOf(session.record)} is saved.` } });
      } catch (e) {
        const kept = saved.current?.ok && saved.current.gameId === session.gameId ? ` (the autosave still holds turn ${saved.current.turn})` : '';
        set({ storageTrouble: `The game cannot be autosaved: ${storageFailure(e)}. Reloading or closing the page would lose this game${kept}: export the save to keep it.` });
      }
    };

    /** The game that game `incoming` would replace, if it is another one and in progress. */
    const atStake = (incoming: string): { words: string; inMemory: boolean } | null => {
      const { session, saved } = get();
      if (session) return session.gameId !== incoming && inProgress(session.record) ? { words: `your game of ${turnsOf(session.record)}`, inMemory: true } : null;
      const c = saved.current;
      return c?.ok && c.gameId !== incoming && !c.over && c.turn > 1 ? { words: `your saved game of ${gameWords(c.title, c.turn, c.lastTurn)}`, inMemory: false } : null;
    };

    /** Does `replace` at once, or asks first when it would replace another game in progress. */
    const guard = (incoming: string, gameId: string, replace: () => void): boolean => {
      const stake = atStake(gameId);
      if (!stake) {
        replace();
        return true;
      }
      const kept = storage !== null && get().storageTrouble === null;
      onYes = replace;
      set({
        question: {
          title: 'Replace your game in progress?',
          text: `${incoming} would replace ${stake.words}. ${kept ? 'Your game is kept as the previous game: the start screen can restore it.' : 'This browser is not keeping games right now: export yours first to keep it.'}`,
          yes: 'Replace it',
          no: 'Keep my game',
          canExport: stake.inMemory,
        },
      });
      return false;
    };

    /** A new game in place of whatever was there (already agreed to): shown and autosaved. */
    const begin = (session: GameSession, message: GameStoreState['message'] = null): void => {
      set({ session, selectedCountry: null, replay: null, message, question: null, thinking: false });
      autosave(session);
    };

    /** The computer players' orders this turn (each a promise when they think in a worker). */
    const computerOrders = (session: GameSession): { power: string; orders: Order[] | Promise<Order[]> }[] => {
      const hs = humans(session.scenario, session.mode);
      return session.scenario.powers
        .filter((p) => !hs.includes(p.id))
        .map((p) => ({ power: p.id, orders: computers.decide(session.scenario, session.gameId, viewFor(session.scenario, session.record.state, p.id), computerAt(session.mode, p.id) ?? 'greedy') }));
    };

    /** Resolves the turn with every human's pending orders and the computers' `decided` ones. */
    const resolveWith = (session: GameSession, decided: ReadonlyMap<string, Order[]>): GameSession | string => {
      const hs = humans(session.scenario, session.mode);
      const orders = idRecord<unknown>();
      for (const p of session.scenario.powers) orders[p.id] = hs.includes(p.id) ? (session.pending.get(p.id) ?? []) : (decided.get(p.id) ?? []);
      const r = playTurn(session.record, orders);
      if (!r.ok) return r.error;
      return { ...session, record: r.value.record, reports: [...session.reports, r.value.report], pending: new Map(), activePower: hs[0] ?? null, handover: hs.length > 1 };
    };

    const FAULT = (e: unknown): string => `the turn could not be played (${errorText(e)}); your game is as it was before End turn — export the save and report this`;

    /** The turn is played: shown and autosaved. */
    const show = (before: GameSession, resolved: GameSession): void => {
      // A hand-over also hides where the last player was looking.
      set({ session: resolved, message: null, thinking: false, ...(resolved.handover ? { selectedCountry: null } : {}) });
      if (resolved.record !== before.record) autosave(resolved);
    };

    /** Validates a scenario's text and offers it on the start screen; `name` labels its problems, `invalid` opens the refusal. */
    const offerScenario = (name: string, invalid: string, text: string, ready: string): boolean => {
      const r = readScenarioText(text);
      if (!r.ok) {
        const shown = r.error.slice(0, 6).map((p) => formatProblem(name, p));
        return fail(`${invalid}: ${shown.join('; ')}${r.error.length > shown.length ? `; and ${r.error.length - shown.length} more` : ''}`);
      }
      const { scenario, notes, from } = r.value;
      // A file of an earlier form of the format is read in the current one: say what that assumed.
      const migrated = notes.length > 0 ? ` It was written in an earlier form of the format (form ${from}) and was read with these assumptions: ${notes.join('; ')}.` : '';
      set({ customScenario: scenario, message: { kind: 'info', text: `Scenario "${scenario.title}"${ready}${migrated}` } });
      return true;
    };

    /** The text's "format" field, or undefined (also for text that is not a JSON object). */
    const formatOf = (text: string): { json: boolean; format: unknown } => {
      try {
        const json = JSON.parse(text) as unknown;
        return { json: true, format: json !== null && typeof json === 'object' && !Array.isArray(json) ? own(json as Record<string, unknown>, 'format') : undefined };
      } catch {
        return { json: false, format: undefined };
      }
    };

    return {
      session: null,
      selectedCountry: null,
      replay: null,
      customScenario: null,
      editorOpen: false,
      zoom: 1,
      message: null,
      saved: { current: summaryOf(readSlot('current')), previous: summaryOf(readSlot('previous')) },
      storageTrouble: initialTrouble,
      question: null,
      thinking: false,
      linkedScenario: null,

      startGame(scenario, seed, stored, options = {}) {
        const mode = seatsFor(scenario, stored);
        const problem = modeProblem(scenario, mode);
        if (problem !== null) return fail(`This game cannot start: ${problem}.`);
        const r = startRecord(scenario, seed, options.whatIf ? { whatIf: true } : {});
        if (!r.ok) return fail(r.error);
        const hs = humans(scenario, mode);
        const session: GameSession = { gameId: newGameId(), scenario, record: r.value, mode, reports: [], pending: new Map(), activePower: hs[0] ?? null, handover: hs.length > 1 };
        return guard(`A new game of ${scenario.title}`, session.gameId, () => begin(session));
      },

      selectCountry(id) {
        set({ selectedCountry: id });
      },

      setZoom(zoom) {
        set({ zoom: Math.min(4, Math.max(1, Math.round(zoom * 100) / 100)) });
      },

      queueOrder(order) {
        if (get().thinking) return fail('the computer is choosing its orders: wait for the turn to resolve');
        const session = get().session;
        const power = session?.activePower;
        if (!session || !power) return fail('no game is waiting for orders');
        const queued = [...(session.pending.get(power) ?? []), order];
        const v = validateOrders(session.scenario, session.record.state, power, queued);
        if (!v.ok) return fail(v.error.map((x) => x.reason).join('; '));
        set({ session: { ...session, pending: new Map(session.pending).set(power, v.value) }, message: null });
        return true;
      },

      removeOrder(index) {
        if (get().thinking) return;
        const session = get().session;
        const power = session?.activePower;
        if (!session || !power) return;
        const queued = (session.pending.get(power) ?? []).filter((_, i) => i !== index);
        set({ session: { ...session, pending: new Map(session.pending).set(power, queued) } });
      },

      endTurn() {
        const session = get().session;
        if (!session || session.record.state.phase.kind === 'over' || get().question || get().thinking) return;
        let next: GameSession = session;
        const hs = humans(session.scenario, session.mode);
        if (hs.length > 0) {
          const power = session.activePower;
          if (!power) return;
          const pending = new Map(session.pending).set(power, session.pending.get(power) ?? []);
          const following = hs.find((h) => !pending.has(h)) ?? null;
          next = { ...session, pending, activePower: following, handover: following !== null };
        }
        // Another person still has to give orders: pass the device (autosaved with the sealed orders).
        if (hs.some((h) => !next.pending.has(h))) {
          show(session, next);
          autosave(next);
          return;
        }
        let asked: ReturnType<typeof computerOrders>;
        try {
          asked = computerOrders(next);
        } catch (e) {
          // A fault in a computer player or the rules must not freeze the page: the game stays as it was.
          return void fail(FAULT(e));
        }
        const finish = (decided: ReadonlyMap<string, Order[]>): void => {
          let resolved: GameSession | string;
          try {
            resolved = resolveWith(next, decided);
          } catch (e) {
            resolved = FAULT(e);
          }
          if (typeof resolved === 'string') {
            set({ thinking: false });
            fail(resolved);
            return;
          }
          show(session, resolved);
        };
        if (asked.every((a) => Array.isArray(a.orders))) return finish(new Map(asked.map((a) => [a.power, a.orders as Order[]])));
        // The computers think in a worker: the orders just given are kept (and hidden if
        // the seat changes hands) while they do; nothing else may change the game meanwhile.
        // The player who just ended the turn keeps the screen (focus stays on End turn); the
        // store refuses every change to the orders until the computers have answered.
        set({ session: { ...next, activePower: session.activePower, handover: false }, thinking: true, message: null });
        void Promise.all(asked.map(async (a) => [a.power, await a.orders] as const)).then(
          (decided) => {
            // A game started, loaded or left meanwhile: this answer is for a game no longer shown.
            if (get().session?.gameId !== next.gameId || get().session?.record !== next.record || !get().thinking) return;
            finish(new Map(decided));
          },
          (e: unknown) => {
            if (get().session?.gameId !== next.gameId || !get().thinking) return;
            set({ session, thinking: false });
            fail(FAULT(e));
          },
        );
      },

      confirmHandover() {
        const session = get().session;
        // What was said to the whole table (a resumed hand-over) is done with once the seat takes the device.
        if (session?.handover) set({ session: { ...session, handover: false }, selectedCountry: null, ...(get().message?.kind === 'info' ? { message: null } : {}) });
      },

      startReplay() {
        const session = get().session;
        if (!session) return;
        try {
          const start = newGame(session.scenario, session.record.seed, session.record.options);
          if (!start.ok) return void fail(`The replay cannot start: ${start.error}`);
          const states = [start.value];
          for (const t of session.record.turns) {
            const r = resolveTurn(session.scenario, states[states.length - 1] as GameState, t.orders);
            if (!r.ok) return void fail(`The replay stopped at turn ${states.length}: ${r.error.message}`);
            states.push(r.value.state);
          }
          set({ replay: { states, index: 0 } });
        } catch (e) {
          fail(`The replay stopped: ${errorText(e)}`);
        }
      },

      replayStep(delta) {
        const replay = get().replay;
        if (replay) set({ replay: { ...replay, index: Math.min(replay.states.length - 1, Math.max(0, replay.index + delta)) } });
      },

      stopReplay() {
        set({ replay: null });
      },

      playOnFromReplay() {
        const { session, replay } = get();
        const state = replay?.states[replay.index];
        if (!session || !replay || !state) return false;
        if (state.phase.kind === 'over') return fail('The game ended there: step back to an earlier turn to play on from it.');
        const hs = humans(session.scenario, session.mode);
        const record = { ...session.record, turns: session.record.turns.slice(0, replay.index), state };
        const branch: GameSession = { ...session, gameId: newGameId(), record, reports: session.reports.slice(0, replay.index), pending: new Map(), activePower: hs[0] ?? null, handover: hs.length > 1 };
        const from = `turn ${state.turn} of ${state.lastTurn}`;
        const kept = storage !== null && get().storageTrouble === null;
        const after = kept ? 'The game you replayed is kept as the previous game: the start screen can restore it.' : 'This browser is not keeping games, so the game you replayed is gone unless you exported it.';
        return guard(`Playing on from ${from}`, branch.gameId, () => begin(branch, { kind: 'info', text: `You play on from ${from}, as the game stood then. ${after}` }));
      },

      exportSave() {
        const session = get().session;
        return session ? saveToJson(session.record) : null;
      },

      importSave(text, name = 'the save file') {
        const loaded = loadSave(text);
        if (!loaded.ok) return fail(`That save file cannot be loaded: ${loaded.error}. Your current game is unchanged.`);
        const { record, reports } = loaded.value;
        const mode = modeFor(record.scenario, get().session?.mode);
        const session = sessionOf({ gameId: newGameId(), record, reports, mode });
        return guard(`The game in ${name} (${turnsOf(record)})`, session.gameId, () => begin(session, { kind: 'info', text: 'Save loaded.' }));
      },

      openFile(name, text) {
        if (text.length > MAX_AUTOSAVE_CHARS) return fail(`${name} is ${text.length} characters: too large for a save or a scenario, so it was not read.`);
        const { json, format } = formatOf(text);
        if (!json) {
          // Where it breaks, as `validate` says it: a scenario edited by hand is most often one comma short.
          const where = jsonBreak(withoutBom(text));
          return fail(`${name} is not JSON, so it is neither a save nor a scenario${where === null ? '' : `: ${where}`}.`);
        }
        if (format === 'new-great-game/save') return get().importSave(text, name);
        return offerScenario(name, `${name} is not a valid scenario`, text, ' is ready: choose it on the start screen.');
      },

      openSharedScenario(text) {
        const { json, format } = formatOf(text);
        if (!json) return fail('This share link does not carry a scenario: its text is not JSON.');
        // A link someone sends can never touch a game: games travel as files, which ask first.
        if (format === 'new-great-game/save') return fail('This share link carries a saved game, not a scenario: links share scenarios only, so it was not opened. Open a save as a file instead; your game is unchanged.');
        const playing = get().session !== null;
        return offerScenario('scenario', 'This share link does not carry a valid scenario', text, playing ? ' from the share link is ready on the start screen (New game); your game goes on.' : ' from the share link is ready: choose it on the start screen.');
      },

      resumeAutosave() {
        const text = readSlot('current');
        if (text === null) return false;
        const r = readAutosave(text);
        if (!r.ok) {
          set({ saved: { ...get().saved, current: r } });
          return fail(`The saved game cannot be continued: ${r.reason}. It is kept as it was: download it or discard it from the start screen (a new game keeps it as the previous game).`);
        }
        const session = sessionOf(r.game);
        const said = resumeWords(r.game, session);
        return guard(`Your saved game of ${turnsOf(r.game.record)}`, session.gameId, () =>
          set({ session, selectedCountry: null, replay: null, message: said === null ? null : { kind: r.game.pendingLost === null ? 'info' : 'error', text: said }, question: null, thinking: false, saved: { ...get().saved, current: slotSummary(session.gameId, session.record) } }),
        );
      },

      restorePrevious() {
        const text = readSlot('previous');
        if (text === null) return false;
        const r = readAutosave(text);
        if (!r.ok) {
          set({ saved: { ...get().saved, previous: r } });
          return fail(`The previous game cannot be restored: ${r.reason}. It is kept as it was: download it or discard it from the start screen.`);
        }
        // Begun like a new game: the autosave's current game moves into the previous slot.
        const session = sessionOf(r.game);
        const said = resumeWords(r.game, session);
        return guard(`Your previous game of ${turnsOf(r.game.record)}`, session.gameId, () => begin(session, { kind: 'info', text: `Previous game restored: ${turnsOf(r.game.record)}.${said === null ? '' : ` ${said}`}` }));
      },

      discardSaved(slot) {
        if (!storage) return;
        try {
          storage.remove(slotKey(slot));
          set({ saved: { ...get().saved, [slot]: null }, message: { kind: 'info', text: slot === 'current' ? 'The saved game was discarded.' : 'The previous game was discarded.' } });
        } catch (e) {
          fail(`It could not be discarded: ${storageFailure(e)}.`);
        }
      },

      savedText(slot) {
        return readSlot(slot);
      },

      leaveGame() {
        const session = get().session;
        if (!session) return;
        const leave = (): void => set({ session: null, selectedCountry: null, replay: null, message: null, question: null, thinking: false });
        const over = session.record.state.phase.kind === 'over';
        const kept = storage !== null && get().storageTrouble === null;
        // The orders the seat at the device has queued and not yet handed over are not autosaved.
        const queued = over || session.activePower === null || session.handover ? 0 : (session.pending.get(session.activePower)?.length ?? 0);
        if (queued === 0 && (!inProgress(session.record) || kept)) return leave();
        onYes = leave;
        const orders = `${queued} order${queued === 1 ? '' : 's'} queued this turn`;
        const text = !kept
          ? `This browser is not keeping your game of ${turnsOf(session.record)}, so leaving it loses it: export the save first to keep it.`
          : `Your game of ${turnsOf(session.record)} stays saved: Continue on the start screen brings it back. The ${orders} ${queued === 1 ? 'is' : 'are'} not saved and will be lost.`;
        set({ question: { title: 'Leave this game?', text, yes: 'Leave it', no: 'Stay in the game', canExport: !kept } });
      },

      answer(yes) {
        const go = onYes;
        onYes = null;
        set({ question: null });
        if (yes) go?.();
        else set({ message: { kind: 'info', text: 'Your game is unchanged.' } });
      },

      dismissMessage() {
        set({ message: null });
      },
    };
  });
}
