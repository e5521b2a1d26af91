// The map and the country panel on a phone (issue 11, items 6 and 7): two fingers pinch the
// map about the point between them, and a selected country's panel is a bottom sheet over
// the map. Touches are sent through the DevTools protocol, as a touch screen sends them.
// Screenshots go to test-results/screenshots/phone-*.png.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { SHOTS, axeViolations, chooseSeats, endTurn, openPage, useHarness, portOf } from './browser';

const h = useHarness(portOf(4445));

/** A fresh 360×740 touch-screen page in a classroom-short game, Beijing at this device. */
async function phoneGame(): Promise<{ page: Page; errors: string[] }> {
  const { page, errors } = await openPage(h, { viewport: { width: 360, height: 740 }, hasTouch: true });
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

  it('the map loop sleeps while nothing on it moves, and wakes to draw a zoom, a drag and a played turn (issue 11: phone performance)', async () => {
    const { page, errors } = await phoneGame();
    // Every frame Phaser draws onto the map's canvas, counted from the page.
    await page.evaluate(() => {
      const w = window as unknown as { __mapDraws: number };
      w.__mapDraws = 0;
      const canvas = document.querySelector('#map canvas');
      const draw = CanvasRenderingContext2D.prototype.drawImage;
      CanvasRenderingContext2D.prototype.drawImage = function (this: CanvasRenderingContext2D, ...args: unknown[]) {
        if (this.canvas === canvas) w.__mapDraws++;
        return (draw as (...a: unknown[]) => void).apply(this, args);
      } as typeof draw;
    });
    const draws = (): Promise<number> => page.evaluate(() => (window as unknown as { __mapDraws: number }).__mapDraws);
    const loop = (): Promise<string | undefined> => page.evaluate(() => (document.querySelector('#map canvas')?.parentElement as HTMLElement | null)?.dataset.loop);
    /** Waits for the loop to fall asleep, then checks that a second passes without a frame drawn. */
    const sleeps = async (): Promise<void> => {
      await expect.poll(loop, { timeout: 5000 }).toBe('asleep');
      const before = await draws();
      await page.waitForTimeout(1000);
      expect(await draws(), 'frames drawn while asleep').toBe(before);
    };
    await sleeps();
    // A change of the store (the zoom buttons) wakes it: the view is redrawn at the new zoom, then it sleeps again.
    const still = (await viewOf(page)) as View;
    let before = await draws();
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await expect.poll(async () => (await viewOf(page))?.zoom ?? 0).toBeGreaterThan(still.zoom * 1.2);
    expect(await draws()).toBeGreaterThan(before);
    await sleeps();
    // A finger on the map (input, no store change) wakes it: the map follows the drag.
    const canvas = await page.locator('#map canvas').boundingBox();
    if (!canvas) throw new Error('no map');
    const zoomed = (await viewOf(page)) as View;
    const at = { x: canvas.x + canvas.width / 2, y: canvas.y + canvas.height / 2 };
    const cdp = await page.context().newCDPSession(page);
    before = await draws();
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: at.x, y: at.y, id: 0 }] });
    for (let i = 1; i <= 4; i++) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: at.x + 10 * i, y: at.y, id: 0 }] });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await expect.poll(async () => Math.round((zoomed.left - ((await viewOf(page))?.left ?? 0)) * zoomed.zoom)).toBe(40);
    expect(await draws()).toBeGreaterThan(before);
    await sleeps();
    // A played turn (the standings move, their labels pulse) wakes it until the pulses are over.
    const cues = (): Promise<string | undefined> => page.evaluate(() => (document.querySelector('#map canvas')?.parentElement as HTMLElement | null)?.dataset.mapCues);
    const cuesBefore = await cues();
    before = await draws();
    await endTurn(page);
    await page.waitForSelector('#report-title:has-text("Turn 1 report")');
    await expect.poll(cues).not.toBe(cuesBefore);
    expect(await draws()).toBeGreaterThan(before);
    await sleeps();
    await page.screenshot({ path: join(SHOTS, 'phone-after-nap.png') });
    expect(errors).toEqual([]);
  });

  it('a chosen country opens as a bottom sheet over the map: heading, handle, Close, Escape gives the focus back; End turn stays in reach', async () => {
    const { page, errors } = await phoneGame();
    const sheet = page.getByRole('dialog', { name: 'Kazakhstan' });
    const chooser = page.getByRole('button', { name: 'Kazakhstan', exact: true });
    // From the keyboard: the country's button, Enter, and the sheet's heading has the focus.
    await chooser.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => sheet.isVisible()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('sheet-title');
    const map = await page.locator('#map canvas').boundingBox();
    const open = await sheet.boundingBox();
    if (!map || !open) throw new Error('no map or no sheet');
    // The map's upper part stays in sight above the sheet (a quarter of the window at least), and the sheet ends on the turn bar.
    expect(open.y - map.y, 'map in sight above the sheet (px)').toBeGreaterThanOrEqual(0.25 * 740);
    const bar = await page.locator('.turn-bar').boundingBox();
    expect(Math.abs(open.y + open.height - (bar?.y ?? 0)), 'sheet foot on the turn bar').toBeLessThanOrEqual(2);
    await page.screenshot({ path: join(SHOTS, 'phone-sheet.png') });
    expect(await axeViolations(page)).toEqual([]);
    // Queue an order inside the sheet: End turn is in sight and nothing covers it.
    await sheet.getByRole('button', { name: /^Queue order: / }).first().click();
    await expect.poll(() => page.locator('ol.queue li').count()).toBe(1);
    const end = page.locator('.turn-bar button[data-key="end-turn"]');
    const box = await end.boundingBox();
    if (!box) throw new Error('no End turn');
    expect(box.y + box.height).toBeLessThanOrEqual(740);
    expect(await page.evaluate(([x, y]) => document.elementFromPoint(x as number, y as number)?.closest('[data-key="end-turn"]') !== null, [box.x + box.width / 2, box.y + box.height / 2])).toBe(true);
    // The handle folds the sheet to its heading (more of the map) and opens it out again.
    const handle = sheet.locator('button.sheet-handle');
    expect(await handle.getAttribute('aria-expanded')).toBe('true');
    await handle.click();
    expect(await handle.getAttribute('aria-expanded')).toBe('false');
    expect(await sheet.locator('#sheet-body').isVisible()).toBe(false);
    const folded = await sheet.boundingBox();
    expect(folded?.height ?? 1e9, 'folded sheet (px)').toBeLessThan(open.height / 2);
    expect(await page.getByRole('dialog', { name: 'Kazakhstan' }).getByRole('heading', { name: 'Kazakhstan' }).isVisible()).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'phone-sheet-folded.png') });
    expect(await axeViolations(page)).toEqual([]);
    await handle.click();
    expect(await sheet.locator('#sheet-body').isVisible()).toBe(true);
    // Escape closes it (the country is deselected) and the focus goes back to the button that opened it.
    await page.keyboard.press('Escape');
    await expect.poll(() => sheet.count()).toBe(0);
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.textContent)).toBe('Kazakhstan');
    expect(await chooser.getAttribute('aria-pressed')).toBe('false');
    // Chosen on the map (a tap on its label's place): Close gives the focus to its country button.
    const cues = JSON.parse((await page.evaluate(() => (document.querySelector('#map canvas')?.parentElement as HTMLElement | null)?.dataset.mapCues)) ?? '[]') as { country: string; at: [number, number] }[];
    const view = (await viewOf(page)) as View;
    const uz = cues.find((c) => c.country === 'uzbekistan');
    if (!uz) throw new Error('no Uzbekistan on the map');
    await page.touchscreen.tap(map.x + (uz.at[0] - view.left) * view.zoom, map.y + (uz.at[1] - view.top) * view.zoom);
    const uzSheet = page.getByRole('dialog', { name: 'Uzbekistan' });
    await expect.poll(() => uzSheet.isVisible()).toBe(true);
    await uzSheet.getByRole('button', { name: /^Close Uzbekistan/ }).click();
    await expect.poll(() => uzSheet.count()).toBe(0);
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.textContent)).toBe('Uzbekistan');
    // Once the turn is played the sheet closes: the report and the country buttons are in sight.
    await chooser.click();
    await expect.poll(() => sheet.isVisible()).toBe(true);
    await endTurn(page);
    await page.waitForSelector('#report-title:has-text("Turn 1 report")');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    // The report's heading has the focus, in sight.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('report-title');
    // A laptop keeps the panel beside the map, no sheet.
    await page.setViewportSize({ width: 1366, height: 768 });
    await chooser.click();
    await expect.poll(() => page.locator('#panel h3', { hasText: 'Kazakhstan' }).first().isVisible()).toBe(true);
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('an order queued in the sheet is undone in the sheet, whose list of orders the sheet covers; the focus goes back to the order', async () => {
    const { page, errors } = await phoneGame();
    await page.getByRole('button', { name: 'Kazakhstan', exact: true }).click();
    const sheet = page.getByRole('dialog', { name: 'Kazakhstan' });
    await expect.poll(() => sheet.isVisible()).toBe(true);
    const first = sheet.getByRole('button', { name: /^Queue order: / }).first();
    const name = (await first.getAttribute('aria-label')) ?? '';
    await first.tap();
    await expect.poll(() => page.locator('ol.queue li').count()).toBe(1);
    // By touch: Undo is beside the queued order, in the sheet, and nothing covers it.
    const undo = sheet.getByRole('button', { name: /^Undo / });
    expect(await undo.count()).toBe(1);
    await undo.scrollIntoViewIfNeeded();
    const box = await undo.boundingBox();
    if (!box) throw new Error('no Undo in the sheet');
    expect(await page.evaluate(([x, y]) => document.elementFromPoint(x as number, y as number)?.closest('[role="dialog"] button') !== null, [box.x + box.width / 2, box.y + box.height / 2])).toBe(true);
    // As easy to hit as the order's own button beside it.
    expect(box.height).toBeGreaterThanOrEqual((await first.boundingBox())?.height ?? 1e9);
    await page.screenshot({ path: join(SHOTS, 'phone-sheet-undo.png') });
    await undo.tap();
    await expect.poll(() => page.locator('ol.queue li').first().textContent()).toBe('No orders yet.');
    // The empty list's line is not numbered as if it were an order.
    expect(await page.locator('ol.queue li').first().evaluate((li) => getComputedStyle(li).listStyleType)).toBe('none');
    expect(await first.getAttribute('aria-disabled')).toBeNull();
    // From the keyboard: queued again, undone with Enter, and the focus is back on the order's button.
    await first.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => undo.count()).toBe(1);
    await undo.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('ol.queue li').first().textContent()).toBe('No orders yet.');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(name);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
