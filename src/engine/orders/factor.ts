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
  | 'courts-counterweight';

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
    default: {
      const never: never = f.reason;
      return String(never);
    }
  }
}
