// Hostile input and the page's defences in a real browser: the security policy arrives as
// headers and is never violated on load, share links that are too long, damaged or not a
// scenario are refused with the reason, a link or a file never replaces a game in progress
// without asking, a damaged autosave is kept and explained, and a full storage is said at once.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { createServer } from 'vite';
import type { Harness } from './browser';
import { ROOT, startHarness } from './browser';
import { contentSecurityPolicy } from '../../src/web/csp';

const PORT = 4393;
let h: Harness;
beforeAll(async () => {
  h = await startHarness(PORT);
}, 120_000);
afterAll(async () => {
  await h?.close();
});
afterEach(async () => {
  for (const context of h.browser.contexts()) await context.close();
});

interface Watched {
  context: BrowserContext;
  page: Page;
  /** Page errors and console errors. */
  errors: string[];
  /** Security-policy violations: events in the page and console reports (the page's and its workers'). */
  violations: () => Promise<string[]>;
}

/** A fresh page that records every security-policy violation from before its first script runs. */
async function watchedPage(viewport = { width: 1366, height: 768 }): Promise<Watched> {
  const context = await h.browser.newContext({ viewport });
  const page = await context.newPage();
  // Init scripts run through the DevTools protocol, before the page's own scripts and outside its CSP.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} blocked ${e.blockedURI}`));
  });
  const errors: string[] = [];
  const reported: string[] = [];
  page.on('console', (m) => {
    if (/content.security.policy|refused to/i.test(m.text())) reported.push(m.text());
    else if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  const violations = async (): Promise<string[]> => [...(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)), ...reported];
  return { context, page, errors, violations };
}

describe('the security policy', () => {
  it('arrives as headers (frame-ancestors, same-origin connections only) and nothing on the page violates it, through a balance check and a turn', async () => {
    const { page, errors, violations } = await watchedPage();
    const response = await page.goto(h.url);
    const headers = response?.headers() ?? {};
    expect(headers['content-security-policy']).toBe(contentSecurityPolicy('header'));
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['content-security-policy']).toContain("connect-src 'self';");
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('no-referrer');
    // The built page carries the same policy (minus what a tag cannot say) for static hosting.
    expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toBe(contentSecurityPolicy('meta'));
    // Scripts and the worker get the headers too.
    const script = await page.locator('script[type=module]').first().getAttribute('src');
    const scriptResponse = await page.request.get(new URL(script ?? '', h.url).href);
    expect(scriptResponse.headers()['content-security-policy']).toBe(contentSecurityPolicy('header'));
    await page.waitForSelector('form.start');
    await page.waitForFunction(() => document.body.dataset.ready === 'map');
    // The balance check's worker builds the engine's schemas too.
    await page.selectOption('#scenario', 'classroom-short');
    await page.fill('#balance-games', '1');
    await page.getByRole('button', { name: 'Run balance check' }).click();
    await page.waitForSelector('.balance [role=status]:has-text("Done: 1 games")');
    // The page still plays.
    await page.getByRole('button', { name: 'Start game' }).click();
    await page.getByRole('button', { name: 'End turn' }).click();
    await page.waitForSelector('#report-title:has-text("Turn 1 report")');
    expect(await violations()).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('vite dev sends it too, with its hot-reload websocket allowed to any port', async () => {
    const server = await createServer({ root: ROOT, logLevel: 'error', server: { port: PORT + 100, strictPort: true, host: '127.0.0.1', hmr: false } });
    await server.listen();
    try {
      const response = await fetch(`http://127.0.0.1:${PORT + 100}/`);
      expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy('header', 'dev'));
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await response.text()).toContain(`content="${contentSecurityPolicy('meta', 'dev')}"`);
    } finally {
      await server.close();
    }
  });

  it('the balance worker builds the engine without a violation either', async () => {
    // A worker's violations fire inside the worker, where no test hook reaches before its
    // imports run: a probe worker, served beside the build, listens first and then imports it.
    const built = join(ROOT, `dist-test-${PORT}`);
    const worker = readdirSync(join(built, 'assets')).find((f) => /^balanceWorker-.*\.js$/.test(f));
    writeFileSync(
      join(built, 'probe-worker.js'),
      `const seen = [];
self.addEventListener('securitypolicyviolation', (e) => seen.push(e.effectiveDirective + ' blocked ' + e.blockedURI));
await import('./assets/${worker ?? 'missing.js'}');
setTimeout(() => postMessage({ violations: seen }), 200);`,
    );
    const { page } = await watchedPage();
    await page.goto(h.url);
    await page.waitForSelector('form.start');
    const seen = await page.evaluate(
      () =>
        new Promise<unknown>((resolve, reject) => {
          const w = new Worker('/probe-worker.js', { type: 'module' });
          w.onmessage = (e: MessageEvent<{ violations?: string[] }>) => e.data.violations && resolve(e.data.violations);
          w.onerror = (e) => reject(new Error(e.message));
        }),
    );
    expect(seen).toEqual([]);
  });

  it('allows a websocket to the page’s own host and port, refuses one to any other, and refuses to be framed', async () => {
    const { page, violations } = await watchedPage();
    await page.goto(h.url);
    await page.waitForSelector('form.start');
    await page.evaluate(() => {
      const open = (url: string): void => {
        try {
          new WebSocket(url).addEventListener('error', () => undefined);
        } catch {
          // A refused socket may also throw; the violation is what counts.
        }
      };
      open(`ws://${location.host}/`);
      open('ws://203.0.113.9:8080/');
    });
    // (Reported once per policy: the header's and the tag's.)
    await expect.poll(async () => (await violations()).length).toBeGreaterThan(0);
    for (const v of await violations()) expect(v).toMatch(/ws:\/\/203\.0\.113\.9:8080/);
    // Another page may not frame the game (clickjacking): the frame stays empty.
    await page.setContent(`<iframe src="${h.url}" title="framed"></iframe>`);
    await page.waitForTimeout(1500);
    const framed = page.frames().find((f) => f !== page.mainFrame());
    expect(await framed?.locator('#panel').count()).toBe(0);
  });
});
