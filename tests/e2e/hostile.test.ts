// Hostile input and the page's defences in a real browser: the security policy arrives as
// headers and is never violated on load, share links that are too long, damaged or not a
// scenario are refused with the reason, a link or a file never replaces a game in progress
// without asking, a damaged autosave is kept and explained, and a full storage is said at once.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { createServer } from 'vite';
import { ROOT, SHOTS, axeViolations, chooseSeats, endTurn, useHarness, portOf } from './browser';
import { compressToEncodedURIComponent } from 'lz-string';
import { MAX_LINK_LENGTH, SHARE_PREFIX, shareLink } from '../../src/ui/share';
import { BROWSER_CASES, readCase } from '../fixtures/hostile/browser';
import { mini } from '../fixtures/mini';
import { loadScenarioText, playTurn, saveToJson, startRecord } from '../../src/engine';

/** A save of a classroom game (the computer passes) with `turns` turns played. */
function exportedGame(turns: number): string {
  const r = loadScenarioText(readFileSync(join(ROOT, 'scenarios/classroom-short.json'), 'utf8'));
  if (!r.ok) throw new Error('invalid');
  const start = startRecord(r.value, `friend-${turns}`);
  if (!start.ok) throw new Error(start.error);
  let record = start.value;
  for (let i = 0; i < turns; i++) {
    const next = playTurn(record, {});
    if (!next.ok) throw new Error(next.error);
    record = next.value.record;
  }
  return saveToJson(record);
}
import { contentSecurityPolicy } from '../../src/web/csp';

const PORT = portOf(4393);
const h = useHarness(PORT);

interface Watched {
  context: BrowserContext;
  page: Page;
  /** Page errors and console errors. */
  errors: string[];
  /** Security-policy violations: events in the page and console reports (the page's and its workers'). */
  violations: () => Promise<string[]>;
}

/** A fresh page that records every security-policy violation from before its first script runs. */
async function watchedPage(viewport = { width: 1366, height: 768 }): Promise<Watched> {
  const context = await h.browser.newContext({ viewport });
  const page = await context.newPage();
  // Init scripts run through the DevTools protocol, before the page's own scripts and outside its CSP.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} blocked ${e.blockedURI}`));
  });
  const errors: string[] = [];
  const reported: string[] = [];
  page.on('console', (m) => {
    if (/content.security.policy|refused to/i.test(m.text())) reported.push(m.text());
    else if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  const violations = async (): Promise<string[]> => [...(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)), ...reported];
  return { context, page, errors, violations };
}

describe('the security policy', () => {
  it('arrives as headers (frame-ancestors, same-origin connections only) and nothing on the page violates it, through a balance check and a turn', async () => {
    const { page, errors, violations } = await watchedPage();
    const response = await page.goto(h.url);
    const headers = response?.headers() ?? {};
    expect(headers['content-security-policy']).toBe(contentSecurityPolicy('header'));
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['content-security-policy']).toContain("connect-src 'self';");
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('no-referrer');
    // The built page carries the same policy (minus what a tag cannot say) for static hosting.
    expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toBe(contentSecurityPolicy('meta'));
    // Scripts and the worker get the headers too.
    const script = await page.locator('script[type=module]').first().getAttribute('src');
    const scriptResponse = await page.request.get(new URL(script ?? '', h.url).href);
    expect(scriptResponse.headers()['content-security-policy']).toBe(contentSecurityPolicy('header'));
    await page.waitForSelector('form.start');
    await page.waitForFunction(() => document.body.dataset.ready === 'picture');
    // The balance check's worker builds the engine's schemas too.
    await page.selectOption('#scenario', 'classroom-short');
    await page.fill('#balance-games', '1');
    await page.getByRole('button', { name: 'Run balance check' }).click();
    await page.waitForSelector('.balance [role=status]:has-text("Done: 1 games")');
    // The page still plays.
    await page.getByRole('button', { name: 'Start game' }).click();
    // Phaser starts with the game: it too runs under the policy.
    await page.waitForFunction(() => document.body.dataset.ready === 'map');
    await endTurn(page);
    await page.waitForSelector('#report-title:has-text("Turn 1 report")');
    expect(await violations()).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('vite dev sends it too, with its hot-reload websocket allowed to any port', async () => {
    const server = await createServer({ root: ROOT, logLevel: 'error', server: { port: PORT + 100, strictPort: true, host: '127.0.0.1', hmr: false } });
    await server.listen();
    try {
      const response = await fetch(`http://127.0.0.1:${PORT + 100}/`);
      expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy('header', 'dev'));
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await response.text()).toContain(`content="${contentSecurityPolicy('meta', 'dev')}"`);
    } finally {
      await server.close();
    }
  });

  it('the balance worker builds the engine without a violation either', async () => {
    // A worker's violations fire inside the worker, where no test hook reaches before its
    // imports run: a probe worker, served beside the build, listens first and then imports it.
    const built = join(ROOT, `dist-test-${PORT}`);
    const worker = readdirSync(join(built, 'assets')).find((f) => /^balanceWorker-.*\.js$/.test(f));
    writeFileSync(
      join(built, 'probe-worker.js'),
      `const seen = [];
self.addEventListener('securitypolicyviolation', (e) => seen.push(e.effectiveDirective + ' blocked ' + e.blockedURI));
await import('./assets/${worker ?? 'missing.js'}');
setTimeout(() => postMessage({ violations: seen }), 200);`,
    );
    const { page } = await watchedPage();
    await page.goto(h.url);
    await page.waitForSelector('form.start');
    const seen = await page.evaluate(
      () =>
        new Promise<unknown>((resolve, reject) => {
          const w = new Worker('/probe-worker.js', { type: 'module' });
          w.onmessage = (e: MessageEvent<{ violations?: string[] }>) => e.data.violations && resolve(e.data.violations);
          w.onerror = (e) => reject(new Error(e.message));
        }),
    );
    expect(seen).toEqual([]);
  });

  it('allows a websocket to the page’s own host and port, refuses one to any other, and refuses to be framed', async () => {
    const { page, violations } = await watchedPage();
    await page.goto(h.url);
    await page.waitForSelector('form.start');
    await page.evaluate(() => {
      const open = (url: string): void => {
        try {
          new WebSocket(url).addEventListener('error', () => undefined);
        } catch {
          // A refused socket may also throw; the violation is what counts.
        }
      };
      open(`ws://${location.host}/`);
      open('ws://203.0.113.9:8080/');
    });
    // (Reported once per policy: the header's and the tag's.)
    await expect.poll(async () => (await violations()).length).toBeGreaterThan(0);
    for (const v of await violations()) expect(v).toMatch(/ws:\/\/203\.0\.113\.9:8080/);
    // Another page may not frame the game (clickjacking): the frame stays empty.
    await page.setContent(`<iframe src="${h.url}" title="framed"></iframe>`);
    await page.waitForTimeout(1500);
    const framed = page.frames().find((f) => f !== page.mainFrame());
    expect(await framed?.locator('#panel').count()).toBe(0);
  });
});

async function startClassroom(page: Page): Promise<void> {
  await page.selectOption('#scenario', 'classroom-short');
  await chooseSeats(page, { Beijing: 'human', Moscow: 'greedy' });
  await page.getByRole('button', { name: 'Start game' }).click();
  await page.waitForSelector('.status');
}
async function endTurns(page: Page, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    const turn = Number(/Turn (\d+)/.exec((await page.locator('.status p').first().textContent()) ?? '')?.[1]);
    await endTurn(page);
    await page.waitForSelector(`#report-title:has-text("Turn ${turn} report")`);
  }
}
const turnShown = (page: Page): Promise<string | null> => page.locator('.status p').first().textContent();
/** Both screen sizes the game is checked at: a laptop and a phone. */
async function shoot(page: Page, name: string): Promise<void> {
  for (const [w, hgt] of [[1366, 768], [390, 844]] as const) {
    await page.setViewportSize({ width: w, height: hgt });
    await page.screenshot({ path: join(SHOTS, `${name}-${w}.png`) });
  }
  await page.setViewportSize({ width: 1366, height: 768 });
}

describe('share links in the page', () => {
  it('a 261,536-character link is refused at once with the reason, and the page works', async () => {
    const { page, errors } = await watchedPage();
    await page.goto(`${h.url}#scenario=${'A'.repeat(261_536)}`);
    await page.waitForSelector('.message.error');
    const shownAfter = await page.evaluate(() => performance.now());
    expect(await page.locator('.message.error p').textContent()).toBe(`This share link is too long to be one the game made (261536 characters; its links have at most ${MAX_LINK_LENGTH}), so it was not opened.`);
    console.log(`261,536-character link refused ${Math.round(shownAfter)} ms after navigation began (page load included)`);
    await startClassroom(page);
    await endTurns(page, 1);
    expect(errors).toEqual([]);
  });

  it('a link pasted into the open tab (only the hash changes) is read too, and a damaged one explained', async () => {
    const { page, errors } = await watchedPage();
    await page.goto(h.url);
    await page.waitForSelector('form.start');
    const made = shareLink(h.url, mini());
    if (!made.ok) throw new Error(made.reason);
    await page.evaluate((hash) => (location.hash = hash), made.url.slice(made.url.indexOf('#'), -30));
    await expect.poll(() => page.locator('.message.error p').textContent()).toMatch(/^(This share link is damaged|This share link does not carry a scenario|This share link does not carry a valid scenario)/);
    await page.evaluate((hash) => (location.hash = hash), made.url.slice(made.url.indexOf('#')));
    await expect.poll(() => page.locator('.message.info p').textContent()).toBe('Scenario "Mini" from the share link is ready: choose it on the start screen.');
    expect(await page.locator('#scenario').inputValue()).toBe('custom');
    expect(errors).toEqual([]);
  });
});

describe('games in progress and the autosave, in the page', () => {
  it('a save dropped on a game in progress asks first (keyboard, screen reader, both screen sizes); kept, then replaced and restored', async () => {
    const { page, errors } = await watchedPage();
    await page.goto(h.url);
    await page.waitForSelector('form.start');
    await startClassroom(page);
    await endTurns(page, 2);
    const file = join(SHOTS, '..', 'web-friend-save.json');
    writeFileSync(file, exportedGame(2));
    // Dropped on the page.
    const drop = await page.evaluateHandle((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'friend.json', { type: 'application/json' }));
      return dt;
    }, exportedGame(1));
    await page.dispatchEvent('body', 'drop', { dataTransfer: drop });
    const dialog = page.getByRole('alertdialog', { name: 'Replace your game in progress?' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('The game in friend.json (Classroom');
    expect(await dialog.textContent()).toContain('Your game is kept as the previous game: the start screen can restore it.');
    // The safe answer has the focus; Enter keeps the game.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Keep my game');
    expect(await axeViolations(page)).toEqual([]);
    await shoot(page, 'web-question');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.message.info p').textContent()).toBe('Your game is unchanged.');
    expect(await turnShown(page)).toContain('Turn 3 of 8');
    // Import save asks the same; this time the game is replaced.
    await page.setInputFiles('#import-save', file);
    await dialog.waitFor();
    await page.getByRole('button', { name: 'Replace it' }).click();
    await expect.poll(() => turnShown(page)).toContain('Turn 3 of 8');
    await expect.poll(() => page.locator('.message.info p').textContent()).toBe('Save loaded.');
    // The replaced game waits on the start screen.
    await page.reload();
    await page.waitForSelector('.status');
    await page.getByRole('button', { name: 'New game' }).click();
    const restore = page.getByRole('button', { name: /^Restore the previous game \(Classroom.*turn 3 of 8\)$/ });
    await restore.waitFor();
    await shoot(page, 'web-previous-game');
    expect(await axeViolations(page)).toEqual([]);
    await restore.click();
    await dialog.waitFor();
    await page.getByRole('button', { name: 'Replace it' }).click();
    await expect.poll(() => page.locator('.message.info p').textContent()).toMatch(/^Previous game restored: Classroom.* at turn 3 of 8\.$/);
    expect(errors).toEqual([]);
  });

  it('a full storage is said at once with the export beside it, and when it works again', async () => {
    const { page, errors } = await watchedPage();
    await page.goto(h.url);
    await page.waitForSelector('form.start');
    await startClassroom(page);
    await endTurns(page, 1);
    // Fill the site's storage up to the browser's quota.
    const filled = await page.evaluate(() => {
      let size = 1 << 20;
      let i = 0;
      while (size >= 16) {
        try {
          localStorage.setItem(`filler-${i++}`, 'x'.repeat(size));
        } catch {
          size >>= 1;
        }
      }
      return i;
    });
    expect(filled).toBeGreaterThan(2);
    await endTurns(page, 1);
    const trouble = page.getByRole('alert').filter({ hasText: 'Not autosaved' });
    await trouble.waitFor();
    expect(await trouble.textContent()).toContain("The game cannot be autosaved: the browser's storage for this site is full. Reloading or closing the page would lose this game (the autosave still holds turn 2): export the save to keep it.");
    expect(await trouble.getByRole('button', { name: 'Export save' }).count()).toBe(1);
    await shoot(page, 'web-storage-full');
    expect(await axeViolations(page)).toEqual([]);
    // Still there after the next turn and after dismissing messages.
    await endTurns(page, 1);
    expect(await trouble.count()).toBe(1);
    const download = page.waitForEvent('download');
    await trouble.getByRole('button', { name: 'Export save' }).click();
    expect((await download).suggestedFilename()).toBe('new-great-game-save.json');
    await page.evaluate(() => {
      for (const k of Object.keys(localStorage)) if (k.startsWith('filler-')) localStorage.removeItem(k);
    });
    await endTurns(page, 1);
    await expect.poll(() => page.locator('.message.info p').textContent()).toMatch(/^Autosave works again: Classroom.* at turn 5 of 8 is saved\.$/);
    expect(await trouble.count()).toBe(0);
    await page.reload();
    await page.waitForSelector('.status');
    expect(await turnShown(page)).toContain('Turn 5 of 8');
    expect(errors).toEqual([]);
  });

  it.each([
    ['null', 'null', /^The saved game cannot be continued: it is not an autosave of this game \(found null, expected an object\)\./],
    ['a mode naming nobody', 'nobody', /^The saved game cannot be continued: its players do not fit its scenario: there is no power "nobody" in this scenario\./],
  ])('an autosave of %s: explained and kept, share links still open, a new game keeps it as the previous one', async (_what, kind, message) => {
    const { page, errors } = await watchedPage();
    await page.goto(h.url);
    await page.waitForSelector('form.start');
    await startClassroom(page);
    await endTurns(page, 1);
    const stored = await page.evaluate((kind) => {
      const key = 'new-great-game/autosave';
      const text = kind === 'null' ? 'null' : JSON.stringify({ ...(JSON.parse(localStorage.getItem(key) ?? '{}') as object), mode: { kind: 'vs-computer', human: kind, computer: 'genius' } });
      localStorage.setItem(key, text);
      return text;
    }, kind);
    const made = shareLink(h.url, mini());
    if (!made.ok) throw new Error(made.reason);
    await page.goto(made.url);
    await page.reload();
    await page.waitForSelector('form.start');
    expect(await page.locator('#scenario option').first().textContent()).toBe('Your file: Mini');
    const notice = page.getByRole('group', { name: 'The saved game' });
    expect(await notice.textContent()).toMatch(/^The saved game cannot be read: .*\. It is kept as it was\./);
    expect(await page.getByRole('button', { name: /^Continue saved game/ }).count()).toBe(0);
    // The message says what is wrong (it was replaced by the link's; reload without the link to see it).
    await page.goto(h.url);
    await page.reload();
    await page.waitForSelector('.message.error');
    expect(await page.locator('.message.error p').textContent()).toMatch(message);
    await shoot(page, `web-damaged-autosave-${kind}`);
    expect(await axeViolations(page)).toEqual([]);
    const download = page.waitForEvent('download');
    await notice.getByRole('button', { name: 'Download the saved game' }).click();
    expect(readFileSync(await (await download).path(), 'utf8')).toBe(stored);
    // A new game keeps it as the previous game (still damaged, still downloadable).
    await startClassroom(page);
    expect(await page.evaluate(() => localStorage.getItem('new-great-game/previous'))).toBe(stored);
    expect(errors).toEqual([]);
  });
});

describe('the editor on hostile scenarios', () => {
  it('a scenario with ids "constructor" and "keys": fields show its values (not built-ins), entries remove, it validates and plays', async () => {
    const { page, errors } = await watchedPage();
    await page.goto(h.url);
    await page.waitForSelector('form.start');
    // Moscow is "constructor" and Kyrgyzstan "keys"; Kazakhstan has no value for "constructor" yet.
    const json = JSON.parse(readFileSync(join(ROOT, 'scenarios/templates/blank.json'), 'utf8').replaceAll('"moscow"', '"constructor"').replaceAll('"kyrgyzstan"', '"keys"')) as { countries: { influence?: object }[] };
    Reflect.deleteProperty(json.countries[0]?.influence ?? {}, 'constructor');
    // Invalid (a missing value), so it goes into the editor as text.
    await page.selectOption('#editor-start', 'blank');
    await page.getByRole('button', { name: 'Open the scenario editor' }).click();
    await page.waitForSelector('#editor-status:has-text("Valid")');
    const area = page.locator('#editor-text');
    await page.locator('details.json summary').click();
    await area.evaluate((el, v) => {
      (el as HTMLTextAreaElement).value = v;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }, JSON.stringify(json, null, 2));
    await page.waitForSelector('.problems li:has-text("influence.constructor")');
    await page.locator('.editor-form summary', { hasText: /^Countries/ }).click();
    await page.locator('.editor-form summary', { hasText: 'Kazakhstan' }).click();
    // Kazakhstan's influence for "constructor" (Moscow): empty, not "function Object() { [native code] }".
    const moscow = page.locator('#field-countries-0-influence-constructor');
    expect(await moscow.inputValue()).toBe('');
    await moscow.fill('30');
    await moscow.press('Tab');
    await page.waitForSelector('#editor-status:has-text("Valid")');
    // Removing "keys" (Kyrgyzstan) takes its cities and borders along.
    await page.locator('.editor-form summary', { hasText: 'Kyrgyzstan' }).click();
    await page.getByRole('button', { name: 'Remove Kyrgyzstan', exact: true }).click();
    await expect.poll(() => page.locator('.editor-note').textContent()).toMatch(/^Removed Kyrgyzstan and \d+ things that referred to it: /);
    expect(await area.inputValue()).not.toContain('"keys"');
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.waitForSelector('#editor-status:has-text("Valid")');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Play this scenario' }).click();
    await page.waitForSelector('.status');
    await page.getByRole('button', { name: 'Kyrgyzstan', exact: true }).click();
    await page.getByRole('button', { name: /^Queue order: / }).first().click();
    await endTurn(page);
    await page.waitForSelector('#report-title:has-text("Turn 1 report")');
    expect(await page.evaluate(() => typeof Object.keys === 'function' && Object.prototype.constructor === Object)).toBe(true);
    expect(errors).toEqual([]);
  });

  it('100,000 levels of nesting in the JSON box: refused with the reason, the editor still works', async () => {
    const { page, errors } = await watchedPage();
    await page.goto(h.url);
    await page.waitForSelector('form.start');
    await page.selectOption('#editor-start', 'blank');
    await page.getByRole('button', { name: 'Open the scenario editor' }).click();
    await page.waitForSelector('#editor-status:has-text("Valid")');
    await page.locator('details.json summary').click();
    const area = page.locator('#editor-text');
    await expect.poll(() => area.inputValue()).not.toBe('');
    const original = await area.inputValue();
    await area.evaluate((el) => {
      (el as HTMLTextAreaElement).value = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await page.waitForSelector('.problems li:has-text("nesting deeper than 24 levels")');
    expect(await page.locator('.editor-form').textContent()).toBe('The text nests deeper than 24 levels, which no scenario does, so the form cannot show it: fix the text first.');
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.waitForSelector('#editor-status:has-text("Valid")');
    expect(await area.inputValue()).toBe(original);
    expect(errors).toEqual([]);
  });
});

describe('the hostile-input corpus in the real page', () => {
  it.each(BROWSER_CASES.filter((c) => c.page).map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const { page, errors } = await watchedPage();
    await page.goto(h.url);
    await page.waitForSelector('form.start');
    await startClassroom(page);
    await endTurns(page, 2);
    const input = readCase(c);
    if (c.via === 'link') {
      await page.goto(`${h.url}${c.fragment ? input.trim() : `${SHARE_PREFIX}${compressToEncodedURIComponent(input)}`}`);
      await page.reload();
    } else if (c.via === 'autosave') {
      await page.evaluate((text) => localStorage.setItem('new-great-game/autosave', text), input);
      await page.reload();
    } else {
      const drop = await page.evaluateHandle(([text, name]) => {
        const dt = new DataTransfer();
        dt.items.add(new File([text], name, { type: 'application/json' }));
        return dt;
      }, [input, c.file ?? 'the file'] as const);
      await page.dispatchEvent('body', 'drop', { dataTransfer: drop });
      if (c.game === 'asked') await page.getByRole('button', { name: 'Keep my game' }).click();
    }
    const message = page.locator(`.message.${c.message.kind} p`);
    await message.waitFor();
    if (typeof c.message.text === 'string') expect(await message.textContent()).toBe(c.message.text);
    else expect(await message.textContent()).toMatch(c.message.text);
    if (c.offered !== undefined) {
      // Offered on the start screen, where New game leads (the game stays autosaved).
      await page.getByRole('button', { name: 'New game' }).click();
      expect(await page.locator('#scenario option').first().textContent()).toBe(`Your file: ${c.offered}`);
    }
    expect(await page.evaluate('window.__pwned')).toBeUndefined();
    // The game in progress is still the one continued (a damaged autosave is kept as it was).
    await page.goto(h.url);
    await page.reload();
    if (c.via === 'autosave') {
      expect(await page.evaluate(() => localStorage.getItem('new-great-game/autosave'))).toBe(input);
      expect(await page.getByRole('group', { name: 'The saved game' }).count()).toBe(1);
    } else {
      await page.waitForSelector('.status');
      expect(await turnShown(page)).toContain('Turn 3 of 8');
    }
    expect(errors).toEqual([]);
  });
});
