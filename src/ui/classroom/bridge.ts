// The classroom's board drawn by the game's own parts: the map scene and the play screen's
// country, order and queue panels read a game store (src/store), so a classroom device keeps
// one, fed from what the server sent. The game store never plays a turn here: the server
// does. For a team's power, the game store's queue is the team's draft: an order queued or
// undone there is checked by the engine as in the game and sent to the server as the draft;
// a draft the server sends (another device of the team changed it) is put back in the queue.
import type { StoreApi } from 'zustand/vanilla';
import type { Order, Scenario } from '../../engine';
import { determinize, orderKey } from '../../engine';
import type { GameSnapshot } from '../../classroom/protocol';
import type { GameSession, GameStoreState } from '../../store/gameStore';
import type { ClassroomState } from './classroomStore';
import { draftOf } from './classroomStore';

/** A game session showing `game` as this device may see it; `power`: the team's power, whose queue is `draft`. */
export function sessionOf(code: string, scenario: Scenario, game: GameSnapshot, power: string | null, draft: readonly Order[]): GameSession {
  // The view has no seed or generator; the game store's state type wants them, and nothing here draws from them.
  const state = determinize(game.view, `classroom|${code}`);
  const mine = power !== null && scenario.powers.some((p) => p.id === power) ? power : null;
  return {
    gameId: `classroom-${code}`,
    scenario,
    record: { scenario, seed: '', options: {}, turns: [], state },
    mode: { kind: 'seats', seats: scenario.powers.map((p) => ({ power: p.id, player: p.id === mine ? 'human' : { computer: 'greedy' } })) },
    reports: game.reports,
    pending: mine === null ? new Map() : new Map([[mine, draft]]),
    activePower: mine,
    handover: false,
  };
}

const sameOrders = (a: readonly Order[], b: readonly Order[]): boolean => a.length === b.length && a.every((o, i) => orderKey(o) === orderKey(b[i] as Order) && (o.type !== 'project' || o.bid === (b[i] as Order & { bid?: number }).bid));

/** Keeps `games` showing what `classroom` holds; returns the unsubscribe. */
export function bridge(classroom: StoreApi<ClassroomState>, games: StoreApi<GameStoreState>): () => void {
  let syncing = false;
  let shown: { game: GameSnapshot | null; scenario: Scenario | null; draft: readonly Order[] } = { game: null, scenario: null, draft: [] };
  const sync = (force = false): void => {
    const c = classroom.getState();
    const draft = draftOf(c);
    if (!force && c.game === shown.game && c.scenario === shown.scenario && sameOrders(draft, shown.draft)) return;
    shown = { game: c.game, scenario: c.scenario, draft };
    const power = c.you?.kind === 'team' ? c.you.role : null;
    syncing = true;
    games.setState({ session: c.game && c.scenario && c.room ? sessionOf(c.room.code, c.scenario, c.game, power, draft) : null });
    syncing = false;
  };
  const offClassroom = classroom.subscribe(() => sync());
  const offGames = games.subscribe((now, before) => {
    if (syncing || !now.session?.activePower || now.session === before.session) return;
    const queued = now.session.pending.get(now.session.activePower) ?? [];
    if (sameOrders(queued, shown.draft)) return;
    // The team changed its queue here: the server shares it (or refuses it, and the queue goes back).
    if (!classroom.getState().setDraft(queued)) sync(true);
  });
  sync();
  return () => {
    offClassroom();
    offGames();
  };
}
