// The search prices budget by its scarcity (evaluate's budgetPrice): a power that cannot
// spend what it has in its order slots chooses orders by what they do per slot, not per coin.
import { describe, expect, it } from 'vitest';
import { load } from './helpers';
import { start } from '../engine/helpers';
import { BUDGET_PRICE_FLOOR, budgetPrice } from '../../src/ai/evaluate';
import { greedyOrders } from '../../src/ai/greedy';
import { legalOrders, orderKey } from '../../src/engine';

describe('budget priced by scarcity', () => {
  const s = load('samarkand-2022');

  it('is full price for a power its slots could outspend, the floor for a hoard no slots can spend', () => {
    const poor = start(s, (st) => {
      const m = st.powers.moscow;
      if (m) Object.assign(m, { budget: 2, income: 1 });
    });
    expect(budgetPrice(s, poor, 'moscow')).toBe(1);
    const rich = start(s, (st) => {
      const b = st.powers.beijing;
      if (b) b.budget = 1000;
    });
    expect(budgetPrice(s, rich, 'beijing')).toBe(BUDGET_PRICE_FLOOR);
  });

  it('falls as the unspendable hoard grows', () => {
    const at = (budget: number): number =>
      budgetPrice(
        s,
        start(s, (st) => {
          const b = st.powers.beijing;
          if (b) b.budget = budget;
        }),
        'beijing',
      );
    expect(at(120)).toBeLessThan(at(20));
    expect(at(20)).toBeLessThanOrEqual(1);
  });

  it('a rich rule of thumb gives up cheap orders for stronger ones when budget is cheap', () => {
    const rich = start(s, (st) => {
      const b = st.powers.beijing;
      if (b) b.budget = 1000;
    });
    const legal = legalOrders(s, rich, 'beijing');
    const cost = (keys: string[]): number => keys.reduce((sum, k) => sum + (legal.find((o) => orderKey(o.order) === k)?.cost ?? 0), 0);
    const thrifty = greedyOrders(s, rich, 'beijing', { legal }).map(orderKey);
    const lavish = greedyOrders(s, rich, 'beijing', { legal, budgetPrice: BUDGET_PRICE_FLOOR }).map(orderKey);
    expect(lavish).not.toEqual(thrifty);
    expect(cost(lavish)).toBeGreaterThan(cost(thrifty));
  });
});
