// Export and import through the real UI, in Chromium against the production build, between two browser
// profiles with their own IndexedDB (spec §4–6): the export downloads a .json file, the file input imports it,
// the outcome shows in role="status" / role="alert", and a refused file changes nothing. The profiles are
// contexts of one browser; the test of a restart has its own profile on disk.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp, rm } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, ROOT, changesSaved, chromiumPath, launchPersistent, useApp } from './harness.mjs';
import { dataPageSteps } from './dataPage.mjs';

let dir;
const profiles = [];

const app = useApp({
  setUp: async () => {
    dir = await mkdtemp(join(tmpdir(), 'eventory-io-e2e-'));
  },
  tearDown: async () => {
    try {
      for (const p of profiles) await p.close();
    } finally {
      if (dir) await rm(dir, { recursive: true, force: true });
    }
  },
});
const { openData, importArea, importFile, inventoryTable, tableShown, createItem } = dataPageSteps(app);

/** A fresh profile (its own IndexedDB, in memory) with one page, collecting page errors. */
async function profile(viewport = { width: 1280, height: 800 }) {
  const context = await app.browser.newContext({ viewport, acceptDownloads: true });
  profiles.push(context);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { page, errors };
}

/** Clicks the one button whose name contains "Export" (spec §6) and returns the downloaded file. */
async function exportFile(page, name) {
  await openData(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Export/ }).click()]);
  const path = join(dir, name);
  await download.saveAs(path);
  return { path, filename: download.suggestedFilename(), text: await readFile(path, 'utf8') };
}

async function addOne(page, name, times = 1) {
  // From another page, load the inventory; on it already (after createItem or a +1), read the table as it is.
  if (new URL(page.url()).pathname !== '/') await inventoryTable(page);
  for (let i = 0; i < times; i++) {
    const before = (await tableShown(page))[name] ?? 0;
    await page.getByRole('button', { name: `Add 1 ${name}` }).click();
    await page.waitForFunction(
      ([itemName, want]) => {
        const table = document.querySelector('main table');
        const headers = [...table.tHead.rows[0].cells].map((c) => c.textContent.trim());
        const row = [...table.tBodies[0].rows].find((r) => r.cells[headers.indexOf('Name')].textContent.trim() === itemName);
        return row && Number(row.cells[headers.indexOf('Quantity')].textContent.trim()) === want;
      },
      [name, before + 1],
    );
    await changesSaved(page);
  }
}

const withoutExportedAt = (text) => text.replace(/"exportedAt":"[^"]*"/, '"exportedAt":""');

/** A seed log with non-ASCII names, locations, attributes and an undone event. */
function seedLog() {
  const base = { specversion: '1.0', source: 'eventory:device:seed', dataversion: 1, datacontenttype: 'application/json' };
  const events = [
    { ...base, id: 'seed-01', type: 'ItemCreated', time: '2026-01-01T09:00:00.000Z', data: { itemId: 'seed-sword', name: 'Épée ⚔️', category: 'Weapons' } },
    { ...base, id: 'seed-02', type: 'StockAdded', time: '2026-01-01T09:01:00.000Z', data: { itemId: 'seed-sword', quantity: 4, location: 'Armurerie', attributes: { rarity: 'rare' } } },
    { ...base, id: 'seed-03', type: 'ItemCreated', time: '2026-01-01T09:02:00.000Z', data: { itemId: 'seed-rope', name: '縄 Rope' } },
    { ...base, id: 'seed-04', type: 'StockAdded', time: '2026-01-01T09:03:00.000Z', data: { itemId: 'seed-rope', quantity: 2.5 } },
    { ...base, id: 'seed-05', type: 'StockRemoved', time: '2026-01-01T09:04:00.000Z', data: { itemId: 'seed-sword', quantity: 1, location: 'Armurerie' } },
    { ...base, id: 'seed-06', type: 'EventsReverted', time: '2026-01-01T09:05:00.000Z', data: { eventIds: ['seed-05'] } },
  ];
  const head = `{"format":"eventory.event-log","formatVersion":1,"exportedAt":"2026-01-01T10:00:00.000Z","eventCount":${events.length},"events":[\n`;
  return { events, text: head + events.map((e) => JSON.stringify(e)).join(',\n') + '\n]}\n' };
}

test('export from one profile, import into another: counts, same inventory, same file back', async () => {
  const a = await profile();
  const seed = seedLog();
  const seedPath = join(dir, 'seed.json');
  await writeFile(seedPath, seed.text);
  assert.deepEqual(await importFile(a.page, seedPath), { role: 'status', text: 'Imported 6 new events.' });
  await createItem(a.page, 'Lantern');
  await addOne(a.page, 'Lantern', 2);
  const inventoryA = await inventoryTable(a.page);
  assert.deepEqual(inventoryA, { 'Épée ⚔️': 4, Lantern: 2, '縄 Rope': 2.5 });

  const fromA = await exportFile(a.page, 'from-a.json');
  assert.match(fromA.filename, /^eventory-\d{4}-\d{2}-\d{2}\.json$/);
  const doc = JSON.parse(fromA.text);
  assert.equal(doc.format, 'eventory.event-log');
  assert.equal(doc.eventCount, 9);
  assert.equal(doc.events.length, 9);
  assert.deepEqual(doc.events.slice(0, 6), seed.events, 'imported events are exported exactly as they came');
  assert.equal(fromA.text.split('\n').length, 9 + 3, 'header line, one line per event, closing line, final newline');
  // "Last export" is saved after the download starts; wait for the page to show it rather than race it.
  await a.page.locator('.io-last', { hasText: /Last export: .*\(9 events\)/ }).waitFor({ timeout: 10_000 });

  const b = await profile();
  assert.deepEqual(await importFile(b.page, fromA.path), { role: 'status', text: 'Imported 9 new events.' });
  assert.deepEqual(await inventoryTable(b.page), inventoryA);
  assert.deepEqual(await importFile(b.page, fromA.path), { role: 'status', text: 'No new events; 9 were already here.' });

  const fromB = await exportFile(b.page, 'from-b.json');
  assert.equal(withoutExportedAt(fromB.text), withoutExportedAt(fromA.text), 'export → import → export is identical byte for byte');

  // Both go on working, then exchange files again: both show the same inventory and the same log.
  await addOne(a.page, 'Lantern');
  await createItem(b.page, 'Compass');
  await addOne(b.page, 'Compass');
  const a2 = await exportFile(a.page, 'a2.json');
  const b2 = await exportFile(b.page, 'b2.json');
  assert.match((await importFile(a.page, b2.path)).text, /^Imported 2 new events; 9 were already here\./);
  assert.match((await importFile(b.page, a2.path)).text, /^Imported 1 new event; 9 were already here\./);
  const merged = { 'Épée ⚔️': 4, Lantern: 3, '縄 Rope': 2.5, Compass: 1 };
  assert.deepEqual(await inventoryTable(a.page), merged);
  assert.deepEqual(await inventoryTable(b.page), merged);
  assert.equal(withoutExportedAt((await exportFile(a.page, 'a3.json')).text), withoutExportedAt((await exportFile(b.page, 'b3.json')).text));
  assert.deepEqual([...a.errors, ...b.errors], []);
});

test('a refused file shows the alert and leaves the log untouched', async () => {
  const c = await profile();
  const seed = seedLog();
  const seedPath = join(dir, 'seed-c.json');
  await writeFile(seedPath, seed.text);
  await importFile(c.page, seedPath);
  const before = await exportFile(c.page, 'before.json');
  const inventoryBefore = await inventoryTable(c.page);

  const bad = seed.events.map((e) => ({ ...e, id: `${e.id}-copy` }));
  bad[3] = { ...bad[3], data: { ...bad[3].data, quantity: '3' } };
  const badPath = join(dir, 'bad.json');
  await writeFile(badPath, `{"format":"eventory.event-log","formatVersion":1,"eventCount":6,"events":[\n${bad.map((e) => JSON.stringify(e)).join(',\n')}\n]}`);
  const refused = await importFile(c.page, badPath);
  assert.equal(refused.role, 'alert');
  assert.equal(refused.text, 'Event 4 (id "seed-04-copy"): "quantity" must be a number greater than 0, got "3".');

  const cutPath = join(dir, 'cut.json');
  await writeFile(cutPath, seed.text.slice(0, 400));
  assert.deepEqual(await importFile(c.page, cutPath), {
    role: 'alert',
    text: 'The file ends before its JSON is complete: it looks truncated (cut off before its end). Use a complete copy.',
  });

  const after = await exportFile(c.page, 'after.json');
  assert.equal(withoutExportedAt(after.text), withoutExportedAt(before.text));
  assert.deepEqual(await inventoryTable(c.page), inventoryBefore);
  assert.deepEqual(c.errors, []);
});

test('a legacy tutorial file imports by upcasting, once', async () => {
  const d = await profile({ width: 390, height: 844 });
  const legacy = JSON.stringify([
    { type: 'ITEM_ADDED', data: 'sword', timestamp: '2025-06-01T12:00:00' },
    { type: 'ITEM_ADDED', data: { name: 'shield', rarity: 'rare', origin: 'castle' }, timestamp: '2025-06-01T12:01:00' },
    { type: 'ITEM_ADDED', data: 'sword', timestamp: '2025-06-01T12:02:00' },
    { type: 'ITEM_REMOVED', data: { name: 'sword', rarity: 'rare' }, timestamp: '2025-06-01T12:05:00' },
  ]);
  const path = join(dir, 'legacy.json');
  await writeFile(path, legacy);
  assert.deepEqual(await importFile(d.page, path), { role: 'status', text: 'Imported 6 new events.' });
  assert.deepEqual(await importFile(d.page, path), { role: 'status', text: 'No new events; 6 were already here.' });
  assert.deepEqual(await inventoryTable(d.page), { shield: 1, sword: 1 });
  assert.deepEqual(d.errors, []);
});

test('the Python tutorial’s own event store imports, and shows where each item came from', async () => {
  const t = await profile({ width: 390, height: 844 });
  const fixtures = join(ROOT, 'test/fixtures/tutorial');
  const expected = JSON.parse(await readFile(join(fixtures, 'v2-main.expected.json'), 'utf8'));
  assert.deepEqual(await importFile(t.page, join(fixtures, 'v2-main.str.json')), { role: 'status', text: 'Imported 14 new events.' });
  const shown = await inventoryTable(t.page);
  assert.deepEqual(Object.fromEntries(Object.entries(shown).filter(([, q]) => q !== 0)), Object.fromEntries(expected.get_items));

  const text = (rows) => rows.evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((c) => c.innerText.replace(/\s+/g, ' ').trim()).filter(Boolean).join(' | ')));
  await t.page.goto(`${app.url}/analytics`);
  const card = t.page.getByRole('region', { name: 'Where items came from' });
  await card.getByRole('table').waitFor();
  assert.deepEqual((await text(card.locator('tbody tr'))).slice(0, 2), ['sword castle 1 · dungeon 1 | 2', 'potion village 2 | 2']);
  // The attribute is picked with the keyboard; origin (on every addition, first by name) is the default.
  const pick = card.getByRole('combobox', { name: 'Attribute' });
  assert.equal(await pick.inputValue(), 'origin');
  await pick.focus();
  await t.page.keyboard.press('ArrowDown');
  assert.equal(await pick.inputValue(), 'rarity');
  await card.locator('tbody tr', { hasText: 'common' }).first().waitFor();
  assert.deepEqual((await text(card.locator('tbody tr'))).slice(0, 2), ['sword rare 2 | 2', 'potion common 2 | 2']);

  await card.getByRole('link', { name: 'sword' }).click();
  const section = t.page.getByRole('region', { name: 'Where it came from' });
  await section.getByRole('table').waitFor();
  assert.deepEqual(await text(section.locator('tbody tr')), ['origin | castle | 1', 'dungeon | 1', 'rarity | rare | 2']);
  // Time travel applies: before the tutorial ran, nothing had come from anywhere (and the item did not exist).
  await t.page.goto(`${app.url}/analytics?at=2020-01-01T00:00:00Z`);
  await card.getByText('No addition has recorded an attribute such as an origin or a supplier by then').waitFor();
  await card.getByRole('button', { name: 'Back to now' }).click();
  await card.getByRole('table').waitFor();
  assert.deepEqual(t.errors, []);
});

test('a large file shows progress and can be cancelled, leaving the log as it was', async () => {
  const e = await profile();
  const base = { specversion: '1.0', source: 'eventory:device:big', dataversion: 1 };
  const lines = [JSON.stringify({ ...base, id: 'big-c', type: 'ItemCreated', time: '2026-01-01T00:00:00.000Z', data: { itemId: 'big', name: 'Bolt' } })];
  for (let i = 0; i < 80_000; i++) {
    const time = new Date(Date.parse('2026-01-01T00:00:01.000Z') + i * 1000).toISOString();
    lines.push(JSON.stringify({ ...base, id: `big-${String(i).padStart(6, '0')}`, type: 'StockAdded', time, data: { itemId: 'big', quantity: 1, location: `Bin ${i % 9}` } }));
  }
  const path = join(dir, 'big.json');
  await writeFile(path, `{"format":"eventory.event-log","formatVersion":1,"eventCount":${lines.length},"events":[\n${lines.join(',\n')}\n]}\n`);

  await openData(e.page);
  await e.page.getByLabel('Choose a file to import (.json)').setInputFiles(path);
  const area = importArea(e.page);
  await area.getByRole('progressbar').waitFor();
  await area.getByRole('button', { name: 'Cancel import' }).click();
  await area.getByRole('alert').waitFor();
  assert.equal((await area.getByRole('alert').textContent()).trim(), 'Import cancelled. Nothing was changed.');
  assert.equal(await area.getByRole('progressbar').count(), 0);
  assert.deepEqual(await inventoryTable(e.page), {});
  assert.deepEqual(e.errors, []);
});

test('an imported file is kept in the browser: deleted from disk, after a restart its events still show, travel in time and export', async () => {
  const p = await launchPersistent({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  profiles.push(p);
  let context = p.context;
  try {
    let page = context.pages()[0] ?? (await context.newPage());
    // 3,001 events in ASCII, laid out as Eventory exports: every page of them refers to the file (storage version 4).
    const base = { specversion: '1.0', source: 'eventory:device:kept', dataversion: 1 };
    const at = (i) => new Date(Date.parse('2026-03-01T00:00:00.000Z') + i * 60_000).toISOString();
    const events = [{ ...base, id: 'kept-item', type: 'ItemCreated', time: at(0), data: { itemId: 'kept', name: 'Washer' } }];
    for (let i = 1; i <= 3000; i++) events.push({ ...base, id: `kept-${String(i).padStart(5, '0')}`, type: 'StockAdded', time: at(i), data: { itemId: 'kept', quantity: 1, location: `Bin ${i % 3}` } });
    const path = join(dir, 'kept.json');
    const lines = events.map((e) => JSON.stringify(e));
    await writeFile(path, `{"format":"eventory.event-log","formatVersion":1,"eventCount":${events.length},"events":[\n${lines.join(',\n')}\n]}\n`);
    assert.deepEqual(await importFile(page, path), { role: 'status', text: 'Imported 3,001 new events.' });
    const stored = await page.evaluate(
      () =>
        new Promise((resolve, reject) => {
          const req = indexedDB.open('eventory');
          req.onerror = () => reject(req.error);
          req.onsuccess = () => {
            const tx = req.result.transaction(['pages', 'importFiles']);
            const pages = tx.objectStore('pages').getAll();
            const files = tx.objectStore('importFiles').count();
            tx.oncomplete = () => (req.result.close(), resolve({ pages: pages.result.length, filePages: pages.result.filter((r) => typeof r.src === 'string').length, files: files.result }));
          };
        }),
    );
    assert.deepEqual(stored, { pages: 4, filePages: 4, files: 1 });

    // The user deletes the file and restarts the browser.
    await rm(path);
    await context.close();
    context = await chromium.launchPersistentContext(p.profileDir, { headless: true, executablePath: chromiumPath(), args: CHROMIUM_ARGS, viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    page = context.pages()[0] ?? (await context.newPage());
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    assert.deepEqual(await inventoryTable(page), { Washer: 3000 });
    // The past, read from the pages: 1,500 additions by the 1,500th minute.
    await page.goto(`${app.url}/?at=${encodeURIComponent(at(1500))}`);
    await page.getByText('Viewing the past:').waitFor();
    assert.deepEqual(await tableShown(page), { Washer: 1500 });
    // The export repeats the file's lines, read from the copy the browser kept.
    const out = await exportFile(page, 'kept-export.json');
    assert.deepEqual(out.text.split('\n').slice(1, -2), lines.map((l, i) => l + (i < lines.length - 1 ? ',' : '')));
    // A command after the restart writes after the file's pages.
    await addOne(page, 'Washer');
    assert.deepEqual(await inventoryTable(page), { Washer: 3001 });
    assert.deepEqual(errors, []);
  } finally {
    await context.close().catch(() => undefined);
  }
});
