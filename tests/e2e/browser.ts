// Shared set-up for the browser tests: build the game once, serve it with vite preview,
// drive Debian's chromium with playwright-core. Screenshots go to test-results/ (git-ignored).
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { build, preview } from 'vite';
import type { PreviewServer } from 'vite';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
export const SHOTS = join(ROOT, 'test-results/screenshots');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Each browser test listens on a fixed port of its own; NGG_PORT_OFFSET shifts them all, so
// two checkouts (a worktree and main) can run the browser tests at the same time.
export const portOf = (port: number): number => port + Number(process.env.NGG_PORT_OFFSET ?? 0);
export const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface Harness {
  url: string;
  /** The build being served (index.html, assets/). */
  outDir: string;
  browser: Browser;
  close(): Promise<void>;
}

export async function startHarness(port: number): Promise<Harness> {
  mkdirSync(SHOTS, { recursive: true });
  const outDir = join(ROOT, `dist-test-${port}`);
  await build({ root: ROOT, logLevel: 'error', build: { outDir, emptyOutDir: true } });
  const server: PreviewServer = await preview({ root: ROOT, logLevel: 'error', build: { outDir }, preview: { port, strictPort: true, host: '127.0.0.1' } });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  return {
    url: `http://127.0.0.1:${port}/`,
    outDir,
    browser,
    async close() {
      await browser.close();
      await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
      const { rmSync } = await import('node:fs');
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}

/**
 * The harness of one test file on `port`: built and served before its tests, closed after
 * them, and every page's context closed after each test (a page left open keeps Phaser
 * rendering and slows the next test). Filled in by beforeAll, so use it inside tests only.
 */
export function useHarness(port: number): Harness {
  const h = {} as Harness;
  beforeAll(async () => {
    Object.assign(h, await startHarness(port));
  }, 120_000);
  afterAll(async () => {
    await h.close?.();
  });
  afterEach(async () => {
    for (const context of h.browser?.contexts() ?? []) await context.close();
  });
  return h;
}

/** A fresh page (fresh storage) that records console errors and page errors; a laptop-sized window unless `options` say otherwise. */
export async function openPage(h: Harness, options: BrowserContextOptions = { viewport: { width: 1400, height: 850 } }): Promise<{ page: Page; errors: string[] }> {
  const context = await h.browser.newContext(options);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(h.url);
  await page.waitForSelector('form.start, .status');
  return { page, errors };
}

/** Waits for the Phaser map: it starts with the first game (the start screen's map is a still picture). */
export async function mapReady(page: Page): Promise<void> {
  await page.waitForFunction(() => document.body.dataset.ready === 'map');
}

/** axe-core's serious and critical violations on the page as it is. */
export async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol: the page's CSP (rightly) refuses injected script tags.
  if (!(await page.evaluate('typeof window.axe === "object"'))) await page.evaluate(readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8'));
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    return axe.run(document, { resultTypes: ['violations'] });
  });
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Seats on the start screen, by power name: 'human', or the computer at a strength (`greedy`, `search:2`…). */
export async function chooseSeats(page: Page, seats: Record<string, string>): Promise<void> {
  for (const [power, player] of Object.entries(seats)) {
    const group = page.getByRole('group', { name: power, exact: true });
    if (player === 'human') {
      await group.getByRole('radio', { name: 'Human' }).check();
      continue;
    }
    await group.getByRole('radio', { name: 'Computer' }).check();
    await group.getByRole('combobox').selectOption(player);
  }
}

/** Ends the turn (or hands over) by a click; with no orders queued that asks once, so the second click confirms. */
export async function endTurn(page: Page): Promise<void> {
  const button = page.locator('.turn-bar button[data-key="end-turn"]');
  const empty = ((await button.textContent()) ?? '').endsWith('without orders');
  await button.click();
  if (!empty) return;
  await page.waitForSelector('.turn-bar button[data-key="end-turn"]:has-text("Confirm:")');
  await button.click();
}
