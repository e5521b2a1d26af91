// Who the shared screen (`/?shared=<secret>`, shared.tsx) is passed to next. One device plays
// for every team seated as a team: in the orders stage each power team that has not submitted
// gets it in the room's order of roles, in the stance stage each republic team; when a turn has
// resolved (the room's turn is past the last one the class saw) a between-turns screen comes
// first. Before the first orders are given (in the lobby, or turn 1's orders if the
// facilitator started early), each team first reads its briefing in turn, every role this
// screen plays in the room's order. Pure: the room as the server sent it decides; the screen
// only remembers which turn the class has seen and which teams have read their briefing.
import type { RoleInfo, RoomPublic } from '../../classroom/protocol';

export type SharedStep =
  /** Before the start, every team having read its briefing: nothing to hand over yet. */
  | { kind: 'lobby' }
  /** Before turn 1's orders: pass the screen to this team to read its own briefing. */
  | { kind: 'briefing'; role: RoleInfo }
  /** The game is over. */
  | { kind: 'ended' }
  /** The last turn resolved: its summary, then the screen goes to `first` (null: no team plays this stage). */
  | { kind: 'between'; turn: number; first: RoleInfo | null }
  /** Pass the screen to this team. */
  | { kind: 'team'; role: RoleInfo }
  /** Every team on this screen has answered this stage: the server is waiting for the others (computers, the clock, the facilitator). */
  | { kind: 'waiting' };

/** The team-seated roles this screen plays (in the room's order) that still owe the current stage. */
export function owing(room: RoomPublic, played: ReadonlySet<string>): RoleInfo[] {
  const kind = room.stage === 'orders' ? 'power' : 'republic';
  return room.roles.filter((r) => r.seat.kind === 'team' && played.has(r.role) && r.kind === kind && !r.submitted);
}

/**
 * What the shared screen shows next; `seenTurn`: the last turn whose start the class has seen
 * (0 before any); `briefed`: the roles whose team has read its briefing here (by default all).
 */
export function nextStep(room: RoomPublic, played: ReadonlySet<string>, seenTurn: number, briefed: ReadonlySet<string> = played): SharedStep {
  const beforeFirstOrders = room.phase === 'lobby' || (room.phase === 'playing' && room.turn === 1 && room.stage === 'orders');
  const unread = beforeFirstOrders ? room.roles.find((r) => r.seat.kind === 'team' && played.has(r.role) && !briefed.has(r.role)) : undefined;
  if (unread) return { kind: 'briefing', role: unread };
  if (room.phase === 'lobby') return { kind: 'lobby' };
  if (room.phase === 'ended') return { kind: 'ended' };
  const due = owing(room, played);
  if (room.turn > 1 && room.turn > seenTurn) return { kind: 'between', turn: room.turn - 1, first: due[0] ?? null };
  const next = due[0];
  return next ? { kind: 'team', role: next } : { kind: 'waiting' };
}
