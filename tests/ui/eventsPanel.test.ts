// The Events ahead card's line for this turn: the draw made as the turn opened, in words,
// never a percentage; whether it will fire is not claimed when a hidden value decides.
import { describe, expect, it } from 'vitest';
import type { ConditionOutlook, EventOutlook } from '../../src/engine';
import { drawHeadline } from '../../src/ui/eventsPanel';

type Possible = Extract<EventOutlook['status'], { kind: 'possible' }>;
const holds: ConditionOutlook = { text: "Moscow's influence in Kazakhstan is at least 55", now: '60', holds: true };
const fails: ConditionOutlook = { ...holds, now: '43', holds: false };
const hidden: ConditionOutlook = { text: "Moscow's Sanctions pressure is at least 5", now: 'a hidden value', holds: null };
const possible = (draw: Possible['draw'], conditions: ConditionOutlook[], firesThisTurnPct: number | null): Possible => ({ kind: 'possible', draw, conditions, firesThisTurnPct, turnsLeft: 3 });
const IF_HOLD = 'fires this turn if its conditions still hold at the end of the turn';

describe('this turn’s line on an event card', () => {
  it.each<[string, Possible, string]>([
    ['a miss, its condition holding', possible('miss', [holds], 0), 'drawn: does not fire this turn'],
    ['a miss resting on a hidden value: settled without it', possible('miss', [hidden], 0), 'drawn: does not fire this turn'],
    ['a hit, its condition holding now', possible('hit', [holds], 100), `drawn: ${IF_HOLD} (they hold now)`],
    ['a hit, its one condition unmet now', possible('hit', [fails], 0), `drawn: ${IF_HOLD} (it is unmet now)`],
    ['a hit, one of two conditions unmet now', possible('hit', [holds, fails], 0), `drawn: ${IF_HOLD} (1 of 2 unmet now)`],
    ['a hit resting on a hidden value', possible('hit', [holds, hidden], null), `drawn: ${IF_HOLD} (one rests on a hidden value)`],
    ['a sure event (100%, no draw)', possible(null, [], 100), `certain: ${IF_HOLD} (they hold now)`],
  ])('%s', (_name, status, line) => {
    expect(drawHeadline(status)).toBe(line);
    expect(drawHeadline(status)).not.toMatch(/%/);
  });
});
