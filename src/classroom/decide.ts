// A computer player's decision as data: what the room model asks for when a stage closes
// (room.ts, `pendingDecisions`), and the one function that answers it. The server runs
// `decide` on a worker thread (src/server/playerPool.ts) so a strong player's search
// (search:3 ≈ ½ s) never holds up the other rooms; tests and the in-browser fake classroom
// run it in place. Either way the answer is logged as an entry, so replaying a room's log
// never runs a computer player.
//
// A decision carries everything the player reads (the scenario, its view of the board with
// the view's own seed, the orders a republic answers) and nothing else: the same decision
// gives the same answer on any thread, on any machine.
import type { Order, PowerView, RepublicChoice, Scenario } from '../engine';
import { parsePlayer } from '../ai/player';
import type { RepublicView } from '../ai/republic';
import { parseRepublicPlayer } from '../ai/republic';

export type Decision =
  /** A power's orders this turn, by a power player (greedy, search:3, …). */
  | { kind: 'orders'; role: string; player: string; scenario: Scenario; view: PowerView }
  /** A republic's stance this turn, by a republic player, seeing every power's orders. */
  | { kind: 'stance'; role: string; player: string; scenario: Scenario; view: RepublicView; orders: Record<string, Order[]> };

export type Decided = { kind: 'orders'; orders: Order[] } | { kind: 'stance'; choice: RepublicChoice };

/** A decision's answer, exactly as the computer player gives it. Throws if the player is unknown (a seat is checked when taken, so that is a bug). */
export function decide(d: Decision): Decided {
  if (d.kind === 'orders') {
    const player = parsePlayer(d.player);
    if (!player.ok) throw new Error(player.error);
    return { kind: 'orders', orders: player.value.decide(d.scenario, d.view) };
  }
  const player = parseRepublicPlayer(d.player);
  if (!player.ok) throw new Error(player.error);
  return { kind: 'stance', choice: player.value.decide(d.scenario, d.view, d.role, d.orders) };
}
