// Every screen, from phone to projector (issue 11, item 6): a whole classroom game at 360×740
// and at 1920×1080 with the large-text (projector) view, by clicks; a turn at 1366×768; and
// a scenario of the Caucasus and Turkey framed on its own region at 360×740 and 1366×768
// (item 7). Screenshots of each go to test-results/screenshots/screens-*.png.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ROOT, SHOTS, axeViolations, chooseSeats, endTurn, mapReady, openPage, useHarness, portOf } from './browser';
import type { MapAsset } from '../../src/map/mapAsset';
import { makeProjection, projectPoint } from '../../src/map/projection';
import { caucasusInput } from '../fixtures/caucasus';

const PORT = portOf(4431);
const h = useHarness(PORT);

async function startClassroom(page: Page): Promise<void> {
  await page.selectOption('#scenario', 'classroom-short');
  await chooseSeats(page, { Beijing: 'human', Moscow: 'greedy' });
  await page.getByRole('button', { name: 'Start game' }).click();
  await page.waitForSelector('.status');
  await mapReady(page);
}

/** Two frames: a new layout's map is drawn (the canvas follows its box through a ResizeObserver). */
const settle = (page: Page): Promise<unknown> => page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));

/** The map's height in map px (assets/map/central-asia.json). */
const MAP_HEIGHT = (JSON.parse(readFileSync(join(ROOT, 'assets/map/central-asia.json'), 'utf8')) as MapAsset).height;

/** The camera's zoom and the map point at the canvas's top left, as the map scene writes them on the canvas's box. */
const mapView = (page: Page): Promise<{ zoom: number; left: number; top: number }> =>
  page.evaluate(() => JSON.parse((document.querySelector('#map canvas')?.parentElement as HTMLElement | null)?.dataset.view ?? '{"zoom":1,"left":NaN,"top":NaN}') as { zoom: number; left: number; top: number });

/** How far the page overflows sideways (0 when it does not). */
const sideways = (page: Page): Promise<number> => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/** The smallest computed font size of the panel's visible text, with the elements below `floor` px. */
const panelFonts = (page: Page, floor: number): Promise<{ min: number; small: string[] }> =>
  page.evaluate((floor) => {
    let min = Infinity;
    const small: string[] = [];
    for (const e of document.querySelectorAll('#panel *')) {
      if (e.closest('svg')) continue;
      const own = [...e.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '');
      if (!own || (e as HTMLElement).getClientRects().length === 0) continue;
      const size = Number.parseFloat(getComputedStyle(e).fontSize);
      min = Math.min(min, size);
      if (size < floor && small.length < 8) small.push(`${e.tagName.toLowerCase()}.${e.className} ${size}px: ${(e.textContent ?? '').trim().slice(0, 30)}`);
    }
    return { min, small };
  }, floor);

/** The country labels' font size on screen (the map scene writes it on the canvas's box; a canvas has no text to measure). */
const labelPx = (page: Page): Promise<number> => page.evaluate(() => Number((document.querySelector('#map canvas')?.parentElement as HTMLElement | null)?.dataset.labelPx ?? 0));

/** The element's box lies wholly within the viewport as it is (nothing scrolled to find it). */
async function inViewport(page: Page, selector: string): Promise<{ inside: boolean; top: number; bottom: number }> {
  const box = await page.locator(selector).boundingBox();
  const size = page.viewportSize();
  if (!box || !size) return { inside: false, top: NaN, bottom: NaN };
  return { inside: box.x >= 0 && box.y >= 0 && box.x + box.width <= size.width && box.y + box.height <= size.height, top: Math.round(box.y), bottom: Math.round(box.y + box.height) };
}

/** One turn by clicks: a country, its first order, End turn; checks taken after queueing. */
async function playTurn(page: Page, turn: number, afterQueue: () => Promise<void>): Promise<void> {
  await expect.poll(() => page.locator('.status p').first().textContent()).toContain(`Turn ${turn} of 8`);
  await page.getByRole('button', { name: turn % 2 === 0 ? 'Uzbekistan' : 'Kazakhstan', exact: true }).click();
  await page.getByRole('button', { name: /^Queue order: / }).first().click();
  await expect.poll(() => page.locator('ol.queue li').count()).toBe(1);
  await afterQueue();
  await endTurn(page);
  await page.waitForSelector(`#report-title:has-text("Turn ${turn} report")`);
}

describe('every screen', () => {
  it('a phone (360×740): the map keeps its place and size, a turn is short, End turn in reach, nothing overflows sideways', async () => {
    const { page, errors } = await openPage(h);
    for (const width of [390, 360]) {
      await page.setViewportSize({ width, height: width === 360 ? 740 : 844 });
      expect.soft(await sideways(page), `start screen at ${width} px`).toBeLessThanOrEqual(0);
    }
    await settle(page);
    await page.screenshot({ path: join(SHOTS, 'screens-360-start.png') });
    expect(await axeViolations(page)).toEqual([]);
    await startClassroom(page);
    // The map: at least 40% of the window's height, at the top, and it stays there while the panel scrolls.
    const canvas = page.locator('#map canvas');
    await expect.poll(async () => (await canvas.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(0.4 * 740);
    // Labels readable on the phone: 12 px or more on screen (about 3 px before).
    expect.soft(await labelPx(page), 'country labels on screen (px)').toBeGreaterThanOrEqual(12);
    const zoomIn = page.getByRole('button', { name: 'Zoom in' });
    expect.soft(await inViewport(page, 'button[data-key="zoom-in"] >> visible=true').then((x) => x.inside), 'Zoom in in sight at the start').toBe(true);
    let mostCards = 0;
    for (let turn = 1; turn <= 8; turn++) {
      await playTurn(page, turn, async () => {
        // The event cards on the map: under the zoom buttons, none over another (a turn played
        // quickly laid its cards over the last turn's, still fading; a narrow view wraps a title).
        const cards = (JSON.parse((await page.evaluate(() => (document.querySelector('#map canvas')?.parentElement as HTMLElement | null)?.dataset.eventCards)) ?? '[]') as { title: string; top: number; bottom: number }[]).sort((a, b) => a.top - b.top);
        const controls = await page.locator('.map-controls').boundingBox();
        const mapTop = (await canvas.boundingBox())?.y ?? 0;
        mostCards = Math.max(mostCards, cards.length);
        cards.forEach((c, i) => {
          expect.soft(c.top + mapTop, `event card "${c.title}" below the zoom buttons on turn ${turn}`).toBeGreaterThanOrEqual((controls?.y ?? 0) + (controls?.height ?? 0));
          const next = cards[i + 1];
          if (next) expect.soft(next.top, `event card "${next.title}" clear of "${c.title}" on turn ${turn}`).toBeGreaterThanOrEqual(c.bottom);
        });
        const end = await inViewport(page, '.turn-bar button[data-key="end-turn"]');
        expect.soft(end.inside, `End turn inside 360×740 after queueing on turn ${turn} (top ${end.top}, bottom ${end.bottom})`).toBe(true);
        const map = await canvas.boundingBox();
        expect.soft(map?.y ?? -1, `the map stays at the top on turn ${turn}`).toBe(0);
        expect.soft(map?.height ?? 0, `the map's height on turn ${turn}`).toBeGreaterThanOrEqual(0.4 * 740);
        expect.soft(await sideways(page), `game at 360 px, turn ${turn}`).toBeLessThanOrEqual(0);
        if (turn === 1) {
          // A turn without a long scroll: from the country buttons to the country's first order.
          const from = await page.locator('.country-buttons').boundingBox();
          const to = await page.getByRole('button', { name: /^Queued: / }).first().boundingBox();
          expect.soft((to?.y ?? 1e9) - (from?.y ?? 0), 'country buttons to the first order').toBeLessThan(1200);
          await page.screenshot({ path: join(SHOTS, 'screens-360-orders.png') });
          expect(await axeViolations(page)).toEqual([]);
          await page.setViewportSize({ width: 390, height: 844 });
          expect.soft(await sideways(page), 'game at 390 px').toBeLessThanOrEqual(0);
          await page.setViewportSize({ width: 360, height: 740 });
        }
      });
      if (turn === 1) {
        // The zoom buttons work from the phone, and the map keeps its place.
        await zoomIn.click();
        await expect.poll(() => page.locator('.map-controls .zoom-level').textContent()).toBe('1.3×');
        await page.getByRole('button', { name: 'Whole region' }).click();
        await page.screenshot({ path: join(SHOTS, 'screens-360-report.png') });
      }
    }
    await page.waitForSelector('.debrief');
    expect(mostCards, 'a turn of this game fires two events or more, so the stacking was seen').toBeGreaterThanOrEqual(2);
    expect.soft(await sideways(page), 'debrief at 360 px').toBeLessThanOrEqual(0);
    await page.locator('#debrief-title').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'screens-360-debrief.png') });
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('the start screen: Start game and the guided turn are in sight without scrolling, from a phone to a small laptop', async () => {
    const { page, errors } = await openPage(h);
    for (const [width, height] of [
      [1366, 768],
      [1280, 720],
      [360, 740],
    ] as const) {
      await page.setViewportSize({ width, height });
      await settle(page);
      for (const key of ['start', 'start-guided']) {
        const at = await inViewport(page, `button[data-key="${key}"]`);
        expect.soft(at.inside, `${key} inside ${width}×${height} (top ${at.top}, bottom ${at.bottom})`).toBe(true);
        // In sight and on top: nothing (the summary, the seats) covers it.
        const box = await page.locator(`button[data-key="${key}"]`).boundingBox();
        const hit = await page.evaluate(([x, y]) => (document.elementFromPoint(x as number, y as number) as HTMLElement | null)?.dataset.key ?? null, [(box?.x ?? 0) + (box?.width ?? 0) / 2, (box?.y ?? 0) + (box?.height ?? 0) / 2]);
        expect.soft(hit, `${key} on top at ${width}×${height}`).toBe(key);
      }
      expect.soft(await sideways(page), `start screen at ${width}×${height}`).toBeLessThanOrEqual(0);
    }
    await page.setViewportSize({ width: 1366, height: 768 });
    await settle(page);
    await page.screenshot({ path: join(SHOTS, 'screens-1366-start-actions.png') });
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('a laptop (1366×768): a turn with End turn in sight and nothing overflowing', async () => {
    const { page, errors } = await openPage(h);
    await page.setViewportSize({ width: 1366, height: 768 });
    expect(await sideways(page)).toBeLessThanOrEqual(0);
    await settle(page);
    await page.screenshot({ path: join(SHOTS, 'screens-1366-start.png') });
    await startClassroom(page);
    expect.soft(await labelPx(page), 'country labels on screen (px)').toBeGreaterThanOrEqual(12);
    await playTurn(page, 1, async () => {
      const end = await inViewport(page, '.turn-bar button[data-key="end-turn"]');
      expect.soft(end.inside, `End turn inside 1366×768 (top ${end.top}, bottom ${end.bottom})`).toBe(true);
      await page.screenshot({ path: join(SHOTS, 'screens-1366-orders.png') });
    });
    expect(await sideways(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(SHOTS, 'screens-1366-report.png') });
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('a projector (1920×1080, large text): panel text at least 24 px in a wider panel, remembered, and from the address', async () => {
    const { page, errors } = await openPage(h);
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.getByLabel('Large text (projector)').check();
    const start = await panelFonts(page, 24);
    expect.soft(start.small, 'start screen text below 24 px').toEqual([]);
    expect.soft(await sideways(page), 'start screen at 1920 px').toBeLessThanOrEqual(0);
    await settle(page);
    // The start picture fills its nearly square column with map: no band past the map's top or foot.
    const picture = ((await page.locator('#map svg').getAttribute('viewBox')) ?? '').split(' ').map(Number);
    expect.soft(picture[1], 'the start picture’s top (map px)').toBeGreaterThanOrEqual(0);
    expect.soft((picture[1] ?? NaN) + (picture[3] ?? NaN), 'the start picture’s foot (map px)').toBeLessThanOrEqual(MAP_HEIGHT);
    await page.screenshot({ path: join(SHOTS, 'screens-1920-start.png') });
    expect(await axeViolations(page)).toEqual([]);
    // Remembered across a reload.
    await page.reload();
    await page.waitForSelector('form.start');
    expect(await page.getByLabel('Large text (projector)').isChecked()).toBe(true);
    await startClassroom(page);
    expect(await page.getByLabel('Large text (projector)').isChecked()).toBe(true);
    const panelWidth = (await page.locator('#panel').boundingBox())?.width ?? 0;
    expect.soft(panelWidth, 'the panel is widened').toBeGreaterThanOrEqual(800);
    // The map fills its area: the view reaches neither past the map's top nor past its foot (bands of sea before).
    await settle(page);
    const view = await mapView(page);
    const canvas = await page.locator('#map canvas').boundingBox();
    expect.soft(view.top, 'the map view’s top (map px)').toBeGreaterThanOrEqual(-0.5);
    expect.soft(view.top + (canvas?.height ?? 0) / view.zoom, 'the map view’s foot (map px)').toBeLessThanOrEqual(MAP_HEIGHT + 0.5);
    for (let turn = 1; turn <= 8; turn++) {
      await playTurn(page, turn, async () => {
        const fonts = await panelFonts(page, 24);
        expect.soft(fonts.small, `panel text below 24 px on turn ${turn}`).toEqual([]);
        const end = await inViewport(page, '.turn-bar button[data-key="end-turn"]');
        expect.soft(end.inside, `End turn inside 1920×1080 on turn ${turn}`).toBe(true);
        expect.soft(await sideways(page), `game at 1920 px, turn ${turn}`).toBeLessThanOrEqual(0);
        if (turn === 1) {
          await page.screenshot({ path: join(SHOTS, 'screens-1920-orders.png') });
          expect(await axeViolations(page)).toEqual([]);
        }
      });
    }
    await page.waitForSelector('.debrief');
    const debrief = await panelFonts(page, 24);
    expect.soft(debrief.small, 'debrief text below 24 px').toEqual([]);
    await page.locator('#debrief-title').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'screens-1920-debrief.png') });
    expect(await axeViolations(page)).toEqual([]);
    // Turned off in the game, and so remembered; the address turns it on for a fresh browser.
    await page.getByLabel('Large text (projector)').uncheck();
    expect((await panelFonts(page, 0)).min).toBeLessThan(24);
    await page.reload();
    await page.waitForSelector('.status');
    expect(await page.getByLabel('Large text (projector)').isChecked()).toBe(false);
    const other = await page.context().browser()?.newContext({ viewport: { width: 1920, height: 1080 } });
    const fresh = await other?.newPage();
    if (!fresh) throw new Error('no page');
    await fresh.goto(`${h.url}?view=projector`);
    await fresh.waitForSelector('form.start');
    expect(await fresh.getByLabel('Large text (projector)').isChecked()).toBe(true);
    expect((await panelFonts(fresh, 24)).small).toEqual([]);
    expect(errors).toEqual([]);
  });
});

describe('any region’s map', () => {
  const asset = JSON.parse(readFileSync(join(ROOT, 'assets/map/central-asia.json'), 'utf8')) as MapAsset;
  const projection = makeProjection(asset.projection);
  /** Screen px a place keeps from the map's edges at least: the view's margin, not a squeeze against an edge. */
  const MARGIN = 12;

  it.each([
    { width: 390, height: 844, projector: false },
    { width: 1366, height: 768, projector: false },
    { width: 1920, height: 1080, projector: false },
    { width: 1920, height: 1080, projector: true },
  ])('no label is cut by the map view’s edge at $width×$height (large text: $projector), in two scenarios', async ({ width, height, projector }) => {
    const { page, errors } = await openPage(h, { viewport: { width, height } });
    if (projector) {
      await page.goto(`${h.url}?view=projector`);
      await page.waitForSelector('form.start');
    }
    const tag = `${width}${projector ? '-projector' : ''}`;
    for (const scenario of ['classroom-short', 'xian-2023']) {
      await page.selectOption('#scenario', scenario);
      await chooseSeats(page, { Beijing: 'human', Moscow: 'greedy' });
      await page.getByRole('button', { name: 'Start game' }).click();
      await mapReady(page);
      await settle(page);
      await page.waitForTimeout(300);
      const canvas = await page.locator('#map canvas').boundingBox();
      if (!canvas) throw new Error('no map');
      const labels = JSON.parse((await page.evaluate(() => (document.querySelector('#map canvas')?.parentElement as HTMLElement | null)?.dataset.labels)) ?? '[]') as { text: string; x: number; y: number; w: number; h: number }[];
      // A label wholly past the edge is not seen; one reaching into the view must be seen whole.
      const seen = labels.filter((l) => l.x < canvas.width && l.y < canvas.height && l.x + l.w > 0 && l.y + l.h > 0);
      // The countries' names and most cities' are shown (the rule leaves out only what cannot fit).
      expect(seen.length, `${scenario} at ${tag}: labels seen`).toBeGreaterThanOrEqual(12);
      for (const l of seen) {
        const where = `${l.text} at ${l.x}, ${l.y} (${l.w} × ${l.h}) on ${Math.round(canvas.width)} × ${Math.round(canvas.height)}`;
        expect.soft(l.x >= -0.5 && l.y >= -0.5 && l.x + l.w <= canvas.width + 0.5 && l.y + l.h <= canvas.height + 0.5, `${scenario} at ${tag}: ${where}`).toBe(true);
      }
      await page.locator('#map').screenshot({ path: join(SHOTS, `screens-labels-${scenario}-${tag}.png`) });
      // Back to the start screen for the next scenario (nothing is queued: New game asks nothing).
      await page.getByRole('button', { name: 'New game' }).click();
      await page.waitForSelector('form.start');
    }
    expect(errors).toEqual([]);
  });

  it.each([
    { width: 360, height: 740, touch: true },
    { width: 1366, height: 768, touch: false },
  ])('a Caucasus and Turkey scenario at $width×$height is framed on its own countries and cities, with a margin', async ({ width, height, touch }) => {
    const file = join(SHOTS, '..', 'caucasus-test.json');
    writeFileSync(file, JSON.stringify(caucasusInput()));
    const { page, errors } = await openPage(h, { viewport: { width, height }, hasTouch: touch });
    await page.setInputFiles('#open-file', file);
    await page.waitForSelector('.message.info');
    await page.selectOption('#scenario', 'custom');
    await page.getByRole('button', { name: 'Start game' }).click();
    await page.waitForSelector('.status');
    await page.waitForFunction(() => document.body.dataset.ready === 'map');
    await settle(page);
    const canvas = await page.locator('#map canvas').boundingBox();
    const view = await page.evaluate(() => JSON.parse((document.querySelector('#map canvas')?.parentElement as HTMLElement | null)?.dataset.view ?? 'null') as { zoom: number; left: number; top: number } | null);
    if (!canvas || !view) throw new Error('no map');
    // The zoom buttons float over the map: a place under them is not on screen either.
    const buttons = await page.locator('.map-controls').boundingBox();
    if (!buttons) throw new Error('no zoom buttons');
    /** Where a world point is on the canvas, and whether it lies MARGIN px inside it and clear of the buttons. */
    const shown = ([x, y]: readonly [number, number]): { at: string; inside: boolean } => {
      const sx = (x - view.left) * view.zoom;
      const sy = (y - view.top) * view.zoom;
      const [px, py] = [canvas.x + sx, canvas.y + sy];
      const covered = px >= buttons.x && px <= buttons.x + buttons.width && py >= buttons.y && py <= buttons.y + buttons.height;
      return { at: `${Math.round(sx)}, ${Math.round(sy)} on ${Math.round(canvas.width)} × ${Math.round(canvas.height)}${covered ? ', under the zoom buttons' : ''}`, inside: !covered && sx >= MARGIN && sx <= canvas.width - MARGIN && sy >= MARGIN && sy <= canvas.height - MARGIN };
    };
    const lonLat = (lon: number, lat: number): [number, number] => {
      const p = projectPoint(projection, lon, lat);
      if (!p) throw new Error(`${lon}, ${lat}`);
      return p;
    };
    // Every city (Moscow, Istanbul and Ankara as well as the three capitals) inside the view.
    for (const c of caucasusInput().cities ?? []) {
      const where = shown(lonLat(c.lon, c.lat));
      expect.soft(where.inside, `${c.name} at ${where.at}`).toBe(true);
    }
    // And the contested countries' middles (the map scene writes them, as it draws them).
    const cues = JSON.parse((await page.evaluate(() => (document.querySelector('#map canvas')?.parentElement as HTMLElement | null)?.dataset.mapCues)) ?? '[]') as { country: string; at: [number, number] }[];
    expect(cues.map((c) => c.country).sort()).toEqual(['armenia', 'azerbaijan', 'georgia']);
    for (const c of cues) expect.soft(shown(c.at).inside, `${c.country} at ${shown(c.at).at}`).toBe(true);
    // Framed on the region, not the whole map: Central Asia (Tashkent) is out of the view.
    expect.soft(shown(lonLat(69.24, 41.3)).inside, 'Tashkent').toBe(false);
    expect.soft(await labelPx(page), 'country labels on screen (px)').toBeGreaterThanOrEqual(12);
    await page.screenshot({ path: join(SHOTS, `screens-${width}-caucasus.png`) });
    expect(errors).toEqual([]);
  });
});
