// Phase 3, risks: each order whose action carries a risk rolls once, in power order.
import type { TurnContext } from '../ledger';
import { applyEffects } from '../effects';
import { riskChance } from '../orders/special';
import { orderLabel } from '../orders';
import { powerName } from '../scenarioIndex';

export function risks(ctx: TurnContext): void {
  for (const power of ctx.ix.powerIds) {
    for (const order of ctx.orders[power] ?? []) {
      if (order.type === 'project') continue;
      const action = ctx.ix.action.get(order.action);
      if (!action?.risk) continue;
      const chancePct = riskChance(action, ctx.state, power);
      const { hit, drawn } = ctx.rng.roll(chancePct);
      ctx.report.rolls.push({ what: `${powerName(ctx.ix, power)}: ${orderLabel(ctx.ix, order)} — ${action.risk.description}`, chancePct, drawn, hit });
      if (hit) applyEffects(ctx, action.risk.effects, { self: power, target: order.country }, { kind: 'risk', power, order, text: `${powerName(ctx.ix, power)}: ${action.risk.description}` });
    }
  }
}
