// The guided first turn (issue 11, "a first game that teaches itself") in a real browser: a
// newcomer takes it from the start screen, follows it through one turn by the keyboard (each
// step's text changing as they act), reads the turn summary step and finishes it; a reload
// does not offer it again. Axe with the guide open; Escape closes it; at phone width it leaves
// the map and End turn in sight; the Large text view. Screenshots: test-results/screenshots/guide-*.png.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SHOTS, axeViolations, chooseSeats, openPage, useHarness, portOf } from './browser';

const PORT = portOf(4441);
const h = useHarness(PORT);

const guide = (page: Page) => page.locator('[data-testid="guide"]');
const heading = async (page: Page): Promise<string> => (await guide(page).locator('h2').textContent()) ?? '';
const text = async (page: Page): Promise<string> => (await page.locator('[data-testid="guide-text"]').textContent()) ?? '';
/** Presses Enter on a control, as a keyboard user who has tabbed to it. */
const press = async (page: Page, selector: string): Promise<void> => {
  await page.locator(selector).focus();
  await page.keyboard.press('Enter');
};
const focusedName = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const a = document.activeElement;
    return a === null || a === document.body ? 'body' : (a.getAttribute('aria-label') ?? a.textContent ?? a.tagName).trim();
  });

async function startGuided(page: Page): Promise<void> {
  await page.selectOption('#scenario', 'classroom-short');
  await chooseSeats(page, { Beijing: 'human', Moscow: 'greedy' });
  await press(page, '[data-key="start-guided"]');
  await page.waitForSelector('[data-testid="guide"]');
}

describe('the guided first turn', () => {
  it('walks a newcomer through a turn by the keyboard, to the turn summary, and is not offered again', async () => {
    const { page, errors } = await openPage(h);
    await page.setViewportSize({ width: 1366, height: 768 });
    expect(await page.getByRole('button', { name: 'First game? Take the guided turn' }).count()).toBe(1);
    await startGuided(page);
    // Asked for, the guide takes the focus, so its first step is read out.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('guide-title');
    const seen: string[] = [];
    const step = async (n: number, name: string): Promise<string> => {
      await expect.poll(() => heading(page)).toBe(`Guided turn, step ${n} of 7: ${name}`);
      const t = await text(page);
      expect(seen).not.toContain(t);
      seen.push(t);
      return t;
    };
    // 1: what wins, in the scenario's own numbers (the rules card's words).
    expect(await step(1, 'What wins')).toContain('Kazakhstan is worth 3 points a turn if you lead it by 12 or more (control)');
    expect(await guide(page).getAttribute('aria-labelledby')).toBe('guide-title');
    expect(await guide(page).locator('[aria-live="polite"]').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'guide-1366-start.png') });
    await press(page, '[data-key="guide-next"]');
    // 2: choose a country. "Show me" puts the focus on the first country's button; Enter selects it.
    expect(await step(2, 'Choose a country')).toContain('on the map');
    await press(page, '[data-key="guide-show"]');
    expect(await focusedName(page)).toBe('Kazakhstan');
    await page.keyboard.press('Enter');
    // 3: queue an order, read from its preview; "Show me" reaches the first Queue order.
    expect(await step(3, 'Queue an order')).toContain('for Kazakhstan');
    await press(page, '[data-key="guide-show"]');
    expect(await focusedName(page)).toMatch(/^Queue order: /);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('ol.queue li').count()).toBe(1);
    // 4: the queue's "This turn if the rival passes".
    expect(await step(4, 'Your turn, played ahead')).toContain('This turn if the rival passes');
    await page.screenshot({ path: join(SHOTS, 'guide-1366-preview.png') });
    await press(page, '[data-key="guide-next"]');
    // 5: End turn, which only ending the turn moves past.
    expect(await step(5, 'End the turn')).toContain('End turn');
    expect(await page.locator('[data-key="guide-next"]').count()).toBe(0);
    // Next has gone from under the focus: it moves on to End turn itself.
    await expect.poll(() => focusedName(page)).toBe('End turn');
    await press(page, '[data-key="guide-show"]');
    expect(await focusedName(page)).toBe('End turn');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#report-title:has-text("Turn 1 report")');
    // 6: the turn summary.
    expect(await step(6, 'What moved, and why')).toContain('a line per country');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'guide-1366-summary.png') });
    await press(page, '[data-key="guide-next"]');
    // 7: where to look later; Done closes it.
    expect(await step(7, 'Later')).toContain('Show the guide again');
    expect(await page.locator('[data-key="guide-next"]').textContent()).toBe('Done');
    await press(page, '[data-key="guide-next"]');
    await expect.poll(() => guide(page).count()).toBe(0);
    // The focus stays in the game.
    expect(await focusedName(page)).not.toBe('body');
    expect(await page.evaluate(() => localStorage.getItem('new-great-game/guide-done'))).toBe('yes');
    // A reload resumes the game without the guide, and the start screen no longer offers it.
    await page.reload();
    await page.waitForSelector('.status');
    expect(await guide(page).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Show the guide again' }).count()).toBe(1);
    await page.getByRole('button', { name: 'New game' }).click();
    await page.waitForSelector('form.start');
    expect(await page.locator('[data-key="start-guided"]').count()).toBe(0);
    // It can still be had from the game's tools.
    await page.getByRole('button', { name: /^Continue saved game/ }).click();
    await page.waitForSelector('.status');
    await page.getByRole('button', { name: 'Show the guide again' }).click();
    await expect.poll(() => heading(page)).toBe('Guided turn, step 1 of 7: What wins');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('guide-title');
    expect(errors).toEqual([]);
  });

  it('at phone width it is docked above End turn, clear of the map; Escape closes it', async () => {
    const { page, errors } = await openPage(h);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.selectOption('#scenario', 'classroom-short');
    await page.locator('[data-key="start-guided"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'guide-390-offer.png') });
    // Nobody seated (watching): there is no turn of one's own to be guided through.
    await chooseSeats(page, { Beijing: 'greedy', Moscow: 'greedy' });
    expect(await page.locator('[data-key="start-guided"]').count()).toBe(0);
    await startGuided(page);
    await page.screenshot({ path: join(SHOTS, 'guide-390-start.png') });
    const map = await page.locator('#map').boundingBox();
    const box = await guide(page).boundingBox();
    const end = await page.locator('.turn-bar button[data-key="end-turn"]').boundingBox();
    if (!map || !box || !end) throw new Error('map, guide or End turn not laid out');
    expect(box.y).toBeGreaterThanOrEqual(map.y + map.height - 1);
    expect(box.x + box.width).toBeLessThanOrEqual(391);
    expect(end.y + end.height).toBeLessThanOrEqual(844);
    // Compact: the panel under the map keeps room to read.
    expect(box.height).toBeLessThan(844 * 0.25);
    await page.getByRole('button', { name: 'Kazakhstan', exact: true }).click();
    await press(page, '[data-key="guide-next"]');
    await expect.poll(() => heading(page)).toContain('Queue an order');
    await page.screenshot({ path: join(SHOTS, 'guide-390-queue.png') });
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('[data-key="guide-next"]').focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => guide(page).count()).toBe(0);
    expect(await focusedName(page)).not.toBe('body');
    expect(await page.evaluate(() => localStorage.getItem('new-great-game/guide-done'))).toBe('yes');
    expect(errors).toEqual([]);
  });

  it('reads in the Large text (projector) view, End turn still in sight', async () => {
    const { page, errors } = await openPage(h);
    await page.goto(`${h.url}?view=projector`);
    await page.waitForSelector('form.start');
    await page.setViewportSize({ width: 1366, height: 768 });
    await startGuided(page);
    await press(page, '.country-buttons button >> nth=0');
    await press(page, '[data-key="guide-next"]');
    await expect.poll(() => heading(page)).toContain('Queue an order');
    await page.screenshot({ path: join(SHOTS, 'guide-projector-1366.png') });
    // Docked, it leaves most of the panel to read.
    expect((await guide(page).boundingBox())?.height).toBeLessThan(768 * 0.4);
    const size = await page.locator('[data-testid="guide-text"]').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThanOrEqual(24);
    const end = await page.locator('.turn-bar button[data-key="end-turn"]').boundingBox();
    expect(end && end.y + end.height).toBeLessThanOrEqual(768);
    expect(errors).toEqual([]);
  });
});
