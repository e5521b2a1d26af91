// A turn report in brief: per country the net change of each power's influence, who
// controls it after the turn, the republic's stance and who scored there; per power the
// points and budget over the turn; the events that fired. The full cause list stays in
// the report; this is the headline a player reads first ("Uzbekistan: Beijing +13,
// Moscow −9; Beijing scored 3").
import type { Change, TurnReport } from './ledger';
import type { Scenario } from './schema';
import type { StateLike } from './state';
import { controller, standing } from './leadership';
import { indexScenario } from './scenarioIndex';
import { own } from './records';
import { signed } from './words';

export interface NetChange {
  power: string;
  from: number;
  to: number;
}

export interface CountrySummary {
  country: string;
  name: string;
  /** Net influence change of every power whose influence moved, in scenario order. */
  influence: NetChange[];
  /**
   * The influence after the turn of every power whose influence did not move, in scenario
   * order: the line gives every power's level, so a leader that held still is not a name
   * without a number ("Beijing leads it" beside "Moscow −1 (to 38)").
   */
  unchanged: { power: string; influence: number }[];
  /** The power controlling it after the turn, or null. */
  controller: string | null;
  /** The power leading it (control or short of it) after the turn, or null when tied. */
  leader: string | null;
  /** The republic's stance this turn, in words. */
  stance: string | null;
  /** Points each power scored here this turn. */
  scored: { power: string; points: number }[];
}

export interface TurnSummary {
  turn: number;
  date: string;
  countries: CountrySummary[];
  /** Per power, in scenario order: points and budget before and after the turn. */
  powers: { power: string; points: NetChange; budget: NetChange }[];
  events: { id: string; title: string }[];
  result: TurnReport['result'] | null;
}

const num = (v: Change['from']): number => (typeof v === 'number' ? v : 0);

/** First `from` and last `to` of the numeric changes at `path` (null if it did not move). */
function net(changes: readonly Change[], path: string): { from: number; to: number } | null {
  let first: Change | undefined;
  let last: Change | undefined;
  for (const c of changes) {
    if (c.path !== path) continue;
    first ??= c;
    last = c;
  }
  return first && last ? { from: num(first.from), to: num(last.to) } : null;
}

/** `after`: the state the turn ended in (gives control after the turn and unchanged values). */
export function summarizeTurn(scenario: Scenario, report: TurnReport, after: StateLike): TurnSummary {
  const ix = indexScenario(scenario);
  const countries: CountrySummary[] = [];
  for (const id of ix.contestedIds) {
    const c = own(after.countries, id);
    const influence: NetChange[] = [];
    const unchanged: CountrySummary['unchanged'] = [];
    for (const p of ix.powerIds) {
      const n = net(report.changes, `countries.${id}.influence.${p}`);
      if (n && n.from !== n.to) influence.push({ power: p, ...n });
      else unchanged.push({ power: p, influence: own(c?.influence, p) ?? 0 });
    }
    const scored = new Map<string, number>();
    for (const ch of report.changes) {
      if (ch.country === id && ch.power !== undefined && ch.path === `powers.${ch.power}.points`) scored.set(ch.power, (scored.get(ch.power) ?? 0) + num(ch.to) - num(ch.from));
    }
    countries.push({
      country: id,
      name: ix.contested.get(id)?.name ?? id,
      influence,
      unchanged,
      controller: controller(scenario, after, id),
      leader: c ? standing(ix.powerIds, c).leader : null,
      stance: report.republics.find((r) => r.country === id)?.text ?? null,
      scored: [...scored].map(([power, points]) => ({ power, points })),
    });
  }
  const powers = ix.powerIds.map((p) => {
    const s = own(after.powers, p);
    const points = net(report.changes, `powers.${p}.points`) ?? { from: s?.points ?? 0, to: s?.points ?? 0 };
    const budget = net(report.changes, `powers.${p}.budget`) ?? { from: s?.budget ?? 0, to: s?.budget ?? 0 };
    return { power: p, points: { power: p, ...points }, budget: { power: p, ...budget } };
  });
  return {
    turn: report.turn,
    date: report.date,
    countries,
    powers,
    events: report.events.map((e) => ({ id: e.id, title: e.title })),
    result: report.result ?? null,
  };
}


/**
 * "Uzbekistan: Beijing +13 (to 43), Moscow −9 (to 31); Beijing controls it; Beijing scored 3."
 * Every power's level is in it, in scenario order: a power that did not move as "Beijing
 * unchanged at 41", and with nothing moved "no change (Beijing 41, Moscow 38)".
 */
export function describeCountrySummary(scenario: Scenario, s: CountrySummary): string {
  const ix = indexScenario(scenario);
  const name = (p: string): string => ix.power.get(p)?.name ?? p;
  const level = (p: string): string | null => {
    const moved = s.influence.find((n) => n.power === p);
    if (moved) return `${name(p)} ${signed(moved.to - moved.from)} (to ${moved.to})`;
    const still = s.unchanged.find((u) => u.power === p);
    return still ? `${name(p)} unchanged at ${still.influence}` : null;
  };
  const moves =
    s.influence.length > 0
      ? ix.powerIds.flatMap((p) => level(p) ?? []).join(', ')
      : s.unchanged.length > 0
        ? `no change (${s.unchanged.map((u) => `${name(u.power)} ${u.influence}`).join(', ')})`
        : 'no change';
  const scored = s.scored.map((x) => `${name(x.power)} scored ${x.points}`).join(', ');
  const hold = s.controller !== null ? `${name(s.controller)} controls it` : s.leader !== null ? `${name(s.leader)} leads it, short of control` : 'nobody leads it';
  return `${s.name}: ${moves}; ${hold}${scored ? `; ${scored}` : ''}.`;
}
