// How a country receives an order: every kind of action's base influence is scaled
// by factors (in percent points) that come from the country itself. The factors are
// shown to the player in the preview, so a human can predict what an order will do.
import type { ActionKind } from '../schema';
import type { StateLike } from '../state';
import type { ScenarioIndex } from '../scenarioIndex';
import { standing } from '../leadership';
import { investFactors } from './invest';
import { securityDealFactors } from './securityDeal';
import { diplomacyFactors } from './diplomacy';
import { specialFactors } from './special';
import type { Factor, FactorInput } from './factor';

const half = (n: number): number => Math.trunc(n / 2);
const quarter = (n: number): number => Math.trunc(n / 4);

/** The patron rule: a country resents a dominant patron and courts a counterweight. */
function patronFactors({ ix, state, power, country }: FactorInput): Factor[] {
  const c = state.countries[country];
  const def = ix.contested.get(country);
  if (!c || !def) return [];
  const s = standing(ix.powerIds, c);
  const margin = ix.scenario.rules.balancingMargin;
  if (s.leader === power && s.lead > margin) return [{ reason: 'resents-dominance', value: def.sovereignty, pct: -half(def.sovereignty) }];
  if (s.leader !== null && s.leader !== power && s.lead > margin) return [{ reason: 'courts-counterweight', value: def.sovereignty, pct: quarter(def.sovereignty) }];
  return [];
}

function kindFactors(kind: ActionKind, input: FactorInput): Factor[] {
  switch (kind) {
    case 'invest':
      return investFactors(input);
    case 'security-deal':
      return securityDealFactors(input);
    case 'diplomacy':
      return diplomacyFactors(input);
    case 'special':
      return specialFactors(input);
    default: {
      const never: never = kind;
      throw new Error(`unhandled action kind ${String(never)}`);
    }
  }
}

export function orderFactors(ix: ScenarioIndex, state: StateLike, power: string, kind: ActionKind, country: string): Factor[] {
  const input: FactorInput = { ix, state, power, country };
  const factors = kindFactors(kind, input);
  for (const f of patronFactors(input)) factors.push(f);
  return factors;
}

export const MIN_PCT = 25;
export const MAX_PCT = 200;

/** Influence an action gains: base × (100 + Σ factors)% (clamped to 25–200%), rounded toward zero. */
export function scaledGain(base: number, factors: readonly Factor[]): { gain: number; pct: number } {
  let raw = 100;
  for (const f of factors) raw += f.pct;
  const pct = Math.min(MAX_PCT, Math.max(MIN_PCT, raw));
  return { gain: Math.trunc((base * pct) / 100), pct };
}
