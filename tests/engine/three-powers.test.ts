// The engine knows no power by name or number: a scenario with three powers plays,
// scores and saves like one with two.
import { describe, expect, it } from 'vitest';
import { loadSave, playTurn, saveToJson, startRecord } from '../../src/engine';
import { parsePlayer } from '../../src/ai/player';
import { playMatch } from '../../src/ai/match';
import { miniThree } from '../fixtures/mini';

const three = miniThree();

describe('a scenario with three powers', () => {
  it('resolves every power’s orders in one turn', () => {
    const start = startRecord(three, 'three');
    if (!start.ok) throw new Error(start.error);
    const r = playTurn(start.value, {
      north: [{ type: 'diplomacy', action: 'visit', country: 'alpha' }],
      south: [{ type: 'diplomacy', action: 'visit', country: 'beta' }],
      east: [{ type: 'invest', action: 'loan', country: 'alpha' }],
    });
    if (!r.ok) throw new Error(r.error);
    const alpha = r.value.record.state.countries.alpha;
    // 30 + 30 + 25 = 85 at the start: north's +10 and east's +10 overfill the share (100), so the
    // 5 too many come out of the others in proportion — south, which gave no order there, loses too.
    expect(alpha?.influence).toEqual({ north: 37, south: 28, east: 35 });
    expect(Object.values(alpha?.influence ?? {}).reduce((a, b) => a + b, 0)).toBe(100);
    expect(loadSave(saveToJson(r.value.record)).ok).toBe(true);
  });

  it('plays whole computer games to a result', () => {
    const greedy = parsePlayer('greedy');
    const random = parsePlayer('random');
    if (!greedy.ok || !random.ok) throw new Error('players');
    const m = playMatch(three, 'three-game', { north: greedy.value, south: random.value, east: greedy.value });
    expect(m.record.turns).toHaveLength(three.turns);
    expect(Object.keys(m.scores).sort()).toEqual(['east', 'north', 'south']);
    expect(m.state.phase.kind).toBe('over');
  });
});
