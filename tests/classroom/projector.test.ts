// The projector's last turn: points scored in words with their unit, never a bare "+1" beside
// a country's holder, which read as the map's leader's margin ("Moscow +2"; issue 12's teacher playtest).
import { describe, expect, it } from 'vitest';
import type { CountrySummary, TurnSummary } from '../../src/engine';
import { holdsText, pointsLine } from '../../src/ui/classroom/projector';
import { loadShipped } from '../engine/helpers';

const scenario = loadShipped('classroom-short');
const [BEIJING, MOSCOW] = scenario.powers.map((p) => p.id) as [string, string];

const country = (name: string, leader: string | null, scored: CountrySummary['scored'], controller: string | null = null): CountrySummary => ({ country: name.toLowerCase(), name, influence: [], unchanged: [], controller, leader, stance: null, scored });
const power = (id: string, from: number, to: number): TurnSummary['powers'][number] => ({ power: id, points: { power: id, from, to }, budget: { power: id, from: 0, to: 0 } });

describe("the projector's last turn", () => {
  it("says each power's points this turn with their unit, one or many", () => {
    expect(pointsLine(scenario, { powers: [power(BEIJING, 0, 1), power(MOSCOW, 2, 5)] })).toBe('Beijing +1 point · Moscow +3 points');
    expect(pointsLine(scenario, { powers: [power(BEIJING, 4, 4), power(MOSCOW, 3, 2)] })).toBe('Beijing +0 points · Moscow −1 point');
  });

  it.each([
    { c: country('Kazakhstan', MOSCOW, [{ power: MOSCOW, points: 1 }]), holds: 'Moscow leads' },
    { c: country('Kazakhstan', BEIJING, [{ power: BEIJING, points: 2 }], BEIJING), holds: 'Beijing controls' },
    { c: country('Kazakhstan', null, []), holds: 'nobody' },
  ])('the Holds cell names the holder, and no bare points: $holds', ({ c, holds }) => {
    expect(holdsText(scenario, c)).toBe(holds);
  });
});
