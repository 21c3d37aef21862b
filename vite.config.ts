import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';
import preact from '@preact/preset-vite';
import { VitePWA } from 'vite-plugin-pwa';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

// Shown on the Storage page. EVENTORY_BUILD_ID lets the e2e update test build two distinguishable versions.
const APP_BUILD = process.env.EVENTORY_BUILD_ID ?? new Date().toISOString();

const THEME_COLOR = '#1f4e79';
const BACKGROUND_COLOR = '#f6f4ef';

// Favicon links live here, next to the icons in public/ that scripts/make-icons.mjs generates.
function iconLinks(): Plugin {
  return {
    name: 'eventory-icon-links',
    transformIndexHtml: () => [
      { tag: 'link', attrs: { rel: 'icon', href: '/favicon.ico', sizes: '32x32' }, injectTo: 'head' },
      { tag: 'link', attrs: { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' }, injectTo: 'head' },
      { tag: 'link', attrs: { rel: 'apple-touch-icon', href: '/apple-touch-icon.png' }, injectTo: 'head' },
    ],
  };
}

/**
 * The production build's Content-Security-Policy: only this origin's scripts, styles, workers and connections; no
 * inline script, no eval, no plugins, nothing from another host. Styles set through the CSSOM (Preact's `style`
 * prop, uPlot) are not style attributes and stay allowed. Canvas charts and icons need `data:`/`blob:` images.
 * The camera's barcode reader is WebAssembly (src/scan/detector.ts): compiling it needs 'wasm-unsafe-eval', which
 * allows WebAssembly compilation only, never eval() of JavaScript.
 * test/e2e/security.e2e.mjs clicks through every page and fails on any violation or foreign request.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

// Build only: the dev server injects inline scripts and styles for hot reload, which this policy forbids. A
// <meta> policy covers what comes after it, so it goes first in <head>.
function contentSecurityPolicy(): Plugin {
  return {
    name: 'eventory-csp',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }],
  };
}

/**
 * Development and tests: `vite dev` and `vite preview` pass /couchdb/* on to a CouchDB (EVENTORY_COUCHDB, default
 * a local one), so that the app and the database share one origin as behind the reverse proxy the README
 * recommends, and the CSP's connect-src 'self' holds. The database URL is then e.g. http://localhost:4173/couchdb/eventory.
 */
const couchProxy = {
  '/couchdb': { target: process.env.EVENTORY_COUCHDB ?? 'http://127.0.0.1:5984', changeOrigin: true, rewrite: (path: string) => path.replace(/^\/couchdb/, '') || '/' },
};

export default defineConfig({
  server: { proxy: couchProxy },
  preview: { proxy: couchProxy },
  plugins: [
    preact(),
    iconLinks(),
    contentSecurityPolicy(),
    VitePWA({
      // 'prompt': a new version waits until the user clicks "Reload to update" (src/pwa/UpdateBanner.tsx);
      // the app never reloads under someone typing. Registration is ours (src/pwa/register.ts).
      registerType: 'prompt',
      injectRegister: false,
      // globPatterns below already precache public/ (icons, favicons); listing them again would duplicate entries.
      includeManifestIcons: false,
      manifest: {
        id: '/',
        name: 'Eventory',
        short_name: 'Eventory',
        description: 'An offline-first inventory that keeps every change: history, time travel and backups, all in your browser.',
        lang: 'en',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        theme_color: THEME_COLOR,
        background_color: BACKGROUND_COLOR,
        categories: ['productivity', 'business', 'utilities'],
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // The whole app shell, icons included, so that a first visit is enough to work offline. The plugin adds
        // manifest.webmanifest itself; matching it here too would list it twice.
        // The barcode reader's WebAssembly (~0.9 MB, src/scan/detector.ts) too, so the camera scans offline.
        globPatterns: ['**/*.{js,css,html,svg,png,ico,woff2,wasm}'],
        // Deep links (/item/x, /history?...) are client routes: serve the shell for any navigation.
        navigateFallback: 'index.html',
        // …except files that are not the app: crawlers and browsers must get robots.txt as text.
        navigateFallbackDenylist: [/^\/robots\.txt$/],
        cleanupOutdatedCaches: true,
        // Nothing is fetched at runtime from anywhere else: no runtimeCaching, no third-party hosts.
        clientsClaim: false,
        skipWaiting: false,
      },
    }),
  ],
  define: {
    __APP_VERSION__: JSON.stringify(pkg.version),
    __APP_BUILD__: JSON.stringify(APP_BUILD),
  },
  // Initial JavaScript ≤ 60 KB gzip (issue 6). Dexie's package entry is its ES5 UMD build behind a dual-package
  // wrapper; its ES2018+ module build is the same library ~2 KB gzip smaller. (Only one copy of Dexie is ever
  // bundled, so the wrapper's guard against two copies has nothing to guard here.)
  resolve: { alias: [{ find: /^dexie$/, replacement: 'dexie/dist/modern/dexie.mjs' }] },
  build: {
    target: 'es2022',
    sourcemap: true,
    // Chromium, Firefox 115+ and Safari 17+ preload natively; an older Safari only loses the early fetch of a lazy
    // page's dependencies, never the page. The polyfill would cost every visit ~0.2 KB gzip in the first file.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      // What the first render needs, in one file: Rolldown otherwise splits modules also used by lazy pages into
      // several small shared chunks, which compress worse (~2 KB gzip) and cost a request each.
      output: { codeSplitting: { groups: [{ name: 'index', tags: ['$initial'] }] } },
    },
  },
});
