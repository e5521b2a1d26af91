// The editor's form ↔ data mapping, without a browser: the schema walk reaches every value
// of every shipped file, "Add" makes entries the validator accepts, kinds switch cleanly,
// references offer the scenario's own ids, and every edit leaves the original untouched.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem, loadScenario } from '../../src/engine';
import { applyAction } from '../../src/ui/editor/formActions';
import { fieldValue } from '../../src/ui/editor/formView';
import { summaryOf } from '../../src/ui/editor/labels';
import { addEntry, followMapShape, followName, newEntry, switchVariant } from '../../src/ui/editor/newEntry';
import type { Path, PathPart } from '../../src/ui/editor/paths';
import { getAtPath, moveInList, parentKey, pathKey, removeAtPath, setAtPath } from '../../src/ui/editor/paths';
import { choicesFor, knownFlags, recordKeys, refKind as refKindOf } from '../../src/ui/editor/references';
import type { RefKind } from '../../src/ui/editor/references';
import { removeEntry } from '../../src/ui/editor/removeEntry';
import type { MapShape } from '../../src/ui/editor/references';
import type { SchemaNode } from '../../src/ui/editor/schemaNode';
import { discriminatorOf, nodeAt, nodeKind, variantNames } from '../../src/ui/editor/schemaNode';

const ROOT = join(__dirname, '../..');
const read = (p: string): unknown => JSON.parse(readFileSync(join(ROOT, p), 'utf8')) as unknown;
const schema = read('scenarios/schema.json') as SchemaNode;
// As the editor offers them: by name.
const map = (read('assets/map/central-asia.json') as { countries: MapShape[] }).countries.map((c) => ({ mapId: c.mapId, name: c.name, neighbours: c.neighbours })).sort((a, b) => a.name.localeCompare(b.name));
const shipped = readdirSync(join(ROOT, 'scenarios')).filter((f) => f.endsWith('.json') && f !== 'schema.json');
const blank = read('scenarios/templates/blank.json');
const classroom = read('scenarios/classroom-short.json');

const KIND_OF: Record<string, RefKind[]> = { countries: ['country', 'contested', 'neighbour', 'role'], powers: ['power', 'role'], cities: ['city'], sources: ['source'], organisations: ['organisation'], projects: ['project'] };
const problems = (json: unknown): string[] => {
  const r = loadScenario(json);
  return r.ok ? [] : r.error.map((p) => formatProblem('edit', p));
};
const listNode = (json: unknown, path: Path): SchemaNode => {
  const n = nodeAt(schema, json, path);
  if (!n || nodeKind(n) !== 'list') throw new Error(`${pathKey(path)} is not a list`);
  return n;
};
const add = (json: unknown, path: Path): unknown => addEntry(listNode(json, path), path, { json, map });

/** Every leaf (non-container) path of a JSON value. */
function leaves(v: unknown, at: PathPart[] = []): PathPart[][] {
  if (Array.isArray(v)) return v.length ? v.flatMap((x, i) => leaves(x, [...at, i])) : [at];
  if (v !== null && typeof v === 'object') {
    const keys = Object.keys(v);
    return keys.length ? keys.flatMap((k) => leaves((v as Record<string, unknown>)[k], [...at, k])) : [at];
  }
  return [at];
}

describe('the form reads the schema', () => {
  it.each([...shipped.map((f) => `scenarios/${f}`), 'scenarios/templates/blank.json'])('every value of %s has a field the schema describes', (file) => {
    const json = read(file);
    const missing = leaves(json)
      .filter((p) => p[0] !== '$schema')
      .filter((p) => nodeAt(schema, json, p) === null)
      .map(pathKey);
    expect(missing).toEqual([]);
  });

  it('unions are chosen by their discriminator: effect and condition types, a country’s role', () => {
    const effects = nodeAt(schema, classroom, ['events', 0, 'effects', 0]);
    const condition = nodeAt(schema, classroom, ['events', 0, 'trigger', 'all', 0]);
    const country = nodeAt(schema, classroom, ['countries', 0]);
    expect(effects && variantNames(effects)).toEqual(['influence', 'stability', 'dependence', 'budget', 'income', 'track', 'flag', 'points']);
    expect(condition && variantNames(condition)).toEqual(['flag', 'track', 'influence', 'stability', 'dependence', 'leads', 'project']);
    expect(country && discriminatorOf(country)).toBe('role');
    // A neighbour has no influence field; a contested country does.
    expect(nodeAt(schema, classroom, ['countries', 0, 'influence'])).not.toBeNull();
    const neighbour = (classroom as { countries: { role: string }[] }).countries.findIndex((c) => c.role === 'neighbour');
    expect(nodeAt(schema, classroom, ['countries', neighbour, 'influence'])).toBeNull();
  });
});

describe('Add makes entries the validator accepts', () => {
  it('the blank template itself is valid', () => {
    expect(problems(blank)).toEqual([]);
  });
  it.each(['powers', 'countries', 'cities', 'actions', 'projects', 'events', 'organisations', 'sources', 'briefings', 'flags'])('a new entry in %s keeps the blank scenario valid', (list) => {
    const before = getAtPath(blank, [list]) as unknown[];
    const after = add(blank, [list]);
    expect((getAtPath(after, [list]) as unknown[]).length).toBe(before.length + 1);
    expect(problems(after)).toEqual([]);
    expect(getAtPath(blank, [list])).toBe(before);
  });

  it('a new country takes the first unused map shape, its name and an id from it, and a value per power', () => {
    const entry = newEntry(listNode(blank, ['countries']), ['countries'], { json: blank, map }) as Record<string, unknown>;
    expect(entry).toMatchObject({ role: 'contested', mapId: '004', name: 'Afghanistan', id: 'afghanistan', borders: ['china'], influence: { beijing: 10, moscow: 10 }, dependence: { economic: { beijing: 0, moscow: 0 }, security: { beijing: 0, moscow: 0 } } });
  });

  it('a newcomer’s three-country scenario: one more country, a city in it, a project, an event', () => {
    let json = add(blank, ['countries']);
    json = add(json, ['cities']);
    json = setAtPath(json, ['cities', 11, 'country'], 'afghanistan');
    json = add(json, ['projects']);
    json = add(json, ['projects', 0, 'route']);
    json = add(json, ['events']);
    json = add(json, ['events', 0, 'trigger', 'all']);
    json = add(json, ['events', 0, 'effects']);
    expect(problems(json)).toEqual([]);
    const s = loadScenario(json);
    expect(s.ok && s.value.countries.filter((c) => c.role === 'contested').map((c) => c.id)).toEqual(['kazakhstan', 'kyrgyzstan', 'afghanistan']);
    // The route's second stop is a city not already on it.
    const route = getAtPath(json, ['projects', 0, 'route']) as string[];
    expect(new Set(route).size).toBe(route.length);
  });

  it('a new power gets a place in every contested country’s influence and dependence', () => {
    const json = add(blank, ['powers']);
    const id = (getAtPath(json, ['powers', 2, 'id']) as string) ?? '';
    expect(id).toBe('new-power');
    expect(getAtPath(json, ['countries', 0, 'influence', id])).toBe(0);
    expect(getAtPath(json, ['countries', 0, 'dependence', 'security', id])).toBe(0);
    expect(problems(json)).toEqual([]);
  });

  it('ids never collide: two added events get different ids', () => {
    const json = add(add(blank, ['events']), ['events']);
    expect(getAtPath(json, ['events', 0, 'id'])).not.toBe(getAtPath(json, ['events', 1, 'id']));
  });
});

describe('switching a kind', () => {
  const withEvent = add(blank, ['events']);
  const at = ['events', 0, 'effects', 0] as const;
  const union = nodeAt(schema, withEvent, at);
  it.each(['influence', 'stability', 'dependence', 'budget', 'income', 'points'])('an event effect switched to %s is valid and keeps the fields both kinds share', (tag) => {
    if (!union) throw new Error('no effect node');
    const before = getAtPath(withEvent, at) as Record<string, unknown>;
    const after = switchVariant(union, at, before, tag, { json: withEvent, map }) as Record<string, unknown>;
    expect(after.type).toBe(tag);
    if ('country' in after && 'country' in before) expect(after.country).toBe(before.country);
    expect(problems(setAtPath(withEvent, at, after))).toEqual([]);
  });
  it('an effect switched to a flag nobody reads is refused at its field, as the validator refuses it in a file', () => {
    if (!union) throw new Error('no effect node');
    const after = switchVariant(union, at, getAtPath(withEvent, at), 'flag', { json: withEvent, map });
    expect(problems(setAtPath(withEvent, at, after))).toEqual([expect.stringContaining('edit: events[0].effects[0].flag: found flag "new-flag", which no condition or order requirement reads')]);
  });
  it('a contested country switched to a neighbour drops influence and keeps its name and borders', () => {
    const node = nodeAt(schema, blank, ['countries', 0]);
    if (!node) throw new Error('no country node');
    const after = switchVariant(node, ['countries', 0], getAtPath(blank, ['countries', 0]), 'neighbour', { json: blank, map }) as Record<string, unknown>;
    expect(after).toMatchObject({ role: 'neighbour', name: 'Kazakhstan', borders: ['russia', 'china', 'kyrgyzstan'] });
    expect('influence' in after).toBe(false);
  });
});

describe('references offer the scenario’s own ids', () => {
  const table: [string, Path, string[]][] = [
    ['a route stop: cities', ['projects', 0, 'route', 0], (getAtPath(blank, ['cities']) as { id: string }[]).map((c) => c.id)],
    ['an order effect’s power: powers and placeholders', ['actions', 0, 'effects', 0, 'power'], ['$self', '$others', 'beijing', 'moscow']],
    ['an order effect’s country: $target and contested countries', ['actions', 0, 'effects', 0, 'country'], ['$target', 'kazakhstan', 'kyrgyzstan']],
    ['an event effect’s country: contested countries only', ['events', 0, 'effects', 0, 'country'], ['kazakhstan', 'kyrgyzstan']],
    ['a power’s home: neighbours only', ['powers', 0, 'home'], ['china', 'russia']],
    ['a city’s country: every country', ['cities', 0, 'country'], ['kazakhstan', 'kyrgyzstan', 'china', 'russia']],
    ['a border: every country', ['countries', 0, 'borders', 0], ['kazakhstan', 'kyrgyzstan', 'china', 'russia']],
    ['an action’s powers', ['actions', 0, 'powers', 0], ['beijing', 'moscow']],
    ['a briefing’s role: powers and countries', ['briefings', 0, 'role'], ['beijing', 'moscow', 'kazakhstan', 'kyrgyzstan', 'china', 'russia']],
  ];
  it.each(table)('%s', (_, path, expected) => {
    expect(choicesFor(path, blank, map)?.options.map((o) => o.value)).toEqual(expected);
  });
  it('map shapes are offered by name; flags are an open list of those the scenario names', () => {
    expect(choicesFor(['countries', 0, 'mapId'], blank, map)?.options.find((o) => o.value === '398')?.label).toBe('Kazakhstan (398)');
    const flags = choicesFor(['events', 0, 'effects', 0, 'flag'], classroom, map);
    expect(flags?.open).toBe(true);
    expect(flags?.options.map((o) => o.value)).toEqual(knownFlags(classroom));
    expect(knownFlags(classroom).length).toBeGreaterThan(0);
  });
  it('influence and dependence have one key per power; plain fields refer to nothing', () => {
    expect(recordKeys(['countries', 0, 'influence'], blank)?.map((c) => c.label)).toEqual(['Beijing', 'Moscow']);
    expect(choicesFor(['countries', 0, 'stability'], blank, map)).toBeNull();
    expect(choicesFor(['powers', 0], blank, map)).toBeNull();
  });
});

describe('paths and immutable edits', () => {
  it('spells paths as the validator does and walks up them', () => {
    expect(pathKey(['countries', 0, 'influence', 'beijing'])).toBe('countries[0].influence.beijing');
    expect(parentKey('countries[0].influence.beijing')).toBe('countries[0].influence');
    expect(parentKey('countries[0]')).toBe('countries');
    expect(parentKey('countries')).toBe('');
    expect(parentKey('')).toBeNull();
  });
  it('set, remove and move copy what they change and share the rest', () => {
    const set = setAtPath(classroom, ['countries', 0, 'influence', 'beijing'], 44);
    expect(getAtPath(set, ['countries', 0, 'influence', 'beijing'])).toBe(44);
    expect(getAtPath(classroom, ['countries', 0, 'influence', 'beijing'])).not.toBe(44);
    expect(getAtPath(set, ['countries', 1])).toBe(getAtPath(classroom, ['countries', 1]));
    const removed = removeAtPath(classroom, ['victory', 'leadMargin']);
    expect(getAtPath(removed, ['victory'])).not.toHaveProperty('leadMargin');
    expect(getAtPath(removed, ['victory', 'summits'])).toBe(getAtPath(classroom, ['victory', 'summits']));
    expect(getAtPath(classroom, ['victory', 'leadMargin'])).toBe(10);
    const names = (j: unknown): unknown[] => (getAtPath(j, ['countries']) as { id: string }[]).map((c) => c.id);
    const moved = moveInList(classroom, ['countries'], 0, 2);
    expect(names(moved).slice(0, 3)).toEqual([names(classroom)[1], names(classroom)[2], names(classroom)[0]]);
    expect(moveInList(classroom, ['countries'], 0, -1)).toBe(classroom);
    expect(problems(moved)).toEqual([]);
  });
  it('an invalid value gives a problem at exactly the field’s path', () => {
    const r = loadScenario(setAtPath(classroom, ['countries', 0, 'stability'], fieldValue('number', '140')));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.map((p) => p.path)).toContain('countries[0].stability');
  });
  it('keeps text that is not a number as text, so the validator can name it', () => {
    expect(fieldValue('number', '12')).toBe(12);
    expect(fieldValue('number', 'twelve')).toBe('twelve');
    expect(fieldValue('number', '')).toBe('');
    expect(fieldValue('text', '12')).toBe('12');
  });
  it('summarises an entry by name, and an effect or condition by what it does', () => {
    expect(summaryOf({ name: 'Kazakhstan', role: 'contested' }, 'x')).toBe('Kazakhstan (contested)');
    expect(summaryOf({ type: 'influence', country: 'kazakhstan', power: '$self', delta: -3 }, 'x')).toBe('influence (kazakhstan, $self) -3');
    expect(summaryOf({ type: 'stability', country: 'kyrgyzstan', atMost: 30 }, 'x')).toBe('stability (kyrgyzstan) ≤ 30');
    expect(summaryOf({}, 'effect 2')).toBe('effect 2');
  });
});

describe('choosing a map shape', () => {
  it('a new country’s name and id follow the shape chosen for it; a named country keeps its own', () => {
    const json = add(blank, ['countries']);
    const uzbek = followMapShape(json, 4, '860', map);
    expect(getAtPath(uzbek, ['countries', 4])).toMatchObject({ mapId: '860', name: 'Uzbekistan', id: 'uzbekistan', borders: ['kazakhstan', 'kyrgyzstan'] });
    // Borders go both ways and follow the shape: Afghanistan bordered China; Uzbekistan borders Kazakhstan and Kyrgyzstan.
    expect(getAtPath(uzbek, ['countries', 0, 'borders'])).toEqual(['russia', 'china', 'kyrgyzstan', 'uzbekistan']);
    expect(getAtPath(uzbek, ['countries', 2, 'borders'])).toEqual(['kazakhstan', 'kyrgyzstan']);
    expect(problems(uzbek)).toEqual([]);
    const renamed = setAtPath(json, ['countries', 4, 'name'], 'Bactria');
    expect(getAtPath(followMapShape(renamed, 4, '860', map), ['countries', 4])).toMatchObject({ mapId: '860', name: 'Bactria', id: 'afghanistan' });
    // Kazakhstan's id is referred to (borders, cities): its name follows, its id stays.
    expect(getAtPath(followMapShape(blank, 0, '860', map), ['countries', 0])).toMatchObject({ mapId: '860', name: 'Uzbekistan', id: 'kazakhstan' });
  });
});

describe('naming an entry', () => {
  it('a made-up id follows the name until something refers to it; a typed id stays', () => {
    const json = add(blank, ['cities']);
    const named = followName(setAtPath(json, ['cities', 11, 'name'], 'Naryn'), ['cities', 11], 'Naryn');
    expect(named.id).toBe('naryn');
    expect(getAtPath(named.json, ['cities', 11, 'id'])).toBe('naryn');
    expect(problems(named.json)).toEqual([]);
    const used = setAtPath(add(json, ['projects']), ['projects', 0, 'route'], ['new-city']);
    expect(followName(used, ['cities', 11], 'Naryn').id).toBeNull();
    expect(followName(blank, ['cities', 0], 'Alma-Ata').id).toBeNull();
  });
});

describe('removing an entry others refer to', () => {
  const lists = ['countries', 'powers', 'cities', 'sources', 'organisations', 'projects'] as const;
  /** Paths where a value still equals `id` and names that kind of thing. */
  const refsLeft = (json: unknown, id: string, list: string): string[] =>
    leaves(json)
      .filter((p) => getAtPath(json, p) === id && p[p.length - 1] !== 'id')
      .filter((p) => {
        const kind = refKindOf(p);
        return kind !== null && KIND_OF[list]?.includes(kind);
      })
      .map(pathKey);
  it.each(shipped)('in %s, whatever is removed, every reference left behind is named by a problem', (file) => {
    const json = read(`scenarios/${file}`) as Record<string, { id: string }[]>;
    for (const list of lists)
      (json[list] ?? []).forEach((entry, i) => {
        const r = removeEntry(schema, json, [list, i]);
        expect((getAtPath(r.json, [list]) as { id: string }[]).some((e) => e.id === entry.id)).toBe(false);
        const v = loadScenario(r.json);
        const flagged = v.ok ? [] : v.error.map((p) => p.path);
        for (const left of refsLeft(r.json, entry.id, list)) expect(flagged, `${file}: removing ${entry.id} leaves ${left}`).toContain(left);
      });
  });
  it('a contested country takes its cities, borders, the effects and conditions about it, and the projects and events left empty', () => {
    const tajik = (getAtPath(classroom, ['countries']) as { id: string }[]).findIndex((c) => c.id === 'tajikistan');
    const r = removeEntry(schema, classroom, ['countries', tajik]);
    const ids = (list: string): string[] => (getAtPath(r.json, [list]) as { id: string }[]).map((e) => e.id);
    expect(ids('cities')).not.toContain('dushanbe');
    expect(ids('projects')).not.toContain('201st-base');
    expect(getAtPath(r.json, ['projects', ids('projects').indexOf('china-tajikistan-highway'), 'route'])).toEqual(['kashgar']);
    expect(JSON.stringify(r.json)).not.toContain('"tajikistan"');
    expect(r.removed.some((k) => /^countries\[\d+\]\.borders\[\d+\]$/.test(k))).toBe(true);
    // What is left to decide: the China–Tajikistan highway now ends in China.
    expect(problems(r.json)).toEqual([expect.stringContaining('route: found a route through no contested country')]);
    expect(getAtPath(classroom, ['countries', tajik, 'id'])).toBe('tajikistan');
  });
  it('a power takes its influence values and the orders only it could give; its home stays the designer’s choice', () => {
    const r = removeEntry(schema, blank, ['powers', 1]);
    expect(Object.keys(getAtPath(r.json, ['countries', 0, 'influence']) as object)).toEqual(['beijing']);
    expect((getAtPath(r.json, ['actions']) as { powers: string[] }[]).every((a) => !a.powers.includes('moscow'))).toBe(true);
    expect(problems(r.json)).toEqual(['edit: powers: found a list of 1; expected at least 2 entries']);
  });
  it('a country takes the sea links to it along, and a sea link offers every country', () => {
    const json = setAtPath(setAtPath(blank, ['countries', 0, 'seaLinks'], [{ country: 'kyrgyzstan', note: 'A ferry.' }]), ['countries', 1, 'seaLinks'], [{ country: 'kazakhstan', note: 'A ferry.' }]);
    expect(problems(json)).toEqual([]);
    // A sea link may lead to a neighbour, unlike an effect's country.
    expect(refKindOf(['countries', 0, 'seaLinks', 0, 'country'])).toBe('country');
    const r = removeEntry(schema, json, ['countries', 1]);
    expect(r.removed).toContain('countries[0].seaLinks[0]');
    expect(getAtPath(r.json, ['countries', 0, 'seaLinks'])).toEqual([]);
  });
  it('an entry nothing refers to goes alone', () => {
    const json = add(blank, ['cities']);
    expect(removeEntry(schema, json, ['cities', 11])).toEqual({ json: blank, removed: [] });
  });
});

describe('what each form control does (formActions)', () => {
  const ctx = (json: unknown = blank) => ({ schema, map, json });
  it('a field ending its edit: a value, an emptied optional field, a new name that the made-up id follows', () => {
    expect(getAtPath(applyAction({ kind: 'set', path: ['turns'], value: 9, optional: false, final: true }, ctx()).json, ['turns'])).toBe(9);
    const withFrom = setAtPath(add(blank, ['events']), ['events', 0, 'trigger', 'from'], '2024-04');
    expect(getAtPath(applyAction({ kind: 'set', path: ['events', 0, 'trigger', 'from'], value: '', optional: true, final: true }, ctx(withFrom)).json, ['events', 0, 'trigger'])).not.toHaveProperty('from');
    const city = add(blank, ['cities']);
    const typing = applyAction({ kind: 'set', path: ['cities', 11, 'name'], value: 'Nar', optional: false, final: false }, ctx(city)).json;
    expect(getAtPath(typing, ['cities', 11, 'id'])).toBe('new-city');
    expect(getAtPath(applyAction({ kind: 'set', path: ['cities', 11, 'name'], value: 'Naryn', optional: false, final: true }, ctx(typing)).json, ['cities', 11, 'id'])).toBe('naryn');
  });
  it('add opens the new entry and focuses it; move keeps it open and focused; remove says what went', () => {
    const added = applyAction({ kind: 'add', path: ['events'] }, ctx());
    expect(added).toMatchObject({ open: ['events[0]'], focus: 'open:events[0]' });
    expect(applyAction({ kind: 'add', path: ['countries', 0, 'borders'] }, ctx())).toMatchObject({ focus: 'f:countries[0].borders[3]' });
    expect(applyAction({ kind: 'move', path: ['actions', 1], by: -1 }, ctx())).toMatchObject({ open: ['actions[0]'], close: ['actions[1]'], focus: 'down:actions[0]' });
    expect(applyAction({ kind: 'move', path: ['actions', 0], by: -1 }, ctx()).json).toBe(blank);
    const removed = applyAction({ kind: 'remove', path: ['countries', 2] }, ctx());
    expect(removed.note).toBe('Removed China and 2 things that referred to it: countries[0].borders[1], countries[1].borders[1]. Undo brings them back.');
  });
  it('kinds, optional parts and citations', () => {
    const withEvent = add(blank, ['events']);
    const switched = applyAction({ kind: 'variant', path: ['events', 0, 'effects', 0], tag: 'budget' }, ctx(withEvent));
    expect(getAtPath(switched.json, ['events', 0, 'effects', 0])).toEqual({ type: 'budget', power: 'beijing', delta: 0 });
    expect(switched.focus).toBe('f:events[0].effects[0].type');
    const early = applyAction({ kind: 'add-part', path: ['victory', 'suddenDeath'] }, ctx());
    expect(getAtPath(early.json, ['victory', 'suddenDeath'])).toEqual({ countries: 1, fromTurn: 1 });
    expect(getAtPath(applyAction({ kind: 'remove-part', path: ['victory', 'suddenDeath'] }, ctx(early.json)).json, ['victory'])).toEqual({ leadMargin: 7, leadPoints: 1, summits: [] });
    const cited = applyAction({ kind: 'cite', path: ['powers', 0, 'citations'], field: 'income' }, ctx());
    expect(getAtPath(cited.json, ['powers', 0, 'citations', 'income'])).toEqual([{ source: '000_e93177a9f029bdd6', note: 'Paraphrase what the article says.' }]);
    expect(problems(cited.json)).toEqual([]);
  });
  it('the maps: a city toggles on a route; a click places a city only inside the scenario’s countries', () => {
    const withProject = add(blank, ['projects']);
    const on = applyAction({ kind: 'route-city', path: ['projects', 0, 'route'], city: 'almaty' }, ctx(withProject));
    expect(on.note).toBe('Almaty added to the route (stop 2).');
    const off = applyAction({ kind: 'route-city', path: ['projects', 0, 'route'], city: 'almaty' }, ctx(on.json));
    expect(off.note).toBe('Almaty taken off the route.');
    expect(getAtPath(off.json, ['projects', 0, 'route'])).toEqual(getAtPath(withProject, ['projects', 0, 'route']));
    const placed = applyAction({ kind: 'place-city', lat: 43.25, lon: 76.9, mapId: '398' }, ctx());
    expect(getAtPath(placed.json, ['cities', 11])).toEqual({ id: 'new-city', name: 'New city', country: 'kazakhstan', lat: 43.25, lon: 76.9, capital: false });
    expect(placed.focus).toBe('f:cities[11].name');
    expect(applyAction({ kind: 'place-city', lat: 40, lon: 60, mapId: '795' }, ctx())).toEqual({ json: blank, note: 'Turkmenistan is not in this scenario: add it under Countries first.' });
    expect(applyAction({ kind: 'place-city', lat: 40, lon: 60, mapId: null }, ctx()).note).toBe('That place is outside every country of the map.');
  });
});
