import { defineConfig } from 'vite';
import type { Plugin } from 'vite';
import type { ServerResponse } from 'node:http';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentSecurityPolicy, securityHeaders } from './src/web/csp.ts';
import { MAP_MODULES_META } from './src/web/prefetch.ts';
import type { ScenarioListing } from './src/ui/scenarioListing';

const META_AFTER = '<meta charset="utf-8" />';

/**
 * The page's security policy (src/web/csp.ts) on every response of `vite preview` and
 * `vite dev` (dev with its looser websocket rule), and as a <meta> tag in index.html for
 * static hosting, written at build from the same policy so the two cannot drift.
 */
function securityPolicy(): Plugin {
  const send = (server: 'build' | 'dev') => (_req: unknown, res: ServerResponse, next: () => void) => {
    for (const [name, value] of Object.entries(securityHeaders(server))) res.setHeader(name, value);
    next();
  };
  return {
    name: 'new-great-game:security-policy',
    configureServer: (server) => void server.middlewares.use(send('dev')),
    configurePreviewServer: (server) => void server.middlewares.use(send('build')),
    transformIndexHtml(html, ctx) {
      if (!html.includes(META_AFTER)) throw new Error(`index.html has no ${META_AFTER}: the security policy's <meta> tag goes after it`);
      const meta = `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy('meta', ctx.server ? 'dev' : 'build')}" />`;
      return html.replace(META_AFTER, `${META_AFTER}\n    ${meta}`);
    },
  };
}

const SHIPPED_MODULE = 'virtual:shipped-scenarios';
const scenariosDir = join(dirname(fileURLToPath(import.meta.url)), 'scenarios');

/**
 * What the start screen lists of a shipped scenario file: `listingOf` (src/ui/scenarioListing.ts)
 * read straight from the JSON, so the config needs no engine (tests/ui/listing.test.ts holds
 * the two equal on every shipped scenario). The file is validated when the page loads it.
 */
export function listingFromFile(id: string, json: unknown): ScenarioListing {
  const s = json as { title: string; summary: string; turns: number; whatIf?: { note: string; turns: number }; sources: { date: string }[]; powers: { id: string; name: string; color: string }[]; countries: { name: string; role: string; mapId: string }[] };
  return {
    id,
    title: s.title,
    summary: s.summary,
    turns: s.turns,
    reportingEnds: s.sources.map((x) => x.date.slice(0, 7)).sort().at(-1) ?? '',
    whatIf: s.whatIf ? { note: s.whatIf.note, turns: s.whatIf.turns } : null,
    powers: s.powers.map((p) => ({ id: p.id, name: p.name, color: p.color })),
    contested: s.countries.filter((c) => c.role === 'contested').map((c) => c.name),
    contestedMapIds: s.countries.filter((c) => c.role === 'contested').map((c) => c.mapId),
  };
}

/**
 * `virtual:shipped-scenarios`: the start screen's listing of every shipped scenario (title,
 * summary, turns, sides: ~2 KB), made at build time from scenarios/*.json, so the page
 * loads a scenario itself (its own chunk, src/web/shipped.ts) only once it is chosen.
 */
function shippedScenarios(): Plugin {
  return {
    name: 'new-great-game:shipped-scenarios',
    resolveId: (id) => (id === SHIPPED_MODULE ? `\0${SHIPPED_MODULE}` : undefined),
    load(id) {
      if (id !== `\0${SHIPPED_MODULE}`) return undefined;
      const listings: ScenarioListing[] = [];
      for (const file of readdirSync(scenariosDir).filter((f) => f.endsWith('.json') && f !== 'schema.json')) {
        const path = join(scenariosDir, file);
        this.addWatchFile(path);
        listings.push(listingFromFile(file.replace(/\.json$/, ''), JSON.parse(readFileSync(path, 'utf8'))));
      }
      // The default first (src/ui/scenarioListing.ts, DEFAULT_SCENARIO), then by id.
      const first = 'samarkand-2022';
      return `export default ${JSON.stringify(listings.sort((a, b) => (a.id === first ? -1 : b.id === first ? 1 : a.id.localeCompare(b.id))))};`;
    },
  };
}

/**
 * The built page names the modules the map needs (src/web/startMap.ts's chunk, Phaser's, and
 * what they import) in a `<meta>` tag, so the start screen can fetch them ahead, once it is
 * idle (src/web/prefetch.ts), without evaluating Phaser before the first game. A tag, not
 * `<link rel=modulepreload>`: those would be fetched with the page, before its first paint.
 * Not in dev, where modules are served one by one.
 */
function mapModules(): Plugin {
  let base = '/';
  return {
    name: 'new-great-game:map-modules',
    configResolved: (config) => void (base = config.base),
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const bundle = ctx.bundle;
        if (!bundle || !ctx.chunk) return html;
        const chunks = new Map(Object.values(bundle).flatMap((c) => (c.type === 'chunk' ? [[c.fileName, c] as const] : [])));
        const map = [...chunks.values()].find((c) => c.facadeModuleId?.endsWith('/src/web/startMap.ts'));
        if (!map) throw new Error('no chunk for src/web/startMap.ts: the start screen would prefetch nothing');
        const withImports = (files: readonly string[], into = new Set<string>()): Set<string> => {
          for (const file of files) {
            if (into.has(file)) continue;
            into.add(file);
            withImports(chunks.get(file)?.imports ?? [], into);
          }
          return into;
        };
        // What the page loads with itself (its entry chunk and their imports) is there already.
        const withPage = withImports([ctx.chunk.fileName]);
        const content = [...withImports([map.fileName])]
          .filter((f) => !withPage.has(f))
          .map((f) => `${base}${f}`)
          .join(' ');
        return html.replace(META_AFTER, `${META_AFTER}\n    <meta name="${MAP_MODULES_META}" content="${content}" />`);
      },
    },
  };
}

/**
 * The stylesheets the page loads with itself (today only src/ui/countrySheet.css, ~1.6 KB)
 * written into the built page's head as `<style>`, in place of their `<link>`: a stylesheet
 * link blocks the first paint until it has arrived, one more round trip before a phone shows
 * anything (Lighthouse's phone run: render-blocking, ~150 ms). The security policy allows
 * inline styles already (src/web/csp.ts: the page's own <style> block). The files stay in the
 * build for any lazy chunk that names them.
 */
function inlinePageStyles(): Plugin {
  let base = '/';
  return {
    name: 'new-great-game:inline-page-styles',
    configResolved: (config) => void (base = config.base),
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const bundle = ctx.bundle;
        if (!bundle) return html;
        return html.replace(/<link rel="stylesheet"(?: crossorigin)? href="([^"]+)">/g, (link, href: string) => {
          const asset = Object.values(bundle).find((a) => a.type === 'asset' && `${base}${a.fileName}` === href);
          if (!asset || asset.type !== 'asset') return link;
          const css = typeof asset.source === 'string' ? asset.source : new TextDecoder().decode(asset.source);
          if (css.includes('</style')) throw new Error(`${href} would close its inline <style> early`);
          return `<style>${css}</style>`;
        });
      },
    },
  };
}

/** JSX (the DOM panels, src/ui/*.tsx) compiles to Preact's runtime; tsconfig.json says the same to tsc. */
export const jsx = { runtime: 'automatic', importSource: 'preact' } as const;

export default defineConfig({
  plugins: [securityPolicy(), shippedScenarios(), mapModules(), inlinePageStyles()],
  oxc: { jsx },
  build: {
    target: 'es2022',
    // Phaser alone is ~1.4 MB minified (350 KB gzip) and lives in its own chunk; our code stays far below this.
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      output: {
        // Phaser is large and changes rarely: its own chunk caches separately from game code.
        // zod goes in a chunk with src/web/zodJitless.ts, which turns off its eval probe: with the
        // lazy chunks (the editor, the classroom) sharing the engine, the bundler moves the engine's
        // schemas into a shared chunk evaluated before the page's own body, so the setting must
        // run where zod itself is first evaluated.
        manualChunks: (id: string) => (id.includes('node_modules/phaser') ? 'phaser' : id.includes('node_modules/zod/') || id.endsWith('src/web/zodJitless.ts') ? 'zod' : undefined),
      },
    },
  },
});
