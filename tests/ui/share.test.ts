import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import { describe, expect, it } from 'vitest';
import { MAX_SCENARIO_BYTES, loadScenarioText } from '../../src/engine';
import { createGameStore } from '../../src/store/gameStore';
import { inProcessPlayers } from '../../src/store/inProcessPlayers';
import { MAX_FRAGMENT_LENGTH, MAX_LINK_LENGTH, SHARE_PREFIX, openShareLink, readShareLink, shareLink } from '../../src/ui/share';
import { mini } from '../fixtures/mini';
import { worstCaseFragment } from '../fixtures/hostile/browser';

const link = (text: string): string => `${SHARE_PREFIX}${compressToEncodedURIComponent(text)}`;
/** lz-string's worst case for a fragment of at most `length` characters (see the corpus). */
const worstCase = worstCaseFragment;

describe('share links', () => {
  it('carry a small scenario in the URL fragment and bring it back unchanged', () => {
    const s = mini();
    const made = shareLink('http://localhost:5173/?x=1#old', s);
    if (!made.ok) throw new Error(made.reason);
    expect(made.url.startsWith('http://localhost:5173/?x=1#scenario=')).toBe(true);
    const shared = readShareLink(made.url.slice(made.url.indexOf('#')));
    const back = shared.kind === 'text' ? loadScenarioText(shared.text) : null;
    expect(back?.ok && back.value).toEqual(s);
  });

  it('refuse a scenario too large for a link and point to the file', () => {
    const r = loadScenarioText(readFileSync(join(__dirname, '../../scenarios/samarkand-2022.json'), 'utf8'));
    if (!r.ok) throw new Error('invalid');
    const made = shareLink('http://localhost/', r.value);
    expect(made.ok).toBe(false);
    if (!made.ok) expect(made.reason).toMatch(new RegExp(`at most ${MAX_LINK_LENGTH}.*share that instead`));
  });

  it('ignore other fragments', () => {
    expect(readShareLink('#top')).toEqual({ kind: 'none' });
    expect(readShareLink('')).toEqual({ kind: 'none' });
  });

  it('refuse, before unpacking, a fragment longer than any link the game makes (the 261,536-character link that crashed a tab)', () => {
    const hostile = `${SHARE_PREFIX}${'A'.repeat(261_536)}`;
    const started = performance.now();
    const r = readShareLink(hostile);
    expect(performance.now() - started).toBeLessThan(50);
    expect(r).toEqual({ kind: 'refused', reason: `This share link is too long to be one the game made (261536 characters; its links have at most ${MAX_LINK_LENGTH}), so it was not opened.` });
    expect(readShareLink(`${SHARE_PREFIX}${'A'.repeat(MAX_FRAGMENT_LENGTH + 1)}`).kind).toBe('refused');
  });

  it('the worst case is what lz-string makes of a run of one character', () => {
    const small = worstCase(600);
    expect(decompressFromEncodedURIComponent(small.fragment)).toBe('a'.repeat(small.unpacked));
    expect(compressToEncodedURIComponent('a'.repeat(small.unpacked)).length).toBeLessThanOrEqual(600);
  });

  it('bound the unpacked text: the worst case that fits the limit unpacks to a few million characters, quickly, and is refused as too large', () => {
    const worst = worstCase(MAX_FRAGMENT_LENGTH);
    expect(worst.fragment.length).toBeLessThanOrEqual(MAX_FRAGMENT_LENGTH);
    const started = performance.now();
    const r = readShareLink(`${SHARE_PREFIX}${worst.fragment}`);
    const ms = performance.now() - started;
    expect(r.kind === 'refused' && r.reason).toMatch(new RegExp(`^This share link unpacks to (\\d+) characters, more than a scenario may have \\(${MAX_SCENARIO_BYTES}\\), so it was not opened\\.$`));
    // The comment on MAX_FRAGMENT_LENGTH says at most ~9.3 million characters.
    const unpacked = Number(/unpacks to (\d+)/.exec(r.kind === 'refused' ? r.reason : '')?.[1]);
    expect(unpacked).toBeGreaterThan(9_000_000);
    expect(unpacked).toBeLessThan(9_400_000);
    expect(ms).toBeLessThan(2000);
  });

  it.each([
    ['a broken %-escape', '%E0%A4%A', 'is damaged (a broken %-escape)'],
    ['characters outside the alphabet', '<script>alert(1)</script>', 'is damaged (characters no share link has)'],
    ['nothing after the prefix', '', 'is damaged (its text does not unpack: was it cut short when copied?)'],
  ])('refuse a damaged link (%s) and say so', (_what, fragment, reason) => {
    expect(readShareLink(`${SHARE_PREFIX}${fragment}`)).toEqual({ kind: 'refused', reason: `This share link ${reason}, so it was not opened.` });
  });

  it('a link a mail app percent-encoded still opens', () => {
    const made = shareLink('http://x/', mini());
    if (!made.ok) throw new Error(made.reason);
    const fragment = made.url.slice(made.url.indexOf('#') + SHARE_PREFIX.length);
    expect(readShareLink(`${SHARE_PREFIX}${fragment.replace(/\$/g, '%24').replace(/\+/g, '%2B')}`).kind).toBe('text');
  });
});

describe('opening a share link through the store', () => {
  it('offers a valid scenario on the start screen', () => {
    const store = createGameStore(null, inProcessPlayers);
    openShareLink(store, link(JSON.stringify(mini())));
    expect(store.getState().customScenario?.title).toBe('Mini');
    expect(store.getState().message?.text).toBe('Scenario "Mini" from the share link is ready: choose it on the start screen.');
  });

  it('refuses what is not a scenario, with the validator’s problems', () => {
    const store = createGameStore(null, inProcessPlayers);
    openShareLink(store, link('{"id":"x"}'));
    expect(store.getState().message?.text).toMatch(/^This share link does not carry a valid scenario: scenario: title: /);
    openShareLink(store, link('not json at all'));
    expect(store.getState().message?.text).toBe('This share link does not carry a scenario: its text is not JSON.');
    expect(store.getState().customScenario).toBeNull();
  });

  it('refuses a too-long link with the reason, and a damaged one', () => {
    const store = createGameStore(null, inProcessPlayers);
    openShareLink(store, `${SHARE_PREFIX}${'x'.repeat(77_000)}`);
    expect(store.getState().message).toEqual({ kind: 'error', text: expect.stringMatching(/^This share link is too long/) });
    const made = shareLink('http://x/', mini());
    if (!made.ok) throw new Error(made.reason);
    // Cut short when copied.
    openShareLink(store, made.url.slice(made.url.indexOf('#'), made.url.length - 40));
    expect(store.getState().message?.kind).toBe('error');
    expect(store.getState().message?.text).toMatch(/^(This share link is damaged|This share link does not carry a scenario|This share link does not carry a valid scenario)/);
  });
});
