// scenarios/TUTORIAL.md builds a three-power scenario from the blank template. This test
// follows the page exactly as a reader would — its own `json tutorial` blocks, in order —
// so the tutorial cannot silently rot: if the format, the template or the validator's
// messages change, the page must change with them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/engine';
import { formatProblem, loadScenario, orderLabel, playTurn, startRecord } from '../../src/engine';
import { indexScenario } from '../../src/engine/scenarioIndex';
import { own } from '../../src/engine/records';
import { parsePlayer } from '../../src/ai/player';
import { playMatch } from '../../src/ai/match';

const root = join(__dirname, '../..');
const page = readFileSync(join(root, 'scenarios/TUTORIAL.md'), 'utf8');
const FILE = 'my-scenarios/middle-corridor.json';

type Json = Record<string, unknown>;
type Step = { kind: 'replace' | 'append'; block: Json };

/** The page's blocks the reader applies, in order: "```json tutorial" replaces fields, "```json tutorial-append" appends to lists. */
const steps: Step[] = [...page.matchAll(/```json (tutorial(?:-append)?)\n([\s\S]*?)```/g)].map((m) => ({ kind: m[1] === 'tutorial' ? 'replace' : 'append', block: JSON.parse(m[2] ?? '') as Json }));
/** The page's quoted output blocks. */
const outputs = [...page.matchAll(/```text\n([\s\S]*?)```/g)].map((m) => (m[1] ?? '').trimEnd().split('\n'));

const template = (): Json => JSON.parse(readFileSync(join(root, 'scenarios/templates/blank.json'), 'utf8')) as Json;

/** The file after the first `count` steps (and the step-5 edit once the actions are reached), as the page says. */
function build(count: number): Json {
  const file = template();
  for (const { kind, block } of steps.slice(0, count)) {
    // A copy of each block, so one test's edits never reach another's file.
    for (const [key, value] of Object.entries(structuredClone(block))) {
      if (kind === 'replace') file[key] = value;
      else file[key] = [...(file[key] as unknown[]), ...(value as unknown[])];
      // Step 5, item 1: "add "ankara" to the State visit's powers", done with the append that follows it.
      if (kind === 'append' && key === 'actions') {
        const visit = (file.actions as { id: string; powers: string[] }[]).find((a) => a.id === 'state-visit');
        visit?.powers.push('ankara');
      }
    }
  }
  return file;
}

const problemLines = (file: Json): string[] => {
  const r = loadScenario(file);
  return r.ok ? [] : r.error.map((p) => formatProblem(FILE, p));
};

/** The quoted output block that contains `marker`, without the summary line the CLI adds. */
const quoted = (marker: string): string[] => (outputs.find((o) => o.some((l) => l.includes(marker))) ?? []).filter((l) => !l.includes(': invalid — '));

function finished(): Scenario {
  const r = loadScenario(build(steps.length));
  if (!r.ok) throw new Error(r.error.map((p) => formatProblem(FILE, p)).join('\n'));
  return r.value;
}

describe('the tutorial', () => {
  it('has its steps: five replacements, one append, one more replacement', () => {
    expect(steps.map((s) => s.kind)).toEqual(['replace', 'replace', 'replace', 'replace', 'append', 'replace', 'replace']);
  });

  it('starts from a template that is valid as it is', () => {
    expect(problemLines(template())).toEqual([]);
  });

  it('quotes what the validator says after the third power is added (step 3)', () => {
    const lines = quoted('found nothing; expected a value for power "ankara"');
    expect(lines.length).toBeGreaterThan(1);
    expect(problemLines(build(2))).toEqual(lines);
  });

  it('ends in a valid three-power scenario with the counts the page quotes', () => {
    const s = finished();
    expect(s.powers.map((p) => p.id)).toEqual(['beijing', 'moscow', 'ankara']);
    const ok = quoted(': ok — "The Middle Corridor, 2024"')[0] ?? '';
    const contested = s.countries.filter((c) => c.role === 'contested').length;
    expect(ok).toBe(`${FILE}: ok — "${s.title}", ${s.powers.length} powers, ${contested} contested countries, ${s.turns} turns from ${s.start}, ${s.actions.length} actions, ${s.projects.length} project, ${s.events.length} event`);
  });

  it('quotes what the validator says without the sea links (step 6)', () => {
    const file = build(steps.length);
    for (const c of file.countries as Json[]) delete c.seaLinks;
    expect(problemLines(file)).toEqual(quoted('which does not border "kazakhstan"'));
  });

  it('plays seeded turns with every power ordering, and a whole game to a result', () => {
    const s = finished();
    const start = startRecord(s, 'tutorial');
    if (!start.ok) throw new Error(start.error);
    const t1 = playTurn(start.value, {
      beijing: [{ type: 'invest', action: 'trade-deal', country: 'kazakhstan' }],
      moscow: [{ type: 'diplomacy', action: 'state-visit', country: 'georgia' }],
      ankara: [{ type: 'diplomacy', action: 'turkic-summitry', country: 'azerbaijan' }],
    });
    if (!t1.ok) throw new Error(t1.error);
    // A tender: Moscow offers the cost (12), Ankara the cost and a sealed bid of 3; the higher offer wins.
    const t = playTurn(t1.value.record, { moscow: [{ type: 'project', project: 'middle-corridor' }], ankara: [{ type: 'project', project: 'middle-corridor', bid: 3 }] });
    if (!t.ok) throw new Error(t.error);
    expect(t.value.record.state.projects['middle-corridor']).toMatchObject({ status: 'building', owner: 'ankara' });
    // Turkic summitry is limited to the organisation's members: Georgia is not one.
    const refused = playTurn(t.value.record, { ankara: [{ type: 'diplomacy', action: 'turkic-summitry', country: 'georgia' }] });
    expect(refused.ok).toBe(false);
    const greedy = parsePlayer('greedy');
    if (!greedy.ok) throw new Error('greedy');
    const m = playMatch(s, 'tutorial', { beijing: greedy.value, moscow: greedy.value, ankara: greedy.value });
    expect(m.record.turns).toHaveLength(s.turns);
    expect(m.state.phase.kind).toBe('over');
  });

  it('quotes the first turn of the simulate command (step 8) as three greedy players play it', () => {
    const s = finished();
    const greedy = parsePlayer('greedy');
    if (!greedy.ok) throw new Error('greedy');
    const m = playMatch(s, '1', { beijing: greedy.value, moscow: greedy.value, ankara: greedy.value }, { turns: 2 });
    const ix = indexScenario(s);
    const first = m.reports[0];
    // The same line src/cli/simulate.ts prints for a turn.
    const line = `Turn ${first?.turn} (${first?.date}) ${s.powers.map((p) => `${p.name}: ${((first && own(first.orders, p.id)) ?? []).map((o) => orderLabel(ix, o)).join(', ')}`).join(' | ')}`;
    expect(outputs.flat()).toContain(line);
  });
});
