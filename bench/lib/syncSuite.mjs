// First sync of a new device vs importing the same events from a file (issue 20: within 3×), in the production
// build. The server (the tests' CouchDB: express-pouchdb in memory, behind the preview server's /couchdb proxy)
// is filled from Node with the generated export's lines as batches, as devices would have pushed them; then one
// fresh profile imports the file through the Import page, and another sets up sync on the Sync page. Each is
// timed from the click to its outcome on screen. The test server answers _changes far slower than CouchDB (~5 s per
// 10 MB at 100k events, measured): the time it takes to answer is reported, and the ratio without it.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { startCouch } from '../../test/support/couchServer.mjs';
import { launchBrowser } from '../../test/e2e/harness.mjs';
import { exportFile } from '../generate.mjs';
import { startPreview } from './browser.mjs';

/**
 * CPU seconds used so far by this process (which runs the preview server and its proxy) and the processes below it
 * (the browser, the test server), from Linux's /proc (user + system, in ticks of 10 ms). On a loaded machine the
 * wall-clock times depend on what else runs; the CPU each side uses much less.
 */
function treeCpu() {
  const children = new Map();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    let stat;
    try {
      stat = readFileSync(`/proc/${d}/stat`, 'utf8');
    } catch {
      continue; // it ended meanwhile
    }
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ppid = Number(f[1]);
    children.set(ppid, [...(children.get(ppid) ?? []), { pid: Number(d), cpu: (Number(f[11]) + Number(f[12])) / 100 }]);
  }
  const below = (pid) => (children.get(pid) ?? []).reduce((sum, c) => sum + c.cpu + below(c.pid), 0);
  const own = process.cpuUsage();
  return below(process.pid) + (own.user + own.system) / 1e6;
}

const PER_BATCH = 2000;
const formatCount = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** The export's event lines, as batches of up to PER_BATCH, put on the server in requests of ~4 MB. */
async function fill(couch, path) {
  const text = await readFile(path, 'utf8');
  const lines = text.slice(text.indexOf('\n') + 1, text.lastIndexOf('\n]}')).split(',\n');
  const put = (p, init) => fetch(`${couch.url}${p}`, { ...init, headers: { 'Content-Type': 'application/json' } }).then((r) => r.json());
  await put('/bench', { method: 'PUT' });
  await put('/bench/eventory', { method: 'PUT', body: JSON.stringify({ eventory: 'event-log', version: 1 }) });
  let docs = [];
  let chars = 0;
  for (let i = 0; i < lines.length; i += PER_BATCH) {
    const run = lines.slice(i, i + PER_BATCH).join(',\n');
    docs.push({ _id: `eventory-batch-${createHash('sha256').update(run).digest('hex')}`, eventory: 'batch', version: 1, count: Math.min(PER_BATCH, lines.length - i), lines: run });
    chars += run.length;
    if (chars > 4e6 || i + PER_BATCH >= lines.length) {
      await put('/bench/_bulk_docs', { method: 'POST', body: JSON.stringify({ docs }) });
      docs = [];
      chars = 0;
    }
  }
}

/** @param {{ size: number, dist: string, log: (s: string) => void }} o */
export async function syncSuite({ size, dist, log }) {
  const { path } = await exportFile(size);
  const couch = await startCouch();
  let server;
  let browser;
  try {
    const tFill = performance.now();
    await fill(couch, path);
    log(`sync ${size}: server filled in ${((performance.now() - tFill) / 1000).toFixed(1)} s`);
    server = await startPreview({ outDir: dist, proxy: { '/couchdb': { target: couch.url, rewrite: (p) => p.replace(/^\/couchdb/, '') || '/' } } });
    browser = await launchBrowser();
    const timeout = 20 * 60_000;

    const importer = await (await browser.newContext()).newPage();
    await importer.goto(`${server.url}/data`);
    await importer.locator('#import-file:not([disabled])').waitFor();
    let c0 = treeCpu();
    let t0 = performance.now();
    await importer.locator('#import-file').setInputFiles(path);
    await importer.locator('[role="status"]', { hasText: /^Imported/ }).waitFor({ timeout });
    const fileImportMs = performance.now() - t0;
    const importCpu = treeCpu() - c0;

    const syncer = await (await browser.newContext()).newPage();
    // Time the server took to answer the _changes requests (the test server is much slower than CouchDB).
    let serverMs = 0;
    syncer.on('requestfinished', (req) => {
      if (!req.url().includes('/_changes')) return;
      const t = req.timing();
      serverMs += t.responseStart - t.requestStart;
    });
    await syncer.goto(`${server.url}/sync`);
    await syncer.getByLabel('Server', { exact: false }).fill(`${server.url}/couchdb/bench`);
    c0 = treeCpu();
    t0 = performance.now();
    await syncer.getByRole('button', { name: /Sync/ }).click();
    await syncer.locator('main [role="status"]', { hasText: `received ${formatCount(size)} new events` }).waitFor({ timeout });
    const firstSyncMs = performance.now() - t0;
    const syncCpu = treeCpu() - c0;
    log(`sync ${size}: CPU used: file import ${importCpu.toFixed(1)} s, first sync ${syncCpu.toFixed(1)} s (${(syncCpu / importCpu).toFixed(2)}×)`);
    const ratio = firstSyncMs / fileImportMs;
    const appRatio = (firstSyncMs - serverMs) / fileImportMs;
    const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
    log(`sync ${size}: file import ${s(fileImportMs)}, first sync ${s(firstSyncMs)} (${ratio.toFixed(2)}×, budget 3×), of which the server answering _changes ${s(serverMs)}: without it ${appRatio.toFixed(2)}×`);
    return { size, fileImportMs, firstSyncMs, serverMs, ratio, appRatio, importCpu, syncCpu, pass: ratio <= 3 };
  } finally {
    await browser?.close();
    await server?.close();
    await couch.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const size = Number(process.argv[2] ?? 10_000);
  const dist = process.argv[3] ?? new URL('../../dist', import.meta.url).pathname;
  await syncSuite({ size, dist, log: console.log });
}
