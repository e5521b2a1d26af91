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
import type { Axis } from '../valueLabels';

const AXES: readonly Axis[] = ['economic', 'security'];

/** Whether one of `power`'s orders this turn touches `country` (names it, or builds through it). */
function touches(ctx: TurnContext, power: string, country: string): boolean {
  for (const o of ctx.orders[power] ?? []) {
    if (o.type === 'project' ? (ctx.ix.routeCountries.get(o.project) ?? []).includes(country) : o.country === country) return true;
  }
  return false;
}

// The causes of the every-turn rules, made once per scenario for each country and power:
// the response runs every turn of every game the computer players imagine.
interface PatronCauses {
  lean: Cause;
  ties: Cause;
  neglect: Cause;
  fades: Record<Axis, Cause>;
}
interface CountryCauses {
  name: string;
  crackdown: Cause;
  drift: Cause;
  /** By power. */
  patrons: Map<string, PatronCauses>;
}
const causeCache = new WeakMap<ScenarioIndex, Map<string, CountryCauses>>();

const leanCause = (name: string, power: string): Cause => ({ kind: 'rule', rule: 'republic', text: `${name} leans to ${power} this turn` });

function patronCauses(name: string, power: string): PatronCauses {
  const fade = (axis: Axis): Cause => ({ kind: 'rule', rule: 'dependence-fades', text: `${power} left its ${axis} ties with ${name} untended this turn` });
  return {
    lean: leanCause(name, power),
    ties: { kind: 'rule', rule: 'ties', text: `${name}'s economic and security dependence on ${power}` },
    neglect: { kind: 'rule', rule: 'neglect', text: `${power} gave no order touching ${name} this turn` },
    fades: { economic: fade('economic'), security: fade('security') },
  };
}

function causesIn(ix: ScenarioIndex): Map<string, CountryCauses> {
  let byCountry = causeCache.get(ix);
  if (byCountry) return byCountry;
  byCountry = new Map();
  for (const def of ix.contested.values()) {
    const name = countryName(ix, def.id);
    byCountry.set(def.id, {
      name,
      crackdown: { kind: 'rule', rule: 'republic', text: `${name} cracks down and puts order first` },
      drift: { kind: 'rule', rule: 'stability-drift', text: `${name} settles back toward its usual stability (${def.stability})` },
      patrons: new Map(ix.powerIds.map((p) => [p, patronCauses(name, powerName(ix, p))])),
    });
  }
  causeCache.set(ix, byCountry);
  return byCountry;
}

export function response(ctx: TurnContext): void {
  const { rules } = ctx.ix.scenario;
  const causes = causesIn(ctx.ix);
  for (const id of ctx.ix.contestedIds) {
    const c = ctx.state.countries[id];
    const def = ctx.ix.contested.get(id);
    const words = causes.get(id);
    if (!c || !def || !words) continue;
    const { name, patrons } = words;
    const choice = own(ctx.republics, id);
    if (choice?.kind === 'lean') changeInfluence(ctx, id, choice.power, LEAN_GAIN, patrons.get(choice.power)?.lean ?? leanCause(name, powerName(ctx.ix, choice.power)));
    if (choice?.kind === 'crackdown') changeStability(ctx, id, CRACKDOWN_STABILITY, words.crackdown);
    for (const p of ctx.ix.powerIds) {
      const ties = Math.trunc(((c.dependence.economic[p] ?? 0) + (c.dependence.security[p] ?? 0)) / rules.tiesDivisor);
      if (ties > 0) changeInfluence(ctx, id, p, ties, (patrons.get(p) as PatronCauses).ties);
    }
    for (const p of ctx.ix.powerIds) {
      if (touches(ctx, p, id)) continue;
      const patron = patrons.get(p) as PatronCauses;
      if (rules.neglect > 0) changeInfluence(ctx, id, p, -rules.neglect, patron.neglect);
      // Ties fade when a patron stops tending them, so no dependence is a permanent lock.
      for (const axis of AXES) {
        if ((c.dependence[axis][p] ?? 0) > 0 && rules.dependenceFades > 0) changeDependence(ctx, axis, id, p, -rules.dependenceFades, patron.fades[axis]);
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
    if (drift !== 0) changeStability(ctx, id, drift, words.drift);
  }
}
