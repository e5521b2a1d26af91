// The scenario editor in a real browser: a newcomer builds a three-country scenario from
// the blank template with the form and the maps alone, plays it and comes back; problems
// show at their fields and lead to them; edits export and import back unchanged.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { ROOT, SHOTS, axeViolations, endTurn, openPage, useHarness, portOf } from './browser';
import type { MapAsset } from '../../src/map/mapAsset';
import { makeProjection, projectPoint } from '../../src/map/projection';
import { loadScenarioText } from '../../src/engine';
import { readShareLink } from '../../src/ui/share';

const h = useHarness(portOf(4392));

const asset = JSON.parse(readFileSync(join(ROOT, 'assets/map/central-asia.json'), 'utf8')) as MapAsset;
const projection = makeProjection(asset.projection);

/** Clicks an editor map at a longitude and latitude. */
async function clickMapAt(page: Page, map: Locator, lon: number, lat: number): Promise<void> {
  const xy = projectPoint(projection, lon, lat);
  if (!xy) throw new Error('the point does not project');
  await map.scrollIntoViewIfNeeded();
  const client = await map.evaluate((svg, [x, y]) => {
    const m = (svg as SVGSVGElement).getScreenCTM();
    if (!m) throw new Error('no screen transform');
    const p = new DOMPoint(x, y).matrixTransform(m);
    return { x: p.x, y: p.y };
  }, xy);
  await page.mouse.click(client.x, client.y);
}

async function openBlank(page: Page): Promise<void> {
  await page.selectOption('#editor-start', 'blank');
  await page.getByRole('button', { name: 'Open the scenario editor' }).click();
  await page.waitForSelector('#editor-status:has-text("Valid")');
}

const status = (page: Page): Promise<string | null> => page.locator('#editor-status').textContent();

/** Unfolds the scenario's JSON text (folded by default), as a designer who reads it would. */
async function showJson(page: Page): Promise<void> {
  const part = page.locator('details.json');
  if (!(await part.evaluate((d) => (d as HTMLDetailsElement).open))) await part.locator('summary').click();
  await expect.poll(() => page.locator('#editor-text').inputValue()).not.toBe('');
}

describe('the scenario editor', () => {
  it('a newcomer builds a three-country scenario from the blank one with the form and the maps, and plays it', async () => {
    const { page, errors } = await openPage(h);
    await openBlank(page);
    await showJson(page);
    // The editor fills the window: the map gives way.
    expect(await page.locator('#map').isVisible()).toBe(false);
    // A third country beside Kazakhstan and Kyrgyzstan: added, then its map shape chosen (the name follows).
    expect(await status(page)).toContain('2 contested countries');
    await page.locator('summary', { hasText: /^Countries/ }).click();
    await page.locator('summary', { hasText: /^Kazakhstan/ }).click();
    await page.getByRole('button', { name: 'Add a country', exact: true }).click();
    await page.locator('#field-countries-4-mapId').selectOption('860');
    await expect.poll(() => page.locator('#field-countries-4-name').inputValue()).toBe('Uzbekistan');
    // Kazakhstan, open all along, is drawn again: it now borders Uzbekistan, by name.
    expect(await page.locator('#field-countries-0-borders-3 option:checked').textContent()).toBe('Uzbekistan');
    await page.locator('summary', { hasText: /^Kazakhstan/ }).click();
    expect(await status(page)).toContain('3 contested countries');
    // A mistake shows at its field, and in the list with a way to it once the part is closed.
    const stability = page.getByLabel('Uzbekistan: Stability', { exact: true });
    // Checked as you type: the problem shows while the field still has the focus.
    await stability.fill('140');
    await expect.poll(() => page.locator('#field-countries-4-stability-error').textContent()).toBe('found 140; expected at most 100');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('field-countries-4-stability');
    await page.locator('summary', { hasText: /^Uzbekistan/ }).click();
    await expect.poll(() => page.locator('summary', { hasText: /^Uzbekistan/ }).textContent()).toContain('(1 problem inside)');
    expect(await page.getByRole('button', { name: 'Play this scenario' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Show the field countries[4].stability' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('field-countries-4-stability');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('55');
    await page.keyboard.press('Tab');
    await page.waitForSelector('#editor-status:has-text("Valid")');
    // Cities placed by clicking the map inside the new country.
    await page.locator('summary', { hasText: /^Countries/ }).click();
    await page.locator('summary', { hasText: /^Cities/ }).click();
    const cityMap = page.locator('svg[aria-label^="City map"]');
    // Framed on the scenario's contested countries (Kazakhstan, Kyrgyzstan, Uzbekistan), as the game's map is: not the whole map, Aegean to China.
    const [, , shownWidth] = ((await cityMap.getAttribute('viewBox')) ?? '').split(' ').map(Number);
    expect(shownWidth).toBeLessThan(0.75 * asset.width);
    await cityMap.scrollIntoViewIfNeeded();
    await cityMap.screenshot({ path: join(SHOTS, 'editor-city-map.png') });
    for (const [lon, lat, name, n] of [[69.24, 41.3, 'Tashkent', 11], [66.97, 39.65, 'Samarkand', 12]] as const) {
      await clickMapAt(page, cityMap, lon, lat);
      const field = page.locator(`#field-cities-${n}-name`);
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(`field-cities-${n}-name`);
      await field.fill(name);
      await field.press('Tab');
    }
    const text = (): Promise<string> => page.locator('#editor-text').inputValue();
    expect(await text()).toMatch(/"id": "tashkent",\s*"name": "Tashkent",\s*"country": "uzbekistan"/);
    expect(await text()).toMatch(/"id": "samarkand",\s*"name": "Samarkand",\s*"country": "uzbekistan"/);
    await page.locator('summary', { hasText: /^Cities/ }).click();
    // A project whose route is picked on its map, by mouse and by keyboard.
    await page.locator('summary', { hasText: /^Projects/ }).click();
    await page.getByRole('button', { name: 'Add a project' }).click();
    const projectName = page.getByLabel('New project: Name', { exact: true });
    await projectName.fill('Bishkek–Tashkent railway');
    await projectName.press('Tab');
    const routeMap = page.locator('svg[aria-label^="Route map"]');
    const first = JSON.parse(await text()).projects[0].route[0] as string;
    await routeMap.getByRole('button', { name: /Bishkek$/ }).click();
    await routeMap.getByRole('button', { name: /Tashkent$/ }).focus();
    await page.keyboard.press('Enter');
    await routeMap.getByRole('button', { name: new RegExp(`${first === 'almaty' ? 'Almaty' : first}$`, 'i') }).click();
    await expect.poll(async () => JSON.parse(await text()).projects[0].route).toEqual(['bishkek', 'tashkent']);
    expect(await page.locator('.editor-note').textContent()).toContain('taken off the route');
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('summary', { hasText: /^Projects/ }).click();
    // An event: when Beijing leads Kyrgyzstan, Moscow loses influence in Uzbekistan.
    await page.locator('summary', { hasText: /^Events/ }).click();
    await page.getByRole('button', { name: 'Add an event' }).click();
    const title = page.getByLabel('New event: Title', { exact: true });
    await title.fill('Rail diplomacy');
    await title.press('Tab');
    await page.getByRole('button', { name: 'Rail diplomacy: Add a condition' }).click();
    await page.locator('#field-events-0-trigger-all-0-type').selectOption('leads');
    await page.locator('#field-events-0-trigger-all-0-country').selectOption('kyrgyzstan');
    await page.locator('[data-key="open:events[0].effects[0]"]').click();
    await page.locator('#field-events-0-effects-0-type').selectOption('influence');
    await page.locator('#field-events-0-effects-0-country').selectOption('uzbekistan');
    await page.locator('#field-events-0-effects-0-power').selectOption('moscow');
    const delta = page.locator('#field-events-0-effects-0-delta');
    await delta.fill('-5');
    await delta.press('Tab');
    await page.locator('summary', { hasText: /^Events/ }).click();
    // Victory: an early win, added with a button.
    await page.locator('summary', { hasText: /^Victory/ }).click();
    await page.getByRole('button', { name: 'Add early win' }).click();
    const fromTurn = page.locator('#field-victory-suddenDeath-fromTurn');
    await fromTurn.fill('4');
    await fromTurn.press('Tab');
    await page.waitForSelector('#editor-status:has-text("Valid")');
    expect(await status(page)).toContain('3 contested countries');
    const scenario = loadScenarioText(await text());
    if (!scenario.ok) throw new Error('the edited scenario is invalid');
    expect(scenario.value.events[0]).toMatchObject({ title: 'Rail diplomacy', trigger: { all: [{ type: 'leads', country: 'kyrgyzstan', power: 'beijing' }] }, effects: [{ type: 'influence', country: 'uzbekistan', power: 'moscow', delta: -5 }] });
    expect(scenario.value.victory.suddenDeath).toEqual({ countries: 1, fromTurn: 4 });
    // Its balance, checked from the editor (computer games in a Web Worker).
    await page.fill('#editor-balance-games', '4');
    await page.getByRole('button', { name: 'Run balance check' }).click();
    await page.waitForSelector('.balance [role="status"]:has-text("Done: 4 games")');
    expect(await page.locator('.balance-results').textContent()).toContain('Kyrgyzstan');
    // A share link carries it (this one is small enough).
    await page.getByRole('button', { name: 'Share a link' }).click();
    const url = await page.locator('#editor-share-link').inputValue();
    const shared = readShareLink(url.slice(url.indexOf('#')));
    const fromLink = shared.kind === 'text' ? loadScenarioText(shared.text) : null;
    expect(fromLink?.ok && fromLink.value.countries.filter((c) => c.role === 'contested').map((c) => c.id)).toEqual(['kazakhstan', 'kyrgyzstan', 'uzbekistan']);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'editor.png') });
    // Play it, one turn, and back to the edits.
    await page.getByRole('button', { name: 'Play this scenario' }).click();
    await page.waitForSelector('.status');
    expect(await page.locator('#map').isVisible()).toBe(true);
    for (const name of ['Kazakhstan', 'Kyrgyzstan', 'Uzbekistan']) expect(await page.getByRole('button', { name, exact: true }).count()).toBe(1);
    await endTurn(page);
    await page.waitForSelector('#report-title:has-text("Turn 1 report")');
    await page.getByRole('button', { name: 'Back to the editor' }).click();
    expect(await text()).toContain('Bishkek–Tashkent railway');
    // Undo walks back through the form's steps.
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(async () => JSON.parse(await text()).victory.suddenDeath?.fromTurn).toBe(1);
    expect(errors).toEqual([]);
  });

  it('entries reorder from the keyboard, and removing one that others refer to lists every place that still does', async () => {
    const { page, errors } = await openPage(h);
    await openBlank(page);
    await showJson(page);
    const actions = (): Promise<{ id: string; name: string }[]> => page.locator('#editor-text').inputValue().then((t) => JSON.parse(t).actions);
    const before = await actions();
    const second = before[1]?.name ?? '';
    await page.locator('summary', { hasText: /^Actions/ }).click();
    await page.locator('details.item > summary', { hasText: second }).click();
    await page.getByRole('button', { name: `Move up: ${second}`, exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await actions()).map((a) => a.id)).toEqual([before[1]?.id, before[0]?.id, ...before.slice(2).map((a) => a.id)]);
    // Focus stays with the moved entry (on "Move down", now that it is first).
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.key)).toBe('down:actions[0]');
    // Removing China, Beijing's home base, shows every place that still refers to it.
    await page.locator('summary', { hasText: /^Actions/ }).click();
    await page.locator('summary', { hasText: /^Countries/ }).click();
    await page.locator('summary', { hasText: /^China/ }).click();
    await page.getByRole('button', { name: 'Remove China', exact: true }).click();
    await page.waitForSelector('.problems li:has-text("scenario: ")');
    const listed = await page.locator('.problems').textContent();
    expect(listed).toContain('scenario: powers[0].home: found "china"');
    // What plainly belonged to China went with it (its borders elsewhere), and the note says so.
    expect(await page.locator('.editor-note').textContent()).toMatch(/^Removed China and \d+ things? that referred to it: .*borders.*\. Undo brings them back\.$/);
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.waitForSelector('#editor-status:has-text("Valid")');
    expect(errors).toEqual([]);
  });

  it('the scenario editor checks as you type, plays the edit at once and keeps it for the way back', async () => {
    const { page, errors } = await openPage(h);
    await page.selectOption('#scenario', 'classroom-short');
    await page.getByRole('button', { name: 'Open the scenario editor' }).click();
    // The form: an invalid value shows its problem beside the field; undo takes it back.
    await page.locator('.editor-form summary', { hasText: 'Countries' }).click();
    await page.locator('.editor-form summary', { hasText: 'Kazakhstan' }).click();
    const stability = page.getByLabel('Kazakhstan: Stability', { exact: true });
    await stability.fill('140');
    await stability.press('Tab');
    await expect.poll(() => page.locator('#field-countries-0-stability-error').textContent()).toBe('found 140; expected at most 100');
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => page.locator('#field-countries-0-stability-error').textContent()).toBe('');
    expect(await page.getByLabel('Kazakhstan: Stability', { exact: true }).inputValue()).toBe('60');
    // The JSON text is folded until asked for.
    await showJson(page);
    const area = page.locator('#editor-text');
    const original = await area.inputValue();
    expect(original).toContain('"turns": 8');
    // Replaces the text as a paste would (Playwright's fill types 50 KB far too slowly).
    const setText = (text: string): Promise<void> =>
      area.evaluate((el, v) => {
        (el as HTMLTextAreaElement).value = v;
        el.dispatchEvent(new Event('input', { bubbles: true }));
      }, text);
    await setText(original.replace('"turns": 8', '"turns": 0'));
    await page.waitForSelector('.problems li:has-text("scenario: ")');
    expect(await page.locator('.problems').textContent()).toContain('scenario: turns: found 0; expected at least 1');
    expect(await page.getByRole('button', { name: 'Play this scenario' }).isDisabled()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    // A shorter game moves its last summit (the SCO summit on turn 8) with it: a summit past the end is refused.
    await setText(original.replace('"turns": 8', '"turns": 7').replace('"turn": 8,', '"turn": 7,'));
    await page.waitForSelector('#editor-status:has-text("Valid")');
    await page.getByRole('button', { name: 'Play this scenario' }).click();
    await page.waitForSelector('.status');
    expect(await page.locator('.status p').first().textContent()).toContain('Turn 1 of 7');
    await endTurn(page);
    await page.waitForSelector('#report-title:has-text("Turn 1 report")');
    await page.getByRole('button', { name: 'Back to the editor' }).click();
    expect(await page.locator('#editor-text').inputValue()).toContain('"turns": 7');
    expect(errors).toEqual([]);
  });

  it('an edited scenario exports to a file that imports back unchanged', async () => {
    const { page, errors } = await openPage(h);
    await page.selectOption('#scenario', 'xian-2023');
    await page.getByRole('button', { name: 'Open the scenario editor' }).click();
    const title = page.getByLabel('Title', { exact: true });
    await title.fill('Xi’an, my way');
    await title.press('Tab');
    await page.waitForSelector('#editor-status:has-text("Valid")');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the file' }).click()]);
    const file = join(SHOTS, '..', 'exported-scenario.json');
    await download.saveAs(file);
    const exported = loadScenarioText(readFileSync(file, 'utf8'));
    if (!exported.ok) throw new Error('the exported file is invalid');
    expect(exported.value.title).toBe('Xi’an, my way');
    // A scenario file dropped on the page while the editor is open opens in the editor.
    const dropped = readFileSync(file, 'utf8').replace('Xi’an, my way', 'Dropped in');
    await page.evaluate((text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
      document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, dropped);
    await expect.poll(() => page.getByLabel('Title', { exact: true }).inputValue()).toBe('Dropped in');
    expect(await page.locator('.editor-note').textContent()).toBe('Opened "Dropped in" in the editor; Undo returns to the edits before it.');
    expect(await page.locator('.message').textContent()).toBe('');
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => page.getByLabel('Title', { exact: true }).inputValue()).toBe('Xi’an, my way');
    await page.getByRole('button', { name: 'Close the editor' }).click();
    await page.setInputFiles('#open-file', file);
    await page.waitForSelector('.message.info');
    await page.selectOption('#scenario', 'custom');
    await page.getByRole('button', { name: 'Open the scenario editor' }).click();
    await showJson(page);
    const reimported = loadScenarioText(await page.locator('#editor-text').inputValue());
    expect(reimported.ok && reimported.value).toEqual(exported.value);
    expect(errors).toEqual([]);
  });

});
