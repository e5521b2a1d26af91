// What the page loads (issue 11, bundle budget): our JavaScript loaded with the page stays
// under the budget (Phaser counted apart); each shipped scenario is a chunk of its own,
// fetched only when it is chosen; a chunk that fails to download is said in words and the
// next try fetches it again; a #play link and the autosave still open their scenario.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Harness } from './browser';
import { openPage, startHarness } from './browser';
import { BUDGET_KB, bundleSizes } from '../../scripts/bench-web/bundleSize';

let h: Harness;
const PORT = 4435;
beforeAll(async () => {
  h = await startHarness(PORT);
}, 120_000);
afterAll(async () => {
  await h?.close();
});
afterEach(async () => {
  for (const context of h.browser.contexts()) await context.close();
});

const SHIPPED = ['samarkand-2022', 'xian-2023', 'astana-2024', 'classroom-short'];

/** The shipped scenarios' chunks the page has fetched so far, by scenario id. */
function scenarioFetches(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (r) => {
    const m = /\/assets\/([a-z0-9-]+)-[\w-]{8}\.js$/.exec(r.url());
    if (m?.[1] && SHIPPED.includes(m[1])) seen.push(m[1]);
  });
  return seen;
}

describe('what the page loads', () => {
  it(`our JavaScript loaded with the page is under ${BUDGET_KB} KB gzip, and no scenario is in it`, () => {
    const sizes = bundleSizes(h.outDir);
    expect(sizes.ours).toBeLessThan(BUDGET_KB);
    expect(sizes.phaser).toBeGreaterThan(0);
    for (const id of SHIPPED) expect(sizes.onDemand.get(id), id).toBeGreaterThan(5);
    expect(sizes.onDemand.has('editorPanel')).toBe(true);
  });

  it('fetches only the chosen scenario, and another when it is chosen; Start plays it', async () => {
    const { page, errors } = await openPage(h);
    const fetched = scenarioFetches(page);
    await page.reload();
    await page.waitForSelector('form.start');
    // The list and the summary come with the page.
    expect(await page.locator('#scenario option').allTextContents()).toHaveLength(SHIPPED.length);
    await expect.poll(() => page.locator('.start .summary').textContent()).toContain('turns, to');
    await expect.poll(() => [...fetched]).toEqual(['samarkand-2022']);
    await page.selectOption('#scenario', 'astana-2024');
    await expect.poll(() => [...fetched]).toEqual(['samarkand-2022', 'astana-2024']);
    await page.getByRole('button', { name: 'Start game' }).click();
    await page.waitForSelector('.status');
    expect(await page.locator('.status h1').textContent()).toContain('Astana');
    expect(errors).toEqual([]);
  });

  it('says so when a scenario cannot be downloaded, and the next Start tries again', async () => {
    const { page } = await openPage(h);
    await page.route('**/assets/xian-2023-*.js', (route) => route.abort());
    await page.selectOption('#scenario', 'xian-2023');
    await page.getByRole('button', { name: 'Start game' }).click();
    await expect.poll(() => page.locator('.message').textContent()).toContain('could not be downloaded');
    expect(await page.locator('.status').count()).toBe(0);
    await page.unroute('**/assets/xian-2023-*.js');
    await page.getByRole('button', { name: 'Start game' }).click();
    await page.waitForSelector('.status');
    expect(await page.locator('.status h1').textContent()).toContain('Xi');
  });

  it('a #play link chooses its scenario (fetched then), and the autosaved game resumes on reload', async () => {
    const { page, errors } = await openPage(h);
    const fetched = scenarioFetches(page);
    await page.goto(`${h.url}#play=classroom-short`);
    await page.reload();
    await page.waitForSelector('form.start');
    await expect.poll(() => page.locator('#scenario').inputValue()).toBe('classroom-short');
    await expect.poll(() => fetched.includes('classroom-short')).toBe(true);
    await page.getByRole('button', { name: 'Start game' }).click();
    await page.waitForSelector('.status');
    await page.getByRole('button', { name: 'End turn' }).click();
    await page.waitForSelector('#report-title:has-text("Turn 1 report")');
    await page.goto(h.url);
    await page.reload();
    await page.waitForSelector('.status');
    await expect.poll(() => page.locator('.status p').first().textContent()).toContain('Turn 2 of 8');
    expect(errors).toEqual([]);
  });
});
