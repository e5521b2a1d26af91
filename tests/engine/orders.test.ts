// Illegal orders are rejected with a reason a player understands; legal ones are listed with their cost.
import { describe, expect, it } from 'vitest';
import { legalOrders, resolveTurn, validateOrders } from '../../src/engine';
import { mini } from '../fixtures/mini';
import { start, turn } from './helpers';

const s = mini();

describe('validating a power’s orders', () => {
  const table: { name: string; power?: string; orders: unknown; reason: RegExp }[] = [
    { name: 'an unknown action', orders: [{ type: 'invest', action: 'bribe', country: 'alpha' }], reason: /no action "bribe"/ },
    { name: 'an action of another kind', orders: [{ type: 'invest', action: 'visit', country: 'alpha' }], reason: /"Visit" is a diplomacy order, not invest/ },
    { name: 'an action the power may not give', power: 'south', orders: [{ type: 'security-deal', action: 'guard', country: 'alpha' }], reason: /South cannot order "Guard"/ },
    { name: 'a country that is not contested', orders: [{ type: 'diplomacy', action: 'visit', country: 'northland' }], reason: /"northland" is not a contested country/ },
    { name: 'a missing membership', orders: [{ type: 'security-deal', action: 'guard', country: 'beta' }], reason: /Beta is not a member of The Pact/ },
    { name: 'more than the budget', orders: [{ type: 'invest', action: 'loan', country: 'alpha' }, { type: 'invest', action: 'loan', country: 'beta' }, { type: 'diplomacy', action: 'visit', country: 'alpha' }, { type: 'project', project: 'rail' }], reason: /at most 3 orders a turn/ },
    { name: 'the budget running out', orders: [{ type: 'project', project: 'rail' }, { type: 'invest', action: 'loan', country: 'beta' }, { type: 'invest', action: 'loan', country: 'alpha' }], reason: /costs 4 but only 0 of 10 budget is left/ },
    { name: 'the same order twice', orders: [{ type: 'diplomacy', action: 'visit', country: 'alpha' }, { type: 'diplomacy', action: 'visit', country: 'alpha' }], reason: /the same order twice/ },
    { name: 'something that is not an order', orders: [{ type: 'invade', country: 'alpha' }], reason: /not an order/ },
    { name: 'not a list', orders: { type: 'diplomacy' }, reason: /orders must be a list/ },
    { name: 'an unknown project', orders: [{ type: 'project', project: 'canal' }], reason: /no project "canal"/ },
  ];
  it.each(table)('rejects $name', ({ power, orders, reason }) => {
    const r = validateOrders(s, start(s), power ?? 'north', orders);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.map((x) => x.reason).join(' | ')).toMatch(reason);
  });

  it('rejects a project that is already being built', () => {
    const st = turn(s, start(s), { north: [{ type: 'project', project: 'rail' }] }).state;
    const r = validateOrders(s, st, 'south', [{ type: 'project', project: 'rail' }]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error[0]?.reason).toMatch(/already being built/);
  });

  it('accepts a legal set and resolveTurn refuses an illegal one without changing anything', () => {
    const st = start(s);
    expect(validateOrders(s, st, 'north', [{ type: 'diplomacy', action: 'visit', country: 'alpha' }]).ok).toBe(true);
    const before = JSON.stringify(st);
    const r = resolveTurn(s, st, { north: [{ type: 'diplomacy', action: 'visit', country: 'mars' }] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ kind: 'illegal-orders', power: 'north' });
    expect(JSON.stringify(st)).toBe(before);
    expect(resolveTurn(s, st, { east: [] })).toMatchObject({ ok: false, error: { kind: 'unknown-power' } });
  });

  it('lists every affordable legal order with its cost, and only those', () => {
    const list = legalOrders(s, start(s, (x) => { x.powers.north!.budget = 3; }), 'north');
    expect(list.map((o) => `${o.label}:${o.cost}`)).toEqual(['Visit — Alpha:2', 'Visit — Beta:2', 'Guard — Alpha:3']);
  });
});
