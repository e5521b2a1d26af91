// The quick computer games `validate` plays: a scenario that the rule-of-thumb player
// never wins on any seed gets a warning that says what was played; one that it wins
// gets none.
import { describe, expect, it } from 'vitest';
import { drawCheck } from '../../src/ai/drawCheck';
import { mini } from '../fixtures/mini';
import { loadShipped, SHIPPED } from '../engine/helpers';

/** Two powers alike in every way, in two countries alike for both: each turn both do the same, so the scores never part. */
const mirror = mini((x) => {
  x.powers.forEach((p) => (p.tracks = []));
  x.actions = (x.actions ?? []).filter((a) => a.id === 'visit');
  x.projects = [];
  for (const c of x.countries) if (c.role === 'contested') c.memberships = [];
  x.organisations = [];
});

describe('drawCheck', () => {
  it.each([
    { name: 'a mirror scenario: every game a draw', scenario: mirror, won: 0, warnings: ['victory: found no winner in 3 quick computer games (every power played by the rule-of-thumb player "greedy", seeds "validate-0" to "validate-2"): all were draws; expected a scenario some power can win: check that leads can reach the control margins, and that scores can part'] },
    { name: 'the fixture: games are won', scenario: mini(), won: 3, warnings: [] },
  ])('$name', ({ scenario, won, warnings }) => {
    const started = performance.now();
    const r = drawCheck(scenario);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(r.won).toBe(won);
    expect(r.warnings.map((w) => `${w.path}: found ${w.found}; expected ${w.expected}`)).toEqual(warnings);
  });

  it.each(SHIPPED)('shipped %s: some game has a winner', (id) => {
    expect(drawCheck(loadShipped(id)).warnings).toEqual([]);
  });
});
