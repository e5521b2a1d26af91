// A classroom room: who plays which role, the turn's stage and timer, the teams' drafts and
// submissions, news, messages and the game itself. A room is its creation plus a log of
// entries; `applyEntry` folds one entry in, the same way live and when a restarted server
// replays the log, so a room survives a crash with every acknowledged order and its timer
// (timers are absolute times in the log). Nothing here reads a clock: `now` comes in.
//
// The server turns a client message into entries with `handleMessage` (checking who may do
// what, and when), and asks `dueEntries` what the clock or a completed stage causes. Slow
// work (computer players) is never done here: a stage that needs computer players closes in
// two steps. First a `closing` entry freezes the stage and names the players needed;
// `pendingDecisions` then describes each decision as data (decide.ts), the server has them
// made off its main thread, and each answer comes back as an ordinary entry (`decided`
// builds it); once every answer is in, `dueEntries` closes the stage. Applying the log
// never runs a computer player, and a server killed mid-decision asks again on restart.
//
// A turn has two stages. Orders: every power seated by a team gives its orders (a team's
// devices share one draft; one of them submits). The stage closes when every team power
// has submitted, when the timer runs out (after a grace period under the "computer fills
// in" policy) or when the facilitator resolves now; computer powers decide then, and a team
// that did not submit gives its draft if it has one (the class's work is not thrown away),
// otherwise what the room's policy says. Republics played by the computer or the rule of
// thumb answer at once; republics played by teams get a stance stage, seeing what each
// patron offers them (one number per power, the engine's `offers`, never the orders).
//
// applyEntry changes the room in place and returns it: the server keeps one live room, and
// copying every map on every draft would cost more than it protects.
import type { GameRecord, GameState, Order, RepublicChoice, Scenario, SaveFile, TurnReport } from '../engine';
import { checkInjected, idRecord, indexScenario, OLD_RULES_MESSAGE, offers, own, playTurn, republicChoices, ruleOfThumbChoice, SAVE_VERSION, startRecord, toSave, validateOrders, viewFor } from '../engine';
import { parsePlayer } from '../ai/player';
import { parseRepublicPlayer, republicView } from '../ai/republic';
import type { Decided, Decision } from './decide';
import { decide } from './decide';
import { diffView } from './board';
import { endedEarly } from './outcome';
import type { Addressee, ClientMessage, GameSnapshot, GameUpdate, Identity, MissedOrders, NewsItem, RoleInfo, RoomPhase, RoomPublic, RoomSettings, Seat, Sender, ServerMessage, ShownSeat, TeamMessage, TeamPrivate, Timer, TurnStage } from './protocol';
import { FACILITATOR_ONLY, TEAM_ONLY, isTeamParty, sameParty } from './protocol';

/** Everything fixed when a room is made (stored once). */
export interface RoomCreation {
  /** The short room code: the projector's token, and what students see. */
  code: string;
  /** The facilitator's secret token. */
  facilitator: string;
  /** One join code per role (power or contested republic). */
  teamCodes: { role: string; code: string }[];
  scenario: Scenario;
  seed: string;
  settings: RoomSettings;
  at: number;
  /**
   * The rules the room's game is played by: the engine's SAVE_VERSION when it was made.
   * A room stored before this field (the rules that drew events during resolution) has
   * none, and its log would replay to another game, so createRoom refuses it, saying why.
   */
  rules: number;
}

type EntryBody =
  | { k: 'seat'; role: string; seat: Seat }
  | { k: 'settings'; settings: RoomSettings }
  | { k: 'start' }
  | { k: 'draft'; role: string; orders: Order[] }
  | { k: 'submit'; role: string; orders: Order[] }
  | { k: 'withdraw'; role: string }
  | { k: 'stance'; role: string; choice: RepublicChoice }
  | { k: 'say'; from: Sender; to: Addressee; text: string }
  | { k: 'pause' }
  | { k: 'resume' }
  | { k: 'extend'; ms: number }
  /** The timer ran out and the grace period before the computer fills in began. */
  | { k: 'grace' }
  /** The orders stage closes, but computer players must decide first: which roles, by which player. Nothing more is given or changed until they have. */
  | { k: 'closing'; computers: { role: string; player: string }[] }
  /** A computer player's orders (`failed`: it could not decide, and the power gives none). */
  | { k: 'computer-orders'; role: string; orders: Order[]; failed?: string }
  /** A computer player's stance for a republic (`failed`: it could not decide, and the engine's rule of thumb answers). */
  | { k: 'computer-stance'; role: string; choice: RepublicChoice; failed?: string }
  /** The orders stage closed: the orders of powers that had not submitted, and the stances of republics no team plays. */
  | { k: 'close-orders'; fill: Record<string, Order[]>; stances: Record<string, RepublicChoice> }
  /** The stance stage closed: the stances of republic teams that had not submitted. */
  | { k: 'close-stances'; fill: Record<string, RepublicChoice> }
  | { k: 'inject'; event: string }
  | { k: 'news'; text: string }
  | { k: 'end' };
/** One line of a room's log: JSON, folded by applyEntry. */
export type LogEntry = { at: number } & EntryBody;
export type LogEntryKind = LogEntry['k'];

export interface Role {
  id: string;
  kind: 'power' | 'republic';
  name: string;
}

export interface RoomState {
  readonly creation: RoomCreation;
  readonly roles: readonly Role[];
  readonly roleById: ReadonlyMap<string, Role>;
  /** Every entry applied so far, in order: the room's log. */
  readonly log: LogEntry[];
  seats: Map<string, Seat>;
  settings: RoomSettings;
  phase: RoomPhase;
  stage: TurnStage;
  timer: Timer;
  record: GameRecord;
  reports: TurnReport[];
  /** The game's state before the last turn resolved: devices hold their view of it until told the new one, as a patch from it (board.ts). */
  previous: GameState | null;
  /** The index in the log of each entry that resolved a turn: which of a batch's entries made new boards. */
  resolvedAt: number[];
  drafts: Map<string, Order[]>;
  submitted: Map<string, Order[]>;
  stances: Map<string, RepublicChoice>;
  /** Every power's orders once the orders stage closed (the stance stage's offers come from them). */
  turnOrders: Map<string, Order[]> | null;
  /** Stances of republics no team plays, taken when the orders stage closed. */
  autoStances: Map<string, RepublicChoice>;
  /** While the orders stage closes: the computer players asked for (role → player), and what those that answered decided. */
  closing: Closing | null;
  /** Events the facilitator fires this turn. */
  injected: string[];
  news: NewsItem[];
  messages: TeamMessage[];
  result: { winner: string | null; reason: string } | null;
}

export interface Closing {
  /** The index of the `closing` entry in the log: a decision asked for one closing is never taken for another. */
  readonly seq: number;
  readonly computers: ReadonlyMap<string, string>;
  readonly orders: Map<string, Order[]>;
  readonly stances: Map<string, RepublicChoice>;
}

export type Audience = { kind: 'all' } | { kind: 'facilitator' } | { kind: 'projector' } | { kind: 'team'; role: string };
export interface Outgoing {
  to: Audience;
  msg: ServerMessage;
}

type Result<T> = { ok: true; value: T } | { ok: false; error: string };
const ok = <T>(value: T): Result<T> => ({ ok: true, value });
const refuse = <T>(error: string): Result<T> => ({ ok: false, error });

/** The roles of a scenario: its powers, then its contested republics. */
export function rolesOf(scenario: Scenario): Role[] {
  const ix = indexScenario(scenario);
  return [
    ...scenario.powers.map((p) => ({ id: p.id, kind: 'power' as const, name: p.name })),
    ...ix.contestedIds.map((id) => ({ id, kind: 'republic' as const, name: scenario.countries.find((c) => c.id === id)?.name ?? id })),
  ];
}

/** A new room: powers played by teams named after them, republics by the engine's rule of thumb. */
export function createRoom(c: RoomCreation): RoomState {
  // A stored room crossed JSON: the field may be missing, whatever the type says.
  if ((c.rules as number | undefined) !== SAVE_VERSION) throw new Error(`room ${c.code} was ${OLD_RULES_MESSAGE}`);
  const record = startRecord(c.scenario, c.seed);
  if (!record.ok) throw new Error(`room ${c.code}: ${record.error}`);
  const roles = rolesOf(c.scenario);
  const seats = new Map<string, Seat>(roles.map((r) => [r.id, r.kind === 'power' ? { kind: 'team', name: r.name } : { kind: 'computer', player: 'rule' }]));
  return {
    creation: c,
    roles,
    roleById: new Map(roles.map((r) => [r.id, r])),
    log: [],
    seats,
    settings: c.settings,
    phase: 'lobby',
    stage: 'orders',
    timer: { kind: 'off' },
    record: record.value,
    reports: [],
    previous: null,
    resolvedAt: [],
    drafts: new Map(),
    submitted: new Map(),
    stances: new Map(),
    turnOrders: null,
    autoStances: new Map(),
    closing: null,
    injected: [],
    news: [],
    messages: [],
    result: null,
  };
}

/** A stored room that cannot be resumed: what each device that holds one of its codes is told, and what its export holds. */
export interface Unresumable {
  /** The rules version it was played under. */
  rules: number;
  tell(who: Identity): string;
  record: OldRoomRecord;
}

/** The export of a room that cannot be resumed: its log as stored, for grading by hand (no game to replay or debrief). */
export interface OldRoomRecord {
  format: 'new-great-game/old-room';
  code: string;
  title: string;
  createdAt: number;
  rules: number;
  why: string;
  startSettings: RoomSettings;
  log: LogEntry[];
}

/**
 * Whether a stored room is one `createRoom` refuses for its rules (stored before rooms recorded
 * them: version 1, events drawn during resolution), and if so what its devices are told. A
 * teacher's console gets what can still be done: download the record (every order, stance
 * and message as logged) and create a new room of the same scenario; a team's device or the
 * projector, that the room is over for this server and to ask the teacher.
 */
export function unresumable(c: RoomCreation, log: readonly LogEntry[]): Unresumable | null {
  // A stored room crossed JSON: the field may be missing, whatever the type says.
  const rules = (c.rules as number | undefined) ?? 1;
  if (rules === SAVE_VERSION) return null;
  const title = typeof c.scenario?.title === 'string' ? c.scenario.title : 'its scenario';
  const why = `Room ${c.code} was played under the rules of an earlier version of the game (rules version ${rules}; this server plays version ${SAVE_VERSION}), so it cannot be resumed: its turns would now play out differently.`;
  return {
    rules,
    tell: (who) =>
      who.kind === 'facilitator'
        ? `${why} Its record (every order, stance and message, as logged) can still be downloaded for grading: /api/rooms/${c.code}/export?key=${c.facilitator}. To play on, create a new room of ${title} (Set up a classroom game) and give the teams its new codes.`
        : `${why} Ask your teacher for the code of a new room.`,
    record: { format: 'new-great-game/old-room', code: c.code, title, createdAt: c.at, rules, why, startSettings: c.settings, log: [...log] },
  };
}

export function replayRoom(c: RoomCreation, log: readonly LogEntry[]): RoomState {
  let room = createRoom(c);
  for (const e of log) room = applyEntry(room, e);
  return room;
}

export const isFinished = (room: RoomState): boolean => room.phase === 'ended';
const turnNumber = (room: RoomState): number => room.record.state.turn;
const isTeam = (room: RoomState, role: string): boolean => room.seats.get(role)?.kind === 'team';
const teamPowers = (room: RoomState): Role[] => room.roles.filter((r) => r.kind === 'power' && isTeam(room, r.id));
const teamRepublics = (room: RoomState): Role[] => room.roles.filter((r) => r.kind === 'republic' && isTeam(room, r.id));
const timerFor = (seconds: number, at: number): Timer => (seconds > 0 ? { kind: 'running', endsAt: at + seconds * 1000, grace: false } : { kind: 'off' });

/** Which device a token opens: the facilitator's secret, a team's join code, or the room code (the projector). Codes are read without regard to case. */
export function identify(room: RoomState, token: string): Identity | null {
  if (token === room.creation.facilitator) return { kind: 'facilitator' };
  const code = token.trim().toUpperCase();
  if (code === room.creation.code) return { kind: 'projector' };
  const team = room.creation.teamCodes.find((t) => t.code === code);
  return team ? { kind: 'team', role: team.role } : null;
}

// ---- Folding the log ----

export function applyEntry(room: RoomState, e: LogEntry): RoomState {
  room.log.push(e);
  switch (e.k) {
    case 'seat':
      room.seats.set(e.role, e.seat);
      break;
    case 'settings':
      room.settings = e.settings;
      break;
    case 'start':
      room.phase = 'playing';
      openTurn(room, e.at);
      break;
    case 'draft':
      room.drafts.set(e.role, e.orders);
      break;
    case 'submit':
      room.drafts.set(e.role, e.orders);
      room.submitted.set(e.role, e.orders);
      break;
    case 'withdraw':
      room.submitted.delete(e.role);
      room.stances.delete(e.role);
      break;
    case 'stance':
      room.stances.set(e.role, e.choice);
      break;
    case 'say':
      room.messages.push({ seq: room.messages.length + 1, turn: turnNumber(room), at: e.at, from: readSender(e.from), to: readAddressee(e.to), text: e.text });
      break;
    case 'pause':
      if (room.timer.kind === 'running') room.timer = { kind: 'paused', leftMs: Math.max(0, room.timer.endsAt - e.at), grace: room.timer.grace };
      break;
    case 'resume':
      if (room.timer.kind === 'paused') room.timer = { kind: 'running', endsAt: e.at + room.timer.leftMs, grace: room.timer.grace };
      break;
    case 'extend':
      if (room.timer.kind === 'running') room.timer = { ...room.timer, endsAt: Math.max(room.timer.endsAt, e.at) + e.ms };
      else if (room.timer.kind === 'paused') room.timer = { ...room.timer, leftMs: room.timer.leftMs + e.ms };
      else room.timer = { kind: 'running', endsAt: e.at + e.ms, grace: false };
      break;
    case 'grace':
      room.timer = { kind: 'running', endsAt: e.at + graceMs(room), grace: true };
      break;
    case 'closing':
      room.closing = { seq: room.log.length - 1, computers: new Map(e.computers.map((c) => [c.role, c.player])), orders: new Map(), stances: new Map() };
      // The stage is over for the teams: no timer runs while the computer players decide.
      room.timer = { kind: 'off' };
      break;
    case 'computer-orders':
      room.closing?.orders.set(e.role, e.orders);
      if (e.failed !== undefined) room.news.push({ turn: turnNumber(room), at: e.at, kind: 'news', text: `${roleName(room, e.role)}'s computer player could not decide this turn: it gives no orders.` });
      break;
    case 'computer-stance':
      room.closing?.stances.set(e.role, e.choice);
      if (e.failed !== undefined) room.news.push({ turn: turnNumber(room), at: e.at, kind: 'news', text: `${roleName(room, e.role)}'s computer player could not decide this turn: the rule of thumb answers for it.` });
      break;
    case 'close-orders': {
      room.closing = null;
      const orders = new Map<string, Order[]>();
      for (const r of room.roles) if (r.kind === 'power') orders.set(r.id, room.submitted.get(r.id) ?? own(e.fill, r.id) ?? []);
      room.turnOrders = orders;
      room.autoStances = new Map(Object.entries(e.stances));
      if (teamRepublics(room).length > 0) {
        room.stage = 'stances';
        room.timer = timerFor(room.settings.stanceSeconds, e.at);
      } else resolve(room, e.at, new Map());
      break;
    }
    case 'close-stances':
      resolve(room, e.at, new Map(Object.entries(e.fill)));
      break;
    case 'inject':
      room.injected.push(e.event);
      // The turn by its number, not "this turn": the item is still read (the team's earlier news, the debrief) once that turn is over.
      room.news.push({ turn: turnNumber(room), at: e.at, kind: 'event', event: e.event, text: `${eventTitle(room, e.event)} — it happens as turn ${turnNumber(room)} resolves.` });
      break;
    case 'news':
      room.news.push({ turn: turnNumber(room), at: e.at, kind: 'news', text: e.text });
      break;
    case 'end':
      endByFacilitator(room);
      break;
  }
  return room;
}

/**
 * Logs written before senders and addressees were tagged hold bare words: `facilitator` for
 * the facilitator, `all` for everyone, a role id otherwise. They are read as they were meant
 * then (such a room could not have had a role of those names work anyway).
 */
export function readSender(from: Sender | string): Sender {
  if (typeof from !== 'string') return from;
  return from === 'facilitator' ? { kind: 'facilitator' } : { kind: 'team', role: from };
}
export function readAddressee(to: Addressee | string): Addressee {
  if (typeof to !== 'string') return to;
  return to === 'all' ? { kind: 'all' } : { kind: 'team', role: to };
}

const graceMs = (room: RoomState): number => (room.settings.missing.kind === 'computer' ? room.settings.missing.graceSeconds * 1000 : 0);
const roleName = (room: RoomState, role: string): string => room.roleById.get(role)?.name ?? role;
const eventTitle = (room: RoomState, id: string): string => room.creation.scenario.events.find((x) => x.id === id)?.title ?? id;

function openTurn(room: RoomState, at: number): void {
  room.stage = 'orders';
  room.drafts.clear();
  room.submitted.clear();
  room.stances.clear();
  room.turnOrders = null;
  room.autoStances.clear();
  room.closing = null;
  room.injected = [];
  room.timer = timerFor(room.settings.orderSeconds, at);
}

function resolve(room: RoomState, at: number, fill: ReadonlyMap<string, RepublicChoice>): void {
  const turn = turnNumber(room);
  const orders = ordersRecord(room.turnOrders ?? new Map());
  const stances = idRecord([...room.autoStances, ...fill, ...room.stances]);
  const played = playTurn(room.record, orders, stances, room.injected);
  if (!played.ok) {
    // Orders were checked when given and the board does not change within a turn, so this
    // is a bug; the room says so and the turn is played again rather than lost.
    room.news.push({ turn: turnNumber(room), at, kind: 'news', text: `This turn could not be resolved (${played.error}); give orders again.` });
    openTurn(room, at);
    return;
  }
  // An event fired this turn said it "happens as turn N resolves"; now it has: the item is read
  // again in the teams' news, the record and the debrief, so it says so in the past.
  tellInjects(room, turn, (title) => `${title} — it happened as turn ${turn} resolved.`);
  room.previous = room.record.state;
  room.resolvedAt.push(room.log.length - 1);
  room.record = played.value.record;
  room.reports.push(played.value.report);
  if (room.record.state.phase.kind === 'over') {
    room.phase = 'ended';
    room.timer = { kind: 'off' };
    room.result = played.value.report.result ?? { winner: null, reason: 'the game is over' };
    return;
  }
  openTurn(room, at);
}

function endByFacilitator(room: RoomState): void {
  if (room.phase === 'ended') return;
  const { scenario } = room.creation;
  const state = room.record.state;
  const points = (p: string): number => own(state.powers, p)?.points ?? 0;
  const ranked = scenario.powers.map((p) => p.id).sort((a, b) => points(b) - points(a));
  const [first, second] = ranked;
  const lead = first !== undefined && (second === undefined || points(first) > points(second)) ? first : null;
  room.result = {
    // The leader stays in the record (the debrief and exports read it), but no screen says it won: outcome.ts.
    winner: lead,
    reason: endedEarly(scenario, points, turnNumber(room) - 1, state.lastTurn).line,
  };
  room.phase = 'ended';
  room.timer = { kind: 'off' };
  // An event fired this turn said it "happens as turn N resolves", and that turn never will:
  // every screen, the record and the debrief read the news item, so it is told the truth here
  // (the log holds only the event's id, so a replayed log says the same).
  const turn = turnNumber(room);
  tellInjects(room, turn, (title) => `${title} — was to happen as turn ${turn} resolved; the game ended first.`);
}

/** The news items of the events fired by hand in `turn`, told again (`told` reads the event's title). */
function tellInjects(room: RoomState, turn: number, told: (title: string) => string): void {
  room.news = room.news.map((n) => (n.kind === 'event' && n.turn === turn && n.event !== undefined && room.injected.includes(n.event) ? { ...n, text: told(eventTitle(room, n.event)) } : n));
}

// ---- Checking what a device asks ----

/**
 * What waits while computer players decide: the orders, seats and settings they were asked
 * about, and the stage's timer. Messages, news, injected events and the end go on.
 */
const FROZEN_WHILE_DECIDING: ReadonlySet<ClientMessage['t']> = new Set<ClientMessage['t']>(['draft', 'submit', 'withdraw', 'stance', 'seat', 'settings', 'pause', 'resume', 'extend', 'resolve-now']);

/** The entries a message causes, or why it is refused (in words for the person who sent it). */
export function handleMessage(room: RoomState, who: Identity, msg: ClientMessage, now: number): Result<LogEntry[]> {
  if (FACILITATOR_ONLY.has(msg.t) && who.kind !== 'facilitator') return refuse('only the facilitator can do that');
  if (TEAM_ONLY.has(msg.t) && who.kind !== 'team') return refuse('only a team can do that');
  if (room.closing && FROZEN_WHILE_DECIDING.has(msg.t)) return refuse('the computer players are deciding: the turn moves on in a moment');
  const one = (body: EntryBody): Result<LogEntry[]> => ok([{ at: now, ...body }]);
  switch (msg.t) {
    case 'hello':
    case 'ping':
      return ok([]);
    case 'draft':
    case 'submit': {
      const role = teamPower(room, who);
      if (!role.ok) return role;
      if (room.submitted.has(role.value)) return refuse('your orders are already submitted: withdraw them first to change them');
      const orders = validateOrders(room.creation.scenario, room.record.state, role.value, msg.orders);
      if (!orders.ok) return refuse(orders.error.map((x) => (x.index >= 0 ? `order ${x.index + 1}: ${x.reason}` : x.reason)).join('; '));
      return one({ k: msg.t, role: role.value, orders: orders.value });
    }
    case 'withdraw': {
      const role = teamRole(room, who);
      if (!role.ok) return role;
      const r = room.roleById.get(role.value);
      const stage: TurnStage = r?.kind === 'power' ? 'orders' : 'stances';
      if (room.stage !== stage) return refuse(r?.kind === 'power' ? 'the orders are closed for this turn' : 'the republics are not deciding now');
      if (!room.submitted.has(role.value) && !room.stances.has(role.value)) return refuse('there is nothing submitted to withdraw');
      return one({ k: 'withdraw', role: role.value });
    }
    case 'stance': {
      const role = teamRole(room, who);
      if (!role.ok) return role;
      if (room.roleById.get(role.value)?.kind !== 'republic') return refuse('only a republic takes a stance');
      if (room.stage !== 'stances') return refuse('the republics decide once the powers have given their orders');
      if (room.stances.has(role.value)) return refuse('your stance is already submitted: withdraw it first to change it');
      const choice = republicChoices(room.creation.scenario).find((c) => JSON.stringify(c) === JSON.stringify(msg.choice));
      if (!choice) return refuse('not a stance this republic can take: hedge, lean to one of the powers, or crack down');
      return one({ k: 'stance', role: role.value, choice });
    }
    case 'say': {
      const to = msg.to;
      if (who.kind === 'facilitator') {
        // The facilitator speaks to one team (a nudge, a private brief) or to every team; the projector never shows it.
        if (to.kind === 'team' && !room.roleById.has(to.role)) return refuse(`there is no team "${to.role}" in this room`);
        if (to.kind === 'team' && !isTeam(room, to.role)) return refuse('a computer reads no messages: that role is not played by a team');
        const text = msg.text.trim();
        if (text.length === 0) return refuse('the message is empty');
        return one({ k: 'say', from: { kind: 'facilitator' }, to, text });
      }
      if (who.kind !== 'team') return refuse('only a team or the facilitator can send a message');
      const role = teamRole(room, who, true);
      if (!role.ok) return role;
      if (to.kind === 'team' && !room.roleById.has(to.role)) return refuse(`there is no team "${to.role}" in this room`);
      if (isTeamParty(to, role.value)) return refuse('a message to your own team is not sent');
      const text = msg.text.trim();
      if (text.length === 0) return refuse('the message is empty');
      return one({ k: 'say', from: { kind: 'team', role: role.value }, to, text });
    }
    case 'seat': {
      if (room.phase === 'ended') return refuse('the game is over');
      const role = room.roleById.get(msg.role);
      if (!role) return refuse(`there is no role "${msg.role}" in this scenario`);
      if (msg.seat.kind === 'team') {
        const name = msg.seat.name.trim();
        if (name.length === 0) return refuse('a team needs a name');
        const clash = room.roles.find((r) => r.id !== role.id && room.seats.get(r.id)?.kind === 'team' && (room.seats.get(r.id) as { name: string }).name.toLowerCase() === name.toLowerCase());
        if (clash) return refuse(`another team is already called "${name}"`);
        return one({ k: 'seat', role: role.id, seat: { kind: 'team', name } });
      }
      const player = role.kind === 'power' ? parsePlayer(msg.seat.player) : parseRepublicPlayer(msg.seat.player);
      if (!player.ok) return refuse(player.error);
      return one({ k: 'seat', role: role.id, seat: msg.seat });
    }
    case 'settings':
      if (room.phase === 'ended') return refuse('the game is over');
      if (msg.settings.missing.kind === 'computer' && !parsePlayer(msg.settings.missing.player).ok) return refuse(`unknown computer player "${msg.settings.missing.player}"`);
      return one({ k: 'settings', settings: msg.settings });
    case 'start':
      if (room.phase !== 'lobby') return refuse(room.phase === 'playing' ? 'the game has already started' : 'the game is over');
      return one({ k: 'start' });
    case 'pause':
      if (room.timer.kind !== 'running') return refuse(room.timer.kind === 'paused' ? 'the timer is already paused' : 'there is no timer running');
      return one({ k: 'pause' });
    case 'resume':
      if (room.timer.kind !== 'paused') return refuse('the timer is not paused');
      return one({ k: 'resume' });
    case 'extend':
      if (room.phase !== 'playing') return refuse('the game is not being played');
      return one({ k: 'extend', ms: msg.seconds * 1000 });
    case 'resolve-now':
      if (room.phase !== 'playing') return refuse('the game is not being played');
      return ok([closeOrAsk(room, now)]);
    case 'inject-event': {
      if (room.phase !== 'playing') return refuse('events can be fired while the game is played');
      const checked = checkInjected(room.creation.scenario, room.record.state, [...room.injected, msg.event]);
      if (!checked.ok) return refuse(checked.error);
      return one({ k: 'inject', event: msg.event });
    }
    case 'news': {
      const text = msg.text.trim();
      if (text.length === 0) return refuse('the news item is empty');
      return one({ k: 'news', text });
    }
    case 'end':
      if (room.phase === 'ended') return refuse('the game is already over');
      return one({ k: 'end' });
  }
}

function teamRole(room: RoomState, who: Identity, anyPhase = false): Result<string> {
  if (who.kind !== 'team') return refuse('only a team can do that');
  if (!anyPhase && room.phase !== 'playing') return refuse(room.phase === 'lobby' ? 'the game has not started yet' : 'the game is over');
  if (!isTeam(room, who.role)) return refuse('your role is played by the computer now (ask the facilitator)');
  return ok(who.role);
}

function teamPower(room: RoomState, who: Identity): Result<string> {
  const role = teamRole(room, who);
  if (!role.ok) return role;
  if (room.roleById.get(role.value)?.kind !== 'power') return refuse('a republic takes a stance; it gives no orders');
  if (room.stage !== 'orders') return refuse('the orders are closed for this turn: the republics are deciding');
  return role;
}

// ---- What the clock and completed stages cause ----

/** The entries due at `now`: a stage every team has finished, a timer that ran out, or a closing whose computer players have all decided. */
export function dueEntries(room: RoomState, now: number): LogEntry[] {
  if (room.phase !== 'playing') return [];
  if (room.closing) return awaited(room).length === 0 ? [closeStage(room, now)] : [];
  const waiting = room.stage === 'orders' ? teamPowers(room).filter((r) => !room.submitted.has(r.id)) : teamRepublics(room).filter((r) => !room.stances.has(r.id));
  const teams = room.stage === 'orders' ? teamPowers(room) : teamRepublics(room);
  if (teams.length > 0 && waiting.length === 0) return [closeOrAsk(room, now)];
  if (room.timer.kind !== 'running' || now < room.timer.endsAt) return [];
  if (!room.timer.grace && waiting.length > 0 && graceMs(room) > 0) return [{ at: now, k: 'grace' }];
  return [closeOrAsk(room, now)];
}

/** When `dueEntries` may next have something to say. */
export function nextWake(room: RoomState): number | null {
  return room.phase === 'playing' && room.timer.kind === 'running' ? room.timer.endsAt : null;
}

/** The stage closes: at once if no computer player has to decide, otherwise it begins to close (`closing`). */
function closeOrAsk(room: RoomState, now: number): LogEntry {
  if (room.stage !== 'orders') return closeStage(room, now);
  const computers: { role: string; player: string }[] = [];
  for (const r of room.roles) {
    const player = r.kind === 'power' ? powerComputer(room, r.id) : republicComputer(room, r.id);
    if (player !== null) computers.push({ role: r.id, player });
  }
  return computers.length > 0 ? { at: now, k: 'closing', computers } : closeStage(room, now);
}

/** The computer player that gives a power's orders this turn, if one does: its seat's, or (no orders, no draft) the policy's. */
function powerComputer(room: RoomState, power: string): string | null {
  if (room.submitted.has(power)) return null;
  const seat = room.seats.get(power);
  const name = seat?.kind === 'computer' ? seat.player : (room.drafts.get(power)?.length ?? 0) > 0 ? null : room.settings.missing.kind === 'computer' ? room.settings.missing.player : null;
  // A name no player answers to gives no orders, as it always did (seats and settings are checked when given).
  return name !== null && parsePlayer(name).ok ? name : null;
}

/** The computer player that takes a republic's stance with the powers' orders, if one does; the rule of thumb is the engine's own and answers in place. */
function republicComputer(room: RoomState, country: string): string | null {
  const seat = room.seats.get(country);
  return seat?.kind === 'computer' && seat.player !== 'rule' && parseRepublicPlayer(seat.player).ok ? seat.player : null;
}

/** A decision the room waits for, and its key (the closing it belongs to and the role), by which its answer comes back. */
export interface PendingDecision {
  key: string;
  decision: Decision;
}

/** The computer players the closing stage still waits for: the powers' first, then (once every power's orders are known) the republics', which answer those orders. */
function awaited(room: RoomState): { key: string; kind: 'orders' | 'stance'; role: string; player: string }[] {
  const c = room.closing;
  if (!c || room.phase !== 'playing') return [];
  const waiting = (kind: Role['kind']) => [...c.computers].filter(([role]) => room.roleById.get(role)?.kind === kind && !(kind === 'power' ? c.orders.has(role) : c.stances.has(role)));
  const powers = waiting('power');
  const list = powers.length > 0 ? powers.map(([role, player]) => ({ role, player, kind: 'orders' as const })) : waiting('republic').map(([role, player]) => ({ role, player, kind: 'stance' as const }));
  return list.map((x) => ({ ...x, key: `${c.seq}:${x.role}` }));
}

/** The decisions the closing stage still waits for, each described in full (decide.ts), with the key its answer comes back by. */
export function pendingDecisions(room: RoomState): PendingDecision[] {
  const { scenario } = room.creation;
  const state = room.record.state;
  let orders: Record<string, Order[]> | null = null;
  return awaited(room).map(({ key, kind, role, player }) => {
    if (kind === 'orders') return { key, decision: { kind, role, player, scenario, view: viewFor(scenario, state, role) } };
    orders ??= ordersRecord(powersOrders(room));
    return { key, decision: { kind, role, player, scenario, view: republicView(scenario, state, role), orders } };
  });
}

/**
 * The entry that logs a decision's answer, or none if the room no longer waits for it (the
 * game ended, the stage closed, or it was answered already: an answer is never taken twice).
 * A player that failed gives no orders (a power) or leaves the stance to the rule of thumb (a republic).
 */
export function decided(room: RoomState, key: string, answer: { ok: true; value: Decided } | { ok: false; error: string }, now: number): LogEntry[] {
  const wanted = awaited(room).find((p) => p.key === key);
  if (!wanted) return [];
  const { kind, role } = wanted;
  const failed = (why: string): LogEntry[] =>
    kind === 'orders'
      ? [{ at: now, k: 'computer-orders', role, orders: [], failed: why }]
      : [{ at: now, k: 'computer-stance', role, choice: ruleOfThumbChoice(room.creation.scenario, room.record.state, role, ordersRecord(powersOrders(room))).choice, failed: why }];
  if (!answer.ok) return failed(answer.error);
  const v = answer.value;
  if (kind === 'orders' && v.kind === 'orders') return [{ at: now, k: 'computer-orders', role, orders: v.orders }];
  if (kind === 'stance' && v.kind === 'stance') return [{ at: now, k: 'computer-stance', role, choice: v.choice }];
  return failed(`a ${v.kind} answer to a ${kind} decision`);
}

/**
 * Every entry due at `now`, with the computer players deciding in place, applied to `room`:
 * what the server does with its worker threads, in one go. For tests, the command line and
 * the in-browser fake classroom, where nothing else waits on this thread.
 */
export function settleDue(room: RoomState, now: number): LogEntry[] {
  const done: LogEntry[] = [];
  for (let round = 0; round < 16; round++) {
    const due = dueEntries(room, now);
    const answers = due.length > 0 ? [] : pendingDecisions(room).flatMap((p) => decided(room, p.key, { ok: true, value: decide(p.decision) }, now));
    const entries = [...due, ...answers];
    if (entries.length === 0) break;
    for (const e of entries) applyEntry(room, e);
    done.push(...entries);
  }
  return done;
}

/** Every power's orders as the orders stage closes: given, decided by a computer player, the team's draft, or none. */
function powersOrders(room: RoomState): Map<string, Order[]> {
  const all = new Map<string, Order[]>();
  for (const r of room.roles) if (r.kind === 'power') all.set(r.id, room.submitted.get(r.id) ?? missingOrders(room, r.id));
  return all;
}

/** Closes the current stage: the computer players' logged decisions, the rule of thumb and the missing-orders policy fill in. */
function closeStage(room: RoomState, now: number): LogEntry {
  const { scenario } = room.creation;
  const state = room.record.state;
  if (room.stage === 'stances') {
    const orders = ordersRecord(room.turnOrders ?? new Map());
    const fill = idRecord<RepublicChoice>();
    for (const r of teamRepublics(room)) if (!room.stances.has(r.id)) fill[r.id] = ruleOfThumbChoice(scenario, state, r.id, orders).choice;
    return { at: now, k: 'close-stances', fill };
  }
  const fill = idRecord<Order[]>();
  const all = powersOrders(room);
  for (const [power, orders] of all) if (!room.submitted.has(power)) fill[power] = orders;
  const stances = idRecord<RepublicChoice>();
  const orders = ordersRecord(all);
  for (const r of room.roles) {
    const seat = room.seats.get(r.id);
    if (r.kind !== 'republic' || seat?.kind !== 'computer') continue;
    const given = room.closing?.stances.get(r.id);
    if (given) {
      stances[r.id] = given;
      continue;
    }
    // The rule of thumb (or a name no player answers to) answers in place: it is the engine's own rule, and quick.
    const player = parseRepublicPlayer(seat.player);
    stances[r.id] = player.ok ? player.value.decide(scenario, republicView(scenario, state, r.id), r.id, orders) : ruleOfThumbChoice(scenario, state, r.id, orders).choice;
  }
  return { at: now, k: 'close-orders', fill, stances };
}

/** The orders of a power that has not submitted: its computer player's (decided while the stage closed), the team's draft, or none. */
function missingOrders(room: RoomState, power: string): Order[] {
  const decidedOrders = room.closing?.orders.get(power);
  if (decidedOrders) return decidedOrders;
  // A computer seat whose player gave nothing (or whose name no player answers to) gives no orders; never a draft left from a team.
  if (room.closing?.computers.has(power) || room.seats.get(power)?.kind === 'computer') return [];
  const draft = room.drafts.get(power);
  return draft && draft.length > 0 ? draft : [];
}

function ordersRecord(orders: ReadonlyMap<string, Order[]>): Record<string, Order[]> {
  return idRecord([...orders]);
}

// ---- What each device sees ----

/**
 * Who a room is shown to: the facilitator (every team's name) or the class (the projector and
 * every team: each team seat's name is null, so a team renamed "Team 3" stays anonymous; a
 * team reads its own name in its `TeamPrivate`).
 */
export type RoomViewer = 'facilitator' | 'class';

export function publicRoom(room: RoomState, now: number, connected: ReadonlyMap<string, number>, viewer: RoomViewer): RoomPublic {
  const roles: RoleInfo[] = room.roles.map((r) => {
    const seat = room.seats.get(r.id) ?? { kind: 'computer', player: 'rule' };
    // The class's room names no team and no computer's strength (protocol.ts, `ShownSeat`).
    const shown: ShownSeat = viewer === 'facilitator' ? seat : seat.kind === 'team' ? { kind: 'team', name: null } : { kind: 'computer', player: null };
    const submitted = room.phase === 'playing' && (r.kind === 'power' ? room.stage === 'orders' && room.submitted.has(r.id) : room.stage === 'stances' && room.stances.has(r.id));
    return { role: r.id, kind: r.kind, name: r.name, seat: shown, connected: seat.kind === 'team' ? connected.get(r.id) ?? 0 : 0, submitted };
  });
  return {
    code: room.creation.code,
    scenarioId: room.creation.scenario.id,
    title: room.creation.scenario.title,
    phase: room.phase,
    turn: turnNumber(room),
    stage: room.stage,
    timer: room.timer,
    settings: room.settings,
    roles,
    news: room.news,
    serverNow: now,
    ...(room.closing && room.phase === 'playing' ? { deciding: true as const } : {}),
    ...(room.result ? { result: room.result } : {}),
  };
}

export function teamPrivate(room: RoomState, role: string): TeamPrivate {
  const r = room.roleById.get(role);
  let offered: Record<string, number> | null = null;
  if (r?.kind === 'republic' && room.stage === 'stances' && room.turnOrders) {
    offered = idRecord<number>();
    for (const [p, v] of offers(indexScenario(room.creation.scenario), role, ordersRecord(room.turnOrders))) offered[p] = v;
  }
  const seat = room.seats.get(role);
  return { role, name: seat?.kind === 'team' ? seat.name : null, draft: room.drafts.get(role) ?? [], submitted: room.submitted.get(role) ?? null, stance: room.stances.get(role) ?? null, offers: offered, missed: missedOrders(room, role) };
}

/** Once its orders stage closed, what a power's team that did not submit gives this turn, and why (as `missingOrders` chose it). */
function missedOrders(room: RoomState, role: string): MissedOrders | null {
  const given = room.stage === 'stances' ? room.turnOrders?.get(role) : undefined;
  if (given === undefined || room.submitted.has(role) || room.seats.get(role)?.kind !== 'team') return null;
  // A draft counts before any computer is asked (powerComputer), so a draft left means it was taken.
  const by = (room.drafts.get(role)?.length ?? 0) > 0 ? 'draft' : given.length > 0 ? 'computer' : 'none';
  return { by, orders: given };
}

/** Whose board a device sees: its own power's, or (everyone else) the public board, ''. */
const viewerOf = (room: RoomState, who: Identity): string => (who.kind === 'team' && room.roleById.get(who.role)?.kind === 'power' ? who.role : '');

/** The board and every report as `who` may see them: a power's team sees its own secret tracks; everyone else the public board. */
export function gameSnapshot(room: RoomState, who: Identity): GameSnapshot {
  const { scenario } = room.creation;
  const viewer = viewerOf(room, who);
  return { version: room.record.turns.length, view: viewFor(scenario, room.record.state, viewer), reports: room.reports.map((r) => reportFor(scenario, r, viewer)) };
}

/**
 * The board update for `viewer` after `resolved` turns were played by one batch of entries:
 * the new reports, and the view as a patch from the one before (every device holds it), or
 * whole when several turns resolved at once (there is no older state to patch from).
 */
function gameUpdate(room: RoomState, viewer: string, resolved: number): GameUpdate {
  const { scenario } = room.creation;
  const version = room.record.turns.length;
  const from = room.reports.length - resolved;
  const view = viewFor(scenario, room.record.state, viewer);
  const reports = room.reports.slice(from).map((r) => reportFor(scenario, r, viewer));
  const board: GameUpdate['board'] = resolved === 1 && room.previous ? { kind: 'patch', base: version - 1, patch: diffView(viewFor(scenario, room.previous, viewer), view) } : { kind: 'view', view };
  return { t: 'game', version, from, reports, board };
}

/** A turn report without the changes to other powers' secret tracks. */
export function reportFor(scenario: Scenario, report: TurnReport, viewer: string): TurnReport {
  const hidden = new Set<string>();
  for (const p of scenario.powers) if (p.id !== viewer) for (const t of p.tracks) if (t.secret) hidden.add(`powers.${p.id}.tracks.${t.id}`);
  if (hidden.size === 0) return report;
  return { ...report, changes: report.changes.filter((c) => !hidden.has(c.path)) };
}

export function messagesFor(room: RoomState, who: Identity): TeamMessage[] {
  if (who.kind === 'facilitator') return room.messages;
  if (who.kind === 'projector') return [];
  return room.messages.filter((m) => canRead(m, who.role));
}

const canRead = (m: TeamMessage, role: string): boolean => isTeamParty(m.from, role) || isTeamParty(m.to, role) || m.to.kind === 'all';

export function welcome(room: RoomState, who: Identity, now: number, connected: ReadonlyMap<string, number>): ServerMessage {
  const c = room.creation;
  return {
    t: 'welcome',
    you: who,
    scenario: c.scenario,
    room: publicRoom(room, now, connected, who.kind === 'facilitator' ? 'facilitator' : 'class'),
    game: gameSnapshot(room, who),
    team: who.kind === 'team' ? teamPrivate(room, who.role) : null,
    messages: messagesFor(room, who),
    codes: who.kind === 'facilitator' ? { facilitator: c.facilitator, projector: c.code, teams: c.teamCodes } : null,
  };
}

/** Every audience in a room, a team per role. */
function audiences(room: RoomState): { to: Audience; who: Identity }[] {
  return [
    { to: { kind: 'facilitator' }, who: { kind: 'facilitator' } },
    { to: { kind: 'projector' }, who: { kind: 'projector' } },
    ...room.roles.map((r) => ({ to: { kind: 'team', role: r.id } as Audience, who: { kind: 'team', role: r.id } as Identity })),
  ];
}

/**
 * The room's new public state for every device: the facilitator's with the teams' names, and
 * one object for the class (the projector and every team's role), so it is serialised and
 * compressed once for all of them (the hub's `route`).
 */
export function roomUpdates(room: RoomState, now: number, connected: ReadonlyMap<string, number>): Outgoing[] {
  const forClass: ServerMessage = { t: 'room', room: publicRoom(room, now, connected, 'class') };
  return [
    { to: { kind: 'facilitator' }, msg: { t: 'room', room: publicRoom(room, now, connected, 'facilitator') } },
    { to: { kind: 'projector' }, msg: forClass },
    ...room.roles.map((r): Outgoing => ({ to: { kind: 'team', role: r.id }, msg: forClass })),
  ];
}

/** What the room is told when devices come or go: only who is connected changed (the outbox says nothing without entries). */
export const presence = roomUpdates;

function lastMessage(room: RoomState, is: (m: TeamMessage) => boolean): TeamMessage | undefined {
  for (let i = room.messages.length - 1; i >= 0; i--) {
    const m = room.messages[i];
    if (m && is(m)) return m;
  }
  return undefined;
}

/** Who is told what after `entries` were applied (`room` is the room after them). */
export function outbox(room: RoomState, entries: readonly LogEntry[], now: number, connected: ReadonlyMap<string, number>): Outgoing[] {
  const out: Outgoing[] = [];
  let roomChanged = false;
  let turnChanged = false;
  const teams = new Set<string>();
  for (const e of entries) {
    switch (e.k) {
      case 'draft':
        teams.add(e.role);
        break;
      case 'say': {
        // applyEntry appended the entry's message; later entries of this batch may have appended more.
        const from = readSender(e.from);
        const m = lastMessage(room, (x) => sameParty(x.from, from) && x.at === e.at && x.text === e.text);
        if (!m) break;
        const msg: ServerMessage = { t: 'message', message: m };
        out.push({ to: { kind: 'facilitator' }, msg });
        for (const r of room.roles) if (canRead(m, r.id)) out.push({ to: { kind: 'team', role: r.id }, msg });
        break;
      }
      case 'submit':
      case 'withdraw':
      case 'stance':
        teams.add(e.role);
        roomChanged = true;
        break;
      case 'close-orders':
        // A closed orders stage that opens the republics' stances leaves the board as it was:
        // only the teams learn something (the republics their offers), not every device its board.
        if (room.stage === 'stances') for (const r of room.roles) teams.add(r.id);
        else turnChanged = true;
        roomChanged = true;
        break;
      case 'start':
      case 'close-stances':
      case 'end':
        turnChanged = true;
        roomChanged = true;
        break;
      case 'seat':
        teams.add(e.role);
        roomChanged = true;
        break;
      default:
        roomChanged = true;
    }
  }
  if (roomChanged) out.push(...roomUpdates(room, now, connected));
  // The turns these entries resolved (they are the log's last entries): each made a report and a new board.
  const first = room.log.length - entries.length;
  let resolved = 0;
  for (let i = room.resolvedAt.length - 1; i >= 0 && (room.resolvedAt[i] ?? -1) >= first; i--) resolved++;
  if (resolved > 0) {
    // Most devices see the public board: each update is made once and sent to all who see it.
    const boards = new Map<string, ServerMessage>();
    for (const a of audiences(room)) {
      const viewer = viewerOf(room, a.who);
      const msg = boards.get(viewer) ?? gameUpdate(room, viewer, resolved);
      boards.set(viewer, msg);
      out.push({ to: a.to, msg });
    }
  }
  if (turnChanged) for (const r of room.roles) teams.add(r.id);
  for (const role of teams) out.push({ to: { kind: 'team', role }, msg: { t: 'team', team: teamPrivate(room, role) } });
  return out;
}

// ---- The record ----

/**
 * Rebuilds a room from its exported record (no join codes or facilitator link are in it, so
 * the rebuilt room opens to no token): how the command line checks that a room's log
 * replays to the state its game ends in.
 */
export function replayExport(x: RoomExport, scenario: Scenario): RoomState {
  // The record's game is a save, and its version is the rules it was played by (loadSave refuses an earlier one).
  return replayRoom({ code: x.code, facilitator: '', teamCodes: [], scenario, seed: x.game.seed, settings: x.startSettings, at: x.createdAt, rules: x.game.version }, x.log);
}

export interface RoomExport {
  format: 'new-great-game/room';
  version: 1;
  code: string;
  title: string;
  createdAt: number;
  /** Who played which role at the end. */
  seats: { role: string; kind: 'power' | 'republic'; name: string; seat: Seat }[];
  settings: RoomSettings;
  /** The settings the room was made with (the log's settings entries change them). */
  startSettings: RoomSettings;
  /** Every entry of the room's log, in order (team messages, news, injects, timer changes, orders as given). */
  log: LogEntry[];
  messages: TeamMessage[];
  news: NewsItem[];
  result: { winner: string | null; reason: string } | null;
  /** The game as a save file: replays offline to the same state (the command line's `replay`). */
  game: SaveFile;
}

/** The room's whole record for the debrief and grading. No secret (no join code, no facilitator link). */
export function exportRoom(room: RoomState): RoomExport {
  return {
    format: 'new-great-game/room',
    version: 1,
    code: room.creation.code,
    title: room.creation.scenario.title,
    createdAt: room.creation.at,
    seats: room.roles.map((r) => ({ role: r.id, kind: r.kind, name: r.name, seat: room.seats.get(r.id) ?? { kind: 'computer', player: 'rule' } })),
    settings: room.settings,
    startSettings: room.creation.settings,
    log: [...room.log],
    messages: room.messages,
    news: room.news,
    result: room.result,
    game: toSave(room.record),
  };
}
