// Probe: one import of `size` events through the UI, then `n` undos of recent events through the engine
// (?bench exposes it), each timed from the call to its result: what an undo costs at that size, reverts
// included (at 1M the log holds ~2,400 undos). Usage (after `npx vite build`, and `npm run bench` once for the
// files): node bench/probes/undo.mjs [size=100000] [n=20]
import { readFile } from 'node:fs/promises';
import { importThroughUi, probeSetup } from './common.mjs';

const size = Number(process.argv[2] ?? 100000);
const n = Number(process.argv[3] ?? 20);
const { file, server, profile, close } = await probeSetup(size);
try {
  const page = await profile.context.newPage();
  await importThroughUi(page, server.url, file);
  await page.goto(`${server.url}/?bench`);
  await page.waitForSelector('table tbody tr td');
  // Recent StockAdded events of the file (the end of history): undone one at a time.
  const text = await readFile(file, 'utf8');
  const ids = [];
  for (const line of text.slice(-2_000_000).split('\n').reverse()) {
    if (ids.length >= n) break;
    if (line.includes('"StockAdded"')) ids.push(JSON.parse(line.replace(/,$/, '')).id);
  }
  const times = await page.evaluate(async (ids) => {
    const { engine } = globalThis.__eventory;
    const out = [];
    for (const id of ids) {
      const t0 = performance.now();
      const r = await engine.undo([id]);
      out.push(r.ok ? performance.now() - t0 : -1);
    }
    return out;
  }, ids);
  const ok = times.filter((t) => t >= 0).sort((a, b) => a - b);
  console.log(`${ok.length}/${times.length} undos; p50 ${ok[Math.floor(ok.length / 2)]?.toFixed(1)} ms, max ${ok[ok.length - 1]?.toFixed(1)} ms`);
  console.log(times.map((t) => t.toFixed(1)).join(' '));
} finally {
  await close();
}
