// Ids are just names in the editor too (issue 8, D1): a scenario whose ids are the names of
// JavaScript built-ins ("constructor", "keys") edits exactly like the same scenario under
// ordinary names — every form action gives the same scenario (renamed) and the same
// problems — and nothing outside the scenario changes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem, loadScenario } from '../../src/engine';
import type { FormAction } from '../../src/ui/editor/formActions';
import { applyAction } from '../../src/ui/editor/formActions';
import { labelFor, summaryOf } from '../../src/ui/editor/labels';
import { singular } from '../../src/ui/editor/newEntry';
import type { Path } from '../../src/ui/editor/paths';
import { getAtPath, removeAtPath, setAtPath } from '../../src/ui/editor/paths';
import type { MapShape } from '../../src/ui/editor/references';
import { choicesFor, recordKeys } from '../../src/ui/editor/references';
import type { SchemaNode } from '../../src/ui/editor/schemaNode';
import { nodeAt } from '../../src/ui/editor/schemaNode';
import { builtinsChanged, fingerprintBuiltins } from '../fixtures/hostile/builtins';
import { renameIds } from '../fixtures/hostile/renameIds';

const ROOT = join(__dirname, '../..');
const read = (p: string): unknown => JSON.parse(readFileSync(join(ROOT, p), 'utf8')) as unknown;
const schema = read('scenarios/schema.json') as SchemaNode;
const map = (read('assets/map/central-asia.json') as { countries: MapShape[] }).countries.map((c) => ({ mapId: c.mapId, name: c.name, neighbours: c.neighbours }));
const blank = read('scenarios/templates/blank.json');

/** The renaming (Kyrgyzstan "constructor", Moscow "keys"), and the other way round (a power "constructor"). */
const RENAMINGS: [string, Map<string, string>][] = [
  ['kyrgyzstan → constructor, moscow → keys', new Map([['kyrgyzstan', 'constructor'], ['moscow', 'keys']])],
  ['moscow → constructor, kyrgyzstan → keys', new Map([['moscow', 'constructor'], ['kyrgyzstan', 'keys']])],
];
const reverse = (names: Map<string, string>): Map<string, string> => new Map([...names].map(([a, b]) => [b, a]));
const problems = (json: unknown): string[] => {
  const r = loadScenario(json);
  return r.ok ? [] : r.error.map((p) => formatProblem('edit', p));
};
/** Every form action the editor has, on the blank template; `id` gives a name as the scenario being edited spells it. */
const steps = (id: (name: string) => string): [string, FormAction][] => [
  ['set an influence value', { kind: 'set', path: ['countries', 1, 'influence', id('moscow')], value: 50, optional: false, final: true }],
  ['clear an optional value', { kind: 'set', path: ['countries', 1, 'influence', id('moscow')], value: '', optional: true, final: true }],
  ['set it again', { kind: 'set', path: ['countries', 1, 'influence', id('moscow')], value: 44, optional: true, final: true }],
  ['rename a country', { kind: 'set', path: ['countries', 1, 'name'], value: 'Kyrgyz Republic', optional: false, final: true }],
  ['add a power', { kind: 'add', path: ['powers'] }],
  ['add a country', { kind: 'add', path: ['countries'] }],
  ['add a city', { kind: 'add', path: ['cities'] }],
  ['add an action', { kind: 'add', path: ['actions'] }],
  ['add a project', { kind: 'add', path: ['projects'] }],
  ['add a route stop', { kind: 'add', path: ['projects', 0, 'route'] }],
  ['pick a route city', { kind: 'route-city', path: ['projects', 0, 'route'], city: 'osh' }],
  ['add an event', { kind: 'add', path: ['events'] }],
  ['add a condition', { kind: 'add', path: ['events', 0, 'trigger', 'all'] }],
  ['switch an effect’s kind', { kind: 'variant', path: ['actions', 0, 'effects', 0], tag: 'influence' }],
  ['point an effect at the renamed country', { kind: 'set', path: ['actions', 0, 'effects', 0, 'country'], value: id('kyrgyzstan'), optional: false, final: true }],
  ['point an effect at the renamed power', { kind: 'set', path: ['actions', 0, 'effects', 0, 'power'], value: id('moscow'), optional: false, final: true }],
  ['cite a field', { kind: 'cite', path: ['actions', 0, 'citations'], field: 'cost' }],
  ['add an early win', { kind: 'add-part', path: ['victory', 'suddenDeath'] }],
  ['remove it', { kind: 'remove-part', path: ['victory', 'suddenDeath'] }],
  ['move an action', { kind: 'move', path: ['actions', 0], by: 1 }],
  ['place a city in the renamed country', { kind: 'place-city', lat: 41.5, lon: 74.5, mapId: '417' }],
  ['remove the renamed country and what belongs to it', { kind: 'remove', path: ['countries', 1] }],
  ['remove the renamed power and its values', { kind: 'remove', path: ['powers', 1] }],
];

describe('a scenario whose ids are built-in names, in the editor', () => {
  it.each(RENAMINGS)('every form action (%s) gives the same scenario and the same problems as under ordinary names', (_names, names) => {
    const before = fingerprintBuiltins();
    const back = reverse(names);
    let plain: unknown = blank;
    let named: unknown = renameIds(blank, names);
    expect(problems(named)).toEqual([]);
    const plainSteps = steps((n) => n);
    const namedSteps = steps((n) => names.get(n) ?? n);
    plainSteps.forEach(([what, action], i) => {
      const a = applyAction(action, { schema, map, json: plain });
      const b = applyAction((namedSteps[i] as [string, FormAction])[1], { schema, map, json: named });
      plain = a.json;
      named = b.json;
      // The same scenario once the names are swapped back, the same problems, the same note.
      expect(JSON.parse(JSON.stringify(renameIds(named, back))), what).toEqual(JSON.parse(JSON.stringify(plain)));
      expect(problems(named).map((p) => [...names].reduce((t, [from, to]) => t.replaceAll(`"${to}"`, `"${from}"`).replaceAll(`.${to}`, `.${from}`), p)), what).toEqual(problems(plain));
      expect(b.note === undefined, what).toBe(a.note === undefined);
    });
    // Removing the renamed country and power left nothing that names them.
    expect(JSON.stringify(named)).not.toMatch(new RegExp(`"${names.get('kyrgyzstan')}"`));
    expect(builtinsChanged(before, fingerprintBuiltins())).toEqual([]);
  });

  it.each(RENAMINGS)('a missing value under a built-in name reads as missing, not as the built-in (%s)', (_names, names) => {
    const named = renameIds(blank, names);
    const power = names.get('moscow') ?? '';
    const cleared = removeAtPath(named, ['countries', 0, 'influence', power]);
    expect(getAtPath(cleared, ['countries', 0, 'influence', power])).toBeUndefined();
    expect(getAtPath(cleared, ['countries', 0, 'influence', 'constructor'])).toBeUndefined();
    expect(getAtPath(cleared, ['countries', 0, 'toString'])).toBeUndefined();
    expect(getAtPath(cleared, ['countries', 'length'])).toBeUndefined();
    expect(recordKeys(['countries', 0, 'influence'], named)?.map((c) => c.value)).toEqual(['beijing', power]);
    expect(choicesFor(['cities', 0, 'country'], named, map)?.options.map((o) => o.value)).toContain(names.get('kyrgyzstan'));
    expect(nodeAt(schema, named, ['countries', 0, 'influence', 'constructor'])?.type).toBe('integer');
    expect(nodeAt(schema, named, ['countries', 0, 'constructor'])).toBeNull();
  });

  it('words for fields and lists named like built-ins are words', () => {
    for (const name of ['constructor', 'toString', 'valueOf', '__proto__', 'hasOwnProperty']) {
      expect(typeof labelFor(name)).toBe('string');
      expect(singular(name)).toBe('entry');
    }
    expect(labelFor('constructor')).toBe('Constructor');
    expect(summaryOf({ type: 'influence', country: 'constructor', power: 'keys', delta: 2 }, 'x')).toBe('influence (constructor, keys) +2');
  });

  it('a "__proto__" key in the text is an ordinary key to every edit: kept, set and removed, never a prototype', () => {
    const before = fingerprintBuiltins();
    const json = JSON.parse('{"citations": {"__proto__": {"source": "a", "note": "n"}}}') as unknown;
    const set = setAtPath(json, ['citations', '__proto__', 'note'], 'changed');
    expect(JSON.stringify(set)).toBe('{"citations":{"__proto__":{"source":"a","note":"changed"}}}');
    expect(Object.getPrototypeOf(getAtPath(set, ['citations']))).not.toEqual({ source: 'a', note: 'changed' });
    const added = setAtPath({ citations: {} }, ['citations', '__proto__'], { source: 'b', note: 'm' });
    expect(JSON.stringify(added)).toBe('{"citations":{"__proto__":{"source":"b","note":"m"}}}');
    expect(JSON.stringify(removeAtPath(set, ['citations', '__proto__']))).toBe('{"citations":{}}');
    expect(builtinsChanged(before, fingerprintBuiltins())).toEqual([]);
  });
});

describe('paths never reach past the data', () => {
  it.each<[string, Path]>([
    ['an inherited name on an object', ['constructor']],
    ['an inherited name deeper', ['countries', 0, 'constructor', 'keys']],
    ['a list’s own property', ['countries', 'length']],
  ])('%s reads as missing', (_what, path) => {
    expect(getAtPath(blank, path)).toBeUndefined();
  });
});
