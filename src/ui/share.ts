// Share links: a small scenario travels in the URL's fragment, compressed with
// lz-string (the fragment never reaches a server). Above the size limit the link is
// refused and the file is the way to share. A link that arrives is untrusted: it is
// bounded before it is unpacked, and a refusal says why.
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import type { StoreApi } from 'zustand/vanilla';
import type { Scenario } from '../engine';
import { MAX_SCENARIO_BYTES } from '../engine';
import type { GameStoreState } from '../store/gameStore';

export const SHARE_PREFIX = '#scenario=';
/** A scenario the game ships travels by its id: a short link that always works. */
export const PLAY_PREFIX = '#play=';
const SHIPPED_ID = /^[a-z0-9][a-z0-9_-]{0,59}$/;
/** Longer links break in mail clients, chat apps and some browsers. */
export const MAX_LINK_LENGTH = 8000;

/**
 * The longest fragment (after the prefix) that is unpacked. lz-string cannot stop
 * part-way, so the input is what bounds the work: each code of its stream is at most one
 * character longer than the one before (a run of one character compresses exactly so),
 * hence n codes unpack to at most about n²/2 characters, and a fragment of L characters
 * (6 bits each, codes of ~12 bits) to at most ~L²/7. Measured worst cases: 2,000
 * characters unpack to 0.81 M, 8,000 to 9.3 M (~20 ms), 261,536 (the link that crashed
 * a tab) to 5,000 M. The game never makes a link longer than MAX_LINK_LENGTH, so no
 * fragment longer than that is a link it made; at that bound the worst case is 9.3 M
 * characters, unpacked in tens of milliseconds, then refused as over MAX_SCENARIO_BYTES.
 */
export const MAX_FRAGMENT_LENGTH = MAX_LINK_LENGTH;

/** lz-string's URI-safe alphabet (a space is a '+' that a mail client decoded). */
const ALPHABET = /^[A-Za-z0-9+$ -]*$/;

export type ShareResult = { ok: true; url: string } | { ok: false; reason: string };

/** `shippedId`: the scenario is one the game ships, unchanged, so its id is enough. */
export function shareLink(pageUrl: string, scenario: Scenario, shippedId?: string): ShareResult {
  const base = pageUrl.split('#')[0] ?? pageUrl;
  if (shippedId !== undefined) return playLink(pageUrl, shippedId);
  const url = `${base}${SHARE_PREFIX}${compressToEncodedURIComponent(JSON.stringify(scenario))}`;
  if (url.length > MAX_LINK_LENGTH) return { ok: false, reason: `this scenario makes a ${url.length}-character link (at most ${MAX_LINK_LENGTH} work everywhere): export the file and share that instead` };
  return { ok: true, url };
}

/** The short link to a scenario the game ships (`#play=<id>`). */
export function playLink(pageUrl: string, shippedId: string): ShareResult {
  return { ok: true, url: `${pageUrl.split('#')[0] ?? pageUrl}${PLAY_PREFIX}${shippedId}` };
}

/** What a URL fragment carries: nothing for the game, a scenario's text, or the reason it was refused. */
export type SharedText = { kind: 'none' } | { kind: 'text'; text: string } | { kind: 'shipped'; id: string } | { kind: 'refused'; reason: string };

export function readShareLink(hash: string): SharedText {
  const refused = (reason: string): SharedText => ({ kind: 'refused', reason: `This share link ${reason}, so it was not opened.` });
  if (hash.startsWith(PLAY_PREFIX)) {
    const id = hash.slice(PLAY_PREFIX.length);
    return SHIPPED_ID.test(id) ? { kind: 'shipped', id } : refused('is damaged (it does not name a scenario)');
  }
  if (!hash.startsWith(SHARE_PREFIX)) return { kind: 'none' };
  let packed = hash.slice(SHARE_PREFIX.length);
  if (packed.length > MAX_FRAGMENT_LENGTH) return refused(`is too long to be one the game made (${packed.length} characters; its links have at most ${MAX_LINK_LENGTH})`);
  try {
    // Some mail and chat apps percent-encode the '$' and '+' of the alphabet.
    if (packed.includes('%')) packed = decodeURIComponent(packed);
  } catch {
    return refused('is damaged (a broken %-escape)');
  }
  if (!ALPHABET.test(packed)) return refused('is damaged (characters no share link has)');
  let text: string | null;
  try {
    text = decompressFromEncodedURIComponent(packed);
  } catch {
    text = null;
  }
  if (!text) return refused('is damaged (its text does not unpack: was it cut short when copied?)');
  if (text.length > MAX_SCENARIO_BYTES) return refused(`unpacks to ${text.length} characters, more than a scenario may have (${MAX_SCENARIO_BYTES})`);
  return { kind: 'text', text };
}

/** Opens the share link in `hash`, if there is one: its scenario is offered, or the player is told why not. `shipped`: the scenarios the game ships (id → title). */
export function openShareLink(store: StoreApi<GameStoreState>, hash: string, shipped: ReadonlyMap<string, string> = new Map()): void {
  const shared = readShareLink(hash);
  if (shared.kind === 'refused') store.setState({ message: { kind: 'error', text: shared.reason } });
  else if (shared.kind === 'text') store.getState().openSharedScenario(shared.text);
  else if (shared.kind === 'shipped') {
    const title = shipped.get(shared.id);
    if (title === undefined) store.setState({ message: { kind: 'error', text: `This share link names a scenario ("${shared.id}") this version of the game does not have, so it was not opened.` } });
    else store.setState({ linkedScenario: shared.id, message: { kind: 'info', text: `Scenario "${title}" from the share link is chosen on the start screen${store.getState().session ? ' (New game); your game goes on' : ''}.` } });
  }
}

/**
 * Puts the scenario's share link in `box` (selected, and copied when the browser allows)
 * and returns what to tell the player; on a refusal the box is hidden and the reason told.
 */
export function offerShareLink(what: { shipped: string } | { scenario: Scenario | undefined }, box: HTMLInputElement): { ok: boolean; message: string } {
  const link: ShareResult = 'shipped' in what ? playLink(window.location.href, what.shipped) : what.scenario ? shareLink(window.location.href, what.scenario) : { ok: false, reason: 'there is no scenario to share' };
  if (!link.ok) {
    box.hidden = true;
    return { ok: false, message: `No link: ${link.reason}.` };
  }
  box.hidden = false;
  box.value = link.url;
  box.select();
  void navigator.clipboard?.writeText(link.url).catch(() => undefined);
  return { ok: true, message: `Share link ready (${link.url.length} characters; copied if the browser allows): whoever opens it gets this scenario on their start screen.` };
}
