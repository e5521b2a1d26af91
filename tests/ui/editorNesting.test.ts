// Deeply nested text in the editor (issue 8, D13): JSON.parse builds 100,000 levels without
// complaint, and every walk the editor makes over a scenario — flags, references, removal,
// new ids, names that follow, the drawing's signature — must neither overflow the stack nor
// hang; the editor refuses text deeper than the engine's limit before any walk.
import { describe, expect, it } from 'vitest';
import { formatProblem, loadScenario, loadScenarioText } from '../../src/engine';
import { MAX_NESTING as ENGINE_MAX_NESTING } from '../../src/engine/scenario';
import { applyAction } from '../../src/ui/editor/formActions';
import { referencesOf } from '../../src/ui/editor/formView';
import { MAX_NESTING, nestsDeeperThan } from '../../src/ui/editor/nesting';
import { followName } from '../../src/ui/editor/newEntry';
import { knownFlags } from '../../src/ui/editor/references';
import { removeEntry } from '../../src/ui/editor/removeEntry';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SchemaNode } from '../../src/ui/editor/schemaNode';

const ROOT = join(__dirname, '../..');
const schema = JSON.parse(readFileSync(join(ROOT, 'scenarios/schema.json'), 'utf8')) as SchemaNode;
const blank = JSON.parse(readFileSync(join(ROOT, 'scenarios/templates/blank.json'), 'utf8')) as Record<string, unknown>;
/** `levels` lists inside one another (the text: 100,000 '['). */
const nested = (levels: number): unknown => JSON.parse(`${'['.repeat(levels)}${']'.repeat(levels)}`);
/** `levels` objects inside one another, each naming a flag: what a walk for flags would follow down. */
const nestedObjects = (levels: number): unknown => JSON.parse(`${'{"flags":["f"],"x":'.repeat(levels)}0${'}'.repeat(levels)}`);

describe('deep nesting in the editor', () => {
  it('the limit is the engine’s, and is measured the way the engine counts', () => {
    expect(MAX_NESTING).toBe(ENGINE_MAX_NESTING);
    expect(nestsDeeperThan(nested(MAX_NESTING))).toBe(false);
    expect(nestsDeeperThan(nested(MAX_NESTING + 1))).toBe(true);
    const problem = (v: unknown): string[] => {
      const r = loadScenario(v);
      return r.ok ? [] : r.error.map((p) => p.found);
    };
    expect(problem(nested(MAX_NESTING))).not.toContain(`nesting deeper than ${MAX_NESTING} levels`);
    expect(problem(nested(MAX_NESTING + 1))).toContain(`nesting deeper than ${MAX_NESTING} levels`);
    expect(nestsDeeperThan(42)).toBe(false);
    expect(nestsDeeperThan(null)).toBe(false);
  });

  it('100,000 levels: measured without recursion, and the validator says why it is refused', () => {
    const text = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect(nestsDeeperThan(JSON.parse(text))).toBe(true);
    const r = loadScenarioText(text);
    const said = r.ok ? [] : r.error.map((p) => formatProblem('scenario', p));
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(new RegExp(`found nesting deeper than ${MAX_NESTING} levels; expected a scenario as the schema describes it$`));
  });

  it.each([
    ['lists', nested(100_000)],
    ['objects naming flags', nestedObjects(100_000)],
  ])('every walk over a scenario holding 100,000 levels of %s stays on the stack and ends', (_what, deep) => {
    const json = { ...blank, countries: [...(blank.countries as unknown[]), deep], events: [deep] };
    expect(() => knownFlags(json)).not.toThrow();
    expect(() => referencesOf(json)).not.toThrow();
    expect(() => removeEntry(schema, json, ['countries', 1])).not.toThrow();
    expect(() => followName(json, ['cities', 0], 'Somewhere')).not.toThrow();
    for (const list of ['countries', 'events', 'cities', 'powers']) expect(() => applyAction({ kind: 'add', path: [list] }, { schema, map: [], json })).not.toThrow();
    expect(() => applyAction({ kind: 'remove', path: ['powers', 1] }, { schema, map: [], json })).not.toThrow();
    expect(() => applyAction({ kind: 'set', path: ['cities', 0, 'name'], value: 'X', optional: false, final: true }, { schema, map: [], json })).not.toThrow();
  });
});
