// What both probes start with: the benchmark file of `size` events, the production build with its source map
// (for profile summaries), a preview server and a fresh disk-backed profile; and an import through the UI.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openProfile, startPreview } from '../lib/browser.mjs';
import { loadModuleMap } from '../lib/profile.mjs';

export const IMPORTED = /Imported [\d,]+ new event/;

export async function probeSetup(size) {
  const file = join(tmpdir(), 'eventory-bench', `export-v2-s42-${size}.json`);
  const dist = process.env.DIST ?? fileURLToPath(new URL('../../dist', import.meta.url));
  await loadModuleMap(`${dist}/assets`);
  const server = await startPreview({ outDir: dist });
  const profile = await openProfile();
  return { file, server, profile, close: async () => (await profile.close(), await server.close()) };
}

/** Chooses `file` in the import area of /data; `before` runs once the input is ready, just before it. */
export async function importThroughUi(page, url, file, before = async () => undefined) {
  await page.goto(`${url}/data`);
  await page.waitForSelector('input[type=file]:not([disabled])');
  await before();
  await page.setInputFiles('input[type=file]', file);
  await page.waitForFunction(
    (re) => [...document.querySelectorAll('[role=status]')].some((el) => new RegExp(re).test(el.textContent)),
    IMPORTED.source,
    { timeout: 600_000 },
  );
}
