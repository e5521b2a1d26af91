// Diplomacy: a state visit or summit flatters a sovereignty-minded government and
// needs no prior ties; its effect is small but reliable.
import type { Factor, FactorInput } from './factor';

export function diplomacyFactors({ ix, country }: FactorInput): Factor[] {
  const def = ix.contested.get(country);
  if (!def) return [];
  return [{ reason: 'courted-as-equal', value: def.sovereignty, pct: Math.trunc(def.sovereignty / 10) }];
}
