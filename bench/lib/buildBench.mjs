// Builds the engine-only bench page (bench/vite.config.ts) into bench/dist.
import { copyFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

/** BENCH_PAGE_DIST lets several people measure at once without overwriting each other's build. */
export const BENCH_DIST = process.env.BENCH_PAGE_DIST ?? fileURLToPath(new URL('../dist', import.meta.url));

export async function buildBenchPage() {
  await build({ configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)), build: { outDir: BENCH_DIST } });
  // The preview server (test/e2e/harness.mjs) serves a directory with an index.html.
  await copyFile(`${BENCH_DIST}/bench.html`, `${BENCH_DIST}/index.html`);
  return BENCH_DIST;
}
