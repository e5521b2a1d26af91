// The debrief: why the game ended as it did. Replays the record (the same turns, so the
// same states and reports) and reads off where each power's points came from, the turning
// points — the few changes of control that mattered most, with the cause that moved that
// country most, and the turn the winner took the lead for good — and what each side did turn
// by turn.
import type { Cause, TurnReport } from './ledger';
import type { GameRecord } from './save';
import type { Scenario } from './schema';
import type { GameState } from './state';
import type { Result } from './result';
import { err, ok } from './result';
import { newGame, resolveTurn } from './game';
import { controller } from './leadership';
import { indexScenario } from './scenarioIndex';
import { orderLabel } from './orders';
import { scoringWeight } from './phases/scoring';
import { counted, pointsText } from './words';

/**
 * At most this many turning points are listed. A newcomer's 12-turn game listed 26, most of
 * them control flipping back and forth for a turn (issue 11): a list nobody reads.
 */
export const TURNING_POINTS_CAP = 5;

export interface CountryScore {
  country: string;
  name: string;
  /** Points scored there over the game. */
  points: number;
  /** Turns the power controlled it at the end of the turn. */
  turnsControlled: number;
}

export interface TurningPoint {
  turn: number;
  date: string;
  kind: 'points-lead' | 'control';
  /** For a change of control. */
  country?: string;
  from: string | null;
  to: string | null;
  /**
   * The points at stake. A change of control: the country's control value (its importance,
   * times the summit's weight on a summit turn) summed over the turns the change held. The
   * lead taken for good: the winner's final margin.
   */
  stake: number;
  /** For a change of control: the turns it held, this one included. */
  held?: number;
  /** In words: "Moscow takes control of Kyrgyzstan from nobody — mostly Moscow's Energy deal (+6); 12 points at stake, held 3 turns". */
  text: string;
}

export interface Debrief {
  winner: string | null;
  reason: string;
  /** Per power, in scenario order: final points and where they came from (countries with points, most first). */
  powers: { power: string; points: number; countries: CountryScore[] }[];
  /** The few turning points that mattered, the most points at stake first (see `choosing`). */
  turningPoints: TurningPoint[];
  /** How the turning points were chosen, in words, with how many changes there were to choose from. */
  choosing: string;
  /** Per power, per turn: the orders given, in words. */
  decisions: { power: string; turns: { turn: number; orders: string[] }[] }[];
}

const causeKey = (c: Cause): string => {
  switch (c.kind) {
    case 'order':
    case 'risk':
      return `${c.kind}|${c.power}|${JSON.stringify(c.order)}`;
    case 'event':
      return `event|${c.event}`;
    case 'project':
      return `project|${c.project}`;
    case 'rule':
      return `rule|${c.rule}`;
  }
};

/** The cause that moved `country` most toward `winner` this turn (its share gained, or the others' lost). */
function mainCause(scenario: Scenario, report: TurnReport, country: string, toward: string | null): string | null {
  const ix = indexScenario(scenario);
  const byCause = new Map<string, { cause: Cause; net: number }>();
  for (const ch of report.changes) {
    if (ch.country !== country || !ch.path.startsWith(`countries.${country}.influence.`) || typeof ch.from !== 'number' || typeof ch.to !== 'number') continue;
    const power = ch.path.slice(`countries.${country}.influence.`.length);
    const d = ch.to - ch.from;
    // Toward a new controller: its gains and its rivals' losses; toward nobody: the old leader's losses.
    const helps = toward === null ? Math.abs(d) : power === toward ? d : -d;
    const k = causeKey(ch.cause);
    const e = byCause.get(k) ?? { cause: ch.cause, net: 0 };
    e.net += helps;
    byCause.set(k, e);
  }
  // The cause that helped the change most: one that worked against it (the country balancing
  // away from the taker, say) is never its "mostly", however large.
  let best: { cause: Cause; net: number } | null = null;
  for (const e of byCause.values()) if (e.net > 0 && (best === null || e.net > best.net)) best = e;
  if (!best) return null;
  const c = best.cause;
  const what =
    c.kind === 'order' || c.kind === 'risk'
      ? // An order on this very country goes by its action's name: the sentence has named the country already.
        `${ix.power.get(c.power)?.name ?? c.power}'s ${c.order.type !== 'project' && c.order.country === country ? (ix.action.get(c.order.action)?.name ?? c.order.action) : orderLabel(ix, c.order)}`
      : c.kind === 'event'
        ? (report.events.find((e) => e.id === c.event)?.title ?? c.text)
        : c.kind === 'project'
          ? (ix.project.get(c.project)?.name ?? c.text)
          : c.text;
  return what;
}

export function debrief(record: GameRecord): Result<Debrief, string> {
  const scenario = record.scenario;
  const ix = indexScenario(scenario);
  const first = newGame(scenario, record.seed, record.options);
  if (!first.ok) return err(first.error);
  const states: GameState[] = [first.value];
  const reports: TurnReport[] = [];
  for (const [i, t] of record.turns.entries()) {
    const r = resolveTurn(scenario, states[states.length - 1] as GameState, t.orders, t.republics);
    if (!r.ok) return err(`turn ${i + 1} does not replay: ${r.error.message}`);
    states.push(r.value.state);
    reports.push(r.value.report);
  }
  const last = states[states.length - 1] as GameState;
  const name = (p: string | null): string => (p === null ? 'nobody' : (ix.power.get(p)?.name ?? p));

  const scores = new Map<string, Map<string, CountryScore>>(ix.powerIds.map((p) => [p, new Map()]));
  const score = (p: string, country: string): CountryScore => {
    const m = scores.get(p) as Map<string, CountryScore>;
    let s = m.get(country);
    if (!s) {
      s = { country, name: ix.contested.get(country)?.name ?? country, points: 0, turnsControlled: 0 };
      m.set(country, s);
    }
    return s;
  };
  // Who controls each contested country after each state, to see how long a change held.
  const controllers = states.map((st) => new Map(ix.contestedIds.map((id) => [id, controller(scenario, st, id)] as const)));
  const n = reports.length;
  const points = (p: string): number => last.powers[p]?.points ?? 0;
  const ranked = [...ix.powerIds].sort((a, b) => points(b) - points(a));
  const finalLeader = ranked.length > 1 && points(ranked[0] as string) === points(ranked[1] as string) ? null : (ranked[0] ?? null);
  const margin = ranked.length > 1 ? points(ranked[0] as string) - points(ranked[1] as string) : 0;

  const changes: TurningPoint[] = [];
  let controlChanges = 0;
  let pointsLeader: string | null = null;
  let leadForGood: TurningPoint | null = null;
  reports.forEach((report, k) => {
    const after = states[k + 1] as GameState;
    for (const ch of report.changes) {
      if (ch.power !== undefined && ch.country !== undefined && ch.path === `powers.${ch.power}.points`) score(ch.power, ch.country).points += Number(ch.to) - Number(ch.from);
    }
    for (const id of ix.contestedIds) {
      const was = controllers[k]?.get(id) ?? null;
      const now = controllers[k + 1]?.get(id) ?? null;
      if (now !== null) score(now, id).turnsControlled++;
      if (was === now) continue;
      controlChanges++;
      let held = 0;
      let stake = 0;
      const importance = ix.contested.get(id)?.importance ?? 0;
      for (let j = k + 1; j <= n && (controllers[j]?.get(id) ?? null) === now; j++) {
        held++;
        stake += importance * scoringWeight(scenario, (reports[j - 1] as TurnReport).turn, id);
      }
      // A flip undone next turn moved little; one that held, or that held to the end and outweighs the winning margin, mattered.
      const decided = k + held === n && stake >= margin;
      if (held < 2 && !decided) continue;
      const country = ix.contested.get(id)?.name ?? id;
      const cause = mainCause(scenario, report, id, now);
      const head = now === null ? `${name(was)} loses control of ${country}` : `${name(now)} takes control of ${country}${was === null ? '' : ` from ${name(was)}`}`;
      const weight = `${pointsText(stake)} at stake, ${k + held === n ? `held to the end (${counted(held, 'turn')})` : `held ${held} turns`}`;
      changes.push({ turn: report.turn, date: report.date, kind: 'control', country: id, from: was, to: now, stake, held, text: `${head}${cause ? ` — mostly ${cause}` : ''}; ${weight}` });
    }
    const byPoints = [...ix.powerIds].sort((a, b) => (after.powers[b]?.points ?? 0) - (after.powers[a]?.points ?? 0));
    const top = byPoints[0] ?? null;
    const leader = top !== null && byPoints.length > 1 && (after.powers[top]?.points ?? 0) === (after.powers[byPoints[1] as string]?.points ?? 0) ? null : top;
    if (leader !== pointsLeader && leader !== null) {
      // Only the last change of the points lead is kept, if its leader is the final one: the lead taken for good.
      leadForGood = { turn: report.turn, date: report.date, kind: 'points-lead', from: pointsLeader, to: leader, stake: margin, text: `${name(leader)} takes the lead on points for good, ${byPoints.map((p) => `${name(p)} ${after.powers[p]?.points ?? 0}`).join(' to ')}; ${pointsText(margin)} ahead at the end` };
    }
    if (leader !== null) pointsLeader = leader;
  });
  const lead = leadForGood as TurningPoint | null;
  const byStake = (a: TurningPoint, b: TurningPoint): number => b.stake - a.stake || a.turn - b.turn;
  // The lead taken for good is always told (it is where the game was decided); the changes of control fill the rest, the most points at stake first.
  const kept = lead !== null && lead.to === finalLeader ? [lead] : [];
  const turningPoints = [...kept, ...changes.sort(byStake).slice(0, TURNING_POINTS_CAP - kept.length)].sort(byStake);
  // Counted apart: the lead taken for good is not a change of control ("The 1 turning point … of 0 changes of control" read as a slip).
  const controlKept = turningPoints.filter((t) => t.kind === 'control').length;
  const phase = last.phase;
  // A game ended early (or still being played) has no winner, only a leader at the end.
  const leadPart = kept.length === 0 ? '' : `the turn ${phase.kind === 'over' ? 'the winner' : 'the leader at the end'} took the lead on points for good`;
  const choosing =
    controlChanges === 0
      ? `Listed: ${leadPart === '' ? 'nothing: ' : `${leadPart}; `}no country changed control.`
      : `Listed: ${leadPart === '' ? '' : `${leadPart}, and `}${controlKept} of ${counted(controlChanges, 'change')} of control, those with the most points at stake (the country's worth, summits counted, over the turns the change held). ` +
        `A flip undone the next turn is left out unless it decided the game.`;

  return ok({
    winner: phase.kind === 'over' ? phase.winner : null,
    reason: phase.kind === 'over' ? phase.reason : `the game is at turn ${last.turn} of ${last.lastTurn}`,
    powers: ix.powerIds.map((p) => ({
      power: p,
      points: last.powers[p]?.points ?? 0,
      countries: [...(scores.get(p)?.values() ?? [])].filter((c) => c.points > 0 || c.turnsControlled > 0).sort((a, b) => b.points - a.points),
    })),
    turningPoints,
    choosing,
    decisions: ix.powerIds.map((p) => ({ power: p, turns: reports.map((r) => ({ turn: r.turn, orders: (r.orders[p] ?? []).map((o) => orderLabel(ix, o)) })) })),
  });
}
