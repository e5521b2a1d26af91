// The class's debrief (issue 12, item 8), made from a room's exported record: the outcome,
// each power's points and each contested country's influence over time, every turn's
// decisions by team (and who really decided: the team, its unsent draft, the computer or
// the rule of thumb), the messages and news of that turn, the facilitator's injects, the
// turning points, and the events with what really happened and the article that reports it.
// The room's log is folded again to learn who decided what, exactly as the server did.
import type { Scenario, TurnReport } from '../engine';
import { debrief, describeChoice, describeSource, indexScenario, influenceSeries, loadSave, orderLabel, own, pointsSeries, SAVE_VERSION, stateHash } from '../engine';
import type { TurningPoint } from '../engine';
import type { Addressee, NewsItem, Sender, TeamMessage } from './protocol';
import type { RoomExport, RoomState } from './room';
import { applyEntry, createRoom, readAddressee, readSender } from './room';

/**
 * Who gave a role's decision in a turn: `filled` is a team that missed the deadline and the
 * computer decided for, as the room's policy says; `late` a republic's team that missed the
 * stance deadline, whose stance the rule of thumb took (under either policy: room.ts, closeStage).
 */
export type DecidedBy = 'team' | 'draft' | 'computer' | 'filled' | 'missing' | 'rule' | 'late';

export interface TeamDecision {
  role: string;
  /** The role's own name ("Beijing"): a teacher grading reads by role, and "Team 1" alone does not say what it played. */
  name: string;
  /** The team's name, or the computer player's. */
  team: string;
  decidedBy: DecidedBy;
  /** The orders (a power) or the stance (a republic), in words. */
  lines: string[];
}

export interface EventLine {
  title: string;
  injected: boolean;
  /** What really happened and the article that reports it; or why the game assumes it. */
  basis: string;
}

export interface DebriefTurn {
  turn: number;
  date: string;
  decisions: TeamDecision[];
  messages: { from: string; to: string; text: string }[];
  news: NewsItem[];
  events: EventLine[];
}

/** The turn a game stopped in before it resolved (the facilitator ended it, or it is still being played): what was said and fired in it. */
export interface UnplayedTurn {
  turn: number;
  /** Whether the facilitator ended the game in it (else it is being played). */
  ended: boolean;
  messages: { from: string; to: string; text: string }[];
  news: NewsItem[];
}

export interface ClassDebrief {
  title: string;
  code: string;
  outcome: string;
  powers: { id: string; name: string; color: string; points: number; team: string }[];
  turningPoints: TurningPoint[];
  /** How the turning points were chosen (src/engine/debrief.ts). */
  turningPointsChosen: string;
  turns: DebriefTurn[];
  /** The turn that never resolved, when anything was said or fired in it; null otherwise. */
  unplayed: UnplayedTurn | null;
  /** Per power, its points after each turn (index 0 = the start). */
  points: Map<string, number[]>;
  /** Per contested country, per power, its influence after each turn. */
  influence: { country: string; name: string; series: Map<string, number[]> }[];
  /** The sources the events cite, in words. */
  sources: string[];
}

type Result<T> = { ok: true; value: T } | { ok: false; error: string };

const seatName = (room: RoomState, role: string): string => {
  const seat = room.seats.get(role);
  if (!seat) return role;
  return seat.kind === 'team' ? seat.name : seat.player === 'rule' ? 'the rule of thumb' : `computer, ${seat.player}`;
};

/** The debrief of an exported room; an error if its game does not replay. */
export function classDebrief(x: RoomExport): Result<ClassDebrief> {
  const loaded = loadSave(JSON.stringify(x.game ?? null));
  if (!loaded.ok) return { ok: false, error: `the room's game does not replay: ${loaded.error}` };
  const { record, reports } = loaded.value;
  const scenario = record.scenario;
  const ix = indexScenario(scenario);
  const told = debrief(record);
  if (!told.ok) return { ok: false, error: told.error };

  if (!Array.isArray(x.log) || !Array.isArray(x.messages) || !Array.isArray(x.news)) return { ok: false, error: 'not a room record: its log, messages and news must be lists' };
  // Fold the log as the server did, noting before each stage closed who had decided. The
  // record is a file from outside: an entry of the wrong shape stops the fold, with a message.
  let folded: { room: RoomState; sources: Map<number, Map<string, { by: DecidedBy; team: string }>> };
  try {
    folded = foldLog(x, scenario, record.seed);
  } catch (e) {
    return { ok: false, error: `the room's log cannot be replayed (${e instanceof Error ? e.message : String(e)})` };
  }
  const { room, sources } = folded;
  if (stateHash(room.record.state) !== stateHash(record.state)) return { ok: false, error: "the room's log does not replay to the state its game ends in" };

  const roleName = (role: string): string => room.roles.find((r) => r.id === role)?.name ?? role;
  // A record exported before senders were tagged holds bare words (readSender reads them).
  const from = (m: Sender | string): string => {
    const s = readSender(m);
    if (s.kind === 'facilitator') return 'The facilitator';
    const name = roleName(s.role);
    const team = seatName(room, s.role);
    return team.trim().toLowerCase() === name.trim().toLowerCase() ? name : `${name} (${team})`;
  };
  const to = (m: Addressee | string): string => {
    const a = readAddressee(m);
    return a.kind === 'all' ? 'everyone' : roleName(a.role);
  };
  const messagesOf = (turn: number) => x.messages.filter((m: TeamMessage) => m.turn === turn).map((m) => ({ from: from(m.from), to: to(m.to), text: m.text }));
  // The news as the log folds to, not as the record was exported: a record exported before the
  // room told its injects' outcome still reads "it happens as turn N resolves" (room.ts,
  // `resolve` and `end`).
  const newsOf = (turn: number): NewsItem[] => room.news.filter((n) => n.turn === turn);
  const turns: DebriefTurn[] = reports.map((rep: TurnReport) => {
    const who = sources.get(rep.turn) ?? new Map<string, { by: DecidedBy; team: string }>();
    const decisions: TeamDecision[] = room.roles.map((r) => {
      const by = who.get(r.id) ?? { by: 'rule' as const, team: seatName(room, r.id) };
      const lines =
        r.kind === 'power'
          ? (own(rep.orders, r.id) ?? []).map((o) => orderLabel(ix, o))
          : rep.republics.filter((s) => s.country === r.id).map((s) => describeChoice(ix, r.id, s.choice));
      return { role: r.id, name: r.name, team: by.team, decidedBy: by.by, lines };
    });
    return {
      turn: rep.turn,
      date: rep.date,
      decisions,
      messages: messagesOf(rep.turn),
      news: newsOf(rep.turn),
      events: rep.events.map((e) => ({
        title: e.title,
        injected: e.injected === true,
        basis: e.basis.kind === 'reported' ? `${e.basis.whatHappened} (${describeSourceId(scenario, e.basis.source)})` : `An assumption, not reported: ${e.basis.reason}`,
      })),
    };
  });

  const last = record.state.turn;
  const unplayed: UnplayedTurn | null = record.state.phase.kind === 'over' || (messagesOf(last).length === 0 && newsOf(last).length === 0) ? null : { turn: last, ended: room.phase === 'ended', messages: messagesOf(last), news: newsOf(last) };
  const points = pointsSeries(scenario, reports);
  const cited = new Set(reports.flatMap((r) => r.events.flatMap((e) => (e.basis.kind === 'reported' ? [e.basis.source] : []))));
  return {
    ok: true,
    value: {
      title: scenario.title,
      code: x.code,
      outcome: x.result?.reason ?? (record.state.phase.kind === 'over' ? record.state.phase.reason : `The game stopped after ${reports.length} turns.`),
      powers: scenario.powers.map((p) => ({ id: p.id, name: p.name, color: p.color, points: record.state.powers[p.id]?.points ?? 0, team: seatName(room, p.id) })),
      turningPoints: told.value.turningPoints,
      turningPointsChosen: told.value.choosing,
      turns,
      unplayed,
      points,
      influence: ix.contestedIds.map((c) => ({ country: c, name: scenario.countries.find((k) => k.id === c)?.name ?? c, series: influenceSeries(scenario, reports, c) })),
      sources: scenario.sources.filter((s) => cited.has(s.id)).map(describeSource),
    },
  };
}

function foldLog(x: RoomExport, scenario: Scenario, seed: string): { room: RoomState; sources: Map<number, Map<string, { by: DecidedBy; team: string }>> } {
  // Called once the room's game loaded, so it was played by the current rules.
  const room = createRoom({ code: x.code, facilitator: '', teamCodes: [], scenario, seed, settings: x.startSettings, at: x.createdAt, rules: SAVE_VERSION });
  const sources = new Map<number, Map<string, { by: DecidedBy; team: string }>>();
  for (const e of x.log) {
    const turn = room.record.state.turn;
    const who = sources.get(turn) ?? new Map<string, { by: DecidedBy; team: string }>();
    sources.set(turn, who);
    if (e.k === 'close-orders') {
      for (const r of room.roles) {
        const seat = room.seats.get(r.id);
        // A team's seat the closing stage asked a computer player for: the room's policy filled in for a team that missed the deadline (its draft, if any, was not used).
        const filled = seat?.kind === 'team' && room.closing?.computers.has(r.id) === true;
        const by: DecidedBy = r.kind === 'republic' ? 'computer' : room.submitted.has(r.id) ? 'team' : seat?.kind === 'computer' ? 'computer' : filled ? 'filled' : (room.drafts.get(r.id)?.length ?? 0) > 0 ? 'draft' : 'missing';
        who.set(r.id, { by: r.kind === 'republic' && seat?.kind === 'computer' && seat.player === 'rule' ? 'rule' : by, team: seatName(room, r.id) });
      }
    }
    if (e.k === 'close-stances') for (const r of room.roles) if (r.kind === 'republic' && room.seats.get(r.id)?.kind === 'team') who.set(r.id, { by: room.stances.has(r.id) ? 'team' : 'late', team: seatName(room, r.id) });
    applyEntry(room, e);
  }
  return { room, sources };
}

function describeSourceId(s: Scenario, id: string): string {
  const src = s.sources.find((x) => x.id === id);
  return src ? describeSource(src) : id;
}
