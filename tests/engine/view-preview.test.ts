import { describe, expect, it } from 'vitest';
import { determinize, previewOrder, viewFor } from '../../src/engine';
import { mini } from '../fixtures/mini';
import { start } from './helpers';

describe("a power's view", () => {
  const s = mini((x) => {
    const south = x.powers[1];
    if (south?.tracks?.[0]) south.tracks[0].secret = true;
  });
  it('hides the generator and the other powers’ secret tracks, not one’s own', () => {
    const st = start(s);
    const north = viewFor(s, st, 'north');
    expect('rng' in north).toBe(false);
    expect('seed' in north).toBe(false);
    expect(north.playerSeed).not.toBe(viewFor(s, st, 'south').playerSeed);
    expect(north.playerSeed).not.toContain(st.seed);
    expect(north.powers.south?.tracks).toEqual({});
    expect(north.powers.north?.tracks).toEqual({ drain: 2 });
    expect(viewFor(s, st, 'south').powers.south?.tracks).toEqual({ heat: 0 });
  });
  it('can be made whole again with a generator of the caller’s own, leaving the rest as it was', () => {
    const st = start(s);
    const whole = determinize(viewFor(s, st, 'south'), 'imagined');
    expect(whole.countries).toEqual(st.countries);
    expect(whole.rng).not.toEqual(st.rng);
  });
});

describe('order previews', () => {
  const s = mini();
  it('show a project’s cost now and its effects on completion, with the wait', () => {
    const p = previewOrder(s, start(s), 'north', { type: 'project', project: 'rail' });
    if (!p.ok) throw new Error(p.error);
    expect(p.value.cost).toBe(6);
    expect(p.value.now.map((c) => c.what)).toEqual(['Rail']);
    expect(p.value.onCompletion?.turns).toBe(2);
    expect(p.value.onCompletion?.changes.map((c) => `${c.what}: ${String(c.from)} → ${String(c.to)}`)).toEqual([
      "North's influence in Alpha: 30 → 35",
      "North's influence in Beta: 20 → 25",
      "North's income per turn: 10 → 11",
    ]);
  });
  it('show a risk with its chance and what it would do', () => {
    const p = previewOrder(s, start(s, (x) => { x.powers.south!.tracks.heat = 3; }), 'south', { type: 'special', action: 'smuggle', country: 'alpha' });
    if (!p.ok) throw new Error(p.error);
    expect(p.value.risk).toMatchObject({ chancePct: 30, description: 'caught' });
    expect(p.value.risk?.changes.map((c) => `${c.what}: ${String(c.from)} → ${String(c.to)}`)).toEqual(["South's influence in Alpha: 30 → 25"]);
    expect(p.value.now.map((c) => c.what)).toEqual(["South's budget"]);
  });
  it('refuse an illegal order with the reason', () => {
    expect(previewOrder(s, start(s), 'south', { type: 'security-deal', action: 'guard', country: 'alpha' })).toEqual({ ok: false, error: 'South cannot order "Guard"' });
  });
});
