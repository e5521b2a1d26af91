// Phase 6, the republics respond by their own interests, country by country:
//  0. the stance its player chose takes effect (leaning gives the favoured patron a
//     little influence, a crackdown raises stability; republics.ts);
//  1. ties: dependence pulls influence toward a patron every turn;
//  2. neglect: a patron that gave no order touching the country this turn loses a little
//     influence, and its economic and security ties there fade;
//  3. balancing: a country led by more than the balancing margin leans to the runner-up,
//     the harder the more it values its sovereignty;
//  4. stability drifts one point back toward where the scenario started it.
import type { Cause, TurnContext } from '../ledger';
import type { ScenarioIndex } from '../scenarioIndex';
import { changeDependence, changeInfluence, changeStability } from '../ledger';
import { standing } from '../leadership';
import { countryName, powerName } from '../scenarioIndex';
import { own } from '../records';
import { CRACKDOWN_STABILITY, LEAN_GAIN } from '../republics';

function touchedCountries(ctx: TurnContext, power: string): Set<string> {
  const out = new Set<string>();
  for (const o of ctx.orders[power] ?? []) {
    if (o.type === 'project') for (const c of ctx.ix.routeCountries.get(o.project) ?? []) out.add(c);
    else out.add(o.country);
  }
  return out;
}

// The causes of the every-turn rules, built once per scenario, country and power: the
// response runs every turn of every game the computer players imagine.
type RuleCauses = { ties: Cause; neglect: Cause; fades: Record<'economic' | 'security', Cause> };
const causeCache = new WeakMap<ScenarioIndex, Map<string, Map<string, RuleCauses>>>();

function ruleCauses(ix: ScenarioIndex, id: string, p: string): RuleCauses {
  let byCountry = causeCache.get(ix);
  if (!byCountry) causeCache.set(ix, (byCountry = new Map()));
  let byPower = byCountry.get(id);
  if (!byPower) byCountry.set(id, (byPower = new Map()));
  let causes = byPower.get(p);
  if (!causes) {
    const name = countryName(ix, id);
    const power = powerName(ix, p);
    const fade = (axis: string): Cause => ({ kind: 'rule', rule: 'dependence-fades', text: `${power} left its ${axis} ties with ${name} untended this turn` });
    causes = {
      ties: { kind: 'rule', rule: 'ties', text: `${name}'s economic and security dependence on ${power}` },
      neglect: { kind: 'rule', rule: 'neglect', text: `${power} gave no order touching ${name} this turn` },
      fades: { economic: fade('economic'), security: fade('security') },
    };
    byPower.set(p, causes);
  }
  return causes;
}

export function response(ctx: TurnContext): void {
  const { rules } = ctx.ix.scenario;
  const touched = new Map(ctx.ix.powerIds.map((p) => [p, touchedCountries(ctx, p)]));
  for (const id of ctx.ix.contestedIds) {
    const c = ctx.state.countries[id];
    const def = ctx.ix.contested.get(id);
    if (!c || !def) continue;
    const name = countryName(ctx.ix, id);
    const choice = own(ctx.republics, id);
    if (choice?.kind === 'lean') changeInfluence(ctx, id, choice.power, LEAN_GAIN, { kind: 'rule', rule: 'republic', text: `${name} leans to ${powerName(ctx.ix, choice.power)} this turn` });
    if (choice?.kind === 'crackdown') changeStability(ctx, id, CRACKDOWN_STABILITY, { kind: 'rule', rule: 'republic', text: `${name} cracks down and puts order first` });
    for (const p of ctx.ix.powerIds) {
      const ties = Math.trunc(((c.dependence.economic[p] ?? 0) + (c.dependence.security[p] ?? 0)) / rules.tiesDivisor);
      if (ties > 0) changeInfluence(ctx, id, p, ties, ruleCauses(ctx.ix, id, p).ties);
    }
    for (const p of ctx.ix.powerIds) {
      if (touched.get(p)?.has(id)) continue;
      if (rules.neglect > 0) changeInfluence(ctx, id, p, -rules.neglect, ruleCauses(ctx.ix, id, p).neglect);
      // Ties fade when a patron stops tending them, so no dependence is a permanent lock.
      for (const axis of ['economic', 'security'] as const) {
        if ((c.dependence[axis][p] ?? 0) > 0 && rules.dependenceFades > 0) changeDependence(ctx, axis, id, p, -rules.dependenceFades, ruleCauses(ctx.ix, id, p).fades[axis]);
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
