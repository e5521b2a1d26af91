// The debrief (issue 11, item 4) replays the record and explains the result: where each
// power's points came from, every change of control with the cause that moved it most,
// the points lead changing hands, and each side's orders turn by turn.
import { describe, expect, it } from 'vitest';
import type { GameRecord, GameState, Scenario } from '../../src/engine';
import { controller, debrief, idRecord, playTurn, startRecord, viewFor } from '../../src/engine';
import { player } from '../ai/helpers';
import { loadShipped as load } from './helpers';

function play(s: Scenario, seed: string, names: string[]): { record: GameRecord; states: GameState[] } {
  const start = startRecord(s, seed);
  if (!start.ok) throw new Error(start.error);
  let record = start.value;
  const states = [record.state];
  while (record.state.phase.kind === 'playing') {
    const orders = idRecord<unknown>();
    s.powers.forEach((p, k) => {
      orders[p.id] = player(names[k % names.length] as string).decide(s, viewFor(s, record.state, p.id));
    });
    const r = playTurn(record, orders);
    if (!r.ok) throw new Error(r.error);
    record = r.value.record;
    states.push(record.state);
  }
  return { record, states };
}

describe('debrief', () => {
  it.each([
    ['samarkand-2022', 'greedy', 'varied'],
    ['classroom-short', 'varied', 'greedy'],
    ['astana-2024', 'varied', 'varied'],
  ])('%s (%s vs %s): points by country, every change of control with its cause, decisions', (id, a, b) => {
    const s = load(id);
    for (const seed of ['d1', 'd2', 'd3']) {
      const { record, states } = play(s, seed, [a, b]);
      const d = debrief(record);
      if (!d.ok) throw new Error(d.error);
      const last = states[states.length - 1] as GameState;
      expect(d.value.winner).toBe(last.phase.kind === 'over' ? last.phase.winner : undefined);
      for (const p of d.value.powers) {
        expect(p.points).toBe(last.powers[p.power]?.points);
        // Scoring is the only source of points in these scenarios' rules; events may add some.
        expect(p.countries.reduce((x, c) => x + c.points, 0)).toBeLessThanOrEqual(p.points);
      }
      for (let t = 1; t < states.length; t++) {
        for (const c of s.countries.filter((x) => x.role === 'contested')) {
          const was = controller(s, states[t - 1] as GameState, c.id);
          const now = controller(s, states[t] as GameState, c.id);
          const tp = d.value.turningPoints.filter((x) => x.kind === 'control' && x.turn === t && x.country === c.id);
          expect(tp, `${seed} turn ${t} ${c.id}`).toHaveLength(was === now ? 0 : 1);
          if (tp[0]) {
            expect([tp[0].from, tp[0].to]).toEqual([was, now]);
            expect(tp[0].text).toContain(c.name);
            expect(tp[0].text).toContain('— mostly ');
          }
        }
      }
      const controlled = d.value.powers.flatMap((p) => p.countries.map((c) => c.turnsControlled)).reduce((x, y) => x + y, 0);
      let expected = 0;
      for (let t = 1; t < states.length; t++) for (const c of s.countries) if (c.role === 'contested' && controller(s, states[t] as GameState, c.id) !== null) expected++;
      expect(controlled).toBe(expected);
      for (const dec of d.value.decisions) expect(dec.turns.map((x) => x.orders.length)).toEqual(record.turns.map((t) => (t.orders[dec.power] ?? []).length));
    }
  });

  it('a record that does not replay is refused with the turn', () => {
    const s = load('classroom-short');
    const { record } = play(s, 'x', ['greedy']);
    const bad: GameRecord = { ...record, turns: record.turns.map((t, i) => (i === 2 ? { ...t, orders: { beijing: [{ type: 'diplomacy', action: 'no-such-order', country: 'kazakhstan' }] } } : t)) } as GameRecord;
    const d = debrief(bad);
    expect(d.ok).toBe(false);
    if (!d.ok) expect(d.error).toContain('turn 3');
  });
});
