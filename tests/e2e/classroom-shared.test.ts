// The shared screen (issue 12 item 7) in a real browser against the real classroom server: a
// facilitator sets up classroom-short with two power teams (Beijing, Moscow; the republics the
// engine's rule of thumb) and opens `/?shared=<secret>` from the console's link; one screen at
// 1366×768 first has each team read its own briefing (hand-over → the briefing → Ready), then
// plays the turn for both teams: hand-over → Beijing's screen → an order, Submit →
// Done: hand over → hand-over to Moscow → Submit → the turn resolves → the between-turns
// summary → turn 2's first hand-over. Keyboard: the hand-over buttons take the focus. Axe on
// each screen; screenshots test-results/screenshots/classroom-shared-*.png. A second room
// hands the screen to two republic teams in the stance stage: the hand-over after the first
// shows nothing of its stance.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { ARGS, CHROMIUM, ROOT, SHOTS, axeViolations, portOf } from './browser';
import type { Device } from './classroomServer';
import { openDevice, startClassroomServer, stopClassroomServer } from './classroomServer';
import { Device as Socket, createRoom } from '../../scripts/classroom-client';
import type { Seat } from '../../src/classroom/protocol';
import { loadShipped } from '../engine/helpers';

const scenario = loadShipped('classroom-short');
/** The opening words of a role's briefing: enough to tell whether it is on the screen. */
const briefingOf = (role: string): string => (scenario.briefings.find((b) => b.role === role)?.text ?? '').slice(0, 60);

const PORT = portOf(4462);
const URL = `http://127.0.0.1:${PORT}`;

let server = null as ChildProcess | null;
let browser = null as Browser | null;
let work = '';

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'classroom-shared-e2e-'));
  const dist = join(work, 'dist');
  await build({ root: ROOT, logLevel: 'error', build: { outDir: dist, emptyOutDir: true } });
  server = await startClassroomServer(PORT, dist, join(work, 'rooms.db'));
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await stopClassroomServer(server);
  if (work) rmSync(work, { recursive: true, force: true });
});

async function device(width: number, height: number, path: string): Promise<Device> {
  if (!browser) throw new Error('no browser');
  return openDevice(browser, URL, width, height, path);
}

const shot = (page: Page, name: string): Promise<Buffer> => page.screenshot({ path: join(SHOTS, `classroom-shared-${name}.png`) });
const focusedKey = (page: Page): Promise<string | undefined> => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.key);

describe('the shared screen', () => {
  it('one screen plays a turn for two power teams, handed over between them', async () => {
    const fac = await device(1366, 768, '/?classroom');
    await fac.page.waitForSelector('form.classroom-setup');
    await fac.page.selectOption('#class-scenario', 'classroom-short');
    await fac.page.fill('#class-seed', 'e2e-shared');
    await fac.page.getByRole('button', { name: 'Create the room' }).click();
    await fac.page.waitForURL(/\?facilitate=/);
    await fac.page.waitForSelector('.console .room-code');
    const secret = new globalThis.URL(fac.page.url()).searchParams.get('facilitate') ?? '';
    for (const r of ['kazakhstan', 'kyrgyzstan', 'tajikistan', 'uzbekistan', 'turkmenistan']) {
      await fac.page.selectOption(`#seat-${r}-who`, 'computer:greedy');
      await fac.page.waitForFunction((id) => (document.querySelector(`#seat-${id}-who`) as HTMLSelectElement | null)?.value === 'computer:greedy', r);
      await fac.page.selectOption(`#seat-${r}-who`, 'computer:rule');
    }
    await fac.page.waitForFunction(() => [...document.querySelectorAll('select[id$="-who"]')].filter((s) => (s as HTMLSelectElement).value === 'computer:rule').length === 5);
    expect(await fac.page.getByRole('link', { name: 'Play on one shared screen (classes without devices)' }).getAttribute('href')).toBe(`${URL}/?shared=${secret}`);

    const sh = await device(1366, 768, `/?shared=${secret}`);
    const handover = sh.page.getByTestId('handover');
    // The briefing round: each team's hand-over (no briefing on it), then its own briefing only, Ready.
    for (const [role, name, other] of [
      ['beijing', 'Beijing', 'moscow'],
      ['moscow', 'Moscow', 'beijing'],
    ] as const) {
      await handover.getByText(new RegExp(`^Pass the screen to ${name} to read its briefing$`)).waitFor();
      await sh.page.waitForFunction(() => (document.activeElement as HTMLElement | null)?.dataset.key === 'handover');
      const before = (await sh.page.locator('body').textContent()) ?? '';
      for (const r of [role, other]) expect(before).not.toContain(briefingOf(r));
      if (role === 'beijing') {
        await shot(sh.page, 'briefing-handover');
        expect(await axeViolations(sh.page)).toEqual([]);
      }
      await sh.page.keyboard.press('Enter');
      const read = sh.page.getByTestId('briefing-read');
      await read.waitFor();
      expect(await read.textContent()).toContain(briefingOf(role));
      expect(await sh.page.locator('body').textContent()).not.toContain(briefingOf(other));
      if (role === 'beijing') {
        await shot(sh.page, 'briefing');
        expect(await axeViolations(sh.page)).toEqual([]);
      }
      await sh.page.locator('[data-key="briefing-ready"]').click();
    }
    await sh.page.waitForSelector('text=Waiting for the facilitator to start');
    await sh.page.waitForFunction(() => (document.body.textContent ?? '').split('(on this screen)').length === 3);
    await fac.page.getByRole('button', { name: 'Start the game' }).click();

    // Beijing first: a hand-over screen with nothing of any team's state, the focus on its button.
    await handover.getByText(/^Pass the screen to Beijing$/).waitFor();
    await sh.page.waitForFunction(() => (document.activeElement as HTMLElement | null)?.dataset.key === 'handover');
    expect(await sh.page.locator('ol.queue, [data-key="submit"], .interests').count()).toBe(0);
    expect(await sh.page.locator('.countdown, [role="timer"]').count()).toBeGreaterThan(0);
    await shot(sh.page, 'handover');
    expect(await axeViolations(sh.page)).toEqual([]);
    await sh.page.keyboard.press('Enter');

    // Beijing's own screen: an order, Submit, Done: hand over.
    await sh.page.waitForSelector('[data-key="submit"]');
    // A team that kept its role's name is not named twice ("Beijing — Beijing").
    expect(await sh.page.locator('.shared-team h1').first().textContent()).toBe('Beijing');
    await shot(sh.page, 'team-beijing-top');
    await sh.page.getByRole('group', { name: 'Select a country' }).getByRole('button', { name: 'Kazakhstan' }).click();
    const queue = sh.page.locator('ul.orders button[aria-label^="Queue order:"]:not([aria-disabled="true"])').first();
    const order = ((await queue.getAttribute('aria-label')) ?? '').replace(/^Queue order: /, '').replace(/ \(cost \d+\)$/, '');
    await queue.click();
    await sh.page.waitForSelector(`ol.queue li:has-text("${order}")`);
    await shot(sh.page, 'team-beijing');
    expect(await axeViolations(sh.page)).toEqual([]);
    await sh.page.locator('[data-key="submit"]').click();
    await sh.page.getByRole('button', { name: 'Done: hand over' }).waitFor();
    await sh.page.waitForFunction(() => (document.activeElement as HTMLElement | null)?.dataset.key === 'hand-over');
    await shot(sh.page, 'team-done');
    expect(await axeViolations(sh.page)).toEqual([]);
    await sh.page.keyboard.press('Enter');

    // Moscow next; Beijing's order is nowhere on its hand-over screen.
    await handover.getByText(/^Pass the screen to Moscow$/).waitFor();
    expect(await focusedKey(sh.page)).toBe('handover');
    expect(await sh.page.locator('body').textContent()).not.toContain(order);
    await sh.page.keyboard.press('Enter');
    await sh.page.waitForSelector('[data-key="submit"]');
    expect(await sh.page.locator('.shared-team h1').first().textContent()).toBe('Moscow');
    await sh.page.locator('[data-key="submit"]').click();

    // Both in: the turn resolves (the republics answer by the rule of thumb), the between-turns screen.
    await sh.page.getByTestId('between-turns').waitFor({ timeout: 30_000 });
    await sh.page.waitForSelector('[data-testid="between-turns"] [data-testid="report-summary"]');
    expect(await sh.page.getByTestId('turn-line').textContent()).toMatch(/^Turn 2/);
    await sh.page.waitForFunction(() => (document.activeElement as HTMLElement | null)?.dataset.key === 'next-turn');
    expect(await sh.page.locator('[data-key="next-turn"]').textContent()).toMatch(/^Next turn: pass to /);
    await shot(sh.page, 'between');
    expect(await axeViolations(sh.page)).toEqual([]);
    await sh.page.keyboard.press('Enter');
    await handover.getByText(/^Pass the screen to Beijing$/).waitFor();
    expect(await focusedKey(sh.page)).toBe('handover');
    await shot(sh.page, 'turn2');

    for (const d of [fac, sh]) {
      expect(d.errors).toEqual([]);
      await d.context.close();
    }
  }, 240_000);
  it('republic teams take their stances on the shared screen; the hand-over hides the last team’s choice', async () => {
    // Beijing a team, Moscow the computer, Kazakhstan and Uzbekistan teams (seated over the socket, as the console does).
    const made = await createRoom(PORT, { scenario: { shipped: 'classroom-short' }, seed: 'e2e-shared-republics', settings: { orderSeconds: 0, stanceSeconds: 0, missing: { kind: 'pass' } } });
    const fac = await Socket.join(PORT, made.facilitator);
    const seat = async (role: string, seat: Seat): Promise<void> => {
      const a = await fac.request({ t: 'seat', role, seat });
      if (a.t !== 'ack') throw new Error(`seat ${role}: ${JSON.stringify(a)}`);
    };
    await seat('moscow', { kind: 'computer', player: 'greedy' });
    await seat('kazakhstan', { kind: 'team', name: 'Team K' });
    await seat('uzbekistan', { kind: 'team', name: 'Team U' });
    const sh = await device(1366, 768, `/?shared=${made.facilitator}`);
    const handover = sh.page.getByTestId('handover');
    // The briefing round, in the room's order: Beijing, then the two republics.
    for (const called of ['Beijing', 'Team K (Kazakhstan)', 'Team U (Uzbekistan)']) {
      await handover.getByText(`Pass the screen to ${called} to read its briefing`, { exact: true }).waitFor();
      await sh.page.waitForFunction((key) => (document.activeElement as HTMLElement | null)?.dataset.key === key, 'handover');
      await sh.page.keyboard.press('Enter');
      await sh.page.getByTestId('briefing-read').waitFor();
      await sh.page.locator('[data-key="briefing-ready"]').click();
    }
    await sh.page.waitForSelector('text=Waiting for the facilitator to start');
    const started = await fac.request({ t: 'start' });
    expect(started.t).toBe('ack');

    // Beijing's orders (none: submitted as it is), then the stance stage goes to Kazakhstan.
    await handover.getByText(/^Pass the screen to Beijing$/).waitFor();
    await sh.page.waitForFunction((key) => (document.activeElement as HTMLElement | null)?.dataset.key === key, 'handover');
    await sh.page.keyboard.press('Enter');
    await sh.page.locator('[data-key="submit"]').click();
    await sh.page.getByRole('button', { name: 'Done: hand over' }).click();
    await handover.getByText(/^Pass the screen to Team K \(Kazakhstan\)$/).waitFor({ timeout: 30_000 });
    expect(await sh.page.locator('ul.offers, input[type="radio"]').count()).toBe(0);
    await sh.page.waitForFunction((key) => (document.activeElement as HTMLElement | null)?.dataset.key === key, 'handover');
    await sh.page.keyboard.press('Enter');
    await sh.page.waitForSelector('ul.offers');
    expect(await sh.page.locator('.shared-team').textContent()).toContain('What the patrons offer Kazakhstan');
    const kzChoice = sh.page.getByRole('radio', { name: /Kazakhstan leans to Beijing/ });
    await kzChoice.check();
    const kzWords = ((await sh.page.locator('label.choice:has(input:checked) strong').textContent()) ?? '').trim();
    expect(kzWords).toMatch(/^Kazakhstan leans to Beijing/);
    await shot(sh.page, 'republic-kazakhstan');
    expect(await axeViolations(sh.page)).toEqual([]);
    await sh.page.locator('[data-key="stance"]').click();
    await sh.page.getByRole('button', { name: 'Done: hand over' }).waitFor();
    await sh.page.waitForFunction((key) => (document.activeElement as HTMLElement | null)?.dataset.key === key, 'hand-over');
    await sh.page.keyboard.press('Enter');

    // Uzbekistan's hand-over: nothing of Kazakhstan's stance or offers; then Uzbekistan's own screen, still nothing of it.
    await handover.getByText(/^Pass the screen to Team U \(Uzbekistan\)$/).waitFor();
    expect(await focusedKey(sh.page)).toBe('handover');
    const between = (await sh.page.locator('body').textContent()) ?? '';
    expect(between).not.toContain(kzWords);
    expect(between).not.toContain('What the patrons offer');
    expect(await sh.page.locator('ul.offers, input[type="radio"]').count()).toBe(0);
    // Who has answered is shown (never what): Team K has, Team U has not.
    expect(between).toMatch(/Kazakhstan/);
    await shot(sh.page, 'republic-handover');
    expect(await axeViolations(sh.page)).toEqual([]);
    await sh.page.keyboard.press('Enter');
    await sh.page.waitForSelector('ul.offers');
    const uzScreen = (await sh.page.locator('.shared-team').textContent()) ?? '';
    expect(uzScreen).toContain('What the patrons offer Uzbekistan');
    expect(uzScreen).not.toContain(kzWords);
    await sh.page.getByRole('radio').first().check();
    await sh.page.locator('[data-key="stance"]').click();

    // Both republics in: the turn resolves; now the report tells every team how Kazakhstan answered.
    await sh.page.getByTestId('between-turns').waitFor({ timeout: 30_000 });
    await sh.page.waitForSelector('[data-testid="between-turns"] [data-testid="report-summary"]');
    expect(await sh.page.getByTestId('turn-line').textContent()).toMatch(/^Turn 2/);
    expect(sh.errors).toEqual([]);
    await sh.context.close();
    await fac.close();
  }, 240_000);
  it('a team whose join code the server refuses: the screen says why and what to do, and can try again', async () => {
    // A server that lets one device into a room: the shared screen's own facilitator link; each team's is refused.
    const port = PORT + 10;
    const full = await startClassroomServer(port, join(work, 'dist'), join(work, 'full.db'), ['--max-per-room', '1']);
    try {
      const made = await createRoom(port, { scenario: { shipped: 'classroom-short' }, seed: 'e2e-full', settings: { orderSeconds: 0, stanceSeconds: 0, missing: { kind: 'pass' } } });
      if (!browser) throw new Error('no browser');
      const sh = await openDevice(browser, `http://127.0.0.1:${port}`, 1366, 768, `/?shared=${made.facilitator}`);
      const alert = sh.page.getByTestId('shared-refused');
      await alert.waitFor();
      await alert.getByText(/this room is full \(1 device\)/).first().waitFor();
      expect(await alert.getAttribute('role')).toBe('alert');
      expect(await alert.textContent()).toContain('What to do:');
      expect(await sh.page.getByText('Connecting this team').count()).toBe(0);
      // Neither team is said to be on this screen, and each can be tried again from the keyboard.
      expect(await sh.page.getByText('(on this screen)').count()).toBe(0);
      const again = sh.page.locator('[data-key="retry-beijing"]');
      await again.focus();
      await sh.page.keyboard.press('Enter');
      // Still full: refused again, and said again (not "connecting" forever).
      await alert.getByText(/^Beijing: the server says: this room is full/).waitFor();
      await shot(sh.page, 'refused');
      expect(await axeViolations(sh.page)).toEqual([]);
      expect(sh.errors.filter((e) => !/^WebSocket connection to 'ws:\/\/127\.0\.0\.1:\d+\/ws' failed/.test(e))).toEqual([]);
      await sh.context.close();
    } finally {
      await stopClassroomServer(full);
    }
  }, 120_000);
});
