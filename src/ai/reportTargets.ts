// The design targets of issue 10, checked against a design report. These are goals
// for designers, not rules of the game: the full report (scripts/design-report.ts)
// lists each with its measured value; the fast test (tests/ai/design-targets.test.ts)
// holds every shipped scenario to a looser subset on few games, so a scenario edit that
// brings back a lock or a one-sided start fails CI.
import { own } from '../engine';
import type { DesignReport, MatchupStats } from './reportSummary';

export interface TargetCheck {
  target: string;
  measured: string;
  ok: boolean;
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

/** Each power's win rate must lie in [low, high]. */
function winRange(what: string, m: MatchupStats, powers: readonly string[], low: number, high: number): TargetCheck {
  const rates = powers.map((p) => own(m.winRate, p) ?? 0);
  return { target: `${what}: each power wins ${pct(low)}–${pct(high)}`, measured: powers.map((p, i) => `${p} ${pct(rates[i] ?? 0)}`).join(', '), ok: rates.every((r) => r >= low && r <= high) };
}

/** The fast subset: varied vs varied only, looser bounds, for few games. */
export const FAST_TARGETS = { winLow: 0.25, winHigh: 0.75, lockedBelow: 0.2, leaderChangesAtLeast: 2 } as const;

export function fastChecks(r: Pick<DesignReport, 'powers' | 'varied'>): TargetCheck[] {
  return [
    winRange('varied vs varied', r.varied, r.powers, FAST_TARGETS.winLow, FAST_TARGETS.winHigh),
    { target: `locked turns under ${pct(FAST_TARGETS.lockedBelow)}`, measured: pct(r.varied.lockedShare), ok: r.varied.lockedShare < FAST_TARGETS.lockedBelow },
    { target: `at least ${FAST_TARGETS.leaderChangesAtLeast} leader changes a game`, measured: r.varied.leaderChangesPerGame.toFixed(2), ok: r.varied.leaderChangesPerGame >= FAST_TARGETS.leaderChangesAtLeast },
  ];
}

/** The targets, as far as the report measures them. */
export function fullChecks(r: DesignReport): TargetCheck[] {
  const leads = Object.entries(r.varied.countryLeads).flatMap(([c, row]) => r.powers.map((p) => ({ c, p, share: own(row, p) ?? 0 })));
  const weakest = leads.reduce((a, b) => (b.share < a.share ? b : a), leads[0] ?? { c: '—', p: '—', share: 1 });
  const at75 = r.varied.pointsLeader[2];
  const measuredEvents = r.events.filter((e) => e.effect !== null);
  const biggestEvent = measuredEvents.reduce<(typeof measuredEvents)[number] | undefined>((a, b) => (a === undefined || Math.abs(b.effect ?? 0) > Math.abs(a.effect ?? 0) ? b : a), undefined);
  const measuredProjects = r.projects.filter((p) => p.effect !== null);
  const biggestProject = measuredProjects.reduce<(typeof measuredProjects)[number] | undefined>((a, b) => (a === undefined || Math.abs(b.effect ?? 0) > Math.abs(a.effect ?? 0) ? b : a), undefined);
  const bestScript = r.scripts.reduce<(typeof r.scripts)[number] | undefined>((a, b) => (a === undefined || b.winRate > a.winRate ? b : a), undefined);
  return [
    winRange('search:2 vs search:2', r.search, r.powers, 0.4, 0.6),
    winRange('varied vs varied', r.varied, r.powers, 0.4, 0.6),
    { target: 'draws under 10% (both match-ups)', measured: `${pct(r.varied.draws)} / ${pct(r.search.draws)}`, ok: r.varied.draws < 0.1 && r.search.draws < 0.1 },
    { target: 'locked turns under 5%', measured: pct(r.varied.lockedShare), ok: r.varied.lockedShare < 0.05 },
    { target: 'at least 4 leader changes a game', measured: r.varied.leaderChangesPerGame.toFixed(2), ok: r.varied.leaderChangesPerGame >= 4 },
    { target: 'every contested country led by each power in ≥ 15% of games', measured: `lowest: ${weakest.p} in ${weakest.c} ${pct(weakest.share)}`, ok: weakest.share >= 0.15 },
    { target: 'points leader at 75% wins at most 80%', measured: at75 ? pct(at75.winRate) : '—', ok: at75 !== undefined && at75.winRate <= 0.8 },
    { target: 'no event moves the win rate more than 10 points', measured: biggestEvent ? `${biggestEvent.event} ${biggestEvent.effect?.toFixed(1)}` : '—', ok: measuredEvents.every((e) => Math.abs(e.effect ?? 0) <= 10) },
    { target: 'no project on turn 1 moves it more than 15 points', measured: biggestProject ? `${biggestProject.project} ${biggestProject.effect?.toFixed(1)}` : '—', ok: measuredProjects.every((p) => Math.abs(p.effect ?? 0) <= 15) },
    { target: 'no fixed script wins more than 35% against search:2', measured: bestScript ? `${bestScript.script} as ${bestScript.side} ${pct(bestScript.winRate)}` : '—', ok: r.scripts.every((s) => s.winRate <= 0.35) },
  ];
}
