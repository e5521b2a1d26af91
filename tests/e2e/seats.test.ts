// Seats in a real browser (issue 11): a seat per power on the start screen, worded from the
// chosen scenario, with a strength only for a computer; hot seat with hand-overs naming the
// seat, whose handed-over orders survive a reload still hidden; three powers at one device;
// New game asking before it would lose orders queued this turn. Screenshots at 390x844 and
// 1366x768 go to test-results/screenshots/seats-*.png.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ROOT, SHOTS, axeViolations, chooseSeats, endTurn, openPage, useHarness, portOf } from './browser';
import { loadScenarioText } from '../../src/engine';

const PORT = portOf(4437);
const h = useHarness(PORT);

const seat = (page: Page, power: string) => page.getByRole('group', { name: power, exact: true });
/** What has the focus, by its accessible name or text. */
const focused = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const a = document.activeElement;
    return a === null || a === document.body ? 'body' : (a.getAttribute('aria-label') ?? a.textContent ?? a.tagName).trim();
  });

/** The classroom scenario with a third power, Tehran, that may give three of its orders. */
function threePowers(): string {
  const input = JSON.parse(readFileSync(join(ROOT, 'scenarios/classroom-short.json'), 'utf8')) as {
    id: string;
    title: string;
    powers: object[];
    countries: { role: string; influence: Record<string, number>; dependence: { economic: Record<string, number>; security: Record<string, number> } }[];
    actions: { id: string; powers: string[] }[];
  };
  input.id = 'three-seats';
  input.title = 'Three at the table';
  input.powers.push({ id: 'tehran', name: 'Tehran', color: '#3a9d5d', home: 'iran', income: 8, startBudget: 8, tracks: [] });
  for (const c of input.countries) {
    if (c.role !== 'contested') continue;
    c.influence.tehran = Math.min(10, 100 - Object.values(c.influence).reduce((a, b) => a + b, 0));
    c.dependence.economic.tehran = 0;
    c.dependence.security.tehran = 0;
  }
  for (const a of input.actions) if (['trade-deal', 'energy-deal', 'state-visit'].includes(a.id)) a.powers.push('tehran');
  const text = JSON.stringify(input);
  const r = loadScenarioText(text);
  if (!r.ok) throw new Error(`the three-power scenario is invalid: ${JSON.stringify(r.error)}`);
  return text;
}

describe('seats, in the browser', () => {
  it('the start screen has a seat per power of the chosen scenario, in its words, with a strength only for a computer', async () => {
    const { page, errors } = await openPage(h);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.selectOption('#scenario', 'classroom-short');
    // Nothing says Central Asia or both sides unless the scenario does: the contest is its own.
    expect(await page.locator('.start .contest').textContent()).toBe('Beijing and Moscow compete for influence in Kazakhstan, Kyrgyzstan, Tajikistan, Uzbekistan and Turkmenistan.');
    // By default: a person at the first power, the computer (Easy) at the other.
    expect(await seat(page, 'Beijing').getByRole('radio', { name: 'Human' }).isChecked()).toBe(true);
    expect(await seat(page, 'Beijing').getByRole('combobox').count()).toBe(0);
    expect(await seat(page, 'Moscow').getByRole('combobox', { name: 'Moscow: computer strength' }).inputValue()).toBe('greedy');
    expect(await page.locator('#seats-summary').textContent()).toBe('You play Beijing. The computer plays Moscow (Easy).');
    await page.locator('fieldset.seats').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'seats-390-start.png') });
    expect(await axeViolations(page)).toEqual([]);
    // Two people: no strength anywhere; the summary says hot seat.
    await chooseSeats(page, { Moscow: 'human' });
    expect(await page.locator('form.start select[id^="seat-"]').count()).toBe(0);
    expect(await page.locator('#seats-summary').textContent()).toBe('Hot seat: Beijing and Moscow take turns on this device, each passing it on so the next never sees their orders.');
    // Nobody: watch, each computer at its own strength (a strength chosen before comes back).
    await chooseSeats(page, { Beijing: 'search:2', Moscow: 'search:1' });
    await chooseSeats(page, { Moscow: 'human' });
    await seat(page, 'Moscow').getByRole('radio', { name: 'Computer' }).check();
    expect(await seat(page, 'Moscow').getByRole('combobox').inputValue()).toBe('search:1');
    expect(await page.locator('#seats-summary').textContent()).toBe('Watch: the computer plays Beijing (Hard) and Moscow (Normal); you step through the turns.');
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.locator('fieldset.seats').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'seats-1366-start.png') });
    expect(await axeViolations(page)).toEqual([]);
    // The seats are radio groups: arrow keys move between Human and Computer.
    await seat(page, 'Beijing').getByRole('radio', { name: 'Computer' }).focus();
    await page.keyboard.press('ArrowLeft');
    expect(await seat(page, 'Beijing').getByRole('radio', { name: 'Human' }).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Start game' }).click();
    await page.waitForSelector('.status');
    // Beijing plays, Moscow is the computer at Normal: one person, so no hand-over.
    expect(await page.locator('.handover').count()).toBe(0);
    expect(await page.locator('.turn-bar').textContent()).toContain('Beijing:');
    expect(errors).toEqual([]);
  });

  it('hot seat: hand-overs name the seat, and a reload keeps the orders already handed over, still hidden', async () => {
    const { page, errors } = await openPage(h);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.selectOption('#scenario', 'classroom-short');
    await chooseSeats(page, { Beijing: 'human', Moscow: 'human' });
    await page.getByRole('button', { name: 'Start game' }).click();
    await page.waitForSelector('#handover-title:has-text("Pass the device to Beijing")');
    expect(await page.locator('.handover p').textContent()).toContain('Each seat at this device gives its orders in turn: Beijing, then Moscow.');
    await page.getByRole('button', { name: 'I am Beijing: show my turn' }).click();
    await page.getByRole('button', { name: 'Kazakhstan', exact: true }).click();
    await page.getByRole('button', { name: /^Queue order: Belt and Road loan/ }).click();
    await page.getByRole('button', { name: 'Done: hand over to Moscow' }).click();
    await page.waitForSelector('#handover-title:has-text("Pass the device to Moscow")');
    expect(await page.locator('.handover p').textContent()).toContain('Beijing has given its orders, sealed.');
    // The page is reloaded (or closed and opened again) before Moscow plays.
    await page.reload();
    await page.waitForSelector('#handover-title:has-text("Pass the device to Moscow")');
    expect(await page.locator('.message.info p').textContent()).toBe("This turn's orders of Beijing were kept, still hidden. Pass the device to Moscow.");
    expect(await page.locator('#panel').textContent()).not.toContain('Belt and Road loan — Kazakhstan');
    await page.locator('.handover').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'seats-390-handover-after-reload.png') });
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'I am Moscow: show my turn' }).click();
    await expect.poll(() => page.locator('#queue-title').textContent()).toContain('Moscow');
    expect(await page.locator('#panel').textContent()).not.toContain('Belt and Road loan — Kazakhstan');
    // Moscow is the last seat: its button ends the turn, and Beijing's order is played. With no
    // orders it asks once; "Keep giving orders" disarms it.
    const end = page.locator('.turn-bar button[data-key="end-turn"]');
    await end.click();
    expect(await end.textContent()).toBe('Confirm: end turn without orders');
    await page.screenshot({ path: join(SHOTS, 'seats-390-end-turn-confirm.png') });
    await page.getByRole('button', { name: 'Keep giving orders' }).click();
    expect(await end.textContent()).toBe('End turn without orders');
    await endTurn(page);
    await page.waitForSelector('#report-title:has-text("Turn 1 report")');
    expect(await page.locator('.report').textContent()).toContain('Belt and Road loan — Kazakhstan');
    await page.waitForSelector('#handover-title:has-text("Pass the device to Beijing")');
    expect(errors).toEqual([]);
  });

  it('three powers: two people hand the device over, the computer plays the third', async () => {
    const file = join(SHOTS, '..', 'three-seats.json');
    writeFileSync(file, threePowers());
    const { page, errors } = await openPage(h);
    await page.setInputFiles('#open-file', file);
    await page.waitForSelector('.message.info');
    await page.selectOption('#scenario', 'custom');
    expect(await page.locator('.start .contest').textContent()).toMatch(/^Beijing, Moscow and Tehran compete for influence in /);
    await chooseSeats(page, { Beijing: 'human', Moscow: 'greedy', Tehran: 'human' });
    expect(await page.locator('#seats-summary').textContent()).toBe('Hot seat: Beijing and Tehran take turns on this device, each passing it on so the next never sees their orders. The computer plays Moscow (Easy).');
    await page.locator('fieldset.seats').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'seats-1400-three.png') });
    await page.getByRole('button', { name: 'Start game' }).click();
    await page.waitForSelector('#handover-title:has-text("Pass the device to Beijing")');
    expect(await page.locator('.handover p').textContent()).toContain('(the computer plays Moscow)');
    await page.getByRole('button', { name: 'I am Beijing: show my turn' }).click();
    const done = page.locator('.turn-bar button[data-key="end-turn"]');
    expect(await done.textContent()).toBe('Done: hand over to Tehran without orders');
    await done.click();
    expect(await done.textContent()).toBe('Confirm: hand over to Tehran without orders');
    expect(await page.locator('#end-turn-why').textContent()).toMatch(/^No orders queued: press again to hand over with none/);
    await done.click();
    await page.waitForSelector('#handover-title:has-text("Pass the device to Tehran")');
    await page.getByRole('button', { name: 'I am Tehran: show my turn' }).click();
    await page.getByRole('button', { name: 'Uzbekistan', exact: true }).click();
    await page.getByRole('button', { name: /^Queue order: Trade and agriculture deal/ }).click();
    await page.getByRole('button', { name: 'End turn', exact: true }).click();
    await page.waitForSelector('#report-title:has-text("Turn 1 report")');
    expect(await page.locator('.report').textContent()).toContain('Trade and agriculture deal — Uzbekistan');
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('New game asks before losing the orders queued this turn; Escape keeps the game and the focus comes back', async () => {
    const { page, errors } = await openPage(h);
    await page.selectOption('#scenario', 'classroom-short');
    await chooseSeats(page, { Beijing: 'human', Moscow: 'greedy' });
    await page.getByRole('button', { name: 'Start game' }).click();
    await endTurn(page);
    await page.waitForSelector('#report-title:has-text("Turn 1 report")');
    await page.getByRole('button', { name: 'Kazakhstan', exact: true }).click();
    await page.getByRole('button', { name: /^Queue order: Belt and Road loan/ }).click();
    await page.getByRole('button', { name: 'New game' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Leave this game?' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('stays saved: Continue on the start screen brings it back. The 1 order queued this turn is not saved and will be lost.');
    // The safe answer has the focus; Escape gives it, and the focus goes back to New game.
    expect(await focused(page)).toBe('Stay in the game');
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.screenshot({ path: join(SHOTS, 'seats-1366-leave-question.png') });
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await focused(page)).toBe('New game');
    expect(await page.locator('ol.queue').textContent()).toContain('Belt and Road loan');
    // Asked again and answered: the start screen, with the game to continue.
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await page.getByRole('button', { name: 'Leave it' }).click();
    await page.waitForSelector('form.start');
    expect(await page.getByRole('button', { name: /^Continue saved game \(Classroom.*turn 2 of 8\)$/ }).count()).toBe(1);
    // Starting another game asks before it replaces the one in progress (as before).
    await page.getByRole('button', { name: 'Start game' }).click();
    await page.getByRole('alertdialog', { name: 'Replace your game in progress?' }).waitFor();
    await page.getByRole('button', { name: 'Keep my game' }).click();
    expect(await focused(page)).toBe('Start game');
    expect(errors).toEqual([]);
  });
});
