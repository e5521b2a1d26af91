// The scenarios the game ships: their listing comes with the page (made at build time,
// vite.config.ts); each scenario itself is a JSON file of its own, fetched when it is
// chosen, so the page never downloads the ones nobody plays. Fetched, not imported: the
// browser keeps a failed dynamic import() of a URL as failed for the page's life
// (Chromium 150 does), so "try again" after a dropped connection could never succeed.
import built from 'virtual:shipped-scenarios';
import { formatProblem, loadScenario } from '../engine';
import type { Loaded, ScenarioListing, ShippedScenarios } from '../ui/scenarioListing';

/** Made by vite.config.ts from the validated scenario files with `listingOf`. */
const listings = built as ScenarioListing[];

const urls = import.meta.glob<string>(['../../scenarios/*.json', '!../../scenarios/schema.json'], { query: '?url', import: 'default', eager: true });
const urlOf = new Map(Object.entries(urls).map(([path, url]) => [path.replace(/^.*\/(.*)\.json$/, '$1'), url]));

async function download(url: string): Promise<unknown> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
  return (await response.json()) as unknown;
}

export function shippedScenarios(): ShippedScenarios {
  // One download per scenario however often it is asked for; a failed one is forgotten, so
  // asking again retries. Validated once, when first loaded.
  const downloads = new Map<string, Promise<unknown>>();
  const pending = new Map<string, Promise<Loaded>>();
  const downloadOne = (id: string, url: string): Promise<unknown> => {
    const known = downloads.get(id);
    if (known) return known;
    const p = download(url);
    downloads.set(id, p);
    p.catch(() => downloads.delete(id));
    return p;
  };
  const loadOne = async (id: string): Promise<Loaded> => {
    const title = listings.find((l) => l.id === id)?.title ?? id;
    const url = urlOf.get(id);
    if (url === undefined) return { ok: false, reason: `this version of the game has no scenario "${id}"` };
    let json: unknown;
    try {
      json = await downloadOne(id, url);
    } catch {
      pending.delete(id);
      return { ok: false, reason: `"${title}" could not be downloaded (is the connection down, or was the game updated since this page opened?): try again, or reload the page` };
    }
    const loaded = loadScenario(json);
    if (!loaded.ok) return { ok: false, reason: `"${title}" is damaged: ${loaded.error.map((p) => formatProblem(id, p)).join('; ')}` };
    return { ok: true, scenario: loaded.value };
  };
  return {
    listings,
    load(id) {
      const known = pending.get(id);
      if (known) return known;
      const p = loadOne(id);
      pending.set(id, p);
      return p;
    },
    fetchAhead(id) {
      const url = urlOf.get(id);
      // A failure is told when the scenario is loaded, which tries again.
      if (url !== undefined) downloadOne(id, url).catch(() => undefined);
    },
  };
}
