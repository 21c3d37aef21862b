// Builds the engine-only bench page (bench/vite.config.ts) into bench/dist.
import { copyFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

export const BENCH_DIST = fileURLToPath(new URL('../dist', import.meta.url));

export async function buildBenchPage() {
  await build({ configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)) });
  // The preview server (test/e2e/harness.mjs) serves a directory with an index.html.
  await copyFile(`${BENCH_DIST}/bench.html`, `${BENCH_DIST}/index.html`);
  return BENCH_DIST;
}
