// Phase 1, payment: every accepted order's cost leaves its power's budget.
import type { TurnContext } from '../ledger';
import { changeBudget } from '../ledger';
import { orderCause, orderCost } from '../orders';

export function payment(ctx: TurnContext): void {
  for (const power of ctx.ix.powerIds) {
    for (const order of ctx.orders[power] ?? []) {
      changeBudget(ctx, power, -orderCost(ctx.ix, order), orderCause(ctx.ix, power, order));
    }
  }
}
