// Phase 6, the republics respond by their own interests, country by country:
//  1. ties: dependence pulls influence toward a patron every turn;
//  2. neglect: a patron that gave no order touching the country this turn loses a little;
//  3. balancing: a country led by more than the balancing margin leans to the runner-up,
//     the harder the more it values its sovereignty;
//  4. stability drifts one point back toward where the scenario started it.
import type { TurnContext } from '../ledger';
import { changeInfluence, changeStability } from '../ledger';
import { standing } from '../leadership';
import { countryName, powerName } from '../scenarioIndex';

function touchedCountries(ctx: TurnContext, power: string): Set<string> {
  const out = new Set<string>();
  for (const o of ctx.orders[power] ?? []) {
    if (o.type === 'project') for (const c of ctx.ix.routeCountries.get(o.project) ?? []) out.add(c);
    else out.add(o.country);
  }
  return out;
}

export function response(ctx: TurnContext): void {
  const { rules } = ctx.ix.scenario;
  const touched = new Map(ctx.ix.powerIds.map((p) => [p, touchedCountries(ctx, p)]));
  for (const id of ctx.ix.contestedIds) {
    const c = ctx.state.countries[id];
    const def = ctx.ix.contested.get(id);
    if (!c || !def) continue;
    const name = countryName(ctx.ix, id);
    for (const p of ctx.ix.powerIds) {
      const ties = Math.trunc(((c.dependence.economic[p] ?? 0) + (c.dependence.security[p] ?? 0)) / rules.tiesDivisor);
      if (ties > 0) changeInfluence(ctx, id, p, ties, { kind: 'rule', rule: 'ties', text: `${name}'s economic and security dependence on ${powerName(ctx.ix, p)}` });
    }
    if (rules.neglect > 0) {
      for (const p of ctx.ix.powerIds) {
        if (!touched.get(p)?.has(id)) changeInfluence(ctx, id, p, -rules.neglect, { kind: 'rule', rule: 'neglect', text: `${powerName(ctx.ix, p)} gave no order touching ${name} this turn` });
      }
    }
    const s = standing(ctx.ix.powerIds, c);
    if (s.leader !== null && s.runnerUp !== null && s.lead > rules.balancingMargin) {
      const loss = Math.max(1, Math.trunc(((s.lead - rules.balancingMargin) * def.sovereignty) / 200));
      const cause = { kind: 'rule' as const, rule: 'balancing' as const, text: `${name} diversifies away from ${powerName(ctx.ix, s.leader)}, which leads by ${s.lead}` };
      changeInfluence(ctx, id, s.leader, -loss, cause);
      changeInfluence(ctx, id, s.runnerUp, Math.max(1, Math.trunc(loss / 2)), cause);
    }
    const drift = Math.sign(def.stability - c.stability);
    if (drift !== 0) changeStability(ctx, id, drift, { kind: 'rule', rule: 'stability-drift', text: `${name} settles back toward its usual stability (${def.stability})` });
  }
}
