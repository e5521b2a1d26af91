// Phase 2, orders: all orders resolve simultaneously. A project two powers both
// bid for goes to the one with more influence along its route (a seeded draw breaks
// a tie; the loser is refunded). Influence gains are computed against the state
// before any order lands, then applied in the scenario's power order.
import type { TurnContext } from '../ledger';
import { changeBudget } from '../ledger';
import type { ActionOrder, Order, ProjectOrder } from '../order';
import { actionGain, applyActionOrder, startProject } from '../orders';
import { powerName } from '../scenarioIndex';

function awardContracts(ctx: TurnContext): void {
  const bids = new Map<string, string[]>();
  for (const power of ctx.ix.powerIds) {
    for (const o of ctx.orders[power] ?? []) if (o.type === 'project') bids.set(o.project, [...(bids.get(o.project) ?? []), power]);
  }
  for (const [project, bidders] of bids) {
    if (bidders.length < 2) continue;
    const route = ctx.ix.routeCountries.get(project) ?? [];
    const weight = (p: string): number => route.reduce((sum, c) => sum + (ctx.state.countries[c]?.influence[p] ?? 0), 0);
    const best = Math.max(...bidders.map(weight));
    const top = bidders.filter((p) => weight(p) === best);
    const winner = top.length === 1 ? (top[0] as string) : (top[ctx.rng.int(top.length)] as string);
    const def = ctx.ix.project.get(project);
    for (const loser of bidders) {
      if (loser === winner) continue;
      ctx.orders[loser] = (ctx.orders[loser] ?? []).filter((o) => !(o.type === 'project' && o.project === project));
      changeBudget(ctx, loser, def?.cost ?? 0, {
        kind: 'rule',
        rule: 'contract-award',
        text: `${def?.name ?? project} went to ${powerName(ctx.ix, winner)}, who has more influence along the route; ${powerName(ctx.ix, loser)} is refunded`,
      });
    }
  }
}

export function orders(ctx: TurnContext): void {
  awardContracts(ctx);
  const planned: { power: string; order: Order; gain: number }[] = [];
  for (const power of ctx.ix.powerIds) {
    for (const order of ctx.orders[power] ?? []) {
      if (order.type === 'project') planned.push({ power, order, gain: 0 });
      else {
        const action = ctx.ix.action.get(order.action);
        if (action) planned.push({ power, order, gain: actionGain(ctx.ix, ctx.state, power, action, order.country).gain });
      }
    }
  }
  for (const p of planned) {
    if (p.order.type === 'project') startProject(ctx, p.power, p.order as ProjectOrder);
    else applyActionOrder(ctx, p.power, p.order as ActionOrder, p.gain);
  }
}
