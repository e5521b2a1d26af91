// The search player's budget, counted in work rather than time: a clock would make its
// choices depend on the machine (and replays and balance runs would differ), while a
// count of the work done is the same everywhere. One unit is about one order's
// estimate with no effects (an order's effects add to its weight); resolving a turn is
// charged by the scenario's size. The limits are set so
// that shipped scenarios never reach them (the strengths play as designed there) while a
// scenario at the format's limits (tests/fixtures/hostile/maxima.ts: 2,000 orders to
// weigh a turn) still gets an answer in about a second (issue 8, D17).
import type { Scenario } from '../engine';

const weights = new WeakMap<Scenario, number>();

/** What weighing one order costs, in units: more for scenarios whose orders and projects do many things. */
export function orderWeight(scenario: Scenario): number {
  let w = weights.get(scenario);
  if (w === undefined) {
    const counts = [...scenario.actions.map((a) => a.effects.length + (a.risk?.effects.length ?? 0)), ...scenario.projects.map((p) => p.onComplete.length + p.perTurn.length)];
    w = 1 + counts.reduce((a, b) => a + b, 0) / Math.max(1, counts.length) / 4;
    weights.set(scenario, w);
  }
  return w;
}

export interface Work {
  spent: number;
  readonly limit: number;
}

export const work = (limit: number): Work => ({ spent: 0, limit });

export function charge(w: Work | undefined, units: number): void {
  if (w) w.spent += units;
}

/** Whether `units` more would go past the limit. */
export const wouldExceed = (w: Work, units: number): boolean => w.spent + units > w.limit;

/** What resolving one turn costs, in units: every country for every power, every event and project. */
export const turnCost = (scenario: Scenario): number => scenario.countries.length * scenario.powers.length + scenario.events.length * 2 + scenario.projects.length;
