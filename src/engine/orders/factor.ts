import type { StateLike } from '../state';
import type { ScenarioIndex } from '../scenarioIndex';

/** Why an order lands harder or softer. Data, not text: `describeFactor` words it. */
export type FactorReason =
  | 'stability-invest' // stable countries reward investment
  | 'economic-ties'
  | 'stability-security' // insecure countries value protection
  | 'security-ties'
  | 'wary-of-forces'
  | 'courted-as-equal'
  | 'resents-dominance'
  | 'courts-counterweight'
  | 'leans-to-you' // the republic's stance this turn (republics.ts)
  | 'leans-to-rival'
  | 'hedges-against-leader'
  | 'hedges-toward-runner-up'
  | 'crackdown-favours-security'
  | 'crackdown-deters-investors';

/** One reason an order lands harder or softer: percent points, and the value behind it (a stability, a dependence…). */
export interface Factor {
  reason: FactorReason;
  value: number;
  pct: number;
}

export interface FactorInput {
  ix: ScenarioIndex;
  state: StateLike;
  power: string;
  country: string;
}

export function describeFactor(f: Factor): string {
  switch (f.reason) {
    case 'stability-invest':
      return f.value >= 50 ? `stable country (stability ${f.value})` : `instability scares investors (stability ${f.value})`;
    case 'economic-ties':
      return `existing economic ties (dependence ${f.value})`;
    case 'stability-security':
      return f.value < 50 ? `insecurity makes protection valued (stability ${f.value})` : `a secure country needs less protection (stability ${f.value})`;
    case 'security-ties':
      return `existing security ties (dependence ${f.value})`;
    case 'wary-of-forces':
      return `wary of foreign forces (sovereignty ${f.value})`;
    case 'courted-as-equal':
      return `values being courted as an equal (sovereignty ${f.value})`;
    case 'resents-dominance':
      return `resents a dominant patron (sovereignty ${f.value})`;
    case 'courts-counterweight':
      return `courts a counterweight to its dominant patron (sovereignty ${f.value})`;
    case 'leans-to-you':
      return 'the republic leans to you this turn';
    case 'leans-to-rival':
      return 'the republic leans to a rival this turn';
    case 'hedges-against-leader':
      return 'the republic plays its patrons off each other, against you as the leader';
    case 'hedges-toward-runner-up':
      return 'the republic plays its patrons off each other, toward you as the runner-up';
    case 'crackdown-favours-security':
      return 'a crackdown puts security first';
    case 'crackdown-deters-investors':
      return 'a crackdown deters investors';
    default: {
      const never: never = f.reason;
      return String(never);
    }
  }
}
