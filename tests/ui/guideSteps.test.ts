// The guided first turn's step logic (src/ui/guideSteps.ts): which step shows for how far the
// player has read and what the game shows.
import { describe, expect, it } from 'vitest';
import type { GuideFacts, GuideStepId } from '../../src/ui/guideSteps';
import { GUIDE_STEPS, guideStep, seenAfterNext } from '../../src/ui/guideSteps';

const fresh: GuideFacts = { selected: false, queued: 0, turnPlayed: false };
const id = (i: number): GuideStepId | 'through' => GUIDE_STEPS[i]?.id ?? 'through';

describe('guideStep', () => {
  const table: [string, number, Partial<GuideFacts>, GuideStepId | 'through'][] = [
    ['a new guide starts with what wins', 0, {}, 'win'],
    ['what wins waits for Next even when the player has gone ahead', 0, { selected: true, queued: 2 }, 'win'],
    ['after Next: choose a country', 1, {}, 'select'],
    ['a country selected: queue an order', 1, { selected: true }, 'queue'],
    ['an order queued: the preview of the turn', 1, { selected: true, queued: 1 }, 'preview'],
    ['queued without a selection still counts', 1, { queued: 1 }, 'preview'],
    ['every order undone: back to queueing', 1, { selected: true, queued: 0 }, 'queue'],
    ['Next past choosing a country', 2, {}, 'queue'],
    ['Next past queueing', 3, {}, 'preview'],
    ['Next past the preview: End turn', 4, { selected: true, queued: 1 }, 'end'],
    ['End turn has no Next: seen past it still shows it until a turn is played', 4, {}, 'end'],
    ['a turn played: the summary', 4, { turnPlayed: true }, 'summary'],
    ['a turn played before reading anything: straight to the summary', 0, { turnPlayed: true }, 'summary'],
    ['Next past the summary: where to look later', 6, { turnPlayed: true }, 'later'],
    ['Next past the last step: through', 7, { turnPlayed: true }, 'through'],
    ['more seen than there are steps: through', 99, {}, 'through'],
  ];
  it.each(table)('%s', (_what, seen, facts, expected) => {
    expect(id(guideStep(seen, { ...fresh, ...facts }))).toBe(expected);
  });

  it('Next moves one past the step shown and never back', () => {
    expect(seenAfterNext(0, 0)).toBe(1);
    expect(seenAfterNext(1, 3)).toBe(4);
    expect(seenAfterNext(5, 2)).toBe(5);
  });

  it('every step but End turn has a Next; about 5-7 steps, ids unique', () => {
    expect(GUIDE_STEPS.filter((s) => !s.next).map((s) => s.id)).toEqual(['end']);
    expect(GUIDE_STEPS.length).toBeGreaterThanOrEqual(5);
    expect(GUIDE_STEPS.length).toBeLessThanOrEqual(7);
    expect(new Set(GUIDE_STEPS.map((s) => s.id)).size).toBe(GUIDE_STEPS.length);
  });
});
