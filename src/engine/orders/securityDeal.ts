// Security deal: protection is valued where the state feels insecure and where the
// patron's forces are already trusted; a sovereignty-minded country is wary of it.
import type { Factor, FactorInput } from './factor';

export function securityDealFactors({ ix, state, power, country }: FactorInput): Factor[] {
  const c = state.countries[country];
  const def = ix.contested.get(country);
  if (!c || !def) return [];
  const ties = c.dependence.security[power] ?? 0;
  return [
    { reason: 'stability-security', value: c.stability, pct: Math.trunc((50 - c.stability) / 2) },
    { reason: 'security-ties', value: ties, pct: Math.trunc(ties / 4) },
    { reason: 'wary-of-forces', value: def.sovereignty, pct: -Math.trunc(def.sovereignty / 4) },
  ];
}
