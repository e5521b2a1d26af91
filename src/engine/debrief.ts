// The debrief: why the game ended as it did. Replays the record (the same turns, so the
// same states and reports) and reads off where each power's points came from, the turning
// points — the turns where the points lead or a country's control changed hands, with the
// cause that moved that country most — and what each side did turn by turn.
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
  /** In words: "Moscow takes control of Kyrgyzstan from nobody — mostly Moscow's Energy deal (+6)". */
  text: string;
}

export interface Debrief {
  winner: string | null;
  reason: string;
  /** Per power, in scenario order: final points and where they came from (countries with points, most first). */
  powers: { power: string; points: number; countries: CountryScore[] }[];
  turningPoints: TurningPoint[];
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
    const helps = toward === null ? -Math.abs(d) : power === toward ? d : -d;
    const k = causeKey(ch.cause);
    const e = byCause.get(k) ?? { cause: ch.cause, net: 0 };
    e.net += helps;
    byCause.set(k, e);
  }
  let best: { cause: Cause; net: number } | null = null;
  for (const e of byCause.values()) if (best === null || Math.abs(e.net) > Math.abs(best.net)) best = e;
  if (!best) return null;
  const c = best.cause;
  const what =
    c.kind === 'order' || c.kind === 'risk'
      ? `${ix.power.get(c.power)?.name ?? c.power}'s ${orderLabel(ix, c.order)}`
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
  const turningPoints: TurningPoint[] = [];
  let pointsLeader: string | null = null;
  reports.forEach((report, k) => {
    const before = states[k] as GameState;
    const after = states[k + 1] as GameState;
    for (const ch of report.changes) {
      if (ch.power !== undefined && ch.country !== undefined && ch.path === `powers.${ch.power}.points`) score(ch.power, ch.country).points += Number(ch.to) - Number(ch.from);
    }
    for (const id of ix.contestedIds) {
      const was = controller(scenario, before, id);
      const now = controller(scenario, after, id);
      if (now !== null) score(now, id).turnsControlled++;
      if (was === now) continue;
      const country = ix.contested.get(id)?.name ?? id;
      const cause = mainCause(scenario, report, id, now);
      const head = now === null ? `${name(was)} loses control of ${country}` : `${name(now)} takes control of ${country}${was === null ? '' : ` from ${name(was)}`}`;
      turningPoints.push({ turn: report.turn, date: report.date, kind: 'control', country: id, from: was, to: now, text: `${head}${cause ? ` — mostly ${cause}` : ''}` });
    }
    const points = (p: string): number => after.powers[p]?.points ?? 0;
    const ranked = [...ix.powerIds].sort((a, b) => points(b) - points(a));
    const top = ranked[0] ?? null;
    const leader = top !== null && ranked.length > 1 && points(top) === points(ranked[1] as string) ? null : top;
    if (leader !== pointsLeader && leader !== null) {
      turningPoints.push({ turn: report.turn, date: report.date, kind: 'points-lead', from: pointsLeader, to: leader, text: `${name(leader)} takes the lead on points, ${ranked.map((p) => `${name(p)} ${points(p)}`).join(' to ')}` });
    }
    if (leader !== null) pointsLeader = leader;
  });

  const phase = last.phase;
  return ok({
    winner: phase.kind === 'over' ? phase.winner : null,
    reason: phase.kind === 'over' ? phase.reason : `the game is at turn ${last.turn} of ${last.lastTurn}`,
    powers: ix.powerIds.map((p) => ({
      power: p,
      points: last.powers[p]?.points ?? 0,
      countries: [...(scores.get(p)?.values() ?? [])].filter((c) => c.points > 0 || c.turnsControlled > 0).sort((a, b) => b.points - a.points),
    })),
    turningPoints,
    decisions: ix.powerIds.map((p) => ({ power: p, turns: reports.map((r) => ({ turn: r.turn, orders: (r.orders[p] ?? []).map((o) => orderLabel(ix, o)) })) })),
  });
}
