// Invest: money lands best in a stable country already tied to the investor's economy.
import type { Factor, FactorInput } from './factor';

export function investFactors({ state, power, country }: FactorInput): Factor[] {
  const c = state.countries[country];
  if (!c) return [];
  return [
    { label: c.stability >= 50 ? `stable country (stability ${c.stability})` : `unstable country scares investors (stability ${c.stability})`, pct: Math.trunc((c.stability - 50) / 2) },
    { label: `existing economic ties (dependence ${c.dependence.economic[power] ?? 0})`, pct: Math.trunc((c.dependence.economic[power] ?? 0) / 4) },
  ];
}
