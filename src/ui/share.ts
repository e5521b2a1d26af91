// Share links: a small scenario travels in the URL's fragment, compressed with
// lz-string (the fragment never reaches a server). Above the size limit the link is
// refused and the file is the way to share.
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import type { Scenario } from '../engine';

export const SHARE_PREFIX = '#scenario=';
/** Longer links break in mail clients, chat apps and some browsers. */
export const MAX_LINK_LENGTH = 8000;

export type ShareResult = { ok: true; url: string } | { ok: false; reason: string };

export function shareLink(pageUrl: string, scenario: Scenario): ShareResult {
  const base = pageUrl.split('#')[0] ?? pageUrl;
  const url = `${base}${SHARE_PREFIX}${compressToEncodedURIComponent(JSON.stringify(scenario))}`;
  if (url.length > MAX_LINK_LENGTH) return { ok: false, reason: `this scenario makes a ${url.length}-character link (at most ${MAX_LINK_LENGTH} work everywhere): export the file and share that instead` };
  return { ok: true, url };
}

/** The scenario JSON text carried by a URL fragment, or null when there is none or it is damaged. */
export function scenarioFromHash(hash: string): string | null {
  if (!hash.startsWith(SHARE_PREFIX)) return null;
  const text = decompressFromEncodedURIComponent(hash.slice(SHARE_PREFIX.length));
  return text ? text : null;
}

/**
 * Puts the scenario's share link in `box` (selected, and copied when the browser allows)
 * and returns what to tell the player; on a refusal the box is hidden and the reason told.
 */
export function offerShareLink(scenario: Scenario, box: HTMLInputElement): { ok: boolean; message: string } {
  const link = shareLink(window.location.href, scenario);
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
