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
            expect(describeCountrySummary(s, c)).toContain(c.name);
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

  it('says it in a line: net change, who holds it, who scored', () => {
    const s = load('samarkand-2022');
    const line = describeCountrySummary(s, { country: 'uzbekistan', name: 'Uzbekistan', influence: [{ power: 'beijing', from: 30, to: 43 }, { power: 'moscow', from: 40, to: 31 }], controller: 'beijing', leader: 'beijing', stance: null, scored: [{ power: 'beijing', points: 3 }] });
    expect(line).toBe('Uzbekistan: Beijing +13 (to 43), Moscow −9 (to 31); Beijing controls it; Beijing scored 3.');
  });
});
