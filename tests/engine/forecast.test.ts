// The forecast: each turn's events are drawn when the turn opens, from the game's own
// generator, before any order; the events phase fires on those draws when the conditions
// hold at the end of the turn. So the draws never depend on the orders, an inject shifts
// none of them, a repeatable event is drawn again each turn, and conditions still gate.
import { describe, expect, it } from 'vitest';
import type { GameState, Order } from '../../src/engine';
import { newGame, resolveTurn } from '../../src/engine';
import { mini } from '../fixtures/mini';
import { start } from './helpers';

const basis = { kind: 'assumption', reason: 'A test needs it.' } as const;
const nudge = [{ type: 'stability' as const, country: 'beta', delta: 1 }];
const sc = mini((x) => {
  x.events = [
    { id: 'coin', title: 'Coin', text: 'Maybe.', basis, trigger: { all: [], chancePct: 50 }, repeatable: true, effects: nudge },
    { id: 'sure', title: 'Sure', text: 'Always.', basis, trigger: { all: [], chancePct: 100 }, repeatable: true, effects: nudge },
    { id: 'once', title: 'Once', text: 'One time.', basis, trigger: { all: [], chancePct: 50 }, repeatable: false, effects: nudge },
    { id: 'gated', title: 'Gated', text: 'Needs North ahead in Alpha.', basis, trigger: { all: [{ type: 'influence', country: 'alpha', power: 'north', atLeast: 40 }], chancePct: 50 }, repeatable: true, effects: nudge },
    // Mini's turns fall in 2020-01, 2020-04, 2020-07…: this one opens on turn 3.
    { id: 'late', title: 'Late', text: 'Later.', basis, trigger: { from: '2020-07', all: [], chancePct: 30 }, repeatable: true, effects: nudge },
  ];
});

const resolve = (st: GameState, orders: Record<string, Order[]> = {}, injected: string[] = []) => {
  const r = resolveTurn(sc, st, orders, undefined, injected);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};
const ids = (st: GameState): string[] => st.eventDraws.map((d) => d.id);
const loan = (country: string): Order => ({ type: 'invest', action: 'loan', country });
const visit = (country: string): Order => ({ type: 'diplomacy', action: 'visit', country });

describe('the draw, when a turn opens', () => {
  it('a new game holds turn 1’s draws: every event in its window below 100%, in file order, whatever its conditions', () => {
    expect(ids(start(sc))).toEqual(['coin', 'once', 'gated']);
    // Each draw is a whole number 0–99 and hits exactly when it is below the chance.
    for (const d of start(sc, undefined, 'other seed').eventDraws) expect(d.hit).toBe(d.drawn < 50);
  });

  it('a later window is drawn from the turn it opens', () => {
    let st = start(sc);
    st = resolve(st).state;
    expect(ids(st)).not.toContain('late');
    st = resolve(st).state;
    expect(st.turn).toBe(3);
    expect(ids(st)).toContain('late');
  });

  // Orders that draw nothing themselves (no risk, no tender by lot): the next turn's draws cannot differ.
  it.each<[string, Record<string, Order[]>]>([
    ['both pass', {}],
    ['North lends to Alpha', { north: [loan('alpha')] }],
    ['North visits Beta, South lends to Alpha', { north: [visit('beta')], south: [loan('alpha')] }],
  ])('the same seed gives the same draws whatever the orders: %s', (_name, orders) => {
    const plain = resolve(start(sc)).state;
    const other = resolve(start(sc), orders).state;
    expect(other.eventDraws).toEqual(plain.eventDraws);
    expect(other.eventDraws.length).toBeGreaterThan(0);
  });

  it('an inject shifts nobody’s draws, this turn or the next', () => {
    const plain = resolve(start(sc));
    const injected = resolve(start(sc), {}, ['once']);
    const others = (r: ReturnType<typeof resolve>) => r.report.rolls.filter((x) => !x.what.startsWith('Event: Once'));
    expect(others(injected)).toEqual(others(plain));
    // The next turn: the one-time event that fired by hand has no draw left; every other draw is the same.
    expect(ids(injected.state)).not.toContain('once');
    expect(injected.state.eventDraws).toEqual(plain.state.eventDraws.filter((d) => d.id !== 'once'));
  });

  it('a repeatable event is drawn again each turn; a one-time event that fired is drawn no more', () => {
    let st = start(sc, undefined, 'repeat');
    const coin: number[] = [];
    let onceFired = false;
    for (let t = 0; t < 8 && st.phase.kind === 'playing'; t++) {
      expect(ids(st)).toContain('coin');
      expect(ids(st).includes('once')).toBe(!onceFired);
      coin.push(st.eventDraws.find((d) => d.id === 'coin')?.drawn ?? -1);
      const r = resolve(st);
      onceFired ||= r.report.events.some((e) => e.id === 'once');
      st = r.state;
    }
    expect(onceFired).toBe(true);
    expect(new Set(coin).size).toBeGreaterThan(1);
  });
});

describe('the events phase fires on the draw', () => {
  const drawn = (hit: boolean): GameState => start(sc, (st) => void (st.eventDraws = ['coin', 'once', 'gated'].map((id) => ({ id, drawn: hit ? 0 : 99, hit }))));
  it.each<[string, boolean, Order[], string[]]>([
    ['every draw a hit, the gate shut', true, [], ['coin', 'sure', 'once']],
    // The loan lifts North to 44 in Alpha before events are checked: the condition holds at the end of the turn.
    ['every draw a hit, the orders open the gate', true, [loan('alpha')], ['coin', 'sure', 'once', 'gated']],
    ['every draw a miss, the gate open: a non-firing draw is respected', false, [loan('alpha')], ['sure']],
  ])('%s', (_name, hit, orders, fired) => {
    const r = resolve(drawn(hit), { north: orders });
    expect(r.report.events.map((e) => e.id)).toEqual(fired);
    // The report lists each draw it used (conditions holding), said to be drawn at the start of the turn.
    const used = r.report.rolls.filter((x) => x.what.startsWith('Event: '));
    expect(used.every((x) => x.hit === hit && x.what.endsWith('(drawn at the start of the turn)'))).toBe(true);
    expect(used.length).toBe(orders.length > 0 ? 3 : 2);
  });

  it('a game starts the same from the same seed, and differently from another', () => {
    const a = newGame(sc, 'x');
    const b = newGame(sc, 'x');
    if (!a.ok || !b.ok) throw new Error('no game');
    expect(a.value.eventDraws).toEqual(b.value.eventDraws);
    const draws = ['s1', 's2', 's3', 's4'].map((seed) => JSON.stringify(start(sc, undefined, seed).eventDraws));
    expect(new Set(draws).size).toBeGreaterThan(1);
  });
});
