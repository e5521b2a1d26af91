// The engine is pure and deterministic: no Phaser, DOM, timers, clocks, Math.random or I/O,
// and it imports nothing from outside src/engine but zod and seedrandom.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '../../src/engine');
const files = (dir: string): string[] => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : f.endsWith('.ts') ? [join(dir, f)] : []));

const forbidden: [string, RegExp][] = [
  ['Math.random', /Math\.random/],
  ['Date', /\bDate\b/],
  ['timers', /\b(setTimeout|setInterval|setImmediate|requestAnimationFrame)\b/],
  ['performance clock', /\bperformance\./],
  ['DOM', /\b(window|document|localStorage|navigator)\./],
  ['process', /\bprocess\./],
  ['fetch', /\bfetch\(/],
];

/** A file's code without comments, after checking it uses nothing forbidden; and its imports. */
function checkedImports(file: string): string[] {
  const code = readFileSync(file, 'utf8').replace(/\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '');
  for (const [what, re] of forbidden) expect(re.test(code), `${what} in ${file}`).toBe(false);
  return [...code.matchAll(/from\s+['"]([^'"]+)['"]/g)].map((m) => m[1] as string);
}

describe('src/engine purity', () => {
  const all = files(root);
  it('has files to check', () => expect(all.length).toBeGreaterThan(10));
  it.each(all.map((f) => [relative(root, f), f]))('%s uses no clock, timer, DOM, I/O or Math.random', (_name, file) => {
    const imports = checkedImports(file);
    for (const spec of imports) expect(spec.startsWith('.') || spec === 'zod' || spec === 'seedrandom', `import of "${spec}" in ${file}`).toBe(true);
    for (const spec of imports.filter((x) => x.startsWith('.'))) expect(join(file, '..', spec).startsWith(root), `"${spec}" leaves src/engine in ${file}`).toBe(true);
  });
  it('the checker itself catches an impure line', () => {
    expect(forbidden.some(([, re]) => re.test('const t = Date.now();'))).toBe(true);
    expect(forbidden.some(([, re]) => re.test('x = Math.random()'))).toBe(true);
  });
});

// The classroom room model is folded again from its log when a server restarts, so it must
// be as deterministic as the engine: the clock comes in as an argument.
describe('src/classroom purity', () => {
  const dir = join(__dirname, '../../src/classroom');
  const all = files(dir);
  it('has files to check', () => expect(all.length).toBeGreaterThanOrEqual(2));
  it.each(all.map((f) => [relative(dir, f), f]))('%s uses no clock, timer, DOM, I/O or Math.random', (_name, file) => {
    const imports = checkedImports(file);
    for (const spec of imports) expect(spec === 'zod' || spec.startsWith('./') || spec === '../engine' || spec.startsWith('../ai/'), `import of "${spec}" in ${file}`).toBe(true);
  });
});
