// The console's line once a game is over, in words a teacher reads at a glance.
import { describe, expect, it } from 'vitest';
import { gameOverLine } from '../../src/ui/classroom/console';
import { loadShipped } from '../engine/helpers';

const scenario = loadShipped('classroom-short');

describe('the console once the game is over', () => {
  it('names the winner and the reason, with one full stop', () => {
    const reason = 'The facilitator ended the game after 2 turns: Moscow led on points (Moscow 7, Beijing 3).';
    expect(gameOverLine(scenario, { winner: 'moscow', reason })).toBe('Game over: Moscow wins (The facilitator ended the game after 2 turns: Moscow led on points (Moscow 7, Beijing 3)).');
    expect(gameOverLine(scenario, { winner: null, reason: 'A draw on points' })).toBe('Game over: no winner (A draw on points).');
    expect(gameOverLine(scenario, undefined)).toBe('Game over.');
  });
});
