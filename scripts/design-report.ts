// `npm run report`: the design report (issue 10, item 8) for every shipped scenario,
// written to test-results/design-report.md and .json. Like the benchmarks it is not
// part of the tests: it takes minutes. An event's or a project's effect is the
// difference of two win rates over paired seeds: at 100 games a side its noise is about
// ±7 points (one standard error), as large as the ±10/±15 targets it is held to, so those
// run 400 games a side (±3.5). Search games cost ~100× more; at 20 games their rates
// carried about ±11 points, and a 50/45 split there came out 82/15 over 100 games with
// another seed; at 100 the same scenario still moved 10–20 points between seeds, so they
// run 200 (±3.5), the number issue 10's target names. A script's row at 20 games a side
// carried ±11 points against a 35% line: 40 a side (±7.5).
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ReportOptions } from '../src/ai/report';
import type { DesignReport } from '../src/ai/reportSummary';
import { formatReport } from '../src/ai/reportFormat';
import { fullChecks } from '../src/ai/reportTargets';
import { runReport } from '../src/cli/report';
import { loadScenarioFile } from '../src/cli/scenarioFile';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const OPTIONS: ReportOptions = { seed: 'design-report', games: 400, searchGames: 200, eventGames: 400, projectGames: 400, scriptGames: 40 };

const files = readdirSync(join(root, 'scenarios'))
  .filter((f) => f.endsWith('.json') && f !== 'schema.json')
  .sort();
const jobs = availableParallelism();
const reports: { report: DesignReport; seconds: number }[] = [];
const started = performance.now();
for (const file of files) {
  const { scenario } = loadScenarioFile(join(root, 'scenarios', file), (line) => process.stderr.write(`${line}\n`));
  const t0 = performance.now();
  let last = -1;
  const report = await runReport(scenario, OPTIONS, jobs, (done, total) => {
    const step = Math.floor((done * 10) / total);
    if (step !== last) process.stderr.write(`${scenario.id}: ${done}/${total} games\n`);
    last = step;
  });
  const seconds = (performance.now() - t0) / 1000;
  reports.push({ report, seconds });
  console.log(`${scenario.id}: ${seconds.toFixed(1)} s`);
}
const total = (performance.now() - started) / 1000;

const md: string[] = ['# Design report', ''];
md.push(`Every shipped scenario; seed "${OPTIONS.seed}"; ${OPTIONS.games} varied-vs-varied games, ${OPTIONS.searchGames} search:2-vs-search:2, ${OPTIONS.eventGames} per event removed, ${OPTIONS.projectGames} per project forced, ${OPTIONS.scriptGames} per script and side; ${jobs} workers, ${total.toFixed(0)} s in all.`, '');
md.push('## Targets (issue 10)', '');
md.push(`| target | ${reports.map((r) => `\`${r.report.scenario}\``).join(' | ')} |`, `| --- | ${reports.map(() => '---').join(' | ')} |`);
const checks = reports.map((r) => fullChecks(r.report));
for (const [i, c] of (checks[0] ?? []).entries()) md.push(`| ${c.target} | ${checks.map((cs) => `${cs[i]?.ok ? '✓' : '✗'} ${cs[i]?.measured ?? ''}`).join(' | ')} |`);
md.push('');
for (const r of reports) md.push(...formatReport(r.report), '', `(${r.seconds.toFixed(1)} s)`, '');

const out = join(root, 'test-results');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'design-report.md'), `${md.join('\n')}\n`);
writeFileSync(join(out, 'design-report.json'), `${JSON.stringify({ options: OPTIONS, jobs, seconds: total, reports: reports.map((r) => ({ ...r.report, seconds: r.seconds, targets: fullChecks(r.report) })) }, null, 2)}\n`);
console.log(`design report: ${files.length} scenarios in ${total.toFixed(1)} s on ${jobs} workers → test-results/design-report.md, .json`);
