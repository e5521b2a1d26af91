// Which scenario events the facilitator may fire now (pure, so tested without a page). The
// console offered every event, those that had already happened too: picking one of them
// ("Setbacks on the Ukrainian front" after it fired in turn 1) was refused by the server,
// and the teacher learnt only after trying. The server's own check decides what is offered.
import type { GameEvent, Scenario, StateLike } from '../../engine';
import { checkInjected } from '../../engine';
import type { RoomPublic } from '../../classroom/protocol';

/** The events fired by hand this turn (they happen as it resolves). */
export const injectedThisTurn = (room: RoomPublic): string[] => room.news.flatMap((n) => (n.kind === 'event' && n.turn === room.turn && n.event !== undefined ? [n.event] : []));

/** The scenario's events the server would accept now, in the scenario's order: none already happened (unless repeatable), none already fired this turn. */
export function injectableEvents(scenario: Scenario, state: StateLike, room: RoomPublic): GameEvent[] {
  const already = injectedThisTurn(room);
  return scenario.events.filter((e) => checkInjected(scenario, state, [...already, e.id]).ok);
}
