// The map and the country panel on a phone (issue 11, items 6 and 7): two fingers pinch the
// map about the point between them, and a selected country's panel is a bottom sheet over
// the map. Touches are sent through the DevTools protocol, as a touch screen sends them.
// Screenshots go to test-results/screenshots/phone-*.png.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { SHOTS, chooseSeats, useHarness, portOf } from './browser';

const h = useHarness(portOf(4445));

/** A fresh 360×740 touch-screen page in a classroom-short game, Beijing at this device. */
async function phoneGame(): Promise<{ page: Page; errors: string[] }> {
  const context = await h.browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(h.url);
  await page.waitForSelector('form.start');
  await page.selectOption('#scenario', 'classroom-short');
  await chooseSeats(page, { Beijing: 'human', Moscow: 'greedy' });
  await page.getByRole('button', { name: 'Start game' }).click();
  await page.waitForSelector('.status');
  await page.waitForFunction(() => document.body.dataset.ready === 'map');
  return { page, errors };
}

interface View {
  zoom: number;
  left: number;
  top: number;
}

/** The camera as the map scene last wrote it: zoom, and the world point at the canvas's top left. */
const viewOf = (page: Page): Promise<View | null> =>
  page.evaluate(() => {
    const raw = (document.querySelector('#map canvas')?.parentElement as HTMLElement | null)?.dataset.view;
    return raw ? (JSON.parse(raw) as View) : null;
  });

/** Two fingers at `from` apart by `start` px that spread to `end` px apart, in `steps` moves (page px). */
async function pinch(cdp: CDPSession, at: { x: number; y: number }, start: number, end: number, steps: number): Promise<void> {
  const points = (d: number) => [
    { x: at.x - d / 2, y: at.y, id: 0 },
    { x: at.x + d / 2, y: at.y, id: 1 },
  ];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: points(start) });
  for (let i = 1; i <= steps; i++) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: points(start + ((end - start) * i) / steps) });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

describe('the map on a phone', () => {
  it('two fingers spreading apart zoom in about the point between them; one finger pans; a pinch selects nothing', async () => {
    const { page, errors } = await phoneGame();
    const canvas = await page.locator('#map canvas').boundingBox();
    if (!canvas) throw new Error('no map');
    const before = await viewOf(page);
    if (!before) throw new Error('the map wrote no view');
    // Off the canvas's centre, so that a zoom about the centre (not the fingers) would show.
    const at = { x: canvas.x + canvas.width * 0.3, y: canvas.y + canvas.height * 0.6 };
    const local = { x: at.x - canvas.x, y: at.y - canvas.y };
    const world = { x: before.left + local.x / before.zoom, y: before.top + local.y / before.zoom };
    const cdp = await page.context().newCDPSession(page);
    await pinch(cdp, at, 60, 180, 12);
    await expect.poll(async () => (await viewOf(page))?.zoom ?? 0).toBeGreaterThan(before.zoom * 2);
    const after = (await viewOf(page)) as View;
    // The store's zoom follows (×3 spread, within its 1–4 range), and the buttons show it.
    expect(await page.locator('.map-controls .zoom-level').textContent()).toBe('3.0×');
    // The world point that was between the fingers is still between them (within 2 screen px).
    const screenX = (world.x - after.left) * after.zoom;
    const screenY = (world.y - after.top) * after.zoom;
    expect(Math.abs(screenX - local.x), `x: ${screenX} vs ${local.x}`).toBeLessThan(2);
    expect(Math.abs(screenY - local.y), `y: ${screenY} vs ${local.y}`).toBeLessThan(2);
    // Labels keep their size on screen.
    expect(await page.evaluate(() => Number((document.querySelector('#map canvas')?.parentElement as HTMLElement | null)?.dataset.labelPx ?? 0))).toBeGreaterThanOrEqual(12);
    // Lifting the fingers of a pinch is not a tap on the country beneath.
    expect(await page.locator('.country-buttons button[aria-pressed="true"]').count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'phone-pinched.png') });
    // Pinching in further stops at the buttons' limit (4×); pinching out stops at the whole view (1×).
    await pinch(cdp, at, 40, 200, 8);
    await expect.poll(() => page.locator('.map-controls .zoom-level').textContent()).toBe('4.0×');
    await pinch(cdp, at, 200, 20, 8);
    await expect.poll(() => page.locator('.map-controls .zoom-level').textContent()).toBe('1.0×');
    // One finger drags the map: the world moves with it.
    await page.getByRole('button', { name: 'Zoom in' }).click();
    const still = (await viewOf(page)) as View;
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: at.x, y: at.y, id: 0 }] });
    for (let i = 1; i <= 5; i++) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: at.x + 8 * i, y: at.y, id: 0 }] });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await expect.poll(async () => Math.round(((still.left - ((await viewOf(page))?.left ?? 0)) * still.zoom))).toBe(40);
    expect(errors).toEqual([]);
  });
});
