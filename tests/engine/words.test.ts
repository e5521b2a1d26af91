// Counts a player reads take the singular for one: "Beijing: 1 point", not "1 points" (issue 11).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GameRecord } from '../../src/engine';
import { counted, loadSave, loadScenario, playTurn, pointsText, startRecord, stateHash } from '../../src/engine';

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

// A game-over reason is written into the state, so into every record, report and debrief made
// from it; it said "North wins with 1 points to 0". The saves below were made before the words
// were mended, under the same rules (SAVE_VERSION 2): each must still replay to the hash it
// recorded, and read right.
describe('a game-over reason', () => {
  const saved = (name: string) => {
    const loaded = loadSave(readFileSync(join(__dirname, '../fixtures/old-words', `${name}.save.json`), 'utf8'));
    if (!loaded.ok) throw new Error(loaded.error);
    return loaded.value.record.state;
  };
  it.each([
    ['one-point-win', 'North wins with 1 point to 0'],
    ['one-point-draw', 'a draw: 1 point each'],
    ['one-country-sudden-death', 'North leads 1 country: sudden-death victory'],
  ])('%s: "%s", and an old save of it replays to its hash', (name, reason) => {
    const state = saved(name);
    expect(state.phase).toMatchObject({ kind: 'over', reason });
    // The report of the last turn (what the classroom's record keeps as its result) says the same.
    const replayed = playTurn({ ...startOf(name), turns: [] }, {});
    if (!replayed.ok) throw new Error(replayed.error);
    expect(replayed.value.report.result?.reason).toBe(reason);
  });
  it('hashes the words a save recorded, whatever they say: a game whose words differ otherwise hashes apart', () => {
    const state = saved('one-point-win');
    expect(stateHash({ ...state, phase: { kind: 'over', winner: 'north', reason: 'North wins with 1 point to 0' } })).toBe(stateHash(state));
    expect(stateHash({ ...state, phase: { kind: 'over', winner: 'north', reason: 'North wins with 1 point to 2' } })).not.toBe(stateHash(state));
    expect(stateHash({ ...state, phase: { kind: 'over', winner: 'north', reason: 'North wins with 11 point to 0' } })).not.toBe(stateHash(state));
  });
});

/** The game a fixture save starts from (its scenario and seed), before any turn. */
function startOf(name: string): GameRecord {
  const save = JSON.parse(readFileSync(join(__dirname, '../fixtures/old-words', `${name}.save.json`), 'utf8')) as { scenario: unknown; seed: string };
  const scenario = loadScenario(save.scenario);
  if (!scenario.ok) throw new Error('the fixture scenario is invalid');
  const r = startRecord(scenario.value, save.seed);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}
