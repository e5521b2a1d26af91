// The map's modules (src/web/startMap.ts, Phaser: ~350 KB gzip) fetched ahead while the start
// screen is idle, so the first Start does not wait for the download (a phone's ~0.8 s). Only
// fetched into the HTTP cache (`<link rel=prefetch>`), never compiled or run: Phaser's
// evaluation (~200 ms in one task, ~800 ms on Lighthouse's phone) still waits for the first
// game, and the fetch starts after the start picture and the page's load event, when the
// browser is idle, so nothing the start screen needs waits behind it. The built page names the modules (vite.config.ts, `mapModules`);
// in dev it names none and nothing is fetched ahead.

/** The `<meta name>` that vite.config.ts writes the map's module URLs into, space-separated. */
export const MAP_MODULES_META = 'new-great-game:map-modules';

/** The map's module URLs the page names (none in dev). */
export function mapModuleUrls(doc: Document): string[] {
  const content = doc.querySelector(`meta[name="${MAP_MODULES_META}"]`)?.getAttribute('content') ?? '';
  return content.split(/\s+/).filter((x) => x !== '');
}

/**
 * Once the page has loaded and the browser is idle, asks it to fetch the map's modules,
 * unless `stillWanted` says the map has started meanwhile (it fetches them itself then).
 */
export function prefetchMapWhenIdle(win: Window, stillWanted: () => boolean): void {
  const doc = win.document;
  const fetchAhead = (): void => {
    if (!stillWanted()) return;
    for (const href of mapModuleUrls(doc)) {
      const link = doc.createElement('link');
      // Into the HTTP cache only: `modulepreload` would also compile Phaser, which can be a
      // long task on the main thread of a phone just as the player reaches for the form.
      link.rel = 'prefetch';
      link.as = 'script';
      // A module script is fetched in CORS mode: the prefetch asks the same way, so it is what
      // the import finds in the cache.
      link.crossOrigin = 'anonymous';
      link.href = href;
      doc.head.append(link);
    }
  };
  // Safari has no requestIdleCallback: a second after the load event stands in for it.
  const whenIdle = (): void => {
    if (typeof win.requestIdleCallback === 'function') win.requestIdleCallback(fetchAhead, { timeout: 4000 });
    else setTimeout(fetchAhead, 1000);
  };
  if (doc.readyState === 'complete') whenIdle();
  else win.addEventListener('load', whenIdle, { once: true });
}
