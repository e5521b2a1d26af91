// The guided first turn's steps (issue 11, "a first game that teaches itself"), as data and
// one pure function: from how far the player has read (Next) and what the game shows now
// (a country selected, orders queued, a turn played since the guide began) to the step to
// show. No DOM, no store: guide.tsx reads the store and draws the step; tests/ui/guideSteps
// checks the table.

export type GuideStepId = 'win' | 'select' | 'queue' | 'preview' | 'end' | 'summary' | 'later';

export interface GuideStep {
  id: GuideStepId;
  heading: string;
  /** Whether a Next button moves past it (End turn is done only by ending the turn). */
  next: boolean;
}

export const GUIDE_STEPS: readonly GuideStep[] = [
  { id: 'win', heading: 'What wins', next: true },
  { id: 'select', heading: 'Choose a country', next: true },
  { id: 'queue', heading: 'Queue an order', next: true },
  { id: 'preview', heading: 'Your turn, played ahead', next: true },
  { id: 'end', heading: 'End the turn', next: false },
  { id: 'summary', heading: 'What moved, and why', next: true },
  { id: 'later', heading: 'Later', next: true },
];

/** What the game shows now, as far as the guide cares. */
export interface GuideFacts {
  /** A country is selected (its panel is open). */
  selected: boolean;
  /** Orders the player has queued this turn. */
  queued: number;
  /** A turn has been played since the guide began. */
  turnPlayed: boolean;
}

const SUMMARY = GUIDE_STEPS.findIndex((s) => s.id === 'summary');

/** Whether the player has done what step `id` asks, by the game alone. */
function doneByPlay(id: GuideStepId, f: GuideFacts): boolean {
  switch (id) {
    case 'select':
      return f.selected || f.queued > 0;
    case 'queue':
      return f.queued > 0;
    case 'win':
    case 'preview':
    case 'summary':
    case 'later':
    case 'end':
      return false;
  }
}

/**
 * The step to show (an index of GUIDE_STEPS; GUIDE_STEPS.length when the guide is through).
 * `seen` is how many steps the player has moved past with Next. A step is done when it is
 * among those, when the player has done what it asks (selected a country, queued an order:
 * undoing every order brings the queue step back), or, for every step before the turn
 * summary, when a turn has been played since the guide began.
 */
export function guideStep(seen: number, f: GuideFacts): number {
  for (let i = 0; i < GUIDE_STEPS.length; i++) {
    const step = GUIDE_STEPS[i];
    if (!step) break;
    const done = i < seen || doneByPlay(step.id, f) || (f.turnPlayed && i < SUMMARY);
    if (!done) return i;
  }
  return GUIDE_STEPS.length;
}

/** How far the player has read after pressing Next on step `at`. */
export const seenAfterNext = (seen: number, at: number): number => Math.max(seen, at + 1);
