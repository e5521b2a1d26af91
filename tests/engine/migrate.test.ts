// No designer's work is lost: scenario files of the format's first form (as shipped before
// the grounding issue, in tests/fixtures/form1) still load, brought to the current form
// with a note for every assumption; a save made with that form is refused, saying why,
// never misread.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORMAT_VERSION, formatProblem, loadSave, OLD_RULES_MESSAGE, migrateScenario, newGame, readScenario, readScenarioText } from '../../src/engine';
import { playQuick } from '../../src/ai/match';
import { parsePlayer } from '../../src/ai/player';

const form1 = (name: string): string => readFileSync(join(__dirname, '../fixtures/form1', name), 'utf8');

describe('a scenario in the first form of the format', () => {
  it('loads, with notes on what was assumed, and plays', () => {
    const r = readScenarioText(form1('classroom-short.json'));
    if (!r.ok) throw new Error(r.error.map((p) => formatProblem('classroom-short.json', p)).join('\n'));
    expect(r.value.from).toBe(1);
    expect(r.value.notes).toEqual([
      '21 citations became one-item lists (a value may now cite several articles)',
      '1 source date written as "YYYY-MM(-DD)"',
      '13 events: "source" and "whatHappened" moved into "basis" (reported); none is marked as a one-off happening with its month',
      '21 orders and projects marked as reported by the source they cited',
      '5 orders and projects with no source marked as assumptions not yet checked against the sources',
      'the last 2 of 8 turns come after the latest source (2024-07): they became a "what if" continuation, offered separately',
      'unspent budget now carries over whole: the carry limits (beijing 8, moscow 8) were dropped',
      'rules v2 defaults assumed: a patron that gives no order in a country loses 1 dependence there a turn (rules.dependenceFades), leading a country short of control scores 1 point (victory.leadPoints), no summits (victory.summits), and the lead margin now controls a country of sovereignty 50 (each 10 points of sovereignty above or below 50 add or take 1)',
    ]);
    const s = r.value.scenario;
    expect(s).toMatchObject({ formatVersion: FORMAT_VERSION, turns: 6, whatIf: { turns: 2 } });
    expect(s.sources.find((x) => x.id === '003_b6de07fd0d646c0f')?.date).toBe('2023-05-28');
    const greedy = parsePlayer('greedy');
    if (!greedy.ok) throw new Error(greedy.error);
    const game = playQuick(s, 'form1', { beijing: greedy.value, moscow: greedy.value });
    expect(game.state.phase.kind).toBe('over');
    // The what-if continuation plays the turns the file had.
    expect(newGame(s, 'x', { whatIf: true })).toMatchObject({ ok: true, value: { lastTurn: 8 } });
  });

  it('that starts in the month of its latest source keeps one turn and imagines the rest', () => {
    const r = readScenarioText(form1('astana-2024.json'));
    expect(r.ok && r.value.scenario).toMatchObject({ turns: 1, whatIf: { turns: 15 } });
  });

  it('is migrated once: the result is in the current form and migrating it again changes nothing', () => {
    const first = migrateScenario(JSON.parse(form1('blank.json')));
    expect(first.from).toBe(1);
    const again = migrateScenario(first.json);
    expect(again).toEqual({ json: first.json, from: FORMAT_VERSION, notes: [] });
    expect(Object.keys(first.json as object).slice(0, 2)).toEqual(['$schema', 'formatVersion']);
    // The input itself is left as it was.
    expect(JSON.parse(form1('blank.json'))).not.toHaveProperty('formatVersion');
  });

  it('of a later form than this version knows is refused with its path', () => {
    const doc = migrateScenario(JSON.parse(form1('blank.json'))).json as Record<string, unknown>;
    const r = readScenario({ ...doc, formatVersion: FORMAT_VERSION + 1 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.map((p) => formatProblem('f.json', p))).toEqual([`f.json: formatVersion: found ${FORMAT_VERSION + 1}; expected form ${FORMAT_VERSION} or earlier (the file was written for a newer version of the game)`]);
  });
});

describe('a save made with the first form', () => {
  it('is refused with the reason, not replayed unchecked', () => {
    expect(loadSave(form1('blank-save.json'))).toEqual({
      ok: false,
      // A save of form 1 is also of save version 1 (events drawn during resolution), which is refused first.
      error: `this save was ${OLD_RULES_MESSAGE}`,
    });
  });
});

describe('a scenario of the second form (before rules v2)', () => {
  it('with three powers and over-full shares loads, scaled and with a note for each assumption', async () => {
    const { mini } = await import('../fixtures/mini');
    const current = JSON.parse(JSON.stringify(mini())) as Record<string, unknown> & { powers: Record<string, unknown>[]; countries: Record<string, unknown>[] };
    // The second form: carry limits, and influence as three absolute values that may pass 100.
    const form2 = { ...current, formatVersion: 2, powers: [...current.powers.map((p) => ({ ...p, maxCarry: 6 })), { id: 'east', name: 'East', color: '#225511', home: 'northland', income: 8, startBudget: 8, maxCarry: 4, tracks: [] }] };
    for (const c of form2.countries) {
      if (c.role !== 'contested') continue;
      (c.influence as Record<string, number>).east = 50;
      (c.dependence as Record<string, Record<string, number>>).economic!.east = 0;
      (c.dependence as Record<string, Record<string, number>>).security!.east = 0;
    }
    const r = readScenario(form2);
    if (!r.ok) throw new Error(r.error.map((p) => formatProblem('f.json', p)).join('\n'));
    const m = migrateScenario(form2);
    expect(m.from).toBe(2);
    expect(m.notes).toEqual([
      'unspent budget now carries over whole: the carry limits (north 6, south 6, east 4) were dropped',
      'alpha: influence is now a share adding up to at most 100, so its values (110 in all) were scaled down',
      'rules v2 defaults assumed: a patron that gives no order in a country loses 1 dependence there a turn (rules.dependenceFades), leading a country short of control scores 1 point (victory.leadPoints), no summits (victory.summits), and the lead margin now controls a country of sovereignty 50 (each 10 points of sovereignty above or below 50 add or take 1)',
    ]);
    // 30/30/50 of 110 → 27/27/45; beta (20/20/50 = 90) is left as it was.
    expect(r.value.scenario.countries.find((c) => c.id === 'alpha')).toMatchObject({ influence: { north: 27, south: 27, east: 45 } });
    expect(r.value.scenario.countries.find((c) => c.id === 'beta')).toMatchObject({ influence: { north: 20, south: 20, east: 50 } });
    expect(newGame(r.value.scenario, 'three').ok).toBe(true);
  });
});
