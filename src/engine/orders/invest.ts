// Invest: money lands best in a stable country already tied to the investor's economy.
import type { Factor, FactorInput } from './factor';

export function investFactors({ state, power, country }: FactorInput): Factor[] {
  const c = state.countries[country];
  if (!c) return [];
  const ties = c.dependence.economic[power] ?? 0;
  return [
    { reason: 'stability-invest', value: c.stability, pct: Math.trunc((c.stability - 50) / 2) },
    { reason: 'economic-ties', value: ties, pct: Math.trunc(ties / 4) },
  ];
}
