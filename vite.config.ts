import { defineConfig } from 'vite';
import type { Plugin } from 'vite';
import type { ServerResponse } from 'node:http';
import { contentSecurityPolicy, securityHeaders } from './src/web/csp';

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

/** JSX (the DOM panels, src/ui/*.tsx) compiles to Preact's runtime; tsconfig.json says the same to tsc. */
export const jsx = { runtime: 'automatic', importSource: 'preact' } as const;

export default defineConfig({
  plugins: [securityPolicy()],
  oxc: { jsx },
  build: {
    target: 'es2022',
    // Phaser alone is ~1.4 MB minified (350 KB gzip) and lives in its own chunk; our code stays far below this.
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      output: {
        // Phaser is large and changes rarely: its own chunk caches separately from game code.
        manualChunks: (id: string) => (id.includes('node_modules/phaser') ? 'phaser' : undefined),
      },
    },
  },
});
