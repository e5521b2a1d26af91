// "Events ahead" in a real browser (issue 10, item 4): the panel shows each event's window
// and chance as the scenario sets them, this turn's draw, opens from the keyboard, follows the game turn by
// turn, and passes axe. Screenshots at a laptop and a phone size land in test-results/.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ROOT, SHOTS, axeViolations, chooseSeats, endTurn, openPage, useHarness, portOf } from './browser';

// A port of its own: the other browser tests (4391–4395) may run at the same time.
const PORT = portOf(4427);

interface EventInput {
  id: string;
  title: string;
  trigger: { from?: string; to?: string; chancePct?: number };
}
const classroom = JSON.parse(readFileSync(join(ROOT, 'scenarios/classroom-short.json'), 'utf8')) as { events: EventInput[] };
const eventOf = (id: string): EventInput => {
  const e = classroom.events.find((x) => x.id === id);
  if (!e) throw new Error(`classroom-short has no event ${id}`);
  return e;
};

const h = useHarness(PORT);

async function startClassroom(page: Page): Promise<void> {
  await page.selectOption('#scenario', 'classroom-short');
  await chooseSeats(page, { Beijing: 'human', Moscow: 'greedy' });
  await page.getByRole('button', { name: 'Start game' }).click();
  await page.waitForSelector('.status');
}

const card = (page: Page, title: string) => page.locator('.events-ahead details.event-card').filter({ has: page.locator('summary', { hasText: title }) });

describe('events ahead, in the browser', () => {
  it('shows each event’s window and chance from the scenario, opens by keyboard, follows the turns, and passes axe', async () => {
    const { page, errors } = await openPage(h);
    await startClassroom(page);
    const panel = page.locator('.events-ahead');
    await expect.poll(() => panel.locator('#events-title').textContent()).toBe('Events ahead');

    // A chance event in its window now: opened from the keyboard, its window, chance and condition in words.
    const fear = eventOf('fear-of-being-next');
    const fearCard = card(page, fear.title);
    await fearCard.locator('summary').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => fearCard.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    const fearText = (await fearCard.textContent()) ?? '';
    expect(fearText).toContain('Window: any time');
    expect(fearText).toContain(`Chance: ${fear.trigger.chancePct ?? 100}% each turn, drawn as the turn opens, before any order; it fires if its conditions hold too`);
    // This turn shows the draw made as the turn opened (the game's seed decides which), never a percentage.
    expect(fearText).toMatch(/ — drawn: (does not fire this turn|fires this turn if its conditions still hold at the end of the turn \(it is unmet now\))Window/);
    expect(await panel.locator('.summary').textContent()).toContain('drawn when the turn opened, before any orders');
    expect(fearText).toMatch(/does not hold: Moscow's influence in Kazakhstan is at least 55 \(now \d+\)/);

    // An event whose window opens later: its window as the scenario gives it, and when it opens.
    const xian = eventOf('xian-summit');
    const xianCard = card(page, xian.title);
    expect(await page.locator('.events-ahead h3', { hasText: 'Later' }).count()).toBe(1);
    expect(await xianCard.locator('summary').textContent()).toContain('opens in 3 turns (2023-06)');
    await xianCard.locator('summary').click();
    expect(await xianCard.textContent()).toContain(`Window: ${xian.trigger.from ?? ''} to ${xian.trigger.to ?? ''}. Chance: ${xian.trigger.chancePct ?? 100}% each turn`);

    expect(await axeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 1366, height: 768 });
    // The panel's heading at the top of the side panel: what a player sees on opening it.
    await panel.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: join(SHOTS, 'events-1366.png') });
    await page.setViewportSize({ width: 390, height: 844 });
    await fearCard.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'events-390.png') });
    expect(await axeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 1400, height: 850 });

    // A turn later the panel has moved on with the store: Samarkand (2022-09 only) is behind us, Xi'an a turn nearer,
    // and the card that was open is still open.
    await endTurn(page);
    await page.waitForSelector('#report-title:has-text("Turn 1 report")');
    const samarkand = eventOf('samarkand-summit');
    const past = panel.locator('details.events-past');
    await expect.poll(() => past.locator('summary').textContent()).toMatch(/^Fired or over \(\d+\)$/);
    expect(await past.textContent()).toContain(`${samarkand.title} — fired`);
    expect(await card(page, samarkand.title).count()).toBe(0);
    expect(await xianCard.locator('summary').textContent()).toContain('opens in 2 turns (2023-06)');
    expect(await fearCard.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    await past.locator('summary').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => past.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await past.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'events-turn2.png') });
    expect(errors).toEqual([]);
  });
});
