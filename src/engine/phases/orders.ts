// Phase 2, orders: all orders resolve simultaneously. A project two powers both
// order is a tender: the higher offer (cost + sealed bid) wins, so a richer power can
// outbid; equal offers go to the one with more influence along the route, then to a
// seeded draw; the loser gets back everything it offered. Influence gains are computed against the state
// before any order lands, then applied in the scenario's power order.
import type { TurnContext } from '../ledger';
import { changeBudget } from '../ledger';
import type { ActionOrder, Order, ProjectOrder } from '../order';
import { actionGain, applyActionOrder, orderCost, startProject } from '../orders';
import { powerName } from '../scenarioIndex';
import { own } from '../records';

function awardContracts(ctx: TurnContext): void {
  const bids = new Map<string, { power: string; offer: number }[]>();
  for (const power of ctx.ix.powerIds) {
    for (const o of ctx.orders[power] ?? []) if (o.type === 'project') bids.set(o.project, [...(bids.get(o.project) ?? []), { power, offer: orderCost(ctx.ix, o) }]);
  }
  for (const [project, bidders] of bids) {
    if (bidders.length < 2) continue;
    const route = ctx.ix.routeCountries.get(project) ?? [];
    const weight = (p: string): number => route.reduce((sum, c) => sum + (ctx.state.countries[c]?.influence[p] ?? 0), 0);
    const topOffer = Math.max(...bidders.map((b) => b.offer));
    const byOffer = bidders.filter((b) => b.offer === topOffer);
    const topWeight = Math.max(...byOffer.map((b) => weight(b.power)));
    const top = byOffer.filter((b) => weight(b.power) === topWeight);
    const winner = (top.length === 1 ? top[0] : top[ctx.rng.int(top.length)]) as { power: string; offer: number };
    const why = byOffer.length === 1 ? `with the higher offer (${winner.offer})` : top.length === 1 ? `with an equal offer and more influence along the route` : 'by lot, offers and influence being equal';
    const def = ctx.ix.project.get(project);
    for (const loser of bidders) {
      if (loser.power === winner.power) continue;
      ctx.orders[loser.power] = (ctx.orders[loser.power] ?? []).filter((o) => !(o.type === 'project' && o.project === project));
      changeBudget(ctx, loser.power, loser.offer, {
        kind: 'rule',
        rule: 'contract-award',
        text: `${def?.name ?? project} went to ${powerName(ctx.ix, winner.power)} ${why}; ${powerName(ctx.ix, loser.power)} gets back its offer of ${loser.offer}`,
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
        if (action) planned.push({ power, order, gain: actionGain(ctx.ix, ctx.state, power, action, order.country, own(ctx.republics, order.country)).gain });
      }
    }
  }
  for (const p of planned) {
    if (p.order.type === 'project') startProject(ctx, p.power, p.order as ProjectOrder);
    else applyActionOrder(ctx, p.power, p.order as ActionOrder, p.gain);
  }
}
