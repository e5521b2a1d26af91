// Events fired by hand (a classroom facilitator's injects): they fire whatever their
// window, conditions and chance, leave the other events' rolls as they were, and a save
// replays them to the same state.
import { describe, expect, it } from 'vitest';
import type { GameState } from '../../src/engine';
import { loadSave, playTurn, resolveTurn, saveToJson, startRecord } from '../../src/engine';
import { mini } from '../fixtures/mini';
import { start } from './helpers';

const basis = { kind: 'reported', source: 'src_a', whatHappened: 'It happened.' } as const;
const sc = mini((x) => {
  x.events = [
    { id: 'late', title: 'Late shock', text: 'Not yet.', basis, trigger: { from: '2020-04', all: [], chancePct: 100 }, repeatable: false, effects: [{ type: 'influence', country: 'alpha', power: 'south', delta: 4 }] },
    { id: 'coin', title: 'Coin', text: 'Maybe.', basis, trigger: { all: [], chancePct: 50 }, repeatable: true, effects: [{ type: 'influence', country: 'beta', power: 'north', delta: 1 }] },
    { id: 'again', title: 'Again', text: 'Often.', basis, trigger: { from: '2020-04', all: [], chancePct: 100 }, repeatable: true, effects: [{ type: 'influence', country: 'beta', power: 'south', delta: 1 }] },
  ];
});

const resolve = (st: GameState, injected: string[]) => resolveTurn(sc, st, {}, undefined, injected);

describe('events fired by hand', () => {
  it('fire outside their window, marked as injected, without a roll', () => {
    const r = resolve(start(sc), ['late']);
    if (!r.ok) throw new Error(r.error.message);
    const fired = r.value.report.events.find((e) => e.id === 'late');
    expect(fired?.injected).toBe(true);
    expect(r.value.report.rolls.some((x) => x.what.includes('Late shock'))).toBe(false);
    expect(r.value.state.fired).toContain('late');
  });
  it('leave the chance rolls of the other events as they were', () => {
    const plain = resolve(start(sc), []);
    const injected = resolve(start(sc), ['late']);
    if (!plain.ok || !injected.ok) throw new Error('turn failed');
    expect(injected.value.report.rolls).toEqual(plain.value.report.rolls);
  });
  it.each([
    { name: 'an unknown event', injected: ['nope'], message: 'there is no event "nope" in this scenario' },
    { name: 'the same event twice', injected: ['again', 'again'], message: 'fired by hand twice' },
    { name: 'a non-string', injected: [7 as unknown as string], message: 'there is no event 7' },
  ])('refuse $name', ({ injected, message }) => {
    const r = resolve(start(sc), injected);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain(message);
  });
  it('refuse a one-time event that already happened, but allow a repeatable one again', () => {
    const first = resolve(start(sc), ['late', 'again']);
    if (!first.ok) throw new Error(first.error.message);
    const second = resolve(first.value.state, ['late']);
    expect(!second.ok && second.error.message).toBe('"Late shock" has already happened and happens only once');
    expect(resolve(first.value.state, ['again']).ok).toBe(true);
  });
  it('are kept in the save, which replays to the same state; a save without them does not', () => {
    const rec = startRecord(sc, 'inject-save');
    if (!rec.ok) throw new Error(rec.error);
    const t1 = playTurn(rec.value, {}, undefined, ['late']);
    if (!t1.ok) throw new Error(t1.error);
    expect(t1.value.record.turns[0]?.injected).toEqual(['late']);
    const json = saveToJson(t1.value.record);
    const loaded = loadSave(json);
    expect(loaded.ok && loaded.value.record.state).toEqual(t1.value.record.state);
    const stripped = JSON.parse(json) as { turns: { injected?: string[] }[] };
    delete stripped.turns[0]!.injected;
    const bad = loadSave(JSON.stringify(stripped));
    expect(!bad.ok && bad.error).toMatch(/^turn 1: replaying gives state/);
  });
});
