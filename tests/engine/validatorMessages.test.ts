// What the validator says about mistakes a designer makes writing from the docs alone:
// a field the format does not have, a fraction where a whole number belongs, a citation
// of a nested value, a source id the file does not list. Each case edits the tiny
// fixture scenario and expects one problem, said with its path, what was found and what
// was expected.
import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../src/engine';
import { formatProblem, readScenario } from '../../src/engine';
import { miniInput } from '../fixtures/mini';

/** The input as JSON (what a file holds), edited freely: tests add fields the types do not know. */
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function problemLines(edit: (s: Json) => void): string[] {
  const input = JSON.parse(JSON.stringify(miniInput())) as Json;
  edit(input);
  const r = readScenario(input as ScenarioInput);
  return r.ok ? [] : r.error.map((p) => formatProblem('caucasus.json', p));
}

interface Case {
  name: string;
  edit: (s: Json) => void;
  /** Every problem line, exactly. */
  lines: string[];
}

const cases: Case[] = [
  // 9: fields that do not exist, with the fields that do.
  {
    name: 'a power on a stability effect (the variant the "type" chose)',
    edit: (s) => s.actions[1].effects.push({ type: 'stability', country: '$target', power: '$self', delta: 2 }),
    lines: ['caucasus.json: actions[1].effects[1].power: found field "power", which an entry with "type": "stability" does not have; expected one of the fields that exist here: "type", "country", "delta"'],
  },
  {
    name: 'requires.country on an action',
    edit: (s) => (s.actions[2].requires.country = 'alpha'),
    lines: ['caucasus.json: actions[2].requires.country: found field "country", which does not exist here; expected one of the fields that exist here: "membership", "minInfluence", "flag"'],
  },
  {
    name: 'requires on a project',
    edit: (s) => (s.projects[0].requires = { flag: 'x' }),
    lines: ['caucasus.json: projects[0].requires: found field "requires", which does not exist here; expected one of the fields that exist here: "id", "name", "kind", "summary", "sponsors", "cost", "buildTurns", "route", "onComplete", "perTurn", "initial", "basis", "citations"'],
  },
  {
    name: 'trigger.any on an event',
    edit: (s) => s.events.push({ id: 'e', title: 'E', text: 'E.', basis: { kind: 'assumption', reason: 'R.' }, trigger: { any: [] }, effects: [{ type: 'stability', country: 'alpha', delta: 1 }] }),
    lines: ['caucasus.json: events[0].trigger.any: found field "any", which does not exist here; expected one of the fields that exist here: "from", "to", "all", "chancePct"'],
  },
  {
    name: 'a misspelt field gets the closest as a hint',
    edit: (s) => {
      s.powers[0].startBudjet = s.powers[0].startBudget;
      delete s.powers[0].startBudget;
    },
    lines: [
      'caucasus.json: powers[0].startBudget: found nothing; expected a whole number',
      'caucasus.json: powers[0].startBudjet: found field "startBudjet", which does not exist here; expected one of the fields that exist here: "id", "name", "color", "home", "income", "startBudget", "tracks", "citations" (did you mean "startBudget"?)',
    ],
  },
  {
    name: 'a field at the top level',
    edit: (s) => (s.victoryPoints = 3),
    lines: ['caucasus.json: victoryPoints: found field "victoryPoints", which does not exist here; expected one of the fields that exist here: "$schema", "formatVersion", "id", "title", "summary", "start", "monthsPerTurn", "turns", "whatIf", "sources", "powers", "organisations", "countries", "cities", "actions", "projects", "events", "flags", "rules", "victory", "briefings", "citations"'],
  },
  // 10: whole numbers, and citations of nested values.
  {
    name: 'a fraction for a whole number',
    edit: (s) => (s.actions[3].risk.chancePct = 2.5),
    lines: ['caucasus.json: actions[3].risk.chancePct: found 2.5; expected a whole number'],
  },
  {
    name: 'a text for a whole number',
    edit: (s) => (s.turns = '10'),
    lines: ['caucasus.json: turns: found "10"; expected a whole number'],
  },
  {
    name: 'a fraction in a power map',
    edit: (s) => (s.countries[0].influence.north = 30.5),
    lines: ['caucasus.json: countries[0].influence.north: found 30.5; expected a whole number'],
  },
  {
    name: 'a citation of a nested field',
    edit: (s) => (s.actions[3].citations = { 'risk.chancePct': [{ source: 'src_a', note: 'The chance.' }] }),
    lines: ['caucasus.json: actions[3].citations["risk.chancePct"]: found key "risk.chancePct"; expected the name of a field of this entry, one of "id", "name", "kind", "summary", "powers", "cost", "influence", "effects", "requires", "risk", "basis" (a value inside "risk" is cited as "risk")'],
  },
  {
    name: 'a citation of a field the entry does not have',
    edit: (s) => (s.actions[0].citations = { risk: [{ source: 'src_a', note: 'The chance.' }] }),
    lines: ['caucasus.json: actions[0].citations.risk: found a citation for "risk", a field this entry does not have; expected a field of this entry: one of "id", "name", "kind", "summary", "powers", "cost", "influence", "effects", "basis"'],
  },
  // 15: source ids the file does not list are errors that list the ids it does.
  {
    name: 'an unlisted source in a basis',
    edit: (s) => (s.actions[0].basis.source = 'src_b'),
    lines: ['caucasus.json: actions[0].basis.source: found "src_b"; expected a source id: one of "src_a"'],
  },
  {
    name: 'an unlisted source in a citation',
    edit: (s) => (s.powers[1].citations = { income: [{ source: 'reuters-2023', note: 'The budget.' }] }),
    lines: ['caucasus.json: powers[1].citations.income[0].source: found "reuters-2023"; expected a source id: one of "src_a"'],
  },
  {
    name: 'an unlisted source in an event basis',
    edit: (s) => s.events.push({ id: 'e', title: 'E', text: 'E.', basis: { kind: 'reported', source: 'src_z', whatHappened: 'It did.' }, trigger: {}, effects: [{ type: 'stability', country: 'alpha', delta: 1 }] }),
    lines: ['caucasus.json: events[0].basis.source: found "src_z"; expected a source id: one of "src_a"'],
  },
  {
    name: 'an unlisted source in a summit basis',
    edit: (s) => (s.victory.summits = [{ turn: 2, name: 'Summit', weight: 2, basis: { kind: 'reported', source: 'src_y', note: 'It met.' } }]),
    lines: ['caucasus.json: victory.summits[0].basis.source: found "src_y"; expected a source id: one of "src_a"'],
  },
];

describe('validator messages name what exists where the mistake is', () => {
  it.each(cases)('$name', ({ edit, lines }) => {
    expect(problemLines(edit)).toEqual(lines);
  });

  it('the fixture itself is valid', () => {
    expect(problemLines(() => undefined)).toEqual([]);
  });
});
