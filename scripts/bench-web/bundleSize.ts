// The JavaScript a built page loads before anything is asked for (the entry script and the
// chunks index.html preloads with it), gzip, apart from everything fetched on demand (the
// map with Phaser once the panel is up, a scenario when it is chosen, the editor, the workers…). Read by `npm run bench:web` and
// by tests/e2e/map.test.ts, which holds our part to the budget.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Our JavaScript loaded with the page, gzip, must stay below this (Phaser is counted apart). */
export const BUDGET_KB = 150;

export interface BundleSizes {
  /** Our chunks loaded with the page (KB gzip each). */
  firstLoad: Map<string, number>;
  /** Their sum. */
  ours: number;
  /** Phaser's chunk (KB gzip), counted apart wherever it is loaded. */
  phaser: number;
  /** Whether Phaser is loaded with the page (it should come after the panel is on screen). */
  phaserWithPage: boolean;
  /** Everything else, by chunk name without its hash (KB gzip). */
  onDemand: Map<string, number>;
}

/** `outDir`: a `vite build` output (its index.html and assets/). */
export function bundleSizes(outDir: string): BundleSizes {
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const loaded = new Set([...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\/assets\/([^"]+\.js)"/g)].map((m) => m[1] ?? ''));
  const gz = (f: string): number => gzipSync(readFileSync(join(outDir, 'assets', f))).length / 1024;
  const out: BundleSizes = { firstLoad: new Map(), ours: 0, phaser: 0, phaserWithPage: false, onDemand: new Map() };
  for (const f of readdirSync(join(outDir, 'assets')).filter((x) => x.endsWith('.js')).sort()) {
    const kb = gz(f);
    const name = f.replace(/-[\w-]{8}\.js$/, '');
    if (name === 'phaser') {
      out.phaser += kb;
      out.phaserWithPage ||= loaded.has(f);
    } else if (!loaded.has(f)) out.onDemand.set(name, (out.onDemand.get(name) ?? 0) + kb);
    else {
      out.firstLoad.set(name, kb);
      out.ours += kb;
    }
  }
  // The shipped scenarios: JSON files fetched when chosen (src/web/shipped.ts).
  for (const f of readdirSync(join(outDir, 'assets')).filter((x) => x.endsWith('.json')).sort()) out.onDemand.set(f.replace(/-[\w-]{8}\.json$/, ''), gz(f));
  return out;
}
