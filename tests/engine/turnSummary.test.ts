// The turn summary (issue 11, item 2) is the report's headline: per country the net
// change of each power, who controls it and who scored. Checked against the state itself
// over random legal turns of every shipped scenario.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { GameState, Order } from '../../src/engine';
import { controller, describeCountrySummary, idRecord, legalOrders, newGame, resolveTurn, summarizeTurn } from '../../src/engine';
import { SHIPPED, loadShipped as load } from './helpers';

describe('turn summary', () => {
  it.each(SHIPPED)('%s: net changes, control and points agree with the state, turn after turn', (f) => {
    const s = load(f);
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.array(fc.nat(), { minLength: 30, maxLength: 30 }), (seed, picks) => {
        const g = newGame(s, `summary-${seed}`);
        if (!g.ok) throw new Error(g.error);
        let st: GameState = g.value;
        let k = 0;
        while (st.phase.kind === 'playing') {
          const orders = idRecord<Order[]>();
          for (const p of s.powers) {
            const legal = legalOrders(s, st, p.id);
            const pick = legal[(picks[k++ % picks.length] ?? 0) % Math.max(1, legal.length)];
            orders[p.id] = pick ? [pick.order] : [];
          }
          const r = resolveTurn(s, st, orders);
          if (!r.ok) throw new Error(r.error.message);
          const before = st;
          st = r.value.state;
          const sum = summarizeTurn(s, r.value.report, st);
          for (const c of sum.countries) {
            for (const p of s.powers) {
              const was = before.countries[c.country]?.influence[p.id] ?? 0;
              const now = st.countries[c.country]?.influence[p.id] ?? 0;
              const moved = c.influence.find((n) => n.power === p.id);
              if (was === now) expect(moved === undefined || moved.to === moved.from).toBe(true);
              else expect(moved && [moved.from, moved.to]).toEqual([was, now]);
            }
            expect(c.controller).toBe(controller(s, st, c.country));
            const line = describeCountrySummary(s, c);
            expect(line).toContain(c.name);
            // Every power's level after the turn is in the line, moved or not (issue 11: a leader that held still had no number).
            for (const p of s.powers) {
              const now = st.countries[c.country]?.influence[p.id] ?? 0;
              expect(line).toMatch(new RegExp(`${p.name} (?:[+−]\\d+ \\(to ${now}\\)|unchanged at ${now}|${now}[,)])`));
            }
          }
          for (const p of sum.powers) {
            expect(p.points.to - p.points.from).toBe((st.powers[p.power]?.points ?? 0) - (before.powers[p.power]?.points ?? 0));
            const scoredHere = sum.countries.reduce((a, c) => a + (c.scored.find((x) => x.power === p.power)?.points ?? 0), 0);
            const fromScoring = r.value.report.changes.filter((ch) => ch.path === `powers.${p.power}.points` && ch.cause.kind === 'rule' && ch.cause.rule === 'scoring').reduce((a, ch) => a + Number(ch.to) - Number(ch.from), 0);
            expect(scoredHere).toBe(fromScoring);
          }
        }
      }),
      { numRuns: 8 },
    );
  });

  const s2 = load('samarkand-2022');
  const base = { country: 'turkmenistan', name: 'Turkmenistan', stance: null, scored: [] };
  it.each([
    ['both moved', { ...base, influence: [{ power: 'beijing', from: 30, to: 43 }, { power: 'moscow', from: 40, to: 31 }], unchanged: [], controller: 'beijing', leader: 'beijing', scored: [{ power: 'beijing', points: 3 }] }, 'Turkmenistan: Beijing +13 (to 43), Moscow −9 (to 31); Beijing controls it; Beijing scored 3.'],
    ['the leader held still', { ...base, influence: [{ power: 'moscow', from: 39, to: 38 }], unchanged: [{ power: 'beijing', influence: 41 }], controller: null, leader: 'beijing' }, 'Turkmenistan: Beijing unchanged at 41, Moscow −1 (to 38); Beijing leads it, short of control.'],
    ['the runner-up held still', { ...base, influence: [{ power: 'beijing', from: 40, to: 42 }], unchanged: [{ power: 'moscow', influence: 30 }], controller: null, leader: 'beijing' }, 'Turkmenistan: Beijing +2 (to 42), Moscow unchanged at 30; Beijing leads it, short of control.'],
    ['nothing moved', { ...base, influence: [], unchanged: [{ power: 'beijing', influence: 41 }, { power: 'moscow', influence: 38 }], controller: null, leader: 'beijing' }, 'Turkmenistan: no change (Beijing 41, Moscow 38); Beijing leads it, short of control.'],
    ['a tie', { ...base, influence: [{ power: 'moscow', from: 38, to: 41 }], unchanged: [{ power: 'beijing', influence: 41 }], controller: null, leader: null }, 'Turkmenistan: Beijing unchanged at 41, Moscow +3 (to 41); nobody leads it.'],
  ])('says it in a line, every level in it: %s', (_, summary, line) => {
    expect(describeCountrySummary(s2, summary)).toBe(line);
  });
});
