// A tab closed in the middle of a large import (issue 7), in real Chromium with the log on disk: the import is
// one IndexedDB transaction, so after the browser is started again on the same profile the log holds either
// every event of the file or none of them, the inventory agrees with the log, and importing the file again
// finishes the job (or finds everything already there).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, changesSaved, chromiumPath, startPreview } from './harness.mjs';

const STOCK_EVENTS = 60_000;
const FILE_EVENTS = STOCK_EVENTS + 1;

let server;
let dir;
let bigFile;

before(async () => {
  server = await startPreview();
  dir = await mkdtemp(join(tmpdir(), 'eventory-faults-e2e-'));
  // One item and 60,000 additions across nine bins, one second apart (like test/e2e/io.e2e.mjs).
  const base = { specversion: '1.0', source: 'eventory:device:big', dataversion: 1 };
  const lines = [JSON.stringify({ ...base, id: 'big-c', type: 'ItemCreated', time: '2026-01-01T00:00:00.000Z', data: { itemId: 'big', name: 'Bolt' } })];
  for (let i = 0; i < STOCK_EVENTS; i++) {
    const time = new Date(Date.parse('2026-01-01T00:00:01.000Z') + i * 1000).toISOString();
    lines.push(JSON.stringify({ ...base, id: `big-${String(i).padStart(6, '0')}`, type: 'StockAdded', time, data: { itemId: 'big', quantity: 1, location: `Bin ${i % 9}` } }));
  }
  bigFile = join(dir, 'big.json');
  await writeFile(bigFile, `{"format":"eventory.event-log","formatVersion":1,"eventCount":${lines.length},"events":[\n${lines.join(',\n')}\n]}\n`);
});

after(async () => {
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** A browser on a profile directory that outlives it: close it, launch again on the same directory. */
function launch(profileDir) {
  return chromium.launchPersistentContext(profileDir, { headless: true, executablePath: chromiumPath(), args: CHROMIUM_ARGS, viewport: { width: 1280, height: 800 } });
}

/**
 * The import's write transaction, as the page shows it: the import runs in a worker, so its transactions are not
 * the page's to watch. The store reports each slice of pages it writes inside the transaction ("Merging into the
 * log…", counted over the file's events); once it commits, the phase becomes "Saved; updating the inventory…".
 */
function writePhase() {
  const p = document.querySelector('section[aria-labelledby="import-title"] progress');
  const label = p?.getAttribute('aria-label') ?? '';
  if (label.startsWith('Saved')) return 'committed';
  return label.startsWith('Merging') && p.max > 1000 && p.value > 0 ? 'open' : undefined;
}

async function openData(page) {
  await page.goto(`${server.url}/data`);
  await page.locator('#import-file:not([disabled])').waitFor({ timeout: 20_000 });
}

/** What is on disk, read with the raw IndexedDB API: events per id prefix, the head, the import records. */
function readLog(page) {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const req = indexedDB.open('eventory');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const tx = db.transaction(['pages', 'meta', 'imports', 'importIds', 'snapshots', 'importFiles'], 'readonly');
          const all = (store) => new Promise((ok) => (tx.objectStore(store).getAll().onsuccess = (e) => ok(e.target.result)));
          Promise.all([all('pages'), all('meta'), all('imports'), all('importIds'), all('snapshots'), all('importFiles')]).then(async ([pages, meta, imports, importIds, snapshots, files]) => {
            db.close();
            // Pages hold their events as export text (storage version 2), or refer to bytes of an imported file
            // (version 4: src/store/types.ts FilePage).
            const text = (p) => (p.src === undefined ? p.text : files.find((f) => f.id === p.src).file.slice(p.start, p.end).text());
            const texts = await Promise.all(pages.map(text));
            const ids = pages.flatMap((p, i) => (p.n === 0 ? [] : JSON.parse(`[${texts[i]}]`)).map((e) => e.id));
            resolve({
              filePages: pages.filter((p) => p.src !== undefined).length,
              files: files.length,
              total: ids.length,
              distinct: new Set(ids).size,
              fromFile: ids.filter((id) => id.startsWith('big-')).length,
              head: meta.find((m) => m.key === 'head')?.value,
              // An import's ids are a row of their own (storage version 2).
              // An import's ids: its row and the parts after it (src/store/db.ts importIdsKey).
              imports: imports.map((i) => ({ name: i.name, added: i.added, ids: importIds.filter((r) => r.id === i.id || r.id.startsWith(`${i.id} `)).reduce((n, r) => n + JSON.parse(r.ids).length, 0) })),
              snapshots: snapshots.map((s) => ({ eventCount: s.eventCount, items: s.items.length })),
            });
          }).catch(reject);
        };
      }),
  );
}

/** Name → quantity of the inventory table. */
async function inventory(page) {
  await page.goto(server.url + '/');
  await page.waitForFunction(() => document.querySelector('main table') || document.querySelector('.empty'), undefined, { timeout: 60_000 });
  return page.evaluate(() => {
    const table = document.querySelector('main table');
    if (!table) return {};
    const headers = [...table.tHead.rows[0].cells].map((c) => c.textContent.trim());
    const [n, q] = [headers.indexOf('Name'), headers.indexOf('Quantity')];
    return Object.fromEntries([...table.tBodies[0].rows].map((r) => [r.cells[n].textContent.trim(), Number(r.cells[q].textContent.trim().replace(/,/g, ''))]));
  });
}

/**
 * Starts importing the big file, waits for `moment` (a progress phase) plus `delayMs`, closes the tab and the
 * browser, starts the browser again on the same profile and checks the log is all or nothing.
 */
async function closeDuringImport(t, moment, delayMs) {
  const profileDir = await mkdtemp(join(tmpdir(), 'eventory-faults-profile-'));
  let context;
  try {
    context = await launch(profileDir);
    let page = context.pages()[0] ?? (await context.newPage());
    // Something already in the log, which must survive whatever happens to the import.
    await page.goto(server.url + '/');
    await page.getByRole('button', { name: /^(New item|Create your first item)$/ }).first().click();
    await page.getByRole('dialog').getByLabel('Name', { exact: true }).fill('Anchor');
    await page.getByRole('dialog').getByRole('button', { name: 'Create item' }).click();
    await page.getByRole('button', { name: 'Add 1 Anchor' }).click();
    await page.getByRole('button', { name: 'Remove 1 Anchor' }).and(page.locator(':enabled')).waitFor();
    await changesSaved(page);

    await openData(page);
    await page.getByLabel('Choose a file to import (.json)').setInputFiles(bigFile);
    const area = page.locator('section[aria-labelledby="import-title"]');
    await area.getByRole('progressbar').waitFor();
    if (moment === 'transaction') await page.waitForFunction(writePhase, undefined, { timeout: 60_000, polling: 5 });
    // Polled every 5 ms on the progress bar's label: checking a 60,000-event file takes a few frames only.
    else if (moment) await page.waitForFunction((m) => document.querySelector('section[aria-labelledby="import-title"] progress')?.getAttribute('aria-label')?.startsWith(m), moment, { timeout: 60_000, polling: 5 });
    if (delayMs) await page.waitForTimeout(delayMs);
    const tx = await page.evaluate(writePhase);
    const stillRunning = tx !== 'committed' && (await area.getByRole('button', { name: 'Cancel import' }).count()) === 1;
    await page.close();
    await context.close();

    context = await launch(profileDir);
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto(server.url + '/');
    await page.locator('main h1').first().waitFor({ timeout: 60_000 });
    const disk = await readLog(page);
    const outcome = disk.fromFile === 0 ? 'none' : disk.fromFile === FILE_EVENTS ? 'all' : `PART (${disk.fromFile} of ${FILE_EVENTS})`;
    t.diagnostic(`closed ${stillRunning ? 'while importing' : 'after the import ended'} (${moment ?? 'first progress'} + ${delayMs} ms, write transaction ${tx ?? 'not begun'}): ${outcome} of the file in the log`);

    assert.ok(outcome === 'none' || outcome === 'all', `the log holds part of the file: ${JSON.stringify(disk)}`);
    assert.equal(disk.distinct, disk.total, 'an event is stored twice');
    assert.equal(disk.head.count, disk.total, 'the head does not count what is stored');
    assert.equal(disk.total, disk.fromFile + 2, 'the events made before the import changed');
    assert.deepEqual(disk.imports, outcome === 'all' ? [{ name: 'big.json', added: FILE_EVENTS, ids: FILE_EVENTS }] : []);
    // The file is kept with its pages, and only then (storage version 4): 60 of its 61 pages refer to it.
    assert.deepEqual([disk.files, disk.filePages > 0], outcome === 'all' ? [1, true] : [0, false]);
    const expected = outcome === 'all' ? { Anchor: 1, Bolt: STOCK_EVENTS } : { Anchor: 1 };
    assert.deepEqual(await inventory(page), expected, 'the inventory is not the fold of the log');

    // The file imports again: what was missing is added, what was there is recognised.
    await openData(page);
    await page.getByLabel('Choose a file to import (.json)').setInputFiles(bigFile);
    const done = page.locator('section[aria-labelledby="import-title"] [role="status"]:not(:empty)');
    await done.waitFor({ timeout: 120_000 });
    assert.equal((await done.textContent()).trim(), outcome === 'all' ? 'No new events; 60,001 were already here.' : 'Imported 60,001 new events.');
    assert.deepEqual(await inventory(page), { Anchor: 1, Bolt: STOCK_EVENTS });
    return { outcome, stillRunning, tx };
  } finally {
    // Also when an assertion failed: an open browser would keep the test process from ever exiting.
    await context?.close().catch(() => undefined);
    await rm(profileDir, { recursive: true, force: true, maxRetries: 3 });
  }
}

test('a tab closed while the file is being read leaves none of it', async (t) => {
  const r = await closeDuringImport(t, undefined, 0);
  assert.ok(r.stillRunning, 'the import had finished before the tab closed: the test proves nothing');
  assert.equal(r.outcome, 'none');
});

test('a tab closed while the events are checked leaves none of them', async (t) => {
  const r = await closeDuringImport(t, 'Checking every event…', 0);
  assert.ok(r.stillRunning, 'the import had finished before the tab closed: the test proves nothing');
  assert.equal(r.outcome, 'none');
});

for (const delay of [0, 40]) {
  test(`a tab closed while the import's write transaction is open (${delay} ms in) leaves all of the file or none`, async (t) => {
    const r = await closeDuringImport(t, 'transaction', delay);
    assert.notEqual(r.tx, undefined);
  });
}

test('an upgrade blocked by an older release’s open tab waits with a message, then opens with every event', async () => {
  const fixture = JSON.parse(await readFile(new URL('../fixtures/storage-v1.json', import.meta.url), 'utf8'));
  const events = fixture.database.stores.find((s) => s.name === 'pages').records.flatMap((r) => r.value.events);
  const profileDir = await mkdtemp(join(tmpdir(), 'eventory-faults-profile-'));
  const context = await launch(profileDir);
  try {
    // The older release: the same stores at a lower version, and a tab that does not step aside.
    const old = context.pages()[0] ?? (await context.newPage());
    await old.goto(server.url + '/favicon.svg');
    await old.evaluate(
      (dump) =>
        new Promise((resolve, reject) => {
          const req = indexedDB.open('eventory', dump.idbVersion - 5);
          req.onupgradeneeded = () => {
            for (const s of dump.stores) {
              const store = req.result.createObjectStore(s.name, { keyPath: s.keyPath, autoIncrement: s.autoIncrement });
              for (const i of s.indexes) store.createIndex(i.name, i.keyPath, { unique: i.unique, multiEntry: i.multiEntry });
              for (const r of s.records) store.add(r.value);
            }
          };
          req.onsuccess = () => {
            window.__oldConnection = req.result;
            resolve(undefined);
          };
          req.onerror = () => reject(req.error);
        }),
      fixture.database,
    );

    const page = await context.newPage();
    await page.goto(server.url + '/');
    await page.getByRole('alert').filter({ hasText: 'another open Eventory tab is using the old version' }).waitFor({ timeout: 20_000 });
    assert.equal(await page.getByRole('button', { name: /^(New item|Create your first item)$/ }).count(), 0, 'the app must not run on a database it could not upgrade');

    await old.close();
    await page.getByRole('table').waitFor({ timeout: 20_000 });
    assert.equal(await page.getByText('another open Eventory tab is using the old version').count(), 0);
    const disk = await readLog(page);
    assert.equal(disk.total, events.length);
    assert.equal(disk.head.count, events.length);
    assert.deepEqual(Object.keys(await inventory(page)).sort(), fixture.expected.items.filter((i) => !i.archived).map((i) => i.name).sort());
  } finally {
    await context.close();
    await rm(profileDir, { recursive: true, force: true, maxRetries: 3 });
  }
});
