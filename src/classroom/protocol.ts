// The classroom protocol: every message between a classroom client (a team's device, the
// facilitator's console, the projector) and the server, as zod schemas for what clients
// send (untrusted: the server parses every message with `parseClientMessage`) and as types
// for what the server sends (trusted by clients, but still parsed at the edge).
//
// Decisions (issue 12):
// - One WebSocket per device. The first message is `hello` with a token: the facilitator's
//   secret, a team's join code, or the room code (the projector: public view only).
// - Every client message carries an `id` the client chooses; the server answers each with
//   `ack` (done, and written to disk first) or `refused` (why, in words for a player).
// - On every (re)connection the server sends `welcome` with everything that device may see,
//   so a client that lost its connection resumes by connecting again: no replay protocol.
// - A team's draft orders are shared between the devices of that team only. Nobody sees
//   another team's orders before the turn resolves; the facilitator sees who has submitted,
//   never what.
// - A turn has two stages: the powers give orders, then each republic team sees what each
//   patron offers it (the engine's `offers`: one number per power, not the orders) and takes
//   a stance. Republics played by the computer or the engine's rule of thumb answer at once.
// - Messages (`say`) go from a team to one team or all, or from the facilitator to one team or
//   every team; each is read by its sender, its addressee(s) and the facilitator, never on the
//   projector (a news item is for the whole room). Senders and addressees are tagged values
//   (`Sender`, `Addressee`), never a word beside role ids: a scenario may call a power
//   `facilitator` or `all`, and it must neither read the facilitator's notes nor stand for everyone.
// - Anonymity between teams: a team's name (the facilitator renames teams "Team 3" so that the
//   class cannot tell who plays which role) is sent to the facilitator and to that team only.
//   Every other device is sent the room with each team seat's name as null (`ShownSeat`): the
//   projector and every team get one and the same room (roles, who is a team or a computer,
//   devices connected, who has submitted), and a team reads its own name in its `TeamPrivate`.
//   A computer seat's player (its strength) is null there too: the class knows a computer
//   plays a role, not how strong it is.
//   So the room goes out in two variants, each serialised and compressed once for all its
//   devices: the facilitator's, and the class's. src/classroom/README.md lists what each
//   audience receives.
import { z } from 'zod';
import type { Order, PowerView, RepublicChoice, Scenario, TurnReport } from '../engine';

/** Longest text a message, a news item or a team name may hold. */
export const MAX_TEXT = 500;
export const MAX_TEAM_NAME = 40;
/** Longest WebSocket frame the server reads; a room's scenario arrives over HTTP, not here. */
export const MAX_FRAME_BYTES = 16_384;
/** Most orders a draft may hold (the engine refuses more than a power may give; this bounds the work). */
export const MAX_DRAFT_ORDERS = 20;

const Id = z.string().min(1).max(100);
const Text = z.string().max(MAX_TEXT);
const MsgId = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

/** Who a message goes to: every team, or one team by its role. */
export const AddresseeSchema = z.discriminatedUnion('kind', [z.strictObject({ kind: z.literal('all') }), z.strictObject({ kind: z.literal('team'), role: Id })]);
export type Addressee = z.infer<typeof AddresseeSchema>;
/** Who a message is from: the facilitator, or a team by its role. */
export type Sender = { kind: 'facilitator' } | { kind: 'team'; role: string };
/** Whether two senders or addressees are the same party. */
export const sameParty = (a: Sender | Addressee, b: Sender | Addressee): boolean => a.kind === b.kind && (a.kind !== 'team' || (b.kind === 'team' && a.role === b.role));
/** Whether a message from or to `p` involves the team playing `role`. */
export const isTeamParty = (p: Sender | Addressee, role: string): boolean => p.kind === 'team' && p.role === role;

/** Who plays a role: a team of students, or a computer player (for a republic, `rule` is the engine's own rule of thumb). */
export const SeatSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('team'), name: z.string().min(1).max(MAX_TEAM_NAME) }),
  z.strictObject({ kind: z.literal('computer'), player: Id }),
]);
export type Seat = z.infer<typeof SeatSchema>;

/** What happens when the timer runs out and a role has not submitted. */
export const MissingPolicySchema = z.discriminatedUnion('kind', [
  /** Powers give no orders; republics take the engine's rule-of-thumb stance. */
  z.strictObject({ kind: z.literal('pass') }),
  /** After `graceSeconds` more, the computer (`player`) fills in for the powers, the rule of thumb for republics. */
  z.strictObject({ kind: z.literal('computer'), player: Id, graceSeconds: z.number().int().min(0).max(600) }),
]);
export type MissingPolicy = z.infer<typeof MissingPolicySchema>;

export const RoomSettingsSchema = z.strictObject({
  /** Seconds for the powers' orders; 0: no timer (the facilitator resolves, or the turn resolves when all have submitted). */
  orderSeconds: z.number().int().min(0).max(3600),
  /** Seconds for the republics' stances. */
  stanceSeconds: z.number().int().min(0).max(3600),
  missing: MissingPolicySchema,
});
export type RoomSettings = z.infer<typeof RoomSettingsSchema>;

export const DEFAULT_SETTINGS: RoomSettings = { orderSeconds: 300, stanceSeconds: 90, missing: { kind: 'pass' } };

const Base = { id: MsgId };
/** Every message a client may send. */
export const ClientMessageSchema = z.discriminatedUnion('t', [
  z.strictObject({ ...Base, t: z.literal('hello'), token: z.string().min(1).max(100) }),
  z.strictObject({ ...Base, t: z.literal('ping') }),
  // A team's own turn.
  z.strictObject({ ...Base, t: z.literal('draft'), orders: z.array(z.unknown()).max(MAX_DRAFT_ORDERS) }),
  z.strictObject({ ...Base, t: z.literal('submit'), orders: z.array(z.unknown()).max(MAX_DRAFT_ORDERS) }),
  z.strictObject({ ...Base, t: z.literal('withdraw') }),
  z.strictObject({ ...Base, t: z.literal('stance'), choice: z.unknown() }),
  z.strictObject({ ...Base, t: z.literal('say'), to: AddresseeSchema, text: Text.min(1) }),
  // The facilitator's console.
  z.strictObject({ ...Base, t: z.literal('seat'), role: Id, seat: SeatSchema }),
  z.strictObject({ ...Base, t: z.literal('settings'), settings: RoomSettingsSchema }),
  z.strictObject({ ...Base, t: z.literal('start') }),
  z.strictObject({ ...Base, t: z.literal('pause') }),
  z.strictObject({ ...Base, t: z.literal('resume') }),
  z.strictObject({ ...Base, t: z.literal('extend'), seconds: z.number().int().min(1).max(3600) }),
  z.strictObject({ ...Base, t: z.literal('resolve-now') }),
  z.strictObject({ ...Base, t: z.literal('inject-event'), event: Id }),
  z.strictObject({ ...Base, t: z.literal('news'), text: Text.min(1) }),
  z.strictObject({ ...Base, t: z.literal('end') }),
]);
export type ClientMessage = z.infer<typeof ClientMessageSchema>;
export type ClientMessageType = ClientMessage['t'];

/** Message types only the facilitator may send. */
export const FACILITATOR_ONLY: ReadonlySet<ClientMessageType> = new Set(['seat', 'settings', 'start', 'pause', 'resume', 'extend', 'resolve-now', 'inject-event', 'news', 'end']);
/** Message types only a team may send (`say` is a team's or the facilitator's). */
export const TEAM_ONLY: ReadonlySet<ClientMessageType> = new Set(['draft', 'submit', 'withdraw', 'stance']);
/** Who a connection is, once its `hello` is accepted. */
export type Identity = { kind: 'facilitator' } | { kind: 'team'; role: string } | { kind: 'projector' };

export type RoomPhase = 'lobby' | 'playing' | 'ended';
/** The stage of the current turn. */
export type TurnStage = 'orders' | 'stances';
/** The turn timer, in the server's clock (`serverNow` in each room message lets clients correct their own). */
export type Timer =
  | { kind: 'off' }
  | { kind: 'running'; endsAt: number; grace: boolean }
  | { kind: 'paused'; leftMs: number; grace: boolean };

/**
 * A seat as a device is sent it: whole to the facilitator; to every other device a team's
 * name is null (which team plays a role is not the class's to read; a team has its own name
 * in `TeamPrivate.name`), and so is a computer seat's player: the class reads "a computer
 * player", never how strong it is (a team that knew Moscow was the Easy computer would play
 * another game against it; the class's debrief, after the end, says which it was).
 */
export type ShownSeat = Seat | { kind: 'team'; name: null } | { kind: 'computer'; player: null };

export interface RoleInfo {
  /** A power's or a contested republic's id. */
  role: string;
  kind: 'power' | 'republic';
  /** The power's or country's name. */
  name: string;
  seat: ShownSeat;
  /** Devices of this team connected now (0 for a computer). */
  connected: number;
  /** Whether this role has given its orders (powers) or stance (republics) for the current stage. */
  submitted: boolean;
}

/** A news item every team sees: the facilitator's words, or a scenario event fired by hand. */
export interface NewsItem {
  turn: number;
  at: number;
  kind: 'news' | 'event';
  text: string;
  /** The event's id, when `kind` is `event`. */
  event?: string;
}

/** An in-character message between teams, or from the facilitator, to one team or all. The facilitator sees every one. */
export interface TeamMessage {
  seq: number;
  turn: number;
  at: number;
  from: Sender;
  to: Addressee;
  text: string;
}

/** What every device in the room sees. Nothing secret: teams' names only in the facilitator's (see `ShownSeat`). */
export interface RoomPublic {
  code: string;
  scenarioId: string;
  title: string;
  phase: RoomPhase;
  /** The turn being played (1-based); after the game, the last turn played + 1. */
  turn: number;
  stage: TurnStage;
  timer: Timer;
  settings: RoomSettings;
  roles: RoleInfo[];
  news: NewsItem[];
  /** The server's clock when this was sent. */
  serverNow: number;
  /** Set while the orders stage closes and computer players decide (no timer runs; orders wait). */
  deciding?: true;
  /** The game's result, once it ended (winner null: a draw or stopped by the facilitator). */
  result?: { winner: string | null; reason: string };
}

/** What only one team sees: its own name, its draft, what it submitted, and (a republic in the stance stage) the offers made to it. */
export interface TeamPrivate {
  role: string;
  /** The team's own name as the facilitator seated it (null: the computer plays the role now). No other team is sent it. */
  name: string | null;
  draft: Order[];
  submitted: Order[] | null;
  stance: RepublicChoice | null;
  /** Power id → what its orders this turn offer this republic (see the engine's `offers`); set in the stance stage. */
  offers: Record<string, number> | null;
  /**
   * A power's team that did not submit before its orders stage closed: what its power gives
   * this turn and why (its unsent draft, the computer under the missing-orders policy, or
   * nothing); set in the stance stage. Without it the team read only "Orders are in".
   */
  missed: MissedOrders | null;
}

/** What a power's team that missed the deadline gives this turn: `by` says who decided. */
export interface MissedOrders {
  by: 'draft' | 'computer' | 'none';
  orders: Order[];
}

/** Everything a device may see of the game itself. */
export interface GameSnapshot {
  /** The board's version: the number of turns played. */
  version: number;
  /** The board as this device may see it: a team's power sees its own secret tracks; everyone else the public board. */
  view: PowerView;
  /** Every turn report so far, with other powers' secret tracks removed. */
  reports: TurnReport[];
}

/** What changed in a view: each [path of keys, new value] (board.ts says how it is made and applied). */
export type ViewPatch = [path: string[], value: unknown][];

/**
 * The board after a turn (board.ts): the reports from index `from` on (a device keeps its own
 * first `from` and appends these) and the view at `version`, whole or as a patch from the
 * view at version `base`, the one every device of the room holds. A welcome always carries
 * the whole board.
 */
export interface GameUpdate {
  t: 'game';
  version: number;
  from: number;
  reports: TurnReport[];
  board: { kind: 'view'; view: PowerView } | { kind: 'patch'; base: number; patch: ViewPatch };
}

const Count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
/**
 * A board update as a client reads it: the server is trusted, but a frame is checked before a
 * board is built from it. The shapes a patch is applied by are checked here; what the engine
 * fills in (a view's and a report's fields) stays as the server sent it.
 */
export const GameUpdateSchema = z.strictObject({
  t: z.literal('game'),
  version: Count,
  from: Count,
  reports: z.array(z.looseObject({ turn: Count })),
  board: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('view'), view: z.looseObject({ viewer: z.string(), turn: Count }) }),
    z.strictObject({ kind: z.literal('patch'), base: Count, patch: z.array(z.tuple([z.array(z.string()), z.unknown()])) }),
  ]),
});

export type ServerMessage =
  | { t: 'welcome'; you: Identity; scenario: Scenario; room: RoomPublic; game: GameSnapshot | null; team: TeamPrivate | null; messages: TeamMessage[]; codes: FacilitatorCodes | null }
  | { t: 'room'; room: RoomPublic }
  | GameUpdate
  | { t: 'team'; team: TeamPrivate }
  | { t: 'message'; message: TeamMessage }
  | { t: 'ack'; id: number }
  | { t: 'refused'; id: number | null; reason: string }
  | { t: 'pong'; id: number; serverNow: number };

/** The facilitator's secret links: the join code of each team's role, and the room's own code for the projector. */
export interface FacilitatorCodes {
  facilitator: string;
  projector: string;
  teams: { role: string; code: string }[];
}

/** Parses a client frame. The frame is untrusted: its size is checked before parsing. */
export function parseClientMessage(frame: string): { ok: true; value: ClientMessage } | { ok: false; error: string; id: number | null } {
  if (frame.length > MAX_FRAME_BYTES) return { ok: false, error: `the message is ${frame.length} characters; at most ${MAX_FRAME_BYTES} are read`, id: null };
  let json: unknown;
  try {
    json = JSON.parse(frame);
  } catch {
    return { ok: false, error: 'the message is not JSON', id: null };
  }
  const parsed = ClientMessageSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
    return { ok: false, error: `not a message this server reads${where}: ${issue?.message ?? 'unknown shape'}`, id: idIn(json) };
  }
  return { ok: true, value: parsed.data };
}

/** The message id a parsed frame carries, or null: what a refusal answers, so the client waiting on it hears. */
function idIn(json: unknown): number | null {
  const id = json !== null && typeof json === 'object' ? (json as { id?: unknown }).id : undefined;
  return typeof id === 'number' && Number.isSafeInteger(id) && id >= 0 ? id : null;
}

/**
 * The id of a frame refused before it is read (a connection over its rate): looked up so the
 * refusal answers the request and the client does not wait for an answer that never comes.
 * The frame's size is checked first, as for any frame.
 */
export function frameId(frame: string): number | null {
  if (frame.length > MAX_FRAME_BYTES) return null;
  try {
    return idIn(JSON.parse(frame));
  } catch {
    return null;
  }
}

/** The HTTP body that creates a room (POST /api/rooms). The scenario is checked by the engine's own validator. */
export const CreateRoomSchema = z.strictObject({
  /** A shipped scenario's id, or a whole scenario (opened or edited by the facilitator). */
  scenario: z.union([z.strictObject({ shipped: Id }), z.strictObject({ file: z.unknown() })]),
  seed: z.string().min(1).max(200).optional(),
  settings: RoomSettingsSchema.optional(),
});
export type CreateRoom = z.infer<typeof CreateRoomSchema>;
export interface CreatedRoom {
  code: string;
  facilitator: string;
}
