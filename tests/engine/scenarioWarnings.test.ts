// Warnings about scenarios that load but would not play as meant: two countries drawn as
// one map shape, two powers at one home, control margins no lead can reach, a text that
// names an article by its id. Each case
// edits the tiny fixture and expects exactly its warnings; the fixture and the shipped
// scenarios have none.
import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../src/engine';
import { formatProblem, scenarioWarnings } from '../../src/engine';
import { mini } from '../fixtures/mini';
import { loadShipped, SHIPPED } from './helpers';

const lines = (edit?: (s: ScenarioInput) => void): string[] => scenarioWarnings(mini(edit)).map((w) => formatProblem('caucasus.json', w));

describe('scenarioWarnings', () => {
  it.each([
    { name: 'the fixture as it is', edit: undefined, warnings: [] },
    {
      name: 'two countries with one mapId (12)',
      edit: (s: ScenarioInput) => {
        const c = s.countries[1];
        if (c) c.mapId = '001';
      },
      warnings: ['caucasus.json: countries[1].mapId: found "001", the map id of "alpha" (countries[0]) too; expected a map id no other country has (the map draws each id as one country)'],
    },
    {
      name: 'two powers sharing one home (14)',
      edit: (s: ScenarioInput) => {
        const p = s.powers[1];
        if (p) p.home = 'northland';
      },
      warnings: ['caucasus.json: powers[1].home: found "northland", the home of power "north" too; expected a home country no other power has'],
    },
    {
      name: 'a lead margin no lead can reach in the proudest country (14)',
      edit: (s: ScenarioInput) => (s.victory.leadMargin = 98),
      // beta has sovereignty 80: 98 + 3 = 101 > 100; alpha (40) needs 97.
      warnings: ['caucasus.json: countries[1]: found a control margin of 101 (victory.leadMargin 98, sovereignty 80 adds 3); expected a margin of at most 100, the largest lead influence shares allow: as it is, no power can ever control "beta"'],
    },
    {
      name: 'sudden death that needs an uncontrollable country (14)',
      edit: (s: ScenarioInput) => {
        s.victory = { leadMargin: 98, suddenDeath: { countries: 2, fromTurn: 3 } };
      },
      warnings: [
        'caucasus.json: countries[1]: found a control margin of 101 (victory.leadMargin 98, sovereignty 80 adds 3); expected a margin of at most 100, the largest lead influence shares allow: as it is, no power can ever control "beta"',
        'caucasus.json: victory.suddenDeath.countries: found 2; expected at most 1, the number of countries whose control margin a lead can reach: as it is, sudden death can never happen',
      ],
    },
    {
      name: 'no country controllable and no lead points: nobody can ever win (14)',
      edit: (s: ScenarioInput) => {
        s.victory = { leadMargin: 100, leadPoints: 0 };
        const a = s.countries[0];
        if (a?.role === 'contested') a.sovereignty = 60;
      },
      warnings: [
        'caucasus.json: countries[0]: found a control margin of 101 (victory.leadMargin 100, sovereignty 60 adds 1); expected a margin of at most 100, the largest lead influence shares allow: as it is, no power can ever control "alpha"',
        'caucasus.json: countries[1]: found a control margin of 103 (victory.leadMargin 100, sovereignty 80 adds 3); expected a margin of at most 100, the largest lead influence shares allow: as it is, no power can ever control "beta"',
        'caucasus.json: victory: found a victory no power can reach: no country can be controlled (every control margin is above 100), "leadPoints" is 0 and no effect gives points; expected a way to score: a lower "leadMargin" or "leadPoints" above 0 (as it is, every game is a draw)',
      ],
    },
    {
      name: 'a text players read that names an article by its id, or by the number its id starts with',
      edit: (s: ScenarioInput) => {
        s.sources.push({ id: '004_dc43', outlet: 'A Paper', date: '2030-02', title: 'Another article' });
        const [visit, loan, , smuggle] = s.actions;
        // Numbers that only contain the id's number are not the article.
        if (visit) visit.basis = { kind: 'reported', source: '004_dc43', note: 'Over 1,004 days, 2.004% of 40040 and 0040: numbers, not the article.' };
        if (loan) loan.summary = 'A loan, as src_a reports.';
        if (smuggle) smuggle.basis = { kind: 'assumption', reason: 'No article reports smuggling; 004 says the border is porous.' };
      },
      warnings: [
        'caucasus.json: actions[1].summary: found "A loan, as src_a reports.", naming the article "src_a" by its id; expected the article as players see it, by its outlet or date ("Test Outlet", 2030-01): players never see the ids',
        'caucasus.json: actions[3].basis.reason: found "… reports smuggling; 004 says the border is porous.", naming the article "004_dc43" by its id; expected the article as players see it, by its outlet or date ("A Paper", 2030-02): players never see the ids',
      ],
    },
  ])('$name', ({ edit, warnings }) => {
    expect(lines(edit)).toEqual(warnings);
  });

  it('counts the sovereignty that lowers a margin: alpha (40) needs 99, so it can be won and the game too', () => {
    expect(lines((s) => (s.victory = { leadMargin: 100, leadPoints: 0 }))).toEqual([
      'caucasus.json: countries[1]: found a control margin of 103 (victory.leadMargin 100, sovereignty 80 adds 3); expected a margin of at most 100, the largest lead influence shares allow: as it is, no power can ever control "beta"',
    ]);
  });

  it.each(SHIPPED)('shipped %s has no warnings', (id) => {
    expect(scenarioWarnings(loadShipped(id))).toEqual([]);
  });
});
