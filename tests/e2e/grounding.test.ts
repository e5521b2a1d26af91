// What the reporting grounds, as a player sees it (issue 9): sources by outlet, date and
// title (never an id), assumptions marked wherever they appear, the calendar within the
// reporting with the "what if" continuation as a choice of its own, and an old scenario
// file read with notes on what was assumed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, SHOTS, axeViolations, chooseSeats, openPage, useHarness, portOf } from './browser';

const h = useHarness(portOf(4395));

const SOURCE_ID = /\d{3}_[0-9a-f]{16}/;

describe('grounding in the browser', () => {
  it('the calendar ends with the reporting, and the what-if continuation is a separate choice', async () => {
    const { page, errors } = await openPage(h);
    await page.selectOption('#scenario', 'samarkand-2022');
    expect(await page.locator('.start .summary').first().textContent()).toContain('(12 turns, to July 2024 when the reporting ends.)');
    const whatIf = page.getByRole('checkbox', { name: /Play on past the reporting — what if/ });
    expect(await whatIf.isChecked()).toBe(false);
    await page.getByRole('button', { name: 'Start game' }).click();
    await expect.poll(() => page.locator('.status p').first().textContent()).toContain('Turn 1 of 12');
    // A new game, this time with the continuation.
    await page.getByRole('button', { name: 'New game' }).click();
    await page.waitForSelector('form.start');
    await page.selectOption('#scenario', 'samarkand-2022');
    await whatIf.check();
    await page.getByRole('button', { name: 'Start game' }).click();
    const replace = page.getByRole('button', { name: /Replace|Start the new game/ });
    if (await replace.count()) await replace.first().click();
    await expect.poll(() => page.locator('.status p').first().textContent()).toContain('Turn 1 of 20');
    expect(errors).toEqual([]);
  });

  it('orders, event cards and the debrief name sources by outlet, date and title, and mark assumptions', async () => {
    const { page, errors } = await openPage(h);
    await page.selectOption('#scenario', 'classroom-short');
    await chooseSeats(page, { Beijing: 'greedy', Moscow: 'greedy' });
    await page.getByRole('button', { name: 'Start game' }).click();
    await page.waitForSelector('.status');
    for (let turn = 1; turn <= 8; turn++) {
      await page.getByRole('button', { name: 'Next turn' }).click();
      await page.waitForSelector(`#report-title:has-text("Turn ${turn} report")`);
      for (const card of await page.locator('.report .event .source').allTextContents()) {
        expect(card).toMatch(/^(Reported: .+, (\d+ )?[A-Z][a-z]+ \d{4}: “.+”|Illustrative assumption, not reported: .{30,})$/);
        expect(card).not.toMatch(SOURCE_ID);
      }
    }
    await page.waitForSelector('.debrief');
    const debrief = (await page.locator('.debrief').textContent()) ?? '';
    expect(debrief).not.toMatch(SOURCE_ID);
    const grounding = page.locator('details.grounding');
    await grounding.locator('summary').click();
    expect(await grounding.locator('summary').textContent()).toMatch(/^What this scenario rests on: 5 articles, \d+ illustrative assumptions?$/);
    expect(await grounding.textContent()).toContain('The Guardian, July 2024: “');
    await grounding.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'grounding.png') });
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('an order rests on an article or says it is an assumption', async () => {
    const { page } = await openPage(h);
    await page.selectOption('#scenario', 'classroom-short');
    await chooseSeats(page, { Beijing: 'greedy', Moscow: 'human' });
    await page.getByRole('button', { name: 'Start game' }).click();
    await page.getByRole('button', { name: 'Tajikistan', exact: true }).click();
    const lines = await page.locator('ul.orders .source').allTextContents();
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/^(Reported: .+: “.+”|Illustrative assumption, not reported: .+)$/);
    expect(lines.some((l) => l.startsWith('Illustrative assumption'))).toBe(true);
  });

  it('a scenario file of the first form opens, saying what reading it assumed', async () => {
    const { page } = await openPage(h);
    await page.setInputFiles('#open-file', { name: 'old.json', mimeType: 'application/json', buffer: readFileSync(join(ROOT, 'tests/fixtures/form1/blank.json')) });
    await expect.poll(() => page.locator('.message').textContent()).toContain('was written in an earlier form of the format (form 1) and was read with these assumptions: ');
    expect(await page.locator('.message').textContent()).toContain('they became a "what if" continuation, offered separately');
  });
});
