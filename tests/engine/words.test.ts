// Counts a player reads take the singular for one: "Beijing: 1 point", not "1 points" (issue 11).
import { describe, expect, it } from 'vitest';
import { counted, pointsText } from '../../src/engine';

describe('counts in words', () => {
  it.each([
    [0, '0 points'],
    [1, '1 point'],
    [2, '2 points'],
    [-1, '-1 point'],
    [21, '21 points'],
  ])('%i: "%s"', (n, text) => {
    expect(pointsText(n)).toBe(text);
  });
  it.each([
    [1, 'country', undefined, '1 country'],
    [2, 'country', 'countries', '2 countries'],
    [3, 'turn', undefined, '3 turns'],
    [1, 'turn', undefined, '1 turn'],
  ])('%i %s: "%s"', (n, one, many, text) => {
    expect(counted(n, one, many)).toBe(text);
  });
});
