// How a seat is named on the classroom's screens, in words (pure, so tested without a page).
// A newcomer's projector read "Beijing (Beijing): waiting" and left out Moscow, seated as a
// computer, so the room could not tell whether everyone was in (issue 11).
import type { Order, ScenarioIndex, StateLike } from '../../engine';
import { orderCost, own } from '../../engine';
import type { MissedOrders, RoleInfo, RoomPublic } from '../../classroom/protocol';

/**
 * The team's own name when it was renamed ("Team Silk"); null when it is the role's own name,
 * which would only repeat it, or unknown here. Only the facilitator's room carries teams'
 * names: a team's own screen passes its name from its private state (`own`, TeamPrivate.name).
 */
export function renamedAs(r: RoleInfo, own: string | null = null): string | null {
  if (r.seat.kind !== 'team') return null;
  const name = (r.seat.name ?? own ?? '').trim();
  return name === '' || name.toLowerCase() === r.name.trim().toLowerCase() ? null : name;
}

/** A team screen's heading: "Beijing — Team Silk", or just "Beijing" for a team that kept the role's name (`own`: as in renamedAs). */
export function teamHeading(r: RoleInfo, own: string | null = null): string {
  const renamed = renamedAs(r, own);
  return renamed === null ? r.name : `${r.name} — ${renamed}`;
}

/**
 * Whether a screen may say which team plays a role. Renaming a team ("Team 3") is how the
 * facilitator keeps roles anonymous (the join cards then leave the role out); a screen every
 * student reads (the projector, another team's device) that printed "Beijing (Team 3)" told the
 * whole class who plays Beijing. Those screens call a role by its own name only
 * (`role-names`); the facilitator's console, a team's own screen and the shared screen (where
 * every team is anyway) keep the team's name.
 */
export type TeamNames = 'team-names' | 'role-names';

/**
 * One seat's line in the stage's list: every role whose turn it is to answer, teams and
 * computers alike. A team is waiting or has submitted; a computer is ready, since it
 * decides the moment the stage closes, and never holds the room up.
 */
export function seatLine(room: RoomPublic, r: RoleInfo, names: TeamNames = 'team-names'): string {
  if (r.seat.kind === 'computer') {
    // Only the facilitator's room says which computer player (the class's has null): the class reads that a computer plays the role, not how strong it is.
    const who = r.seat.player === null ? 'a computer player' : r.kind === 'republic' && r.seat.player === 'rule' ? "the engine's rule of thumb" : `computer (${r.seat.player})`;
    return `${r.name}: ${who} — ready, decides when the stage closes`;
  }
  const renamed = names === 'team-names' ? renamedAs(r) : null;
  const done = r.submitted ? 'submitted' : room.stage === 'orders' ? 'waiting for orders' : 'waiting for a stance';
  return `${r.name}${renamed === null ? '' : ` (${renamed})`}: ${done}${r.connected === 0 ? ' · no device connected' : ''}`;
}

/** The roles that answer in the room's current stage: the powers give orders, the republics take stances. */
export const answeringNow = (room: RoomPublic, roles: readonly RoleInfo[] = room.roles): RoleInfo[] => roles.filter((r) => (room.stage === 'orders' ? r.kind === 'power' : r.kind === 'republic'));

/** A team as it is called to the screen: its own name first ("Team K (Kazakhstan)"), or only the role's ("Beijing") when it kept it. */
export function teamCalled(r: RoleInfo): string {
  const renamed = renamedAs(r);
  return renamed === null ? r.name : `${renamed} (${r.name})`;
}

/** A power team's budget as its turn bar says it, the draft's cost taken off: "32 of 32 budget left", as in solo play. */
export function budgetLine(state: StateLike, power: string, draft: readonly Order[], ix: ScenarioIndex): string {
  const budget = own(state.powers, power)?.budget ?? 0;
  const left = budget - draft.reduce((sum, o) => sum + orderCost(ix, o), 0);
  return `${left} of ${budget} budget left`;
}

/**
 * What a power's team reads while the republics choose, once its orders are in: its own, or
 * (it did not submit in time) what its power gives this turn and who decided it. A team that
 * never submitted read "Orders are in" and nothing else, and could not tell whether its
 * draft, the computer or nobody had played for it.
 */
export function ordersInTitle(submitted: boolean, missed: MissedOrders | null): string {
  if (submitted || missed === null) return 'Your orders are in';
  switch (missed.by) {
    case 'draft':
      return 'The orders closed before you submitted: your unsent list counts';
    case 'computer':
      return 'The orders closed before you submitted: the computer gave your orders';
    case 'none':
      return 'The orders closed before you submitted: no orders from you this turn (your budget carries over)';
    default: {
      const never: never = missed.by;
      return String(never);
    }
  }
}
