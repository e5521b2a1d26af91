// Every field of the scenario schema is documented in scenarios/README.md.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '../..');
const readme = readFileSync(join(root, 'scenarios/README.md'), 'utf8');
const schema = JSON.parse(readFileSync(join(root, 'scenarios/schema.json'), 'utf8')) as unknown;

function fieldNames(node: unknown, out = new Set<string>()): Set<string> {
  if (node === null || typeof node !== 'object') return out;
  const n = node as Record<string, unknown>;
  if (n.properties && typeof n.properties === 'object') {
    for (const [k, v] of Object.entries(n.properties)) {
      out.add(k);
      fieldNames(v, out);
    }
  }
  for (const key of ['items', 'additionalProperties']) fieldNames(n[key], out);
  for (const key of ['oneOf', 'anyOf', 'allOf']) if (Array.isArray(n[key])) for (const alt of n[key] as unknown[]) fieldNames(alt, out);
  return out;
}

describe('scenario documentation', () => {
  const names = [...fieldNames(schema)].filter((n) => n !== '$schema');
  it('covers a real schema', () => expect(names.length).toBeGreaterThan(60));
  it.each(names)('mentions the field "%s"', (name) => {
    expect(readme.includes(`.${name}\``) || readme.includes(`\`${name}\``)).toBe(true);
  });
});
