// `npm run bench:lighthouse`: Lighthouse on the production build (issue 11), a phone run
// (Lighthouse's own mobile emulation and simulated throttling, on a 360 × 740 screen) and a
// desktop run (its desktop preset), each category and the load metrics beside the targets.
// Offline by design: the build is served from this machine and Lighthouse is not allowed to
// fetch anything else (an audit that needs the internet fails, and is listed as such).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import type { Config, Flags, RunnerResult } from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { screenEmulationMetrics } from 'lighthouse/core/config/constants.js';
import { build, preview } from 'vite';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'dist-lighthouse');
const port = 4398 + Number(process.env.NGG_PORT_OFFSET ?? 0);
const base = `http://127.0.0.1:${port}/`;
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Each category's least score (0–1) and each metric's most (ms; CLS unitless). */
const CATEGORY_TARGETS: [id: string, label: string, least: number | null][] = [
  ['performance', 'performance', 0.9],
  ['accessibility', 'accessibility', 0.95],
  ['best-practices', 'best practices', 0.95],
  ['seo', 'SEO', null],
];
// Lighthouse's own "good" thresholds (its metric scoring's green band).
const METRICS: [id: string, label: string, most: { mobile: number; desktop: number }, unit: 'ms' | ''][] = [
  ['first-contentful-paint', 'FCP', { mobile: 1800, desktop: 934 }, 'ms'],
  ['largest-contentful-paint', 'LCP', { mobile: 2500, desktop: 1200 }, 'ms'],
  ['total-blocking-time', 'TBT', { mobile: 200, desktop: 150 }, 'ms'],
  ['cumulative-layout-shift', 'CLS', { mobile: 0.1, desktop: 0.1 }, ''],
];

type Form = 'mobile' | 'desktop';

const mobileConfig: Config = {
  extends: 'lighthouse:default',
  settings: {
    formFactor: 'mobile',
    // The phone of issue 11: 360 × 740 CSS pixels, with the default phone's pixel ratio.
    screenEmulation: { ...screenEmulationMetrics.mobile, width: 360, height: 740 },
  },
};

async function audit(form: Form): Promise<RunnerResult> {
  const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', chromeFlags: FLAGS });
  try {
    const flags: Flags = { port: chrome.port, output: 'json', logLevel: 'error' };
    const result = await lighthouse(base, flags, form === 'mobile' ? mobileConfig : desktopConfig);
    if (!result) throw new Error(`Lighthouse gave no result for the ${form} run`);
    return result;
  } finally {
    chrome.kill();
  }
}

await build({ root, logLevel: 'error', build: { outDir, emptyOutDir: true } });
const server = await preview({ root, logLevel: 'error', build: { outDir }, preview: { port, strictPort: true, host: '127.0.0.1' } });

const results = new Map<Form, RunnerResult>();
try {
  for (const form of ['mobile', 'desktop'] as const) results.set(form, await audit(form));
} finally {
  await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  rmSync(outDir, { recursive: true, force: true });
}

// The whole reports, for a closer look (Lighthouse's viewer reads them).
mkdirSync(join(root, 'test-results'), { recursive: true });
for (const [form, result] of results) writeFileSync(join(root, 'test-results', `lighthouse-${form}.json`), JSON.stringify(result.lhr));

const mark = (ok: boolean): string => (ok ? '✓' : '✗');
const rows: string[][] = [['', 'mobile 360×740', 'desktop', 'target']];
for (const [id, label, least] of CATEGORY_TARGETS) {
  const cells = (['mobile', 'desktop'] as const).map((form) => {
    const score = results.get(form)?.lhr.categories[id]?.score;
    if (score === null || score === undefined) return 'n/a';
    return least === null ? score.toFixed(2) : `${score.toFixed(2)} ${mark(score >= least)}`;
  });
  rows.push([label, ...cells, least === null ? '—' : `≥ ${least}`]);
}
for (const [id, label, most, unit] of METRICS) {
  const cells = (['mobile', 'desktop'] as const).map((form) => {
    const value = results.get(form)?.lhr.audits[id]?.numericValue;
    if (value === undefined) return 'n/a';
    const text = unit === 'ms' ? `${(value / 1000).toFixed(2)} s` : value.toFixed(3);
    return `${text} ${mark(value <= most[form])}`;
  });
  const target = unit === 'ms' ? `≤ ${(most.mobile / 1000).toFixed(1)} s / ${(most.desktop / 1000).toFixed(2)} s` : `≤ ${most.mobile}`;
  rows.push([label, ...cells, target]);
}

console.log(`New Great Game on Lighthouse ${results.get('mobile')?.lhr.lighthouseVersion ?? '?'} — ${new Date().toISOString()}`);
const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  '));

// What kept a score down: every scored audit below full marks (and those that could not run,
// such as one needing the internet), so the next fix is in sight.
for (const [form, result] of results) {
  const lhr = result.lhr;
  const weak: string[] = [];
  for (const [id, , least] of CATEGORY_TARGETS) {
    if (least === null) continue;
    for (const ref of lhr.categories[id]?.auditRefs ?? []) {
      const a = lhr.audits[ref.id];
      if (!a) continue;
      if (a.scoreDisplayMode === 'error') weak.push(`  ${id}: ${a.id} could not run (${a.errorMessage ?? 'no reason given'})`);
      else if (ref.weight > 0 && a.score !== null && a.score < 0.9) weak.push(`  ${id}: ${a.id} ${a.score.toFixed(2)}${a.displayValue ? ` (${a.displayValue})` : ''} — ${a.title}`);
    }
  }
  if (lhr.runWarnings.length > 0) weak.push(...lhr.runWarnings.map((w) => `  warning: ${w}`));
  if (weak.length > 0) console.log(`\n${form}: audits below 0.9\n${weak.join('\n')}`);
}
