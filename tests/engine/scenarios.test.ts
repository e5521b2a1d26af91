// Shipped scenarios are valid and cite their sources; every broken scenario in
// tests/fixtures/bad-scenarios produces exactly the messages in its .expected.txt.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem, groundingReport, loadScenarioText, newGame } from '../../src/engine';

const scenarioDir = join(__dirname, '../../scenarios');
const badDir = join(__dirname, '../fixtures/bad-scenarios');
const shipped = readdirSync(scenarioDir).filter((f) => f.endsWith('.json') && f !== 'schema.json');
const articleIds = ['000_e93177a9f029bdd6', '001_baba1758364c35d9', '002_baee582e96183360', '003_b6de07fd0d646c0f', '004_dc43907925d3983f'];

describe('shipped scenarios', () => {
  it('are the four the design brief asks for', () => {
    expect(shipped.sort()).toEqual(['astana-2024.json', 'classroom-short.json', 'samarkand-2022.json', 'xian-2023.json']);
  });
  it.each(shipped)('%s is valid, references the schema and starts a game', (file) => {
    const text = readFileSync(join(scenarioDir, file), 'utf8');
    const r = loadScenarioText(text);
    if (!r.ok) throw new Error(r.error.map((p) => formatProblem(file, p)).join('\n'));
    expect(JSON.parse(text).$schema).toBe('./schema.json');
    expect(r.value.id).toBe(file.replace(/\.json$/, ''));
    expect(newGame(r.value, 'x').ok).toBe(true);
    for (const src of r.value.sources) expect(articleIds).toContain(src.id);
  });
});

describe('shipped scenarios rest on the reporting (issue 9)', () => {
  const loaded = shipped.map((file) => {
    const r = loadScenarioText(readFileSync(join(scenarioDir, file), 'utf8'));
    if (!r.ok) throw new Error(`${file} is invalid`);
    return [file, r.value] as const;
  });
  it.each(loaded)('%s: no fact-derived value, briefing or text is left uncited', (_file, s) => {
    expect(groundingReport(s).uncited).toEqual([]);
  });
  it.each(loaded)('%s: every source it lists feeds at least two of its elements', (_file, s) => {
    for (const x of groundingReport(s).sources) expect(x.uses.length, x.label).toBeGreaterThanOrEqual(2);
  });
  it.each(loaded)('%s: the calendar ends within the reporting, and only a labelled "what if" goes past it', (_file, s) => {
    const g = groundingReport(s);
    expect(g.calendar.lastTurn <= g.calendar.reportingEnds).toBe(true);
    const game = newGame(s, 'x');
    expect(game.ok && game.value.lastTurn).toBe(s.turns);
    if (s.whatIf) {
      const imagined = newGame(s, 'x', { whatIf: true });
      expect(imagined.ok && imagined.value.lastTurn).toBe(s.turns + s.whatIf.turns);
    }
  });
  it.each(loaded)('%s: one-off happenings fire once, within their month, in every game', (_file, s) => {
    for (const e of s.events) {
      if (e.basis.kind !== 'reported' || e.basis.happened === undefined) continue;
      expect(e.repeatable, e.id).toBe(false);
      expect(e.trigger.from !== undefined && e.trigger.from <= e.basis.happened && e.basis.happened <= (e.trigger.to ?? '')).toBe(true);
    }
  });
  it.each(loaded)('%s: assumptions say why, in a line', (_file, s) => {
    for (const a of groundingReport(s).assumptions) expect(a.reason.length, a.what).toBeGreaterThan(30);
  });
  it('together they use every one of the five articles', () => {
    const used = new Set(loaded.flatMap(([, s]) => groundingReport(s).sources.filter((x) => x.uses.length > 0).map((x) => x.source.id)));
    expect([...used].sort()).toEqual(articleIds);
  });
});

describe('shipped scenarios, continued', () => {
  it('the classroom scenario ends in 6 to 8 turns and has a briefing for every role', () => {
    const r = loadScenarioText(readFileSync(join(scenarioDir, 'classroom-short.json'), 'utf8'));
    if (!r.ok) throw new Error('invalid');
    expect(r.value.turns).toBeGreaterThanOrEqual(6);
    expect(r.value.turns).toBeLessThanOrEqual(8);
    const roles = r.value.briefings.map((b) => b.role).sort();
    const expected = [...r.value.powers.map((p) => p.id), ...r.value.countries.filter((c) => c.role === 'contested').map((c) => c.id)].sort();
    expect(roles).toEqual(expected);
  });
});

describe('broken scenarios', () => {
  const bad = readdirSync(badDir).filter((f) => f.endsWith('.json'));
  it('has a collection to check', () => expect(bad.length).toBeGreaterThanOrEqual(10));
  it.each(bad)('%s gives exactly its expected messages', (file) => {
    const r = loadScenarioText(readFileSync(join(badDir, file), 'utf8'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const expected = readFileSync(join(badDir, file.replace(/\.json$/, '.expected.txt')), 'utf8').trim().split('\n');
    expect(r.error.map((p) => formatProblem(file, p))).toEqual(expected);
  });
  it('refuses an oversized file and absurd nesting before anything else', () => {
    const huge = loadScenarioText(' '.repeat(1_000_001));
    expect(huge.ok).toBe(false);
    let deep: unknown = 1;
    for (let i = 0; i < 100; i++) deep = [deep];
    const nested = loadScenarioText(JSON.stringify({ id: deep }));
    expect(nested).toMatchObject({ ok: false, error: [{ found: 'nesting deeper than 24 levels' }] });
  });
});
