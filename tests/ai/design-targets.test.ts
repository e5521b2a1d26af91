// Every shipped scenario held to a fast subset of the design targets (issue 10, item 8):
// varied vs varied, each power wins 25–75%; locked turns under 20%; at least 2 leader
// changes a game. A scenario edit that brings back a lock or a one-sided start fails
// here. The full targets are measured, not asserted, by `npm run report`.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioText } from '../../src/engine';
import { planReport, runPlan } from '../../src/ai/report';
import { buildReport } from '../../src/ai/reportSummary';
import { fastChecks } from '../../src/ai/reportTargets';

const dir = join(__dirname, '../../scenarios');
const shipped = readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'schema.json').sort();
/** Enough games to tell a 25–75% spread from a one-sided start; few enough for CI. */
const GAMES = 60;

describe('design targets, fast subset', () => {
  it.each(shipped)('%s', (file) => {
    const r = loadScenarioText(readFileSync(join(dir, file), 'utf8'));
    if (!r.ok) throw new Error(`${file} is invalid`);
    const plan = planReport(r.value, { seed: 'targets', games: GAMES, searchGames: 0, eventGames: 0, projectGames: 0, scriptGames: 0, scripts: [] });
    const report = buildReport(r.value, plan, runPlan(r.value, plan));
    const failed = fastChecks(report).filter((c) => !c.ok).map((c) => `${c.target}: measured ${c.measured}`);
    expect(failed).toEqual([]);
  }, 60_000);
});
