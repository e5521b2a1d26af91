// Rules v2, rule by rule (issue 10): influence as a share, control by each country's
// sovereignty, lead points and summits, sealed-bid tenders, fading ties, budget that
// carries over whole, and the republics' stances.
import { describe, expect, it } from 'vitest';
import { controlMargin, controller, previewOrder, ruleOfThumbChoice } from '../../src/engine';
import type { GameState } from '../../src/engine';
import { mini } from '../fixtures/mini';
import { inf, start, turn } from './helpers';

const s = mini();
const HEDGE = { alpha: { kind: 'hedge' }, beta: { kind: 'hedge' } };
const setInf = (st: GameState, c: string, n: number, so: number): void => {
  st.countries[c]!.influence.north = n;
  st.countries[c]!.influence.south = so;
};
const total = (st: GameState, c: string): number => inf(st, c, 'north') + inf(st, c, 'south');

describe('influence is a share of a country (at most 100 in all)', () => {
  const table: { name: string; north: number; south: number; gain: number; after: [number, number] }[] = [
    { name: 'a gain fills the uncommitted rest first', north: 30, south: 30, gain: 10, after: [40, 30] },
    { name: 'what the rest cannot hold comes out of the rival', north: 50, south: 45, gain: 10, after: [60, 40] },
    { name: 'a full country: every point gained is the rival’s loss', north: 50, south: 50, gain: 10, after: [60, 40] },
    { name: 'the rival cannot fall below zero', north: 95, south: 5, gain: 10, after: [100, 0] },
  ];
  it.each(table)('$name', ({ north, south, gain, after }) => {
    const sc = mini((x) => {
      // No balancing, so the share rule is seen alone.
      x.rules = { ...x.rules, balancingMargin: 100 };
      x.events = [{ id: 'push', title: 'Push', text: 'North gains.', basis: { kind: 'assumption', reason: 'test' }, trigger: { all: [], chancePct: 100 }, repeatable: false, effects: [{ type: 'influence', country: 'alpha', power: 'north', delta: gain }] }];
    });
    const r = turn(sc, start(sc, (st) => setInf(st, 'alpha', north, south)), {}, HEDGE);
    expect([inf(r.state, 'alpha', 'north'), inf(r.state, 'alpha', 'south')]).toEqual(after);
    expect(total(r.state, 'alpha')).toBeLessThanOrEqual(100);
  });

  it('a scenario whose starting shares add up to more than 100 is refused with its path', async () => {
    const { readScenario, formatProblem } = await import('../../src/engine');
    const bad = readScenario({ ...JSON.parse(JSON.stringify(s)), countries: s.countries.map((c) => (c.id === 'alpha' && c.role === 'contested' ? { ...c, influence: { north: 60, south: 50 } } : c)) });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.map((p) => formatProblem('f.json', p))).toContain("f.json: countries[0].influence: found shares adding up to 110; expected shares adding up to at most 100 (influence is a share of the country's attention)");
  });
});

describe('control depends on the country (sovereignty sets the margin)', () => {
  it.each([
    { country: 'alpha', sovereignty: 40, margin: 9 },
    { country: 'beta', sovereignty: 80, margin: 13 },
  ])('$country (sovereignty $sovereignty) needs a lead of $margin', ({ country, margin }) => {
    expect(controlMargin(s, country)).toBe(margin);
    expect(controller(s, start(s, (st) => setInf(st, country, 20 + margin, 20)), country)).toBe('north');
    expect(controller(s, start(s, (st) => setInf(st, country, 19 + margin, 20)), country)).toBeNull();
  });
});

describe('scoring: control, lead points and summits', () => {
  const table: { name: string; lead: number; summit?: number; points: number }[] = [
    { name: 'control scores the importance (3)', lead: 12, points: 3 },
    { name: 'a lead short of control scores the lead points (1)', lead: 4, points: 1 },
    { name: 'a tie scores nothing', lead: 0, points: 0 },
    { name: 'a summit ×3 triples control', lead: 12, summit: 3, points: 9 },
    { name: 'a summit ×3 triples lead points', lead: 4, summit: 3, points: 3 },
  ];
  it.each(table)('$name', ({ lead, summit, points }) => {
    const sc = mini((x) => {
      x.victory = { leadMargin: 10, leadPoints: 1, summits: summit ? [{ turn: 1, name: 'Test summit', weight: summit, basis: { kind: 'assumption', reason: 'test' } }] : [] };
    });
    // Beta is tied; alpha is led by `lead` (north 40 + lead against south 40).
    const r = turn(sc, start(sc, (st) => setInf(st, 'alpha', 40 + lead, 40)), {}, HEDGE);
    expect(r.state.powers.north!.points).toBe(points);
    expect(r.state.powers.south!.points).toBe(0);
  });
});

describe("an organisation's summit multiplies only its members' scoring", () => {
  // Alpha is in the Pact, beta is not; north controls both (alpha by 12 over a margin of 9,
  // beta by 14 over 13).
  const held = (organisation?: string) =>
    mini((x) => {
      x.victory = { leadMargin: 10, leadPoints: 1, summits: [{ turn: 1, name: 'Pact summit', weight: 3, ...(organisation ? { organisation } : {}), basis: { kind: 'assumption', reason: 'test' } }] };
    });
  const play = (sc: ReturnType<typeof mini>) =>
    turn(
      sc,
      start(sc, (st) => {
        setInf(st, 'alpha', 52, 40);
        setInf(st, 'beta', 54, 40);
      }),
      {},
      HEDGE,
    );
  it.each([
    { name: 'a summit of all: both ×3', organisation: undefined, points: 3 * 3 + 2 * 3 },
    { name: "the Pact's summit: alpha ×3, beta (outside it) ×1", organisation: 'pact', points: 3 * 3 + 2 },
  ])('$name', ({ organisation, points }) => {
    const r = play(held(organisation));
    expect(r.state.powers.north!.points).toBe(points);
  });
  it('the turn report says why a non-member counts once', () => {
    const r = play(held('pact'));
    const texts = r.report.changes.filter((c) => c.path === 'powers.north.points').map((c) => (c.cause.kind === 'rule' ? c.cause.text : ''));
    expect(texts).toContain('North controls Alpha (leads by 9 or more) at the Pact summit (×3)');
    expect(texts).toContain('North controls Beta (leads by 13 or more) (not in the Pact: the Pact summit counts ×1 here)');
  });
  it('a summit naming no organisation of the scenario is refused with its path', async () => {
    const { readScenario, formatProblem } = await import('../../src/engine');
    const raw = JSON.parse(JSON.stringify(held('pact')));
    raw.victory.summits[0].organisation = 'nato';
    const bad = readScenario(raw);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.map((p) => formatProblem('f.json', p))).toContain('f.json: victory.summits[0].organisation: found "nato"; expected an organisation id: one of "pact"');
  });
});

describe('tenders: sealed bids', () => {
  it.each([
    { name: 'the higher offer wins, whatever the influence', northBid: 0, southBid: 2, winner: 'south' },
    { name: 'equal offers: more influence along the route wins', northBid: 1, southBid: 1, winner: 'north' },
    { name: 'the richer bid wins', northBid: 3, southBid: 2, winner: 'north' },
  ])('$name', ({ northBid, southBid, winner }) => {
    const st = start(s, (x) => setInf(x, 'alpha', 40, 30));
    const order = (bid: number) => (bid > 0 ? { type: 'project', project: 'rail', bid } : { type: 'project', project: 'rail' });
    const r = turn(s, st, { north: [order(northBid)], south: [order(southBid)] }, HEDGE);
    expect(r.state.projects.rail).toMatchObject({ owner: winner });
    const loser = winner === 'north' ? 'south' : 'north';
    // The loser gets back its whole offer; the winner pays cost + bid.
    expect(r.state.powers[loser]!.budget).toBe(st.powers[loser]!.budget + 10 - (loser === 'north' ? 2 : 0));
    const paid = 6 + (winner === 'north' ? northBid : southBid);
    expect(r.report.changes.some((c) => c.path === `powers.${winner}.budget` && c.cause.kind === 'order' && Number(c.from) - Number(c.to) === paid)).toBe(true);
  });

  it('a bid is paid even when nobody bids against it', () => {
    const st = start(s);
    const r = turn(s, st, { north: [{ type: 'project', project: 'rail', bid: 3 }] }, HEDGE);
    expect(r.state.powers.north!.budget).toBe(10 - 9 + 10 - 2);
  });
});

describe('money and ties', () => {
  it('unspent budget carries over whole', () => {
    let st = start(s);
    for (let i = 0; i < 3; i++) st = turn(s, st, {}, HEDGE).state;
    // North: 10 + 3 × (10 income − 2 drain); south: 10 + 3 × 10.
    expect(st.powers.north!.budget).toBe(34);
    expect(st.powers.south!.budget).toBe(40);
  });

  it('ties fade where a patron gives no order, and hold where it does', () => {
    const st = start(s, (x) => {
      x.countries.alpha!.dependence.economic.north = 30;
      x.countries.alpha!.dependence.economic.south = 30;
    });
    const r = turn(s, st, { north: [{ type: 'diplomacy', action: 'visit', country: 'alpha' }] }, HEDGE);
    expect(r.state.countries.alpha!.dependence.economic.north).toBe(30);
    expect(r.state.countries.alpha!.dependence.economic.south).toBe(29);
  });
});

describe("the republics' stances", () => {
  it.each([
    { name: 'an unstable republic cracks down', edit: (st: GameState) => { st.countries.alpha!.stability = 20; }, orders: {}, kind: 'crackdown' },
    { name: 'a controlled republic hedges', edit: (st: GameState) => setInf(st, 'alpha', 60, 30), orders: {}, kind: 'hedge' },
    { name: 'a clearly better offer wins the lean', edit: undefined, orders: { north: [{ type: 'invest', action: 'loan', country: 'alpha' }] }, kind: 'lean' },
    { name: 'no clear offer: it hedges', edit: undefined, orders: { north: [{ type: 'invest', action: 'loan', country: 'alpha' }], south: [{ type: 'diplomacy', action: 'visit', country: 'alpha' }] }, kind: 'hedge' },
  ])('$name', ({ edit, orders, kind }) => {
    const st = start(s, edit);
    expect(ruleOfThumbChoice(s, st, 'alpha', orders as never).choice.kind).toBe(kind);
    const r = turn(s, st, orders);
    expect(r.report.republics.find((x) => x.country === 'alpha')?.choice.kind).toBe(kind);
  });

  it('a lean makes the favoured patron’s order land 25% harder and gives it 2', () => {
    const st = start(s);
    const order = { type: 'diplomacy', action: 'visit', country: 'alpha' } as const;
    const leaned = turn(s, st, { north: [order] }, { alpha: { kind: 'lean', power: 'north' } });
    const cold = turn(s, st, { north: [order] }, { alpha: { kind: 'lean', power: 'south' } });
    // Visit lands at 100 + 4 (sovereignty 40 ÷ 10) ± 25 %: 12 against 7, and the lean adds 2.
    expect(inf(leaned.state, 'alpha', 'north')).toBe(30 + 12 + 2);
    expect(inf(cold.state, 'alpha', 'north')).toBe(30 + 7);
    expect(inf(cold.state, 'alpha', 'south')).toBe(30 + 2);
  });

  it('a choice given by a republic player is taken as given, and an illegal one refused', () => {
    const st = start(s);
    const r = turn(s, st, {}, { alpha: { kind: 'crackdown' } });
    expect(r.report.republics.find((x) => x.country === 'alpha')?.choice).toEqual({ kind: 'crackdown' });
    // +4 for the crackdown, then one point of drift back toward 50.
    expect(r.state.countries.alpha!.stability).toBe(53);
    expect(() => turn(s, st, {}, { alpha: { kind: 'lean', power: 'nobody' } })).toThrow(/expected \{"kind": "hedge"\}/);
    expect(() => turn(s, st, {}, { gamma: { kind: 'hedge' } })).toThrow(/"gamma" is not a contested country/);
  });

  it('the preview promises what resolution does when the rival passes', () => {
    const st = start(s);
    for (const order of [
      { type: 'invest', action: 'loan', country: 'alpha' },
      { type: 'diplomacy', action: 'visit', country: 'beta' },
      { type: 'security-deal', action: 'guard', country: 'alpha' },
    ] as const) {
      const p = previewOrder(s, st, 'north', order);
      if (!p.ok) throw new Error(p.error);
      const promised = p.value.now.find((c) => c.path === `countries.${order.country}.influence.north`);
      const real = turn(s, st, { north: [order] }).report.changes.find((c) => c.cause.kind === 'order' && c.path === `countries.${order.country}.influence.north`);
      expect(promised && Number(promised.to) - Number(promised.from)).toBe(real && Number(real.to) - Number(real.from));
    }
  });
});
