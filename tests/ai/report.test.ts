// The design report's measures on hand-made state sequences (one table per measure),
// and the report's own guarantees: the same numbers for the same seed, scenario
// variants the engine accepts, scripts and forced openings that give legal orders.
import { describe, expect, it } from 'vitest';
import { load, player } from './helpers';
import type { CountryState, Order } from '../../src/engine';
import { newGame, validateOrders, viewFor } from '../../src/engine';
import type { Snapshot, Trace } from '../../src/ai/reportMetrics';
import { countryLeads, gameMetrics, isLocked, leaderChanges, lockedTurns, momentTurn, orderTypeCounts, pointsLeaderAt } from '../../src/ai/reportMetrics';
import { cannotForce, forcedOpening, planReport, runPlan, withoutEvent } from '../../src/ai/report';
import { buildReport } from '../../src/ai/reportSummary';
import { formatReport } from '../../src/ai/reportFormat';
import { defaultScripts } from '../../src/ai/scripts';
import { parsePlayer } from '../../src/ai/player';


const P = ['a', 'b'];
const country = (a: number, b: number): CountryState => ({ influence: { a, b }, stability: 50, dependence: { economic: {}, security: {} } });
/** One snapshot: per country [a's influence, b's influence]; points [a, b]. */
const snap = (countries: Record<string, [number, number]>, points: [number, number] = [0, 0]): Snapshot => ({
  countries: Object.fromEntries(Object.entries(countries).map(([c, [a, b]]) => [c, country(a, b)])),
  points: { a: points[0], b: points[1] },
});
const trace = (snapshots: Snapshot[], over: Partial<Trace> = {}): Trace => ({ powers: P, contested: Object.keys(snapshots[0]?.countries ?? {}), snapshots, plannedTurns: snapshots.length - 1, winner: null, orders: [], ...over });
/** A one-country trace from the leader of each snapshot: 'a', 'b' or '=' (a tie). */
const leaders = (seq: string): Trace => trace([...seq].map((ch) => snap({ x: ch === 'a' ? [20, 10] : ch === 'b' ? [10, 20] : [15, 15] })));

describe('isLocked', () => {
  it.each([
    [89, 0, false],
    [90, 0, true],
    [0, 100, true],
    [94, 89, true],
    [89, 89, false],
    [95, 95, true],
    [89, 95, true],
    [80, 80, false],
  ])('a %i, b %i → %s', (a, b, locked) => expect(isLocked(P, country(a, b))).toBe(locked));

  it('counts turns played (not the start) with any locked country', () => {
    const t = trace([snap({ x: [95, 95], y: [0, 0] }), snap({ x: [50, 50], y: [10, 0] }), snap({ x: [50, 50], y: [92, 0] }), snap({ x: [96, 96], y: [92, 0] })]);
    expect(lockedTurns(t)).toBe(2);
  });
});

describe('leaderChanges', () => {
  it.each([
    ['aaaa', 0],
    ['ab', 1],
    ['abab', 3],
    ['a=a', 0],
    ['a=b', 1],
    ['==ab', 1],
    ['====', 0],
    ['b==ba=b', 2],
  ])('%s → %i', (seq, n) => expect(leaderChanges(leaders(seq))).toBe(n));

  it('adds up over countries', () => {
    const t = trace([snap({ x: [20, 10], y: [10, 20] }), snap({ x: [10, 20], y: [20, 10] }), snap({ x: [20, 10], y: [20, 10] })]);
    expect(leaderChanges(t)).toBe(3);
  });
});

describe('countryLeads', () => {
  // The first letter is the start, which does not count: 8 turns played, a quarter is 2.
  it.each([
    ['aaaaaaaaa', ['a']],
    ['abaaaaaaa', ['a']],
    ['abbaaaaaa', ['a', 'b']],
    ['b========', []],
    ['=bb======', ['b']],
    ['aabababab', ['a', 'b']],
  ])('%s → %j', (seq, who) => expect(countryLeads(leaders(seq)).x).toEqual(who));
});

describe('pointsLeaderAt', () => {
  const points = (seq: [number, number][], planned = seq.length - 1): Trace => trace(seq.map((p) => snap({ x: [0, 0] }, p)), { plannedTurns: planned });
  it.each([
    [[[0, 0], [1, 0], [1, 2], [3, 2], [3, 5]], 0.25, 'a'],
    [[[0, 0], [1, 0], [1, 2], [3, 2], [3, 5]], 0.5, 'b'],
    [[[0, 0], [1, 0], [1, 2], [3, 2], [3, 5]], 0.75, 'a'],
    [[[0, 0], [1, 1], [1, 2], [3, 2], [3, 5]], 0.25, null],
  ] as [[number, number][], number, string | null][])('%j at %f → %s', (seq, share, who) => expect(pointsLeaderAt(points(seq), share)).toBe(who));

  it('uses the planned length, and the last turn played when the game ended sooner', () => {
    expect(momentTurn(12, 0.25)).toBe(3);
    expect(momentTurn(7, 0.75)).toBe(6);
    expect(momentTurn(1, 0.25)).toBe(1);
    expect(pointsLeaderAt(points([[0, 0], [0, 1], [2, 1]], 12), 0.75)).toBe('a');
  });
});

describe('orderTypeCounts and gameMetrics', () => {
  it('counts each power\'s orders by type', () => {
    const orders: Record<string, Order[]>[] = [
      { a: [{ type: 'invest', action: 'i', country: 'x' }, { type: 'project', project: 'p' }], b: [] },
      { a: [{ type: 'invest', action: 'j', country: 'x' }], b: [{ type: 'diplomacy', action: 'd', country: 'x' }] },
    ];
    const counts = orderTypeCounts(trace([snap({ x: [0, 0] })], { orders }));
    expect(counts.a).toEqual({ invest: 2, 'security-deal': 0, diplomacy: 0, special: 0, project: 1 });
    expect(counts.b).toMatchObject({ diplomacy: 1, invest: 0 });
  });

  it('keeps the winner, turns and every measure', () => {
    const m = gameMetrics({ ...leaders('abba'), winner: 'b' });
    expect(m).toMatchObject({ winner: 'b', turns: 3, lockedTurns: 0, leaderChanges: 2, leads: { x: ['a', 'b'] } });
    expect(m.pointsLeaders).toHaveLength(3);
  });
});

describe('the report', () => {
  const s = load('classroom-short');
  const options = { seed: 't', games: 6, searchGames: 0, eventGames: 2, projectGames: 2, scriptGames: 0 };

  it('gives the same numbers for the same seed, whatever order the games were played in', () => {
    const plan = planReport(s, options);
    const once = runPlan(s, plan);
    const again = buildReport(s, plan, [...runPlan(s, plan)].reverse());
    expect(again).toEqual(buildReport(s, plan, once));
    expect(formatReport(again).join('\n')).toContain('| varied vs varied | 6 |');
  });

  it('takes an event out with only what can no longer happen without it', () => {
    const v = withoutEvent(s, 'xian-summit');
    expect(v.ok && v.value.alsoRemoved).toEqual(['digital-trade-zone']);
    const w = withoutEvent(s, 'digital-trade-zone');
    expect(w.ok && w.value.scenario.events.map((e) => e.id)).not.toContain('digital-trade-zone');
    expect(w.ok && w.value.scenario.events.length).toBe(s.events.length - 1);
  });

  it('forces a project on turn 1 with legal orders, and says when it cannot be ordered', () => {
    const g = newGame(s, 'f');
    if (!g.ok) throw new Error(g.error);
    const view = viewFor(s, g.value, 'moscow');
    const orders = forcedOpening(player('varied'), 'kant-expansion').decide(s, view);
    expect(orders[0]).toEqual({ type: 'project', project: 'kant-expansion' });
    expect(validateOrders(s, view, 'moscow', orders).ok).toBe(true);
    // A Beijing with less money at the start than the railway costs cannot open with it.
    const poorer = { ...s, powers: s.powers.map((p) => (p.id === 'beijing' ? { ...p, startBudget: 5 } : p)) };
    expect(cannotForce(poorer, 'beijing', 'cku-railway', 'f')).toMatch(/^cannot be ordered on turn 1 \(costs/);
    expect(cannotForce(s, 'beijing', 'cku-railway', 'f')).toBeNull();
    const plan = planReport(s, options);
    expect(plan.projectNotes.find((p) => p.project === 'gas-pipeline')?.skipped).toBe('built before the game starts');
  });

  it('a forced project keeps the player’s best other orders, not its worst', () => {
    const g = newGame(s, 'f');
    if (!g.ok) throw new Error(g.error);
    const view = viewFor(s, g.value, 'moscow');
    // A player without decideWith: its own orders, best first; the project goes first and its last orders make room.
    const own = player('varied').decide(s, view);
    expect(own.some((o) => o.type === 'project' && o.project === 'kant-expansion')).toBe(false);
    const plain = { name: 'plain', decide: () => own };
    const forced = forcedOpening(plain, 'kant-expansion').decide(s, view);
    expect(forced[0]).toEqual({ type: 'project', project: 'kant-expansion' });
    expect(forced.slice(1)).toEqual(own.slice(0, forced.length - 1));
    expect(validateOrders(s, view, 'moscow', forced).ok).toBe(true);
    // A player that plans order by order fills the rest as it would after starting the project.
    const planned = forcedOpening(player('varied'), 'kant-expansion').decide(s, view);
    expect(planned[0]).toEqual({ type: 'project', project: 'kant-expansion' });
    expect(planned.length).toBeGreaterThan(1);
    expect(validateOrders(s, view, 'moscow', planned).ok).toBe(true);
  });

  it('scripts give legal orders, never reading the rival', () => {
    const g = newGame(s, 'f');
    if (!g.ok) throw new Error(g.error);
    for (const name of defaultScripts(s)) {
      for (const power of ['beijing', 'moscow']) {
        const view = viewFor(s, g.value, power);
        const orders = player(name).decide(s, view);
        expect(orders.length).toBeGreaterThan(0);
        expect(validateOrders(s, view, power, orders).ok).toBe(true);
      }
    }
    expect(defaultScripts(s)[0]).toMatch(/^script:focus=[a-z-]+,[a-z-]+$/);
    expect(parsePlayer('script:nonsense').ok).toBe(false);
  });
});
