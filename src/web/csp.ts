// The page's security policy, in one place. Every server the project ships sends it as
// HTTP headers (vite preview and vite dev through the plugin in vite.config.ts; a later
// classroom server imports the same), and the built index.html carries the part a <meta>
// tag can carry, for static hosting where no header can be set. Nothing here is written
// twice, so the header and the tag cannot drift apart.

/** Each directive and its sources. No eval, no inline or foreign scripts: a scenario is data and can never run code. */
const PAGE_DIRECTIVES: readonly (readonly [string, string])[] = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  // The page's own <style> block and the style attributes the panels set (colour swatches, bars).
  ['style-src', "'self' 'unsafe-inline'"],
  ['img-src', "'self' data: blob:"],
  // 'self' covers a websocket to the page's own host and port as well (ws: for http pages,
  // wss: for https ones): CSP Level 3, in Chromium, Firefox and Safari since 2022. The
  // classroom server's socket will be same-origin, so no other host is ever reachable.
  ['connect-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  // No other site may frame the game (clickjacking). Only a header can say this.
  ['frame-ancestors', "'none'"],
];

/** Directives a <meta> tag cannot carry: browsers ignore them there (and log an error). */
const HEADER_ONLY = new Set(['frame-ancestors', 'report-uri', 'sandbox']);

/**
 * The policy as a header sends it, or as a <meta> tag can carry it. `dev` is for `vite dev`
 * only: its hot-reload websocket may sit on another port than the page (when configured
 * so), so dev allows websockets to any host; preview and builds never get this.
 */
export function contentSecurityPolicy(where: 'header' | 'meta', server: 'build' | 'dev' = 'build'): string {
  return PAGE_DIRECTIVES.filter(([name]) => where === 'header' || !HEADER_ONLY.has(name))
    .map(([name, sources]) => `${name} ${server === 'dev' && name === 'connect-src' ? `${sources} ws: wss:` : sources}`)
    .join('; ');
}

/** Every security header a response of the game carries. */
export function securityHeaders(server: 'build' | 'dev' = 'build'): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy('header', server),
    // A file is what its Content-Type says (a scenario JSON is never run as a script).
    'X-Content-Type-Options': 'nosniff',
    // Share links carry the scenario in the fragment, which browsers never send; no referrer either.
    'Referrer-Policy': 'no-referrer',
  };
}
