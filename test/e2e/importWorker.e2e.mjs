// Import runs in a dedicated worker (src/io/importWorker.ts) in the production build, under its strict CSP:
// the page shows the outcome, the table follows, a cancel or a bad file leaves the log as it was, and it works
// offline from the service worker's precache. Each test also checks that the import really went through the
// worker (not the in-page fallback) and that the worker is gone afterwards.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useApp } from './harness.mjs';
import { dataPageSteps } from './dataPage.mjs';
import { waitForApp, waitForServiceWorker } from './pwa-helpers.mjs';

let dir;
const app = useApp({
  setUp: async () => {
    dir = await mkdtemp(join(tmpdir(), 'eventory-import-worker-'));
  },
  tearDown: async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  },
});
const { openData, importArea, importFile, inventoryTable, tableShown } = dataPageSteps(app);

const base = { specversion: '1.0', source: 'eventory:device:worker-e2e', dataversion: 1 };
const at = (i) => new Date(Date.parse('2026-02-01T00:00:00.000Z') + i * 1000).toISOString();

/** A log file: `items` items, then `adds` StockAdded of 1 spread over them (more than 200 events is a bulk write). */
async function logFile(name, { items = 3, adds = 3000, mutate } = {}) {
  const events = [];
  for (let k = 0; k < items; k++) events.push({ ...base, id: `w-item-${k}`, type: 'ItemCreated', time: at(k), data: { itemId: `w${k}`, name: `Part ${k}` } });
  for (let i = 0; i < adds; i++) {
    events.push({ ...base, id: `w-add-${String(i).padStart(7, '0')}`, type: 'StockAdded', time: at(items + i), data: { itemId: `w${i % items}`, quantity: 1, location: `Bin ${i % 7}` } });
  }
  mutate?.(events);
  const path = join(dir, name);
  await writeFile(path, `{"format":"eventory.event-log","formatVersion":1,"eventCount":${events.length},"events":[\n${events.map((e) => JSON.stringify(e)).join(',\n')}\n]}\n`);
  return path;
}

/** A page of a fresh in-memory context, recording page errors, console errors and import workers. */
async function openPage(context) {
  const page = await context.newPage();
  const errors = [];
  const workers = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // A warning too: the client warns when the worker cannot start and the import falls back to the page.
  page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && errors.push(m.text()));
  page.on('worker', (w) => {
    const entry = { url: w.url(), closed: false };
    workers.push(entry);
    w.on('close', () => (entry.closed = true));
  });
  return { page, errors, workers };
}

/** Exactly one import worker ran, and it was terminated once the import finished. */
async function assertOneWorkerGone(page, workers) {
  const imports = workers.filter((w) => /importWorker/.test(w.url));
  assert.equal(imports.length, 1, `one import worker, got ${JSON.stringify(workers)}`);
  // Playwright's close event can be missed for a worker that ends while it is still being attached to (a bad
  // file ends the worker within a few ms), so the browser's own list of targets is asked too.
  const cdp = await page.context().newCDPSession(page);
  const alive = async () => (await cdp.send('Target.getTargets')).targetInfos.some((t) => t.type === 'worker' && /importWorker/.test(t.url));
  for (let i = 0; i < 150 && !imports[0].closed && (await alive()); i++) await new Promise((r) => setTimeout(r, 100));
  assert.equal(imports[0].closed || !(await alive()), true, 'the import worker is terminated after the import');
  await cdp.detach();
}

test('an import through the worker updates the open table and survives a reload', async () => {
  const context = await app.browser.newContext();
  try {
    const { page, errors, workers } = await openPage(context);
    const path = await logFile('good.json');
    assert.deepEqual(await importFile(page, path), { role: 'status', text: 'Imported 3,003 new events.' });
    await assertOneWorkerGone(page, workers);
    // Client-side navigation: the tab that started the import caught up without a reload.
    await importArea(page).getByRole('link', { name: 'See the inventory' }).click();
    await page.locator('main table tbody tr').first().waitFor();
    const expected = { 'Part 0': 1000, 'Part 1': 1000, 'Part 2': 1000 };
    assert.deepEqual(await tableShown(page), expected);
    assert.deepEqual(await inventoryTable(page), expected, 'after a reload');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a worker’s import has left a snapshot every 2,000 events and at the head when it says so, and another open tab shows it without a reload', async () => {
  const context = await app.browser.newContext();
  try {
    const other = await openPage(context);
    await other.page.goto(app.url + '/');
    await other.page.getByRole('button', { name: /^(New item|Create your first item)$/ }).first().waitFor();
    const { page, errors, workers } = await openPage(context);
    const path = await logFile('other-tab.json', { adds: 6500 });
    assert.deepEqual(await importFile(page, path), { role: 'status', text: 'Imported 6,503 new events.' });
    // A reload or a closed tab right now ends the worker: time travel's snapshots must already be there (the
    // worker writes them before it answers; at this size they would usually win a race too).
    const snapshots = await page.evaluate(
      () =>
        new Promise((resolve, reject) => {
          const req = indexedDB.open('eventory');
          req.onsuccess = () => {
            const r = req.result.transaction('snapshots').objectStore('snapshots').getAll();
            r.onsuccess = () => resolve(r.result.map((s) => s.eventCount).sort((a, b) => a - b));
            r.onerror = () => reject(r.error);
          };
          req.onerror = () => reject(req.error);
        }),
    );
    assert.deepEqual(snapshots, [2000, 4000, 6000, 6503]);
    // Told by the worker once the snapshots are written: the other tab loads the head's, with no reload.
    const expected = { 'Part 0': 2167, 'Part 1': 2167, 'Part 2': 2166 };
    await other.page.locator('main table tbody tr').nth(2).waitFor({ timeout: 20_000 });
    assert.deepEqual(await tableShown(other.page), expected);
    await assertOneWorkerGone(page, workers);
    assert.deepEqual([...errors, ...other.errors], []);
  } finally {
    await context.close();
  }
});

test('cancelling while the worker checks the file writes nothing', async () => {
  const context = await app.browser.newContext();
  try {
    const { page, errors, workers } = await openPage(context);
    const path = await logFile('big.json', { adds: 150_000 });
    await openData(page);
    // Clicked in the page the moment the phase shows: a click from here could arrive after the write began.
    const clicked = page.evaluate(
      () =>
        new Promise((resolve) => {
          const mo = new MutationObserver(() => {
            if (!document.body.textContent.includes('Checking every event…')) return;
            mo.disconnect();
            [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Cancel import').click();
            resolve(true);
          });
          mo.observe(document.body, { subtree: true, childList: true, characterData: true });
        }),
    );
    await page.getByLabel('Choose a file to import (.json)').setInputFiles(path);
    const area = importArea(page);
    assert.equal(await clicked, true);
    await area.getByRole('alert').waitFor({ timeout: 30_000 });
    assert.equal((await area.getByRole('alert').textContent()).trim(), 'Import cancelled. Nothing was changed.');
    await assertOneWorkerGone(page, workers);
    await page.reload();
    assert.deepEqual(await inventoryTable(page), {});
    await openData(page);
    assert.equal(await page.getByText('Part 0').count(), 0, 'no past import is listed');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a bad file checked in the worker shows its message and changes nothing', async () => {
  const context = await app.browser.newContext();
  try {
    const { page, errors, workers } = await openPage(context);
    const path = await logFile('bad.json', { adds: 500, mutate: (events) => (events[400].data.quantity = '3') });
    assert.deepEqual(await importFile(page, path), { role: 'alert', text: 'Event 401 (id "w-add-0000397"): "quantity" must be a number greater than 0, got "3".' });
    await assertOneWorkerGone(page, workers);
    assert.deepEqual(await inventoryTable(page), {});
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('import works offline: the worker script comes from the service worker precache', async () => {
  const context = await app.browser.newContext();
  try {
    const { page, errors, workers } = await openPage(context);
    await page.goto(app.url);
    await waitForApp(page);
    await waitForServiceWorker(page);
    await context.setOffline(true);
    await page.reload();
    await waitForApp(page);
    // Not navigator.onLine (it can lag behind the emulation): a request the precache cannot answer must fail.
    const probe = await page.evaluate(() => fetch(`/favicon.svg?probe=${Date.now()}`).then((r) => `status ${r.status}`, () => 'failed'));
    assert.equal(probe, 'failed', 'the network is off');
    assert.deepEqual(errors.splice(0).filter((e) => !/ERR_INTERNET_DISCONNECTED/.test(e)), [], 'only the probe failed');
    const path = await logFile('offline.json', { adds: 300 });
    assert.deepEqual(await importFile(page, path), { role: 'status', text: 'Imported 303 new events.' });
    await assertOneWorkerGone(page, workers);
    assert.deepEqual(await inventoryTable(page), { 'Part 0': 100, 'Part 1': 100, 'Part 2': 100 });
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
