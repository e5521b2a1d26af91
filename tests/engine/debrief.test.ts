// The debrief (issue 11, item 4) replays the record and explains the result: where each
// power's points came from, the few changes of control that mattered (held, ranked by the
// points at stake) with the cause that moved each most, the lead taken for good, and each
// side's orders turn by turn.
import { describe, expect, it } from 'vitest';
import type { GameRecord, GameState, Scenario, TurningPoint } from '../../src/engine';
import { controller, debrief, idRecord, playTurn, startRecord, TURNING_POINTS_CAP, viewFor } from '../../src/engine';
import { player } from '../ai/helpers';
import { playMatch } from '../../src/ai/match';
import { loadShipped as load } from './helpers';

/** Plays to the end, or only `turns` turns (a game the facilitator ended early). */
function play(s: Scenario, seed: string, names: string[], turns = Infinity): { record: GameRecord; states: GameState[] } {
  const start = startRecord(s, seed);
  if (!start.ok) throw new Error(start.error);
  let record = start.value;
  const states = [record.state];
  while (record.state.phase.kind === 'playing' && states.length <= turns) {
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

/** The turns' summit weight for a country, read from the scenario as a designer would. */
function weightOf(s: Scenario, turn: number, country: string): number {
  const m = s.victory.summits.find((x) => x.turn === turn);
  if (!m) return 1;
  if (m.organisation === undefined) return m.weight;
  const def = s.countries.find((c) => c.id === country);
  return def?.role === 'contested' && def.memberships.includes(m.organisation) ? m.weight : 1;
}

/** Every change of control in the game, how long it held and the control value at stake over those turns. */
function controlChanges(s: Scenario, states: GameState[]): { turn: number; country: string; from: string | null; to: string | null; held: number; stake: number }[] {
  const out = [];
  for (let t = 1; t < states.length; t++) {
    for (const c of s.countries.filter((x) => x.role === 'contested')) {
      const was = controller(s, states[t - 1] as GameState, c.id);
      const now = controller(s, states[t] as GameState, c.id);
      if (was === now) continue;
      let held = 0;
      let stake = 0;
      for (let j = t; j < states.length && controller(s, states[j] as GameState, c.id) === now; j++) {
        held++;
        stake += (c.importance ?? 0) * weightOf(s, j, c.id);
      }
      out.push({ turn: t, country: c.id, from: was, to: now, held, stake });
    }
  }
  return out;
}

describe('debrief', () => {
  it.each([
    ['samarkand-2022', 'greedy', 'varied'],
    ['classroom-short', 'varied', 'greedy'],
    ['astana-2024', 'varied', 'varied'],
  ])('%s (%s vs %s): points by country, the changes of control that mattered with their causes, decisions', (id, a, b) => {
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
      const tps = d.value.turningPoints;
      expect(tps.length).toBeLessThanOrEqual(TURNING_POINTS_CAP);
      for (const [i, tp] of tps.entries()) if (i > 0) expect(tp.stake, `${seed}: most points at stake first`).toBeLessThanOrEqual((tps[i - 1] as TurningPoint).stake);
      const candidates = controlChanges(s, states);
      // The count listed is of changes of control only: the lead taken for good is named apart.
      const listed = tps.filter((x) => x.kind === 'control').length;
      if (candidates.length === 0) expect(d.value.choosing).toContain('no country changed control');
      else expect(d.value.choosing).toContain(`${listed} of ${candidates.length} change${candidates.length === 1 ? '' : 's'} of control`);
      expect(d.value.choosing.includes('the turn the winner took the lead on points for good')).toBe(tps.some((x) => x.kind === 'points-lead'));
      for (const tp of tps.filter((x) => x.kind === 'control')) {
        const c = candidates.find((x) => x.turn === tp.turn && x.country === tp.country);
        expect(c, `${seed} turn ${tp.turn} ${tp.country}`).toBeDefined();
        if (!c) continue;
        expect([tp.from, tp.to, tp.stake, tp.held]).toEqual([c.from, c.to, c.stake, c.held]);
        expect(tp.text).toContain(s.countries.find((x) => x.id === tp.country)?.name);
        expect(tp.text).toContain('— mostly ');
      }
      const controlled = d.value.powers.flatMap((p) => p.countries.map((c) => c.turnsControlled)).reduce((x, y) => x + y, 0);
      let expected = 0;
      for (let t = 1; t < states.length; t++) for (const c of s.countries) if (c.role === 'contested' && controller(s, states[t] as GameState, c.id) !== null) expected++;
      expect(controlled).toBe(expected);
      for (const dec of d.value.decisions) expect(dec.turns.map((x) => x.orders.length)).toEqual(record.turns.map((t) => (t.orders[dec.power] ?? []).length));
    }
  });

  it('a game with many flips of control lists at most the cap, the biggest swing first, and no one-turn flip that decided nothing', () => {
    const s = load('samarkand-2022');
    let many = 0;
    for (const seed of ['f1', 'f2', 'f3', 'f4', 'f5', 'f6']) {
      const { record, states } = play(s, seed, ['varied', 'varied']);
      const d = debrief(record);
      if (!d.ok) throw new Error(d.error);
      const all = controlChanges(s, states);
      if (all.length <= TURNING_POINTS_CAP) continue;
      many++;
      const tps = d.value.turningPoints;
      expect(tps.length).toBeGreaterThan(0);
      expect(tps.length).toBeLessThanOrEqual(TURNING_POINTS_CAP);
      const last = states[states.length - 1] as GameState;
      const finals = s.powers.map((p) => last.powers[p.id]?.points ?? 0).sort((a, b) => b - a);
      const margin = (finals[0] ?? 0) - (finals[1] ?? 0);
      const mattered = all.filter((c) => c.held >= 2 || (c.turn + c.held === states.length && c.stake >= margin));
      const biggest = Math.max(margin, ...mattered.map((c) => c.stake));
      expect(tps[0]?.stake, seed).toBe(biggest);
      for (const tp of tps.filter((x) => x.kind === 'control')) expect(mattered.some((c) => c.turn === tp.turn && c.country === tp.country), `${seed}: turn ${tp.turn} ${tp.country} mattered`).toBe(true);
      expect(d.value.choosing).toContain(`of ${all.length} changes of control`);
    }
    // The games must have been ones with many flips, or the test proves nothing.
    expect(many).toBeGreaterThan(0);
  });

  it('a game stopped after a turn names no winner, and says so when no country changed control', () => {
    const s = load('classroom-short');
    let quiet = 0;
    for (const seed of ['e1', 'e2', 'e3', 'e4', 'e5', 'e6']) {
      const { record, states } = play(s, seed, ['greedy', 'varied'], 1);
      expect(states).toHaveLength(2);
      const d = debrief(record);
      if (!d.ok) throw new Error(d.error);
      expect(d.value.winner).toBeNull();
      expect(d.value.choosing).not.toContain('the winner');
      expect(d.value.choosing.includes('the turn the leader at the end took the lead on points for good')).toBe(d.value.turningPoints.some((x) => x.kind === 'points-lead'));
      if (controlChanges(s, states).length > 0) continue;
      quiet++;
      expect(d.value.choosing).toContain('no country changed control');
      expect(d.value.choosing).not.toContain('of 0 changes');
    }
    // Some of those first turns must have left every country as it was, or the last checks prove nothing.
    expect(quiet).toBeGreaterThan(0);
  });

  it("names as a change of control's main cause one that moved the country toward the taker (never one against it), an order on that country by its action's name", () => {
    // Found in a varied game of samarkand-2022: "Beijing takes control of Uzbekistan — mostly
    // Uzbekistan diversifies away from Beijing", the largest cause that turn, but against Beijing.
    const s = load('samarkand-2022');
    let control = 0;
    for (let g = 0; g < 12; g++) {
      const m = playMatch(s, `tp${g}`, idRecord([['beijing', player('varied')], ['moscow', player('varied')]]));
      const d = debrief(m.record);
      if (!d.ok) throw new Error(d.error);
      for (const t of d.value.turningPoints) {
        if (t.kind !== 'control' || t.to === null) continue;
        control++;
        const taker = s.powers.find((p) => p.id === t.to)?.name ?? '';
        expect(t.text, t.text).not.toMatch(new RegExp(`mostly .* diversifies away from ${taker},`));
        // An order on the country itself goes by its action's name: "of Kazakhstan — mostly Moscow's Russian trade drive", not "… — Kazakhstan" again.
        const country = s.countries.find((c) => c.id === t.country)?.name ?? '';
        expect(t.text, t.text).not.toMatch(new RegExp(`of ${country}.* — mostly .* — ${country};`));
      }
    }
    expect(control).toBeGreaterThan(10);
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
