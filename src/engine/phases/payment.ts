// Phase 1, payment: every accepted order's cost leaves its power's budget.
import type { TurnContext } from '../ledger';
import { changeBudget } from '../ledger';
import { checkOrder, orderCause } from '../orders';

export function payment(ctx: TurnContext): void {
  for (const power of ctx.ix.powerIds) {
    for (const order of ctx.orders[power] ?? []) {
      const cost = checkOrder(ctx.ix, ctx.state, power, order);
      if (cost.ok) changeBudget(ctx, power, -cost.value, orderCause(ctx.ix, power, order));
    }
  }
}
