// What the page loads (issue 11, bundle budget): our JavaScript loaded with the page stays
// under the budget, and Phaser with the map comes only after it (its own chunks); each shipped scenario is a JSON file of its own,
// fetched only when it is chosen; a file that fails to download is said in words and the
// next try fetches it again; a #play link and the autosave still open their scenario.
// And the map reads without colour: each country hatched in its leader's own pattern
// (screenshots test-results/screenshots/map-cues-*.png at 390×844, 1366×768, 1920×1080).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SHOTS, endTurn, mapReady, openPage, useHarness, portOf } from './browser';
import { BUDGET_KB, bundleSizes } from '../../scripts/bench-web/bundleSize';
import { caucasusInput } from '../fixtures/caucasus';

const PORT = portOf(4435);
const h = useHarness(PORT);

const SHIPPED = ['samarkand-2022', 'xian-2023', 'astana-2024', 'classroom-short'];

/** The shipped scenarios' files the page has fetched so far, by scenario id. */
function scenarioFetches(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (r) => {
    const m = /\/assets\/([a-z0-9-]+)-[\w-]{8}\.json$/.exec(r.url());
    if (m?.[1] && SHIPPED.includes(m[1])) seen.push(m[1]);
  });
  return seen;
}

describe('what the page loads', () => {
  it(`our JavaScript loaded with the page is under ${BUDGET_KB} KB gzip, and neither Phaser nor any scenario is in it`, () => {
    const sizes = bundleSizes(h.outDir);
    expect(sizes.ours).toBeLessThan(BUDGET_KB);
    expect(sizes.phaser).toBeGreaterThan(0);
    // The map (Phaser, ~350 KB gzip) comes after the panel is painted, not before (Lighthouse, issue 11).
    expect(sizes.phaserWithPage).toBe(false);
    expect(sizes.onDemand.has('startMap')).toBe(true);
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
    // Start validated the file downloaded when it was chosen: it did not fetch it again.
    expect(fetched).toEqual(['samarkand-2022', 'astana-2024']);
    expect(errors).toEqual([]);
  });

  it('the start picture frames the chosen scenario: a file of one’s own of the Caucasus, then a shipped one again', async () => {
    const file = join(SHOTS, '..', 'caucasus-picture.json');
    writeFileSync(file, JSON.stringify(caucasusInput()));
    const { page, errors } = await openPage(h);
    await page.waitForFunction(() => document.body.dataset.ready === 'picture');
    const picture = page.locator('#map svg');
    const view = async (): Promise<{ framed: string | null; box: number[] }> => ({ framed: await picture.getAttribute('data-framed'), box: ((await picture.getAttribute('viewBox')) ?? '').split(' ').map(Number) });
    const central = await view();
    expect(central.framed).toBe('398 417 762 860 795');
    await page.screenshot({ path: join(SHOTS, 'start-picture-central-asia.png') });
    // A file of one's own becomes the choice: the picture turns to its countries, west of Central Asia.
    await page.setInputFiles('#open-file', file);
    await expect.poll(async () => (await view()).framed).toBe('268 031 051');
    const caucasus = await view();
    const centre = (b: number[]): number => (b[0] ?? NaN) + (b[2] ?? NaN) / 2;
    expect(centre(caucasus.box)).toBeLessThan(centre(central.box) - 300);
    expect(caucasus.box[2]).toBeLessThan(central.box[2] ?? 0);
    await page.screenshot({ path: join(SHOTS, 'start-picture-caucasus.png') });
    // Back to a shipped scenario: Central Asia again, as framed at first.
    await page.selectOption('#scenario', 'xian-2023');
    await expect.poll(async () => (await view()).framed).toBe('398 417 762 860 795');
    expect((await view()).box).toEqual(central.box);
    // Still only a picture: Phaser comes with the first game.
    expect(await page.evaluate(() => document.body.dataset.ready)).toBe('picture');
    expect(errors).toEqual([]);
  });

  it('leaving a game brings back the start picture framed as on the first visit, and takes the Phaser map down (no canvas, no game kept in memory)', async () => {
    const { page, errors } = await openPage(h);
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.selectOption('#scenario', 'xian-2023');
    await page.waitForFunction(() => document.body.dataset.ready === 'picture');
    const picture = page.locator('#map svg');
    const view = async (): Promise<{ framed: string | null; box: string | null }> => ({ framed: await picture.getAttribute('data-framed'), box: await picture.getAttribute('viewBox') });
    const first = await view();
    expect(first.framed).toBe('398 417 762 860 795');
    await page.locator('#map').screenshot({ path: join(SHOTS, 'start-picture-first-visit.png') });
    const canvases = (): Promise<number> => page.locator('canvas').count();
    /**
     * Phaser's objects alive in the page after a garbage collection, from a heap snapshot:
     * Phaser's classes all have the constructor name `initialize` (its Class helper), kept by
     * the minifier. A game left alive (its scene still listening to the store, its canvas in
     * Phaser's pool) keeps some two hundred of them.
     */
    const phaserObjects = async (): Promise<number> => {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('HeapProfiler.collectGarbage');
      const chunks: string[] = [];
      cdp.on('HeapProfiler.addHeapSnapshotChunk', (e) => chunks.push(e.chunk));
      await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
      await cdp.detach();
      const snap = JSON.parse(chunks.join('')) as { snapshot: { meta: { node_fields: string[]; node_types: [string[]] } }; nodes: number[]; strings: string[] };
      const fields = snap.snapshot.meta.node_fields;
      const [typeAt, nameAt] = [fields.indexOf('type'), fields.indexOf('name')];
      const objectType = snap.snapshot.meta.node_types[0].indexOf('object');
      let n = 0;
      for (let i = 0; i < snap.nodes.length; i += fields.length) if (snap.nodes[i + typeAt] === objectType && snap.strings[snap.nodes[i + nameAt] ?? -1] === 'initialize') n++;
      return n;
    };
    const alive: number[] = [];
    for (let game = 1; game <= 5; game++) {
      await page.getByRole('button', { name: 'Start game' }).click();
      // The first game, a turn in, stays autosaved: the next replaces it once asked.
      if (game === 2) await page.getByRole('button', { name: 'Replace it' }).click();
      await mapReady(page);
      expect(await canvases(), `game ${game}: one map`).toBe(1);
      if (game === 1) {
        await endTurn(page);
        await page.waitForSelector('#report-title:has-text("Turn 1 report")');
      }
      // Nothing queued: New game leaves at once (the game stays autosaved).
      await page.getByRole('button', { name: 'New game' }).click();
      await page.waitForSelector('form.start');
      await page.waitForFunction(() => document.body.dataset.ready === 'picture');
      // The same picture as on the first visit, framed on the scenario still chosen.
      expect(await view(), `after game ${game}`).toEqual(first);
      expect(await page.locator('#scenario').inputValue()).toBe('xian-2023');
      expect(await canvases(), `after game ${game}: no map left`).toBe(0);
      if (game === 1) await page.locator('#map').screenshot({ path: join(SHOTS, 'start-picture-after-a-game.png') });
      if (game === 2 || game === 5) alive.push(await phaserObjects());
    }
    // Phaser's module-wide objects are made once, with the first game; none is kept per game.
    expect((alive[1] ?? Infinity) - (alive[0] ?? 0), `Phaser objects after games 2 and 5: ${alive.join(', ')}`).toBeLessThan(20);
    expect(errors).toEqual([]);
  }, 120_000);

  it('fetches the map’s modules (Phaser) after the page has loaded, while the start screen idles, without running them; Start downloads them no more', async () => {
    // A fresh browser context: nothing of the game in its cache yet.
    const { page, errors } = await openPage(h);
    await page.waitForFunction(() => document.body.dataset.ready === 'picture');
    /** Each fetch of Phaser's and the map's chunks so far: when it started, and the bytes it took from the network (0: from the cache). */
    const fetches = (): Promise<{ name: string; start: number; bytes: number }[]> =>
      page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .flatMap((e) => {
            const m = /\/assets\/(phaser|startMap)-[\w-]{8}\.js$/.exec(e.name);
            return m?.[1] ? [{ name: m[1], start: e.startTime, bytes: (e as PerformanceResourceTiming).transferSize }] : [];
          }),
      );
    await expect.poll(async () => (await fetches()).map((f) => f.name).sort(), { timeout: 10_000 }).toEqual(['phaser', 'startMap']);
    // After the load event (nothing the start screen needs waited behind it), and not run: still the picture.
    const loaded = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.loadEventEnd ?? NaN);
    for (const f of await fetches()) expect(f.start, f.name).toBeGreaterThanOrEqual(loaded);
    expect(await page.evaluate(() => document.body.dataset.ready)).toBe('picture');
    expect(await page.locator('#map canvas').count()).toBe(0);
    // Downloaded whole (Phaser is ~350 KB gzip).
    await expect.poll(async () => (await fetches()).every((f) => f.bytes > 5000), { timeout: 10_000 }).toBe(true);
    const ahead = (await fetches()).length;
    await page.getByRole('button', { name: 'Start game' }).click();
    await mapReady(page);
    // Start found them in the cache: at most a revalidation came over the network (vite preview
    // sends no-cache; a host serving the hashed files as immutable spares even that), never the files again.
    const atStart = (await fetches()).slice(ahead);
    for (const f of atStart) expect(f.bytes, f.name).toBeLessThan(2000);
    expect(errors).toEqual([]);
  });

  it('says so when a scenario cannot be downloaded, and the next Start tries again', async () => {
    const { page } = await openPage(h);
    await page.route('**/assets/xian-2023-*.json', (route) => route.abort());
    await page.selectOption('#scenario', 'xian-2023');
    await page.getByRole('button', { name: 'Start game' }).click();
    await expect.poll(() => page.locator('.message').textContent()).toContain('could not be downloaded');
    expect(await page.locator('.status').count()).toBe(0);
    await page.unroute('**/assets/xian-2023-*.json');
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
    await endTurn(page);
    await page.waitForSelector('#report-title:has-text("Turn 1 report")');
    await page.goto(h.url);
    await page.reload();
    await page.waitForSelector('.status');
    await expect.poll(() => page.locator('.status p').first().textContent()).toContain('Turn 2 of 8');
    expect(errors).toEqual([]);
  });
});

describe('the map without colour', () => {
  /** What the map shows besides colour, as the map scene reports it on its canvas's box. */
  const cues = async (page: Page): Promise<{ country: string; leader: string | null; pattern: string | null; control: boolean; at: [number, number] }[]> =>
    JSON.parse((await page.evaluate(() => (document.querySelector('#map canvas')?.parentElement as HTMLElement | null)?.dataset.mapCues)) ?? '[]') as { country: string; leader: string | null; pattern: string | null; control: boolean; at: [number, number] }[];

  it('hatches each country in its leader’s own pattern, says so in the legend, and looks right from phone to projector', async () => {
    const { page, errors } = await openPage(h);
    await page.selectOption('#scenario', 'samarkand-2022');
    await page.getByRole('button', { name: 'Start game' }).click();
    await page.waitForSelector('.status');
    await page.getByRole('button', { name: 'Kazakhstan', exact: true }).click();
    await page.getByRole('button', { name: /^Queue order: / }).first().click();
    await endTurn(page);
    await page.waitForSelector('#report-title:has-text("Turn 1 report")');
    await mapReady(page);
    const shown = await cues(page);
    expect(shown.length).toBeGreaterThanOrEqual(5);
    const led = shown.filter((c) => c.leader !== null);
    expect(led.length).toBeGreaterThan(0);
    // One pattern per power, never shared.
    const patternOf = new Map<string, string | null>();
    for (const c of led) {
      expect(c.pattern, c.country).not.toBeNull();
      if (patternOf.has(c.leader ?? '')) expect(c.pattern).toBe(patternOf.get(c.leader ?? ''));
      patternOf.set(c.leader ?? '', c.pattern);
    }
    expect(new Set(patternOf.values()).size).toBe(patternOf.size);
    for (const c of shown.filter((x) => x.leader === null)) expect(c.pattern).toBeNull();
    // The legend says the same in words.
    await page.locator('summary', { hasText: /^How to play/ }).first().click();
    const legend = await page.locator('section[aria-label="Map legend"]').first().textContent();
    expect(legend).toContain('hatched with lines rising to the right (/)');
    expect(legend).toContain('hatched with lines falling to the right (\\)');
    for (const [width, height] of [
      [390, 844],
      [1366, 768],
      [1920, 1080],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      await page.waitForTimeout(300);
      await page.locator('#map').screenshot({ path: join(SHOTS, `map-cues-${width}x${height}.png`) });
    }
    expect(errors).toEqual([]);
  });

  it('Zoom in closes in on the selected country, not the middle of the map', async () => {
    const { page, errors } = await openPage(h);
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.selectOption('#scenario', 'samarkand-2022');
    await page.getByRole('button', { name: 'Start game' }).click();
    await page.waitForSelector('.status');
    await mapReady(page);
    await page.getByRole('button', { name: 'Turkmenistan', exact: true }).click();
    const at = (await cues(page)).find((c) => c.country === 'turkmenistan')?.at ?? [NaN, NaN];
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await page.getByRole('button', { name: 'Zoom in' }).click();
    const centre = ((await page.evaluate(() => (document.querySelector('#map canvas')?.parentElement as HTMLElement | null)?.dataset.viewCentre)) ?? '').split(',').map(Number);
    // Within the camera's bounds the view centres on the country (Turkmenistan lies well inside them at 1.6×).
    expect(Math.hypot((centre[0] ?? NaN) - at[0], (centre[1] ?? NaN) - at[1])).toBeLessThan(40);
    await page.locator('#map').screenshot({ path: join(SHOTS, 'map-zoom-selected-1366x768.png') });
    expect(errors).toEqual([]);
  });
});
