// Shared end-to-end harness: real Chromium (Debian's, never a downloaded one) against `vite preview` of the
// production build. Every e2e file starts its own preview server in `before` and closes it in `after`
// (`useApp()` registers both).
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { preview } from 'vite';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const DIST = join(ROOT, 'dist');

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** The Chromium binary to drive; a missing browser is an error, never a silent skip. */
export function chromiumPath() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROME_PATH=${fromEnv} does not exist`);
    return fromEnv;
  }
  const found = CANDIDATES.find((p) => existsSync(p));
  if (!found) throw new Error('Chromium not found: run `apt-get install -y chromium` or set CHROME_PATH');
  return found;
}

/** A port nobody listens on right now (the OS picks it; strictPort turns a lost race into an error). */
export function freePort() {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolvePort(addr.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * Serves an already-built directory (dist/ unless `outDir` is given) with vite's preview server, which
 * falls back to index.html for deep links like a static host would. Files are read per request, so a test
 * may copy a new build into `outDir` while the server runs.
 * `proxy`: vite's preview proxy (e.g. /couchdb to a test CouchDB, so the app reaches it on its own origin).
 * @param {{ outDir?: string, proxy?: Record<string, any> }} [opts]
 * @returns {Promise<{ url: string, port: number, close(): Promise<void> }>}
 */
export async function startPreview(opts = {}) {
  const outDir = resolve(opts.outDir ?? DIST);
  if (!existsSync(join(outDir, 'index.html'))) {
    throw new Error(`${outDir}/index.html not found: run \`npx vite build\` first (npm run test:e2e does)`);
  }
  const port = await freePort();
  // configFile:false keeps the plugins (and their build-time work) out of a server that only serves files.
  const server = await preview({
    root: ROOT,
    configFile: false,
    logLevel: 'warn',
    build: { outDir },
    preview: { port, strictPort: true, host: '127.0.0.1', open: false, ...(opts.proxy ? { proxy: opts.proxy } : {}) },
  });
  const url = `http://127.0.0.1:${port}`;
  return { url, port, close: () => server.close() };
}

/**
 * A headless Chromium; contexts from `browser.newContext()` keep storage in memory.
 * @param {import('playwright-core').LaunchOptions} [opts]
 */
export function launchBrowser(opts = {}) {
  return chromium.launch({
    headless: true,
    ...opts,
    executablePath: chromiumPath(),
    args: [...CHROMIUM_ARGS, ...(opts.args ?? [])],
  });
}

/**
 * Registers the file's `before`/`after` hooks: a preview server of dist/ and, unless `browser: false`, one
 * headless Chromium, both closed after the file's tests. `setUp(app)` runs once they are started and
 * `tearDown(app)` before they close: Node 20 runs a file's top-level `before` hooks concurrently, so a file's
 * own hook could not count on the server being there. The returned object is filled in by `before`: read
 * `app.url` and `app.browser` inside tests and hooks, not at import time.
 * @param {{ browser?: boolean, setUp?: (app: any) => Promise<void>, tearDown?: (app: any) => Promise<void> }} [opts]
 * @returns {{ server: { url: string, port: number, close(): Promise<void> } | undefined, browser: import('playwright-core').Browser | undefined, readonly url: string }}
 */
export function useApp({ browser = true, setUp, tearDown } = {}) {
  const app = {
    server: undefined,
    browser: undefined,
    get url() {
      if (!app.server) throw new Error('useApp(): the preview server is not started yet (read app.url inside a test or hook)');
      return app.server.url;
    },
  };
  before(async () => {
    app.server = await startPreview();
    if (browser) app.browser = await launchBrowser();
    await setUp?.(app);
  });
  after(async () => {
    try {
      await tearDown?.(app);
    } finally {
      await app.browser?.close();
      await app.server?.close();
    }
  });
  return app;
}

/**
 * A persistent context on a fresh temporary profile (IndexedDB and the service worker live on disk, as for
 * a user); `close()` closes it and deletes the profile.
 * @param {import('playwright-core').BrowserContextOptions & { args?: string[] }} [opts]
 */
export async function launchPersistent(opts = {}) {
  const profileDir = await mkdtemp(join(tmpdir(), 'eventory-e2e-'));
  try {
    const context = await chromium.launchPersistentContext(profileDir, {
      headless: true,
      ...opts,
      executablePath: chromiumPath(),
      args: [...CHROMIUM_ARGS, ...(opts.args ?? [])],
    });
    let closed = false;
    const close = async () => {
      if (closed) return;
      closed = true;
      try {
        await context.close();
      } finally {
        await rm(profileDir, { recursive: true, force: true, maxRetries: 3 });
      }
    };
    return { context, profileDir, close };
  } catch (err) {
    await rm(profileDir, { recursive: true, force: true });
    throw err;
  }
}

/**
 * Builds the app into `outDir` (for tests that need a second, different build, e.g. the update flow).
 * Without source maps: they are not served to the app and only slow the build down.
 * @param {{ outDir: string, env?: Record<string, string> }} opts
 */
export async function buildApp({ outDir, env = {} }) {
  const { execFile } = await import('node:child_process');
  const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  await new Promise((done, fail) => {
    execFile(
      process.execPath,
      [vite, 'build', '--outDir', outDir, '--emptyOutDir', '--sourcemap', 'false', '--logLevel', 'warn'],
      { cwd: ROOT, env: { ...process.env, ...env }, maxBuffer: 16 * 1024 * 1024 },
      (err, stdout, stderr) => (err ? fail(new Error(`vite build failed:\n${stdout}\n${stderr}`)) : done(undefined)),
    );
  });
}

/**
 * Waits until no change shown in the inventory table is still being written. A command is shown before its write
 * commits (src/state/engine.ts foldAhead) and the table is aria-busy until then; leaving the page earlier would
 * abort the write, as closing a tab would (the app then asks first).
 */
export async function changesSaved(page) {
  await page.waitForFunction(() => !document.querySelector('main table[aria-busy="true"]'));
}
