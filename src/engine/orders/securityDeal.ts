// Security deal: protection is valued where the state feels insecure and where the
// patron's forces are already trusted; a sovereignty-minded country is wary of it.
import type { Factor, FactorInput } from './factor';

export function securityDealFactors({ ix, state, power, country }: FactorInput): Factor[] {
  const c = state.countries[country];
  const def = ix.contested.get(country);
  if (!c || !def) return [];
  return [
    { label: c.stability < 50 ? `insecurity makes protection valued (stability ${c.stability})` : `a secure country needs less protection (stability ${c.stability})`, pct: Math.trunc((50 - c.stability) / 2) },
    { label: `existing security ties (dependence ${c.dependence.security[power] ?? 0})`, pct: Math.trunc((c.dependence.security[power] ?? 0) / 4) },
    { label: `wary of foreign forces (sovereignty ${def.sovereignty})`, pct: -Math.trunc(def.sovereignty / 4) },
  ];
}
