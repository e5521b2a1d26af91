// Who leads a country, and by how much: the measure behind scoring, balancing and
// the "dominant patron" modifiers.
import type { CountryState } from './state';

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
