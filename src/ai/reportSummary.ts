// The design report's numbers, built from the games' metrics (reportMetrics.ts) in
// task order. Rates are shares (0–1, three decimals); effects are percentage points
// (one decimal). Results may have crossed postMessage (prototypes back): records
// keyed by ids are read with `own` and made with `idRecord`.
import type { OrderType, Scenario } from '../engine';
import { ORDER_TYPES, idRecord, own } from '../engine';
import type { GameMetrics } from './reportMetrics';
import { LEAD_SHARE, LOCK_BOTH, LOCK_ONE, MOMENTS, momentTurn } from './reportMetrics';
import type { ReportPlan, TaskResult } from './report';
import { BASE_PLAYER, SEARCH_PLAYER } from './report';

export interface MatchupStats {
  players: string;
  games: number;
  winRate: Record<string, number>;
  draws: number;
  /** Share of turns played that ended with some contested country locked. */
  lockedShare: number;
  leaderChangesPerGame: number;
  /** Country → power → share of games it led the country (standing leader in ≥ LEAD_SHARE of the turns). */
  countryLeads: Record<string, Record<string, number>>;
  /** At each moment: the turn, the games with a single points leader, and how often that leader won. */
  pointsLeader: { share: number; turn: number; games: number; winRate: number }[];
  /** Power → order type → share of its orders. */
  orderShares: Record<string, Record<OrderType, number>>;
}

export interface DesignReport {
  scenario: string;
  title: string;
  seed: string;
  powers: string[];
  definitions: { lockOne: number; lockBoth: number; leadShare: number };
  varied: MatchupStats;
  search: MatchupStats;
  /** Effect = the first power's win rate with the event − without it, in points, over the same seeds. */
  events: { event: string; title: string; games: number; withRate: number; withoutRate: number; effect: number | null; alsoRemoved: string[]; skipped?: string }[];
  /** Effect = the sponsor's win rate when forced to start it on turn 1 − baseline, in points, over the same seeds. */
  projects: { project: string; name: string; sponsor: string; games: number; baseRate: number; forcedRate: number; effect: number | null; skipped?: string }[];
  /** Each script on each side against search:2 everywhere else. */
  scripts: { script: string; side: string; games: number; winRate: number; draws: number }[];
}

const round = (x: number): number => Math.round(x * 1000) / 1000;
const points = (x: number): number => Math.round(x * 1000) / 10;
const share = (part: number, whole: number): number => round(part / Math.max(1, whole));
const winShare = (games: readonly GameMetrics[], power: string): number => share(games.filter((g) => g.winner === power).length, games.length);

export function matchupStats(scenario: Scenario, players: string, games: readonly GameMetrics[]): MatchupStats {
  const powers = scenario.powers.map((p) => p.id);
  const n = games.length;
  const countryLeads = idRecord<Record<string, number>>();
  for (const c of scenario.countries) {
    if (c.role !== 'contested') continue;
    countryLeads[c.id] = idRecord(powers.map((p) => [p, share(games.filter((g) => (own(g.leads, c.id) ?? []).includes(p)).length, n)]));
  }
  const orderShares = idRecord<Record<OrderType, number>>();
  for (const p of powers) {
    const totals = ORDER_TYPES.map((k) => games.reduce((sum, g) => sum + (own(own(g.orderTypes, p), k) ?? 0), 0));
    const all = totals.reduce((a, b) => a + b, 0);
    orderShares[p] = idRecord(ORDER_TYPES.map((k, i) => [k, share(totals[i] ?? 0, all)])) as Record<OrderType, number>;
  }
  return {
    players,
    games: n,
    winRate: idRecord(powers.map((p) => [p, winShare(games, p)])),
    draws: share(games.filter((g) => g.winner === null).length, n),
    lockedShare: share(games.reduce((a, g) => a + g.lockedTurns, 0), games.reduce((a, g) => a + g.turns, 0)),
    leaderChangesPerGame: round(games.reduce((a, g) => a + g.leaderChanges, 0) / Math.max(1, n)),
    countryLeads,
    pointsLeader: MOMENTS.map((m, i) => {
      const led = games.filter((g) => (g.pointsLeaders[i] ?? null) !== null);
      return { share: m, turn: momentTurn(scenario.turns, m), games: led.length, winRate: share(led.filter((g) => g.winner === g.pointsLeaders[i]).length, led.length) };
    }),
    orderShares,
  };
}

export function buildReport(scenario: Scenario, plan: ReportPlan, results: readonly TaskResult[]): DesignReport {
  const byId = new Map(results.map((r) => [r.id, r.metrics]));
  const games = (group: number): GameMetrics[] =>
    plan.tasks.filter((t) => t.group === group).map((t) => {
      const m = byId.get(t.id);
      if (!m) throw new Error(`no result for task ${t.id}`);
      return m;
    });
  const groupOf = (pred: (g: ReportPlan['groups'][number]) => boolean): number => plan.groups.findIndex(pred);
  const varied = games(groupOf((g) => g.kind === 'varied'));
  const first = scenario.powers[0]?.id ?? '';
  const events: DesignReport['events'] = plan.eventNotes.map((note) => {
    const e = scenario.events.find((x) => x.id === note.event);
    const without = games(groupOf((g) => g.kind === 'event' && g.event === note.event));
    const base = varied.slice(0, without.length);
    const withRate = winShare(base, first);
    const withoutRate = winShare(without, first);
    return { event: note.event, title: e?.title ?? note.event, games: without.length, withRate, withoutRate, effect: note.skipped === undefined ? points(withRate - withoutRate) : null, alsoRemoved: note.alsoRemoved, ...(note.skipped !== undefined ? { skipped: note.skipped } : {}) };
  });
  const projects: DesignReport['projects'] = plan.projectNotes.map((note) => {
    const p = scenario.projects.find((x) => x.id === note.project);
    const forced = note.skipped === undefined ? games(groupOf((g) => g.kind === 'project' && g.project === note.project && g.sponsor === note.sponsor)) : [];
    const base = varied.slice(0, forced.length);
    const baseRate = winShare(base, note.sponsor);
    const forcedRate = winShare(forced, note.sponsor);
    return { project: note.project, name: p?.name ?? note.project, sponsor: note.sponsor, games: forced.length, baseRate, forcedRate, effect: note.skipped === undefined ? points(forcedRate - baseRate) : null, ...(note.skipped !== undefined ? { skipped: note.skipped } : {}) };
  });
  const scripts: DesignReport['scripts'] = plan.groups.flatMap((g, i) => {
    if (g.kind !== 'script') return [];
    const gs = games(i);
    return [{ script: g.script, side: g.side, games: gs.length, winRate: winShare(gs, g.side), draws: share(gs.filter((x) => x.winner === null).length, gs.length) }];
  });
  return {
    scenario: scenario.id,
    title: scenario.title,
    seed: plan.options.seed,
    powers: scenario.powers.map((p) => p.id),
    definitions: { lockOne: LOCK_ONE, lockBoth: LOCK_BOTH, leadShare: LEAD_SHARE },
    varied: matchupStats(scenario, `${BASE_PLAYER} vs ${BASE_PLAYER}`, varied),
    search: matchupStats(scenario, `${SEARCH_PLAYER} vs ${SEARCH_PLAYER}`, games(groupOf((g) => g.kind === 'search'))),
    events,
    projects,
    scripts,
  };
}
