// Republic players (src/ai/republic.ts): legal stances, the same stance for the same
// board and seed, the greedy player serving the republic's interest at least as well as
// the rule of thumb, and games played with them replaying exactly from their saves.
import { describe, expect, it } from 'vitest';
import { load, player } from './helpers';
import type { GameState, Order, RepublicChoice, Scenario } from '../../src/engine';
import { idRecord, indexScenario, loadSave, newGame, republicChoices, resolveTurn, ruleOfThumbChoice, saveToJson, viewFor } from '../../src/engine';
import { playMatch, playQuick } from '../../src/ai/match';
import type { RepublicPlayer, RepublicView } from '../../src/ai/republic';
import { GREEDY_LOOK, ordersAimedAt, parseRepublicPlayer, REPUBLIC_PLAYER_NAMES, republicInterest, republicView, scoreChoices } from '../../src/ai/republic';

const republic = (name: string): RepublicPlayer => {
  const r = parseRepublicPlayer(name);
  if (!r.ok) throw new Error(r.error);
  return r.value;
};
const key = (c: RepublicChoice): string => (c.kind === 'lean' ? `lean:${c.power}` : c.kind);

interface Sample {
  state: GameState;
  orders: Record<string, Order[]>;
}

/** The states of real games (varied against varied, republics by the rule of thumb), each with the orders given that turn. */
function samples(s: Scenario, seeds: readonly string[]): Sample[] {
  const out: Sample[] = [];
  const varied = player('varied');
  for (const seed of seeds) {
    const g = newGame(s, seed);
    if (!g.ok) throw new Error(g.error);
    let state = g.value;
    while (state.phase.kind === 'playing') {
      const orders = idRecord<Order[]>();
      for (const p of s.powers) orders[p.id] = varied.decide(s, viewFor(s, state, p.id));
      out.push({ state, orders });
      const r = resolveTurn(s, state, orders);
      if (!r.ok) throw new Error(r.error.message);
      state = r.value.state;
    }
  }
  return out;
}

describe('republic players', () => {
  const classroom = load('classroom-short');
  const samarkand = load('samarkand-2022');

  it('parses rule, greedy and search, bare or as republic:<name>, and refuses anything else', () => {
    for (const name of REPUBLIC_PLAYER_NAMES) {
      expect(republic(name).name).toBe(name);
      expect(republic(`republic:${name}`).name).toBe(name);
    }
    const bad = parseRepublicPlayer('genius');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toBe('unknown republic player "genius": expected one of rule, greedy, search (or republic:<name>)');
    expect(parseRepublicPlayer('republic:').ok).toBe(false);
    expect(parseRepublicPlayer('search:2').ok).toBe(false);
  });

  it('see the public board only: no generator, no seed, no secret track of any power', () => {
    const g = newGame(samarkand, 'board');
    if (!g.ok) throw new Error(g.error);
    const view = republicView(samarkand, g.value, 'kazakhstan');
    expect('rng' in view).toBe(false);
    expect('seed' in view).toBe(false);
    for (const p of samarkand.powers) for (const t of p.tracks) if (t.secret) expect(view.powers[p.id]?.tracks[t.id]).toBeUndefined();
    expect(view.playerSeed).not.toBe(republicView(samarkand, g.value, 'uzbekistan').playerSeed);
  });

  it('look only at the orders aimed at their own country', () => {
    const [first] = samples(samarkand, ['aim']);
    if (!first) throw new Error('no sample');
    const ix = indexScenario(samarkand);
    for (const country of ix.contestedIds) {
      const seen = ordersAimedAt(samarkand, country, first.orders);
      for (const list of Object.values(seen)) for (const o of list) expect(o.type === 'project' ? (ix.routeCountries.get(o.project) ?? []).includes(country) : o.country === country).toBe(true);
    }
  });

  it.each(REPUBLIC_PLAYER_NAMES)('%s gives a legal stance for every republic, the same for the same board and seed', (name) => {
    const p = republic(name);
    const legal = new Set(republicChoices(classroom).map(key));
    const all = samples(classroom, ['legal']);
    // search looks two turns ahead: a few turns suffice.
    for (const { state, orders } of name === 'search' ? all.filter((_, i) => i % 3 === 0) : all) {
      for (const country of indexScenario(classroom).contestedIds) {
        const view = republicView(classroom, state, country);
        const a = p.decide(classroom, view, country, orders);
        expect(legal.has(key(a))).toBe(true);
        // The same board again (a fresh copy, and the orders of other countries changed): the same stance.
        const again = p.decide(classroom, republicView(classroom, structuredClone(state), country), country, ordersAimedAt(classroom, country, orders));
        expect(again).toEqual(a);
      }
    }
  });

  it('rule is exactly the engine rule of thumb, and a game played with it is the game without republic players', () => {
    const rule = republic('rule');
    for (const { state, orders } of samples(classroom, ['r1'])) {
      for (const country of indexScenario(classroom).contestedIds) {
        expect(rule.decide(classroom, republicView(classroom, state, country), country, orders)).toEqual(ruleOfThumbChoice(classroom, state, country, orders).choice);
      }
    }
    const players = { beijing: player('varied'), moscow: player('varied') };
    const republics = Object.fromEntries(indexScenario(classroom).contestedIds.map((c) => [c, rule]));
    const withRule = playMatch(classroom, 'same', players, {}, false, republics);
    const without = playMatch(classroom, 'same', players, {}, false);
    expect(saveToJson(withRule.record)).toBe(saveToJson(without.record));
  });

  it("greedy's stance serves the republic's interest at least as well as the rule of thumb's, over states of real games", () => {
    const greedy = republic('greedy');
    let better = 0;
    let checked = 0;
    let freshGreedy = 0;
    let freshRule = 0;
    for (const s of [classroom, samarkand]) {
      for (const { state, orders } of samples(s, ['i1', 'i2'])) {
        for (const country of indexScenario(s).contestedIds) {
          const view = republicView(s, state, country);
          const chosen = greedy.decide(s, view, country, orders);
          const rule = ruleOfThumbChoice(s, state, country, orders).choice;
          // On its own imagined futures (the ones it chose on), greedy's stance is never worse.
          const scores = new Map(scoreChoices(s, view, country, orders, GREEDY_LOOK).map((x) => [key(x.choice), x.score]));
          const mine = scores.get(key(chosen));
          const theirs = scores.get(key(rule));
          if (mine === undefined || mine === null || theirs === undefined || theirs === null) throw new Error('a stance could not be imagined');
          expect(mine).toBeGreaterThanOrEqual(theirs);
          checked++;
          if (mine > theirs) better++;
          // On futures it did not see (another seed), summed over all states: still at least as good.
          const unseen: RepublicView = { ...view, playerSeed: `${view.playerSeed}|fresh` };
          const fresh = new Map(scoreChoices(s, unseen, country, orders, { samples: 4, horizon: 1 }).map((x) => [key(x.choice), x.score ?? 0]));
          freshGreedy += fresh.get(key(chosen)) ?? 0;
          freshRule += fresh.get(key(rule)) ?? 0;
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
    // It does differ from the rule of thumb, and not only by ties.
    expect(better).toBeGreaterThan(checked / 10);
    expect(freshGreedy).toBeGreaterThan(freshRule);
  });

  it('the interest score rewards stability up to the normal, balance for a proud republic, and ties for a pliant one', () => {
    const g = newGame(samarkand, 'interest');
    if (!g.ok) throw new Error(g.error);
    const base = g.value;
    const tweak = (country: string, f: (c: GameState['countries'][string]) => void): GameState => {
      const copy = structuredClone(base);
      const c = copy.countries[country];
      if (!c) throw new Error(country);
      f(c);
      return copy;
    };
    const at = (st: GameState, c: string): number => republicInterest(samarkand, st, c);
    // Stability: +4 below the normal counts 4, above it 1.
    expect(at(tweak('kazakhstan', (c) => (c.stability -= 4)), 'kazakhstan')).toBeCloseTo(at(base, 'kazakhstan') - 4);
    expect(at(tweak('kazakhstan', (c) => (c.stability += 4)), 'kazakhstan')).toBeCloseTo(at(base, 'kazakhstan') + 1);
    // A wider lead costs Turkmenistan (sovereignty 90) more than Tajikistan (40).
    const widen = (id: string): number => at(base, id) - at(tweak(id, (c) => (c.influence.beijing = (c.influence.beijing ?? 0) + 10)), id);
    expect(widen('turkmenistan')).toBeGreaterThan(widen('tajikistan'));
    // Ties are worth more to pliant Tajikistan than to proud Turkmenistan.
    const tie = (id: string): number => at(tweak(id, (c) => (c.dependence.economic.beijing = (c.dependence.economic.beijing ?? 0) + 10)), id) - at(base, id);
    expect(tie('tajikistan')).toBeGreaterThan(tie('turkmenistan'));
    expect(republicInterest(samarkand, base, 'russia')).toBe(0);
  });

  it('games with greedy and search republics replay exactly from their saves, and are deterministic', () => {
    const players = { beijing: player('greedy'), moscow: player('varied') };
    const ids = indexScenario(classroom).contestedIds;
    const republics = Object.fromEntries(ids.map((c, i) => [c, republic(i % 2 === 0 ? 'greedy' : 'search')]));
    const a = playMatch(classroom, 'replay', players, { turns: 4 }, false, republics);
    const b = playMatch(classroom, 'replay', players, { turns: 4 }, false, republics);
    expect(saveToJson(a.record)).toBe(saveToJson(b.record));
    const loaded = loadSave(saveToJson(a.record));
    expect(loaded.ok).toBe(true);
    // The quick game (balance runs) is the same game.
    const quick = playQuick(classroom, 'replay', players, { turns: 4 }, republics);
    expect(quick.state).toEqual(a.record.state);
    // The stances recorded are the players' (some differ from the rule of thumb's).
    const without = playMatch(classroom, 'replay', players, { turns: 4 }, false);
    expect(saveToJson(a.record)).not.toBe(saveToJson(without.record));
  });
});
