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
import type { RepublicChoice } from '../republics';
import { STANCE_PCT } from '../republics';

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

/** How the republic's stance this turn (republics.ts) colours an order. */
function stanceFactors({ ix, state, power, country }: FactorInput, kind: ActionKind, choice: RepublicChoice | undefined): Factor[] {
  if (!choice) return [];
  switch (choice.kind) {
    case 'lean':
      return [choice.power === power ? { reason: 'leans-to-you', value: 0, pct: STANCE_PCT } : { reason: 'leans-to-rival', value: 0, pct: -STANCE_PCT }];
    case 'hedge': {
      const c = state.countries[country];
      const s = c ? standing(ix.powerIds, c) : null;
      if (!s || s.leader === null) return [];
      if (s.leader === power) return [{ reason: 'hedges-against-leader', value: s.lead, pct: -STANCE_PCT }];
      return s.runnerUp === power ? [{ reason: 'hedges-toward-runner-up', value: s.lead, pct: STANCE_PCT }] : [];
    }
    case 'crackdown':
      if (kind === 'security-deal') return [{ reason: 'crackdown-favours-security', value: 0, pct: STANCE_PCT }];
      if (kind === 'invest') return [{ reason: 'crackdown-deters-investors', value: 0, pct: -STANCE_PCT }];
      return [];
    default: {
      const never: never = choice;
      return never;
    }
  }
}

export function orderFactors(ix: ScenarioIndex, state: StateLike, power: string, kind: ActionKind, country: string, choice?: RepublicChoice): Factor[] {
  const input: FactorInput = { ix, state, power, country };
  const factors = kindFactors(kind, input);
  for (const f of patronFactors(input)) factors.push(f);
  for (const f of stanceFactors(input, kind, choice)) factors.push(f);
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
