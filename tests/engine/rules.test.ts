// The rulebook as tables: given a position, these orders, expect these numbers.
import { describe, expect, it } from 'vitest';
import type { GameState, Order } from '../../src/engine';
import { previewOrder } from '../../src/engine';
import { mini } from '../fixtures/mini';
import { inf, start, turn } from './helpers';

const s = mini();
const setInf = (st: GameState, country: string, north: number, south: number): void => {
  const c = st.countries[country];
  if (c) c.influence = { north, south };
};

describe('how an order lands (influence = base × (100 + factors)%)', () => {
  const table: { name: string; given?: (st: GameState) => void; power: string; order: Order; pct: number; gain: number }[] = [
    { name: 'diplomacy: +sovereignty/10 (and the republic leans to the only offer: +25)', power: 'north', order: { type: 'diplomacy', action: 'visit', country: 'beta' }, pct: 133, gain: 13 },
    { name: 'invest in an average country (the republic leans to the only offer: +25)', power: 'north', order: { type: 'invest', action: 'loan', country: 'alpha' }, pct: 125, gain: 12 },
    { name: 'invest in a stable country', given: (st) => { st.countries.alpha!.stability = 80; }, power: 'north', order: { type: 'invest', action: 'loan', country: 'alpha' }, pct: 140, gain: 14 },
    { name: 'invest in an unstable country with economic ties (it cracks down: −25)', given: (st) => { st.countries.alpha!.stability = 20; st.countries.alpha!.dependence.economic.north = 40; }, power: 'north', order: { type: 'invest', action: 'loan', country: 'alpha' }, pct: 70, gain: 7 },
    { name: 'security deal in an insecure country with security ties (it cracks down: +25)', given: (st) => { st.countries.alpha!.stability = 20; st.countries.alpha!.dependence.security.north = 40; }, power: 'north', order: { type: 'security-deal', action: 'guard', country: 'alpha' }, pct: 140, gain: 14 },
    { name: 'a dominant patron is resented (−sovereignty/2), and the controlled republic hedges (−25)', given: (st) => setInf(st, 'alpha', 70, 30), power: 'north', order: { type: 'diplomacy', action: 'visit', country: 'alpha' }, pct: 59, gain: 5 },
    { name: 'a counterweight is courted (+sovereignty/4), and the republic hedges toward it (+25)', given: (st) => setInf(st, 'alpha', 70, 30), power: 'south', order: { type: 'diplomacy', action: 'visit', country: 'alpha' }, pct: 139, gain: 13 },
    { name: 'special actions are not modified', power: 'south', order: { type: 'special', action: 'smuggle', country: 'alpha' }, pct: 100, gain: 0 },
  ];
  it.each(table)('$name', ({ given, power, order, pct, gain }) => {
    const st = start(s, given);
    const p = previewOrder(s, st, power, order);
    expect(p.ok).toBe(true);
    if (!p.ok || order.type === 'project') return;
    expect(p.value.influencePct).toBe(pct);
    // The preview promises exactly what resolution then does for this order.
    const promised = p.value.now.find((c) => c.path === `countries.${order.country}.influence.${power}`);
    expect(promised ? Number(promised.to) - Number(promised.from) : 0).toBe(gain);
    const resolved = turn(s, st, { [power]: [order] }).report.changes.find((c) => c.cause.kind === 'order' && c.path === `countries.${order.country}.influence.${power}`);
    expect(resolved ? Number(resolved.to) - Number(resolved.from) : 0).toBe(gain);
  });
});

const HEDGE = { alpha: { kind: 'hedge' }, beta: { kind: 'hedge' } };

describe("the republics' response", () => {
  it('balancing: a country led by more than the margin leans to the runner-up', () => {
    const st = start(s, (x) => setInf(x, 'alpha', 70, 30));
    const { state, report } = turn(s, st);
    // lead 40, margin 25, sovereignty 40: loss = trunc(15 × 40 / 200) = 3; runner-up gains max(1, 3/2) = 1.
    expect(inf(state, 'alpha', 'north')).toBe(67);
    expect(inf(state, 'alpha', 'south')).toBe(31);
    expect(report.changes.filter((c) => c.cause.kind === 'rule' && c.cause.rule === 'balancing')).toHaveLength(2);
  });

  it('ties: dependence pulls influence every turn', () => {
    const st = start(s, (x) => {
      x.countries.alpha!.dependence.economic.north = 60;
      x.countries.alpha!.dependence.security.north = 40;
    });
    expect(inf(turn(s, st).state, 'alpha', 'north')).toBe(32);
  });

  it('neglect: a power that gave no order touching a country loses influence there', () => {
    const sn = mini((x) => {
      x.rules = { ...x.rules, neglect: 2 };
    });
    const st = start(sn);
    // Both republics hedge (no leader at 30–30, so no stance factor): neglect alone is measured.
    const after = turn(sn, st, { north: [{ type: 'diplomacy', action: 'visit', country: 'alpha' }] }, HEDGE).state;
    expect(inf(after, 'alpha', 'south')).toBe(28);
    expect(inf(after, 'beta', 'north')).toBe(18);
    expect(inf(after, 'alpha', 'north')).toBe(30 + 10);
  });

  it('stability drifts one point back toward its starting value', () => {
    const st = start(s, (x) => {
      x.countries.alpha!.stability = 40;
      x.countries.beta!.stability = 55;
    });
    const after = turn(s, st).state;
    expect(after.countries.alpha!.stability).toBe(41);
    expect(after.countries.beta!.stability).toBe(54);
  });
});

describe('budgets', () => {
  it('pays for orders, carries every unspent unit over, adds income less track drains', () => {
    const st = start(s);
    const { state, report } = turn(s, st, { north: [{ type: 'diplomacy', action: 'visit', country: 'alpha' }] });
    // north: 10 − 2 = 8, kept whole, + 10 income − 2 drain = 16. south: 10 kept + 10 = 20.
    expect(state.powers.north!.budget).toBe(16);
    expect(state.powers.south!.budget).toBe(20);
    expect(report.changes.filter((c) => c.path.endsWith('.budget') && c.to < c.from && c.cause.kind === 'rule')).toHaveLength(0);
  });

  it('a special action can bring money, and its risk rolls with the track bonus', () => {
    const caught = turn(s, start(s, (x) => { x.powers.south!.tracks.heat = 10; }), { south: [{ type: 'special', action: 'smuggle', country: 'beta' }] });
    expect(caught.report.rolls).toHaveLength(1);
    expect(caught.report.rolls[0]).toMatchObject({ chancePct: 100, hit: true });
    expect(inf(caught.state, 'beta', 'south')).toBe(15);
    const safe = turn(s, start(s), { south: [{ type: 'special', action: 'smuggle', country: 'beta' }] });
    expect(safe.report.rolls[0]).toMatchObject({ chancePct: 0, hit: false });
    expect(inf(safe.state, 'beta', 'south')).toBe(20);
    // 10 − 1 + 3 = 12, kept whole, + 10.
    expect(safe.state.powers.south!.budget).toBe(22);
  });
});

describe('projects', () => {
  it('advance each turn and take effect when finished, then yield every turn', () => {
    let st = start(s);
    st = turn(s, st, { north: [{ type: 'project', project: 'rail' }] }, HEDGE).state;
    expect(st.projects.rail).toEqual({ status: 'building', owner: 'north', progress: 1 });
    const done = turn(s, st, {}, HEDGE);
    expect(done.state.projects.rail).toEqual({ status: 'built', owner: 'north' });
    // +5 on completion and +1 in operation, in both contested countries on the route.
    expect(inf(done.state, 'alpha', 'north')).toBe(36);
    expect(inf(done.state, 'beta', 'north')).toBe(26);
    expect(done.state.powers.north!.income).toBe(11);
    expect(inf(turn(s, done.state).state, 'alpha', 'north')).toBe(37);
  });

  it('unrest in a country on the route halts work', () => {
    const st = start(s, (x) => { x.countries.beta!.stability = 10; });
    const r = turn(s, st, { north: [{ type: 'project', project: 'rail' }] });
    expect(r.state.projects.rail).toEqual({ status: 'building', owner: 'north', progress: 0 });
    expect(r.report.notes).toEqual(['Work on Rail halted by unrest in Beta']);
  });

  it('a contract both powers bid for goes to the one with more influence along the route; the other is refunded', () => {
    const st = start(s, (x) => setInf(x, 'alpha', 40, 30));
    const { state, report } = turn(s, st, { north: [{ type: 'project', project: 'rail' }], south: [{ type: 'project', project: 'rail' }] });
    expect(state.projects.rail).toMatchObject({ owner: 'north' });
    expect(report.changes.some((c) => c.cause.kind === 'rule' && c.cause.rule === 'contract-award' && c.power === 'south' && Number(c.to) - Number(c.from) === 6)).toBe(true);
  });
});

describe('events', () => {
  const withEvent = (trigger: object, repeatable = false) =>
    mini((x) => {
      x.events = [{ id: 'shock', title: 'Shock', text: 'Something happens.', basis: { kind: 'reported', source: 'src_a', whatHappened: 'It happened.' }, trigger, repeatable, effects: [{ type: 'influence', country: 'alpha', power: 'south', delta: 4 }] }];
    });
  const fires = (sc: ReturnType<typeof mini>, edit?: (st: GameState) => void, turns = 1): number => {
    let st = start(sc, edit);
    let count = 0;
    for (let i = 0; i < turns; i++) {
      const r = turn(sc, st);
      count += r.report.events.length;
      st = r.state;
    }
    return count;
  };
  it.each([
    { name: 'inside its date window', trigger: { from: '2020-01', to: '2020-03' }, expected: 1 },
    { name: 'not before its window', trigger: { from: '2020-04' }, expected: 0 },
    { name: 'when its condition holds', trigger: { all: [{ type: 'influence', country: 'alpha', power: 'north', atLeast: 30 }] }, expected: 1 },
    { name: 'not when its condition fails', trigger: { all: [{ type: 'influence', country: 'alpha', power: 'north', atLeast: 31 }] }, expected: 0 },
    { name: 'on a lead condition', trigger: { all: [{ type: 'leads', country: 'alpha', power: 'north' }] }, expected: 0 },
  ])('fires $name', ({ trigger, expected }) => {
    expect(fires(withEvent(trigger))).toBe(expected);
  });
  it('fires once unless repeatable', () => {
    expect(fires(withEvent({}), undefined, 3)).toBe(1);
    expect(fires(withEvent({}, true), undefined, 3)).toBe(3);
  });
  it('rolls its chance with the seeded generator, the same way every time', () => {
    const sc = withEvent({ chancePct: 50 }, true);
    const a = fires(sc, undefined, 10);
    expect(a).toBeGreaterThan(0);
    expect(a).toBeLessThan(10);
    expect(fires(sc, undefined, 10)).toBe(a);
  });
});

describe('scoring and victory', () => {
  it('a lead of the margin or more scores the country’s importance', () => {
    const st = start(s, (x) => setInf(x, 'alpha', 45, 30));
    const { state } = turn(s, st);
    expect(state.powers.north!.points).toBe(3);
    expect(state.powers.south!.points).toBe(0);
  });

  it('the last turn ends the game: most points wins', () => {
    const sc = mini((x) => { x.turns = 2; });
    let st = start(sc, (x) => setInf(x, 'beta', 20, 35));
    st = turn(sc, st).state;
    const last = turn(sc, st);
    expect(last.state.phase).toMatchObject({ kind: 'over', winner: 'south' });
    expect(last.report.result?.reason).toMatch(/South wins with 4 points to 0/);
  });

  it('equal points and equal countries led is a draw', () => {
    const sc = mini((x) => { x.turns = 2; });
    const last = turn(sc, turn(sc, start(sc)).state);
    expect(last.state.phase).toMatchObject({ kind: 'over', winner: null });
  });

  it('sudden death: leading enough countries from the given turn wins at once', () => {
    const sc = mini((x) => { x.victory = { leadMargin: 10, suddenDeath: { countries: 2, fromTurn: 1 } }; });
    const st = start(sc, (x) => {
      setInf(x, 'alpha', 50, 30);
      setInf(x, 'beta', 40, 20);
    });
    const r = turn(sc, st);
    expect(r.state.phase).toMatchObject({ kind: 'over', winner: 'north' });
    expect(r.report.result?.reason).toMatch(/sudden-death/);
  });

  it('a finished game accepts no more turns', () => {
    const sc = mini((x) => { x.turns = 2; });
    const over = turn(sc, turn(sc, start(sc)).state).state;
    expect(turn.bind(null, sc, over)).toThrow(/game is over/);
  });
});
