// The game session: the one place that holds game and UI state in the browser.
// Scenes and panels subscribe to it and send intents (select a country, queue an
// order, end the turn); it calls only the engine's public API and the computer
// players. Made by a factory so each test (and each new page) gets a fresh store.
import { z } from 'zod';
import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { GameRecord, GameState, Order, Scenario, TurnReport } from '../engine';
import { formatProblem, loadSave, loadScenarioText, newGame, playTurn, resolveTurn, saveToJson, startRecord, validateOrders, viewFor } from '../engine';
import { parsePlayer } from '../ai/player';

/** Who plays which power. */
export type Mode =
  | { kind: 'vs-computer'; human: string; computer: string }
  | { kind: 'hot-seat' }
  | { kind: 'watch'; computer: string };

const ModeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('vs-computer'), human: z.string(), computer: z.string() }),
  z.strictObject({ kind: z.literal('hot-seat') }),
  z.strictObject({ kind: z.literal('watch'), computer: z.string() }),
]);

/** Where the autosave goes: localStorage in the browser, a Map in tests. */
export interface SaveStorage {
  get(key: string): string | null;
  set(key: string, value: string): void;
}

export const AUTOSAVE_KEY = 'new-great-game/autosave';

export interface GameSession {
  scenario: Scenario;
  record: GameRecord;
  mode: Mode;
  /** Turn reports so far, oldest first. */
  reports: TurnReport[];
  /** Orders queued this turn by each human power, not yet revealed. */
  pending: Record<string, Order[]>;
  /** Hot-seat: the power whose orders are being entered (the others' stay hidden). */
  activePower: string | null;
  /** Hot-seat: the device is being passed to `activePower`; nothing of the game shows until they confirm. */
  handover: boolean;
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

  startGame(scenario: Scenario, seed: string, mode: Mode): boolean;
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
  exportSave(): string | null;
  importSave(text: string): boolean;
  /** A dropped or chosen file: a save is loaded, a scenario is validated and offered for a new game. */
  openFile(name: string, text: string): boolean;
  resumeAutosave(): boolean;
  dismissMessage(): void;
}

function humans(scenario: Scenario, mode: Mode): string[] {
  if (mode.kind === 'vs-computer') return [mode.human];
  if (mode.kind === 'hot-seat') return scenario.powers.map((p) => p.id);
  return [];
}

interface AutosaveFile {
  save: string;
  mode: Mode;
}

export function createGameStore(storage: SaveStorage | null = null): StoreApi<GameStoreState> {
  const autosave = (session: GameSession): void => {
    if (!storage) return;
    try {
      storage.set(AUTOSAVE_KEY, JSON.stringify({ save: saveToJson(session.record), mode: session.mode } satisfies AutosaveFile));
    } catch {
      // A full or disabled storage must not stop the game; the player can still export.
    }
  };

  return createStore<GameStoreState>()((set, get) => {
    const fail = (text: string): false => {
      set({ message: { kind: 'error', text } });
      return false;
    };

    /** Plays the computer's orders and resolves the turn when every human has submitted. */
    const resolveIfReady = (session: GameSession): GameSession | string => {
      const hs = humans(session.scenario, session.mode);
      if (hs.some((h) => !(h in session.pending))) return session;
      const orders: Record<string, unknown> = {};
      for (const p of session.scenario.powers) {
        if (hs.includes(p.id)) {
          orders[p.id] = session.pending[p.id] ?? [];
          continue;
        }
        const name = session.mode.kind === 'hot-seat' ? 'greedy' : session.mode.computer;
        const player = parsePlayer(name);
        if (!player.ok) return player.error;
        orders[p.id] = player.value.decide(session.scenario, viewFor(session.scenario, session.record.state, p.id));
      }
      const r = playTurn(session.record, orders);
      if (!r.ok) return r.error;
      return { ...session, record: r.value.record, reports: [...session.reports, r.value.report], pending: {}, activePower: hs[0] ?? null, handover: hs.length > 1 };
    };

    return {
      session: null,
      selectedCountry: null,
      replay: null,
      customScenario: null,
      editorOpen: false,
      zoom: 1,
      message: null,

      startGame(scenario, seed, mode) {
        const r = startRecord(scenario, seed);
        if (!r.ok) return fail(r.error);
        if (mode.kind === 'vs-computer' && !scenario.powers.some((p) => p.id === mode.human)) return fail(`there is no power "${mode.human}" in this scenario`);
        const hs = humans(scenario, mode);
        const session: GameSession = { scenario, record: r.value, mode, reports: [], pending: {}, activePower: hs[0] ?? null, handover: hs.length > 1 };
        set({ session, selectedCountry: null, message: null, replay: null });
        autosave(session);
        return true;
      },

      selectCountry(id) {
        set({ selectedCountry: id });
      },

      setZoom(zoom) {
        set({ zoom: Math.min(4, Math.max(1, Math.round(zoom * 100) / 100)) });
      },

      queueOrder(order) {
        const session = get().session;
        const power = session?.activePower;
        if (!session || !power) return fail('no game is waiting for orders');
        const queued = [...(session.pending[power] ?? []), order];
        const v = validateOrders(session.scenario, session.record.state, power, queued);
        if (!v.ok) return fail(v.error.map((x) => x.reason).join('; '));
        set({ session: { ...session, pending: { ...session.pending, [power]: v.value } }, message: null });
        return true;
      },

      removeOrder(index) {
        const session = get().session;
        const power = session?.activePower;
        if (!session || !power) return;
        const queued = (session.pending[power] ?? []).filter((_, i) => i !== index);
        set({ session: { ...session, pending: { ...session.pending, [power]: queued } } });
      },

      endTurn() {
        const session = get().session;
        if (!session || session.record.state.phase.kind === 'over') return;
        let next: GameSession = session;
        if (session.mode.kind !== 'watch') {
          const power = session.activePower;
          if (!power) return;
          const hs = humans(session.scenario, session.mode);
          const pending = { ...session.pending, [power]: session.pending[power] ?? [] };
          const following = hs.find((h) => !(h in pending)) ?? null;
          next = { ...session, pending, activePower: following, handover: following !== null };
        }
        const resolved = resolveIfReady(next);
        if (typeof resolved === 'string') {
          fail(resolved);
          return;
        }
        // A hand-over also hides where the last player was looking.
        set({ session: resolved, message: null, ...(resolved.handover ? { selectedCountry: null } : {}) });
        if (resolved.record !== session.record) autosave(resolved);
      },

      confirmHandover() {
        const session = get().session;
        if (session?.handover) set({ session: { ...session, handover: false }, selectedCountry: null });
      },

      startReplay() {
        const session = get().session;
        if (!session) return;
        const start = newGame(session.scenario, session.record.seed, session.record.options);
        if (!start.ok) return;
        const states = [start.value];
        for (const t of session.record.turns) {
          const r = resolveTurn(session.scenario, states[states.length - 1] as GameState, t.orders);
          if (!r.ok) return void fail(`The replay stopped at turn ${states.length}: ${r.error.message}`);
          states.push(r.value.state);
        }
        set({ replay: { states, index: 0 } });
      },

      replayStep(delta) {
        const replay = get().replay;
        if (replay) set({ replay: { ...replay, index: Math.min(replay.states.length - 1, Math.max(0, replay.index + delta)) } });
      },

      stopReplay() {
        set({ replay: null });
      },

      exportSave() {
        const session = get().session;
        return session ? saveToJson(session.record) : null;
      },

      importSave(text) {
        const loaded = loadSave(text);
        if (!loaded.ok) return fail(`That save file cannot be loaded: ${loaded.error}. Your current game is unchanged.`);
        const current = get().session;
        const mode: Mode = current?.mode ?? { kind: 'vs-computer', human: loaded.value.record.scenario.powers[0]?.id ?? '', computer: 'greedy' };
        const hs = humans(loaded.value.record.scenario, mode);
        const session: GameSession = { scenario: loaded.value.record.scenario, record: loaded.value.record, mode, reports: loaded.value.reports, pending: {}, activePower: hs[0] ?? null, handover: hs.length > 1 };
        set({ session, selectedCountry: null, replay: null, message: { kind: 'info', text: 'Save loaded.' } });
        autosave(session);
        return true;
      },

      openFile(name, text) {
        let format: unknown;
        try {
          format = (JSON.parse(text) as { format?: unknown } | null)?.format;
        } catch {
          return fail(`${name} is not JSON, so it is neither a save nor a scenario.`);
        }
        if (format === 'new-great-game/save') return get().importSave(text);
        const r = loadScenarioText(text);
        if (!r.ok) {
          const shown = r.error.slice(0, 6).map((p) => formatProblem(name, p));
          return fail(`${name} is not a valid scenario: ${shown.join('; ')}${r.error.length > shown.length ? `; and ${r.error.length - shown.length} more` : ''}`);
        }
        set({ customScenario: r.value, message: { kind: 'info', text: `Scenario "${r.value.title}" is ready: choose it on the start screen.` } });
        return true;
      },

      resumeAutosave() {
        const text = storage?.get(AUTOSAVE_KEY) ?? null;
        if (text === null) return false;
        let file: AutosaveFile;
        try {
          file = JSON.parse(text) as AutosaveFile;
        } catch {
          return fail('The autosave is damaged and was not loaded.');
        }
        const loaded = typeof file.save === 'string' ? loadSave(file.save) : null;
        const parsedMode = ModeSchema.safeParse(file.mode);
        if (!loaded?.ok || !parsedMode.success) return fail('The autosave is damaged and was not loaded.');
        const mode = parsedMode.data;
        const hs = humans(loaded.value.record.scenario, mode);
        set({ session: { scenario: loaded.value.record.scenario, record: loaded.value.record, mode, reports: loaded.value.reports, pending: {}, activePower: hs[0] ?? null, handover: hs.length > 1 }, message: null });
        return true;
      },

      dismissMessage() {
        set({ message: null });
      },
    };
  });
}
