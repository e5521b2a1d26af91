// What a classroom device knows: the room and game as the server last sent them, who this
// device is, the link's state, and which of its own messages are still unanswered. The
// server is the only judge: this store never changes the room itself, it sends and waits
// for `room` / `game` / `team` / `ack` / `refused`. The one exception is a team's draft,
// shown as edited at once (other devices of the team see it when the server echoes it).
import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { Order, Scenario } from '../../engine';
import { reviveView, validateOrders } from '../../engine';
import type { FacilitatorCodes, GameSnapshot, Identity, RoomPublic, ServerMessage, TeamMessage, TeamPrivate, Timer, TurnStage } from '../../classroom/protocol';
import { applyGameUpdate } from '../../classroom/board';
import type { ClientBody, LinkStatus } from './connection';

export interface ClassroomState {
  link: LinkStatus;
  /** Why the server refused this device's token (status `denied`). */
  deniedWhy: string | null;
  /** Welcomed at least once: a later drop is a reconnect, said in a banner, not a loading screen. */
  welcomed: boolean;
  you: Identity | null;
  scenario: Scenario | null;
  room: RoomPublic | null;
  game: GameSnapshot | null;
  team: TeamPrivate | null;
  messages: TeamMessage[];
  codes: FacilitatorCodes | null;
  /** The server's clock less this device's (ms), from the last `room` or `pong`: the countdown runs on the server's time. */
  skew: number;
  /** Messages sent and not yet answered: id → the control that sent it. */
  inFlight: ReadonlyMap<number, string>;
  /** Why the last message of a control was refused (control key → words); cleared when it sends again. */
  refusals: ReadonlyMap<string, string>;
  /** A refusal no control of this device caused. */
  notice: string | null;
  /** A draft edited here, shown until the server has answered every draft message sent and echoed the team's draft. */
  localDraft: Order[] | null;

  receive(msg: ServerMessage, localNow: number): void;
  setLink(status: LinkStatus, why: string | null): void;
  /** Sends `body` for the control `key`; false (and the reason at `key`) when it cannot go. */
  act(key: string, body: ClientBody): boolean;
  /** The team's draft: checked by the engine first, shown at once, sent to the team's other devices through the server. */
  setDraft(orders: readonly Order[]): boolean;
  dismissNotice(): void;
}

/** How messages leave (the connection, once it is open; a fake in tests). */
export interface Outbox {
  send(body: ClientBody): number | null;
  /** Connects again, so the welcome brings everything anew (a board update that does not follow this device's board). */
  resync?(): void;
}

export const OFFLINE = 'Not connected to the classroom server: reconnecting. Try again when the banner has gone.';

/** The draft the team sees: its own edits until the server has them, else the server's. */
export const draftOf = (s: Pick<ClassroomState, 'localDraft' | 'team'>): readonly Order[] => s.localDraft ?? s.team?.draft ?? [];

/** Whether a message of the control `key` is still unanswered. */
export const busy = (s: Pick<ClassroomState, 'inFlight'>, key: string): boolean => [...s.inFlight.values()].includes(key);

/** Milliseconds left on the timer by the server's clock, or null when no timer runs (or it is off). */
export function timeLeft(timer: Timer, skew: number, localNow: number): number | null {
  if (timer.kind === 'off') return null;
  if (timer.kind === 'paused') return Math.max(0, timer.leftMs);
  return Math.max(0, timer.endsAt - (localNow + skew));
}

/** "4:05", "0:09", "1:02:00". */
export function clockText(ms: number): string {
  const total = Math.ceil(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/**
 * What the countdown adds in a grace period, once the timer ran out: what happens when it
 * ends (room.ts: an unsent draft counts first, the computer fills in only for a power with
 * none; a silent republic takes the rule of thumb's stance). `draft`: the orders in this
 * power team's own unsent list, or null on a screen that is not one team's. It once said
 * "then the computer fills in" to everyone, which a team with a draft read as losing it.
 */
export function graceNote(stage: TurnStage, draft: number | null): string {
  if (stage === 'stances') return ' (grace: then the rule of thumb takes a missing stance)';
  if (draft === null) return ' (grace: then a team’s unsent list counts, or the computer fills in)';
  return draft > 0 ? ' (grace: then your unsent list counts)' : ' (grace: then the computer gives your orders)';
}

const withoutKey = <K, V>(m: ReadonlyMap<K, V>, k: K): Map<K, V> => {
  const out = new Map(m);
  out.delete(k);
  return out;
};

/** A snapshot as it arrived over JSON: its records get no prototype again, so ids stay plain keys. */
const reviveGame = (g: GameSnapshot): GameSnapshot => ({ version: g.version, view: reviveView(g.view), reports: g.reports });

const mergeMessages = (known: readonly TeamMessage[], more: readonly TeamMessage[]): TeamMessage[] => {
  const bySeq = new Map(known.map((m) => [m.seq, m]));
  for (const m of more) bySeq.set(m.seq, m);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
};

export function createClassroomStore(out: Outbox): StoreApi<ClassroomState> {
  return createStore<ClassroomState>()((set, get) => {
    /** The answer to message `id` came: it is no longer in flight; a draft shown locally gives way once none is. */
    const answered = (id: number, refusal: string | null): void => {
      const { inFlight, refusals } = get();
      const key = inFlight.get(id);
      if (key === undefined) {
        if (refusal !== null) set({ notice: refusal });
        return;
      }
      const rest = withoutKey(inFlight, id);
      const next: Partial<ClassroomState> = { inFlight: rest, refusals: refusal === null ? refusals : new Map(refusals).set(key, refusal) };
      // A refused draft gives way to the server's at once; an accepted one stays shown until the
      // server's echo (`team`) brings it, since the server acknowledges before it routes the echo.
      if (key === 'draft' && refusal !== null && !busy({ inFlight: rest }, 'draft')) next.localDraft = null;
      set(next);
    };

    return {
      link: 'connecting',
      deniedWhy: null,
      welcomed: false,
      you: null,
      scenario: null,
      room: null,
      game: null,
      team: null,
      messages: [],
      codes: null,
      skew: 0,
      inFlight: new Map(),
      refusals: new Map(),
      notice: null,
      localDraft: null,

      receive(msg, localNow) {
        switch (msg.t) {
          case 'welcome':
            // Everything anew: whatever was in flight on the old socket will never be answered.
            set({
              welcomed: true,
              you: msg.you,
              scenario: msg.scenario,
              room: msg.room,
              game: msg.game ? reviveGame(msg.game) : null,
              team: msg.team,
              messages: mergeMessages([], msg.messages),
              codes: msg.codes,
              skew: msg.room.serverNow - localNow,
              inFlight: new Map(),
              localDraft: null,
            });
            return;
          case 'room': {
            // A refusal answers what was tried in its stage ("… has already happened" in turn 2):
            // once the stage, turn or phase moves on, it would read as news of the new one, so it goes.
            const was = get().room;
            const moved = was !== null && (was.phase !== msg.room.phase || was.turn !== msg.room.turn || was.stage !== msg.room.stage);
            set({ room: msg.room, skew: msg.room.serverNow - localNow, ...(moved && get().refusals.size > 0 ? { refusals: new Map<string, string>() } : {}) });
            return;
          }
          case 'game': {
            const game = applyGameUpdate(get().game, msg);
            // An update that does not follow this device's board: the whole board comes with the next welcome.
            if (game) set({ game });
            else out.resync?.();
            return;
          }
          case 'team':
            set({ team: msg.team, localDraft: busy(get(), 'draft') ? get().localDraft : null });
            return;
          case 'message':
            set({ messages: mergeMessages(get().messages, [msg.message]) });
            return;
          case 'ack':
            answered(msg.id, null);
            return;
          case 'refused':
            if (msg.id === null) set({ notice: msg.reason });
            else answered(msg.id, msg.reason);
            return;
          case 'pong':
            set({ skew: msg.serverNow - localNow });
            return;
          default: {
            const never: never = msg;
            return never;
          }
        }
      },

      setLink(status, why) {
        const next: Partial<ClassroomState> = { link: status, deniedWhy: status === 'denied' ? why : null };
        // Unanswered messages died with the socket; a draft edited here gives way to the welcome's.
        if (status !== 'open') Object.assign(next, { inFlight: new Map(), localDraft: null });
        set(next);
      },

      act(key, body) {
        const refusals = withoutKey(get().refusals, key);
        const id = get().link === 'open' ? out.send(body) : null;
        if (id === null) {
          set({ refusals: refusals.set(key, OFFLINE) });
          return false;
        }
        set({ refusals, inFlight: new Map(get().inFlight).set(id, key) });
        return true;
      },

      setDraft(orders) {
        const { scenario, game, team } = get();
        if (!scenario || !game || !team) return false;
        const v = validateOrders(scenario, game.view, team.role, orders);
        if (!v.ok) {
          set({ refusals: new Map(get().refusals).set('draft', v.error.map((x) => x.reason).join('; ')) });
          return false;
        }
        if (!get().act('draft', { t: 'draft', orders: v.value })) return false;
        set({ localDraft: v.value });
        return true;
      },

      dismissNotice() {
        set({ notice: null });
      },
    };
  });
}
