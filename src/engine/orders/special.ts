// Special actions (e.g. routing sanctioned goods): their gain is not modified by the
// country; their price is the risk the scenario attaches, rolled when they resolve.
import type { Factor, FactorInput } from './factor';
import type { Action } from '../schema';
import type { StateLike } from '../state';

export function specialFactors(_input: FactorInput): Factor[] {
  return [];
}

/** Chance in percent that an action's risk strikes, for this power in this state. */
export function riskChance(action: Action, state: StateLike, power: string): number {
  const risk = action.risk;
  if (!risk) return 0;
  const bonus = risk.trackBonus ? (state.powers[power]?.tracks[risk.trackBonus.track] ?? 0) * risk.trackBonus.pctPerPoint : 0;
  return Math.min(100, risk.chancePct + bonus);
}
