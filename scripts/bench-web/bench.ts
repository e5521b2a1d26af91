// `npm run bench:web`: the browser game's speed on the production build, in headless
// Chromium, each figure beside an empty Phaser scene of the same size measured in the
// same run (WebGL is software-rendered here, so absolute frame rates mean little).
import { readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';
import { BUDGET_KB, bundleSizes } from './bundleSize';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const outDir = join(root, 'dist-bench');
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const p95 = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)] ?? NaN;

await build({ root, logLevel: 'error', build: { outDir, emptyOutDir: true, rollupOptions: { input: { main: join(root, 'index.html'), empty: join(root, 'scripts/bench-web/empty.html') } } } });
const server = await preview({ root, logLevel: 'error', build: { outDir }, preview: { port: 4399 + Number(process.env.NGG_PORT_OFFSET ?? 0), strictPort: true, host: '127.0.0.1' } });
const base = `http://127.0.0.1:${4399 + Number(process.env.NGG_PORT_OFFSET ?? 0)}`;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS });

async function open(path: string): Promise<{ page: Page; ready: number }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 850 } });
  const page = await context.newPage();
  await page.goto(`${base}${path}`);
  // The game's start screen shows the map as a still picture (Phaser comes with the first game).
  await page.waitForSelector('body[data-ready]');
  // Milliseconds from navigation start to the map (or its picture) being ready.
  const ready = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    return performance.now() - (nav ? nav.startTime : 0);
  });
  return { page, ready };
}

/** Frame times (ms) over `ms` milliseconds, optionally while `during` runs. */
async function frames(page: Page, ms: number, during?: () => Promise<void>): Promise<number[]> {
  // Passed as text: tsx would wrap a named inner function in a helper the page lacks.
  const recording = page.evaluate(`new Promise((resolve) => {
    const out = [];
    let last = performance.now();
    const end = last + ${ms};
    function tick(t) {
      out.push(t - last);
      last = t;
      if (t < end) requestAnimationFrame(tick);
      else resolve(out.slice(1));
    }
    requestAnimationFrame(tick);
  })`) as Promise<number[]>;
  if (during) await during();
  return recording;
}

/** Ends a turn with no orders: End turn asks once, so the second click confirms. */
async function passTurn(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'End turn without orders' }).click();
  await page.getByRole('button', { name: 'Confirm: end turn without orders' }).click();
}

/** Milliseconds the page's main thread spent in tasks while `during` ran (Chromium's TaskDuration). */
async function busyMs(page: Page, during: () => Promise<void>): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const taskSeconds = async (): Promise<number> => ((await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] }).metrics.find((m) => m.name === 'TaskDuration')?.value ?? NaN;
  const before = await taskSeconds();
  await during();
  return (1000 * ((await taskSeconds()) - before));
}

async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  return usedSize / 1e6;
}

const rows: [string, string, string][] = [];
// Start-up, three times each, alternating.
const readyGame: number[] = [];
const readyEmpty: number[] = [];
for (let i = 0; i < 3; i++) {
  const e = await open('/scripts/bench-web/empty.html');
  readyEmpty.push(e.ready);
  await e.page.context().close();
  const g = await open('/');
  readyGame.push(g.ready);
  await g.page.context().close();
}
rows.push(['navigation → the start screen’s map (median of 3)', `${median(readyGame).toFixed(0)} ms`, `empty scene ${median(readyEmpty).toFixed(0)} ms (${(median(readyGame) / median(readyEmpty)).toFixed(2)}×)`]);

// Idle frames, the empty scene against a game in progress.
const empty = await open('/scripts/bench-web/empty.html');
let emptyFrames: number[] = [];
const emptyBusy = await busyMs(empty.page, async () => {
  emptyFrames = await frames(empty.page, 4000);
});
let idle: number[] = [];
await empty.page.context().close();
const game = await open('/');
await game.page.selectOption('#scenario', 'samarkand-2022');
const started = Date.now();
await game.page.getByRole('button', { name: 'Start game' }).click();
await game.page.waitForSelector('body[data-ready="map"]');
rows.push(['Start game → interactive map (Phaser starts then)', `${Date.now() - started} ms`, 'once, on the first game of the page']);

// The first Start on a phone-like page (Lighthouse's mobile throttling: 4× slower CPU, 1.6 Mbps,
// 150 ms latency) after the start screen has been read for a while: the map's modules are
// fetched while it idles (src/web/prefetch.ts), so Start waits for Phaser's evaluation only.
{
  const phone = await open('/');
  const cdp = await phone.page.context().newCDPSession(phone.page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  // Until Phaser has been fetched ahead (at most 15 s: a page that fetches nothing ahead waits it out).
  await phone.page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => /\/assets\/phaser-/.test(e.name)), null, { timeout: 15_000 }).catch(() => undefined);
  const t0 = Date.now();
  await phone.page.getByRole('button', { name: 'Start game' }).click();
  await phone.page.waitForSelector('body[data-ready="map"]', { timeout: 60_000 });
  rows.push(['Start game → interactive map, phone-like (4× CPU, 1.6 Mbps)', `${Date.now() - t0} ms`, 'after the start screen idled until Phaser was fetched ahead, at most 15 s (throttled after the page loaded)']);
  await phone.page.context().close();
}
await game.page.getByRole('button', { name: 'Kazakhstan', exact: true }).click();
const idleBusy = await busyMs(game.page, async () => {
  idle = await frames(game.page, 4000);
});
rows.push(['idle frame time (median / p95)', `${median(idle).toFixed(1)} / ${p95(idle).toFixed(1)} ms`, `empty scene ${median(emptyFrames).toFixed(1)} / ${p95(emptyFrames).toFixed(1)} ms (p95 ${(p95(idle) / p95(emptyFrames)).toFixed(2)}×)`]);
rows.push(['main thread busy over those 4 s of a still map', `${idleBusy.toFixed(0)} ms`, `empty scene ${emptyBusy.toFixed(0)} ms (the map's loop sleeps while nothing moves)`]);

// Frames while turns resolve and the map is redrawn (three turns in the window).
const busy = await frames(game.page, 4000, async () => {
  for (let t = 0; t < 3; t++) {
    await passTurn(game.page);
    await game.page.waitForTimeout(1000);
  }
});
rows.push(['frame time while turns resolve (median / p95)', `${median(busy).toFixed(1)} / ${p95(busy).toFixed(1)} ms`, `p95 ${(p95(busy) / p95(emptyFrames)).toFixed(2)}× the empty scene's`]);

// Frames while the hardest computer player thinks (in its Web Worker): the page should stay
// as smooth as when idle (target: p95 at most 1.5× idle's).
{
  const page = (await open('/')).page;
  await page.selectOption('#scenario', 'samarkand-2022');
  await page.getByRole('group', { name: 'Moscow', exact: true }).getByRole('combobox').selectOption('search:3');
  await page.getByRole('button', { name: 'Start game' }).click();
  await page.waitForSelector('body[data-ready="map"]');
  const calm = await frames(page, 3000);
  const thinkingMs: number[] = [];
  const thinking: number[] = [];
  for (let t = 0; t < 3; t++) {
    // Frames from the click on End turn until the report of that turn is on screen.
    await page.evaluate(`(() => {
      const w = window;
      w.__frames = [];
      w.__recording = true;
      let last = performance.now();
      function tick(now) {
        w.__frames.push(now - last);
        last = now;
        if (w.__recording) requestAnimationFrame(tick);
      }
      requestAnimationFrame(tick);
    })()`);
    // Ending a turn with no orders asks once: arm End turn first, then time the confirming click.
    await page.getByRole('button', { name: 'End turn without orders' }).click();
    const t0 = Date.now();
    await page.getByRole('button', { name: 'Confirm: end turn without orders' }).click();
    await page.waitForFunction((n) => document.querySelector('#report-title')?.textContent?.includes(`Turn ${n} `) === true, t + 1, { timeout: 60_000 });
    thinkingMs.push(Date.now() - t0);
    thinking.push(...((await page.evaluate('(() => { window.__recording = false; return window.__frames.slice(1); })()')) as number[]));
  }
  rows.push(['frame time while the Hardest computer thinks (median / p95)', `${median(thinking).toFixed(1)} / ${p95(thinking).toFixed(1)} ms`, `idle ${median(calm).toFixed(1)} / ${p95(calm).toFixed(1)} ms (p95 ${(p95(thinking) / p95(calm)).toFixed(2)}×, target ≤ 1.5×); End turn → report ${thinkingMs.map((x) => x.toFixed(0)).join(', ')} ms`]);
  await page.context().close();
}

// Memory over ten new games in a row.
const heaps: number[] = [];
for (let i = 0; i < 10; i++) {
  await game.page.getByRole('button', { name: 'New game' }).click();
  await game.page.getByRole('button', { name: 'Start game' }).click();
  // A game in progress is replaced only when the player agrees.
  const replace = game.page.getByRole('button', { name: 'Replace it' });
  await replace.click({ timeout: 3000 }).catch(() => undefined);
  await passTurn(game.page);
  await game.page.waitForSelector('#report-title');
  heaps.push(await heapMb(game.page));
}
rows.push(['JS heap after games 1, 5, 10 (after GC)', `${heaps[0]?.toFixed(1)} / ${heaps[4]?.toFixed(1)} / ${heaps[9]?.toFixed(1)} MB`, `growth from game 2 to 10: ${((heaps[9] ?? 0) - (heaps[1] ?? 0)).toFixed(2)} MB`]);
await game.page.context().close();

// The scenario editor on the largest shipped scenario: opening it (its chunk fetched the
// first time), then a form edit that rebuilds the form (adding a country with every
// country's fields open), from the click to the validator's verdict on screen.
const editor = await open('/');
await editor.page.selectOption('#scenario', 'samarkand-2022');
const t0 = Date.now();
await editor.page.getByRole('button', { name: 'Open the scenario editor' }).click();
await editor.page.waitForSelector('#editor-status:has-text("Valid")');
const editorOpen = Date.now() - t0;
await editor.page.locator('summary', { hasText: /^Countries/ }).click();
// A country's own part by its id: 'details.item > summary' would also match the citation
// entries nested inside an open country, and clicking those opened no country at all.
const countryPart = (i: number) => editor.page.locator(`#part-countries-${i} > summary`);
await editor.page.waitForTimeout(100);
/**
 * Milliseconds from "Add a country" to the next frame with the rebuilt, validated form,
 * timed in the page (median of 5).
 */
const addCountries = async (): Promise<number> => {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    times.push(
      (await editor.page.evaluate(`new Promise((resolve) => {
        const add = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Add a country');
        const t = performance.now();
        add.click();
        requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t), 0));
      })`)) as number,
    );
  }
  return Math.round(median(times));
};
/** Milliseconds from a changed field to the next frame with the redrawn, validated form (median of 5). */
const editField = async (): Promise<number> => {
  const times: number[] = [];
  // Two untimed edits first: the first ones pay for compiling the editor's code.
  for (let i = -2; i < 5; i++) {
    times.push(
      (await editor.page.evaluate(`new Promise((resolve) => {
        const field = document.getElementById('field-countries-0-stability');
        field.value = String(50 + ${i});
        const t = performance.now();
        field.dispatchEvent(new Event('change', { bubbles: true }));
        requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t), 0));
      })`)) as number,
    );
  }
  return Math.round(median(times.slice(2)));
};
// As a designer works: the list open, one country's fields open.
await countryPart(0).click();
// A part's fields are drawn when it opens (on its toggle event, a moment after the click).
await editor.page.waitForSelector('#field-countries-0-stability');
const oneEdit = await editField();
const oneOpen = await addCountries();
// The worst case: every country's fields open at once.
// (If a step still fails it is reported as not measured rather than stopping the other figures.)
let allEdit: number | string;
let allOpen: number | string;
try {
  for (let i = 1; i < 10; i++) {
    // Opened as a reader would, unless it already is (countries added above may open themselves).
    if ((await countryPart(i).evaluate((el) => (el.parentElement as HTMLDetailsElement).open)) === false) await countryPart(i).click();
  }
  await editor.page.waitForSelector('#field-countries-9-name', { timeout: 10_000 });
  allEdit = await editField();
  allOpen = await addCountries();
} catch (e) {
  allEdit = allOpen = `not measured (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`;
}
rows.push(['scenario editor: open on Samarkand 2022', `${editorOpen} ms`, 'first open, its chunk fetched (target < 1 s)']);
rows.push(['scenario editor: change a field (median of 5)', `${oneEdit} ms`, `one country's fields open (target < 100 ms); all open: ${allEdit} ms`]);
rows.push(['scenario editor: add a country (median of 5)', `${oneOpen} ms`, `a few countries' fields open (target < 200 ms); all open: ${allOpen} ms`]);
await editor.page.context().close();

// JavaScript transferred, gzip: what the page loads before anything is asked for, and the
// chunks fetched on demand (one scenario when it is chosen, the editor, the workers).
{
  const sizes = bundleSizes(outDir);
  sizes.onDemand.delete('empty');
  const kb = (name: string): string => (sizes.onDemand.get(name) ?? 0).toFixed(1);
  const shipped = new Set(readdirSync(join(root, 'scenarios')).filter((f) => f.endsWith('.json') && f !== 'schema.json').map((f) => f.replace(/\.json$/, '')));
  const scenarios = [...sizes.onDemand].filter(([name]) => shipped.has(name));
  rows.push([
    'JavaScript loaded with the page, gzip',
    `ours ${sizes.ours.toFixed(1)} KB`,
    `Phaser ${sizes.phaser.toFixed(1)} KB ${sizes.phaserWithPage ? 'with the page' : 'after the panel is up'} (target: ours < ${BUDGET_KB} KB); on demand: a scenario ${Math.min(...scenarios.map((x) => x[1])).toFixed(1)}–${Math.max(...scenarios.map((x) => x[1])).toFixed(1)} KB, editor ${kb('editorPanel')} KB, balance worker ${kb('balanceWorker')} KB, player worker ${kb('playerWorker')} KB`,
  ]);
}

await browser.close();
await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
rmSync(outDir, { recursive: true, force: true });

console.log(`New Great Game browser benchmarks — ${new Date().toISOString()}`);
const w = Math.max(...rows.map((r) => r[0].length));
for (const [what, value, against] of rows) console.log(`${what.padEnd(w)}  ${value.padEnd(24)} ${against}`);
