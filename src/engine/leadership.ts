// Who leads a country, and by how much: the measure behind scoring, balancing and
// the "dominant patron" modifiers.
import type { CountryState, StateLike } from './state';
import type { Scenario } from './schema';
import { indexScenario } from './scenarioIndex';
import { own } from './records';

export interface Standing {
  leader: string | null;
  runnerUp: string | null;
  /** Leader's influence minus the runner-up's (0 when tied). */
  lead: number;
}

export function standing(powerIds: readonly string[], c: CountryState): Standing {
  let leader: string | null = null;
  let runnerUp: string | null = null;
  let best = -1;
  let second = -1;
  for (const p of powerIds) {
    const v = c.influence[p] ?? 0;
    if (v > best) {
      runnerUp = leader;
      second = best;
      leader = p;
      best = v;
    } else if (v > second) {
      runnerUp = p;
      second = v;
    }
  }
  if (best === second) return { leader: null, runnerUp: null, lead: 0 };
  return { leader, runnerUp, lead: best - Math.max(second, 0) };
}

/** The power that leads `c` by at least `margin`, or null. */
export function leaderBy(powerIds: readonly string[], c: CountryState, margin: number): string | null {
  const s = standing(powerIds, c);
  return s.leader !== null && s.lead >= margin ? s.leader : null;
}

/**
 * The lead a power needs to control a country: the scenario's `victory.leadMargin`,
 * raised by a tenth of the country's sovereignty above 50 and lowered below it (at least 1).
 * Proud, sovereignty-minded governments take more winning over, so countries differ.
 */
export function controlMargin(scenario: Scenario, country: string): number {
  const def = indexScenario(scenario).contested.get(country);
  const base = scenario.victory.leadMargin;
  return def ? Math.max(1, base + Math.trunc((def.sovereignty - 50) / 10)) : base;
}

/** The power that controls `country` now (leads by its control margin), or null. */
export function controller(scenario: Scenario, state: Pick<StateLike, 'countries'>, country: string): string | null {
  const c = own(state.countries, country);
  return c ? leaderBy(indexScenario(scenario).powerIds, c, controlMargin(scenario, country)) : null;
}
