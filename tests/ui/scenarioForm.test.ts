import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem, loadScenario } from '../../src/engine';
import { fieldValue, formFields, getAtPath, pathKey, setAtPath } from '../../src/ui/scenarioForm';

const json = JSON.parse(readFileSync(join(__dirname, '../../scenarios/classroom-short.json'), 'utf8')) as unknown;

describe('scenario form ↔ data', () => {
  it('offers fields whose paths exist in the scenario, spelled as the validator spells them', () => {
    const fields = formFields(json);
    expect(fields.length).toBeGreaterThan(30);
    for (const f of fields) expect(getAtPath(json, f.path), pathKey(f.path)).not.toBeUndefined();
    expect(fields.map((f) => pathKey(f.path))).toContain('countries[0].influence.beijing');
    expect(new Set(fields.map((f) => f.group))).toEqual(new Set(['Scenario', 'Powers', 'Countries', 'Cities', 'Actions', 'Projects', 'Events']));
    const source = fields.find((f) => pathKey(f.path) === 'events[0].source');
    expect(source?.kind).toBe('select');
    expect(source?.options).toContain(getAtPath(json, ['events', 0, 'source']));
  });
  it('writes a value at a path without touching the original, and the result validates', () => {
    const edited = setAtPath(json, ['countries', 0, 'influence', 'beijing'], 44);
    expect(getAtPath(edited, ['countries', 0, 'influence', 'beijing'])).toBe(44);
    expect(getAtPath(json, ['countries', 0, 'influence', 'beijing'])).not.toBe(44);
    expect(getAtPath(edited, ['countries', 1])).toBe(getAtPath(json, ['countries', 1]));
    expect(loadScenario(edited).ok).toBe(true);
  });
  it('an invalid value gives a problem at exactly the field’s path', () => {
    const edited = setAtPath(json, ['countries', 0, 'stability'], fieldValue('number', '140'));
    const r = loadScenario(edited);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.map((p) => p.path)).toContain(pathKey(['countries', 0, 'stability']));
    if (!r.ok) expect(formatProblem('x', r.error[0] ?? { path: '', found: '', expected: '' })).toContain('found 140');
  });
  it('keeps text that is not a number as text, so the validator can name it', () => {
    expect(fieldValue('number', '12')).toBe(12);
    expect(fieldValue('number', 'twelve')).toBe('twelve');
    expect(fieldValue('number', '')).toBe('');
    expect(fieldValue('text', '12')).toBe('12');
  });
});
