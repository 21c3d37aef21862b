// Undo of a whole action through the real UI, in Chromium against the production build: an import undone in
// one step from /data (the inventory returns to what it was, the log keeps every event, shown undone; Redo in
// the toast brings it back; a refusal names the later change that depends on it), a group of events sharing a
// `correlationid` undone from the history page, and the inventory's numbers linking to the events behind them.
// Two pages of one context share the IndexedDB: one stays on /data with the toast, the other looks around.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { changesSaved, useApp } from './harness.mjs';
import { dataPageSteps } from './dataPage.mjs';

let dir;
const app = useApp({
  setUp: async () => {
    dir = await mkdtemp(join(tmpdir(), 'eventory-groupundo-e2e-'));
  },
  tearDown: async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  },
});
const { importFile, inventoryTable, createItem } = dataPageSteps(app);

/** Two pages on one fresh, in-memory storage, collecting page errors. */
async function twoPages() {
  const context = await app.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const errors = [];
  const open = async () => {
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    return page;
  };
  return { a: await open(), b: await open(), errors, close: () => context.close() };
}

const row = (page, name) => page.getByRole('row').filter({ has: page.getByRole('cell', { name, exact: true }) });

/** Creates an item and adds `n` (unassigned) with the quick button; returns its id, read from its link. */
async function itemWithStock(page, name, n) {
  await createItem(page, name);
  for (let i = 1; i <= n; i++) {
    await page.getByRole('button', { name: `Add 1 ${name}` }).click();
    await row(page, name).getByRole('cell', { name: String(i), exact: true }).waitFor();
  }
  await changesSaved(page);
  const href = await page.getByRole('table').getByRole('link', { name, exact: true }).getAttribute('href');
  return decodeURIComponent(href.replace(/^.*\/item\//, ''));
}

/**
 * A log file from another device, its events after everything this page did so far. `withLantern`: the file also
 * creates the lantern and adds 1 of it (unassigned) first, for a test to which how they got there does not matter.
 */
async function logFile(name, lanternId, extra = {}, { withLantern = false } = {}) {
  const base = { specversion: '1.0', source: 'eventory:device:other', dataversion: 1, datacontenttype: 'application/json', ...extra };
  const t0 = Date.now() + 1000;
  const at = (i) => new Date(t0 + i * 1000).toISOString();
  const lantern = [
    { ...base, id: `${name}-lantern`, type: 'ItemCreated', time: at(-2), data: { itemId: lanternId, name: 'Lantern' } },
    { ...base, id: `${name}-lantern-1`, type: 'StockAdded', time: at(-1), data: { itemId: lanternId, quantity: 1 } },
  ];
  const events = [
    ...(withLantern ? lantern : []),
    { ...base, id: `${name}-1`, type: 'ItemCreated', time: at(0), data: { itemId: `${name}-rope`, name: 'Rope' } },
    { ...base, id: `${name}-2`, type: 'StockAdded', time: at(1), data: { itemId: `${name}-rope`, quantity: 5, location: 'Shelf A' } },
    { ...base, id: `${name}-3`, type: 'ItemCreated', time: at(2), data: { itemId: `${name}-tent`, name: 'Tent' } },
    { ...base, id: `${name}-4`, type: 'StockAdded', time: at(3), data: { itemId: `${name}-tent`, quantity: 2 } },
    { ...base, id: `${name}-5`, type: 'StockAdded', time: at(4), data: { itemId: lanternId, quantity: 3, location: 'Shelf A' } },
  ];
  const path = join(dir, name);
  await writeFile(path, `{"format":"eventory.event-log","formatVersion":1,"eventCount":${events.length},"events":[\n${events.map((e) => JSON.stringify(e)).join(',\n')}\n]}\n`);
  return path;
}

const pastImports = (page) => page.locator('section[aria-labelledby="past-imports-title"]');

test('an import is undone in one step from /data, stays in the log as undone, and Redo restores it', async () => {
  const { a, b, errors, close } = await twoPages();
  try {
    const lantern = await itemWithStock(a, 'Lantern', 1);
    const before = await inventoryTable(a);
    assert.deepEqual(before, { Lantern: 1 });
    const path = await logFile('few-events.json', lantern);
    assert.equal((await importFile(a, path)).text, 'Imported 5 new events.');

    const list = pastImports(a);
    const entry = list.getByRole('listitem').filter({ hasText: 'few-events.json' });
    await entry.filter({ hasText: '5 added, 0 already there' }).waitFor();
    assert.deepEqual(await inventoryTable(b), { Lantern: 4, Rope: 5, Tent: 2 });

    await list.getByRole('button', { name: /^Undo this import: “few-events\.json”/ }).click();
    const undone = a.getByRole('status').filter({ hasText: 'Undone: the import of “few-events.json” (5 events)' });
    await undone.waitFor();
    // Focus in the notifications keeps the toast (and its Redo) from expiring while the other page looks.
    await undone.getByRole('button', { name: /^Redo/ }).focus();
    await entry.getByText('Undone', { exact: true }).waitFor();
    assert.equal(await entry.getByRole('button').count(), 0, 'an undone import has nothing left to undo');

    assert.deepEqual(await inventoryTable(b), before, 'the inventory is what it was before the import');
    await b.goto(`${app.url}/history`);
    await b.getByText('8 changes recorded', { exact: false }).waitFor();
    await b.waitForFunction(() => document.querySelectorAll('.event-list > li').length === 8);
    const struck = await b.locator('.event-list > li.event-undone').evaluateAll((rows) => rows.map((r) => Boolean(r.querySelector('s')) && r.textContent.includes('undone')));
    assert.deepEqual(struck, [true, true, true, true, true], 'all five imported events are in the log, struck through');
    assert.equal(await b.locator('.event-list > li', { hasText: 'Undo of 5 changes (import undone)' }).count(), 1);

    await undone.getByRole('button', { name: /^Redo/ }).click();
    await a.getByRole('status').filter({ hasText: 'Redone: the import of “few-events.json” (5 events)' }).waitFor();
    await entry.getByRole('button', { name: /^Undo this import: “few-events\.json”/ }).waitFor();
    assert.equal(await entry.getByText('Undone', { exact: true }).count(), 0);
    assert.deepEqual(await inventoryTable(b), { Lantern: 4, Rope: 5, Tent: 2 });
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('undoing an import that later changes depend on is refused, naming them', async () => {
  const { a, errors, close } = await twoPages();
  try {
    const lantern = await itemWithStock(a, 'Lantern', 1);
    assert.equal((await importFile(a, await logFile('then-used.json', lantern))).text, 'Imported 5 new events.');
    await a.goto(app.url + '/');
    await a.getByRole('button', { name: 'Remove 1 Rope' }).click();
    await row(a, 'Rope').getByRole('cell', { name: '4', exact: true }).waitFor();
    await changesSaved(a);

    await a.goto(`${app.url}/data`);
    await pastImports(a).getByRole('button', { name: /^Undo this import: “then-used\.json”/ }).click();
    const alert = a.getByRole('alert').filter({ hasText: 'Later changes depend on it:' });
    await alert.waitFor();
    assert.match(await alert.textContent(), /Removed 1 × Rope from Shelf A/);
    assert.deepEqual(await inventoryTable(a), { Lantern: 4, Rope: 4, Tent: 2 }, 'a refused undo changes nothing');
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('events of one action (a correlationid) are undone together from the history page', async () => {
  const { a, errors, close } = await twoPages();
  try {
    const lantern = await itemWithStock(a, 'Lantern', 1);
    assert.equal((await importFile(a, await logFile('grouped.json', lantern, { correlationid: 'bulk-restock-1' }))).text, 'Imported 5 new events.');
    await a.goto(`${app.url}/history`);
    await a.waitForFunction(() => document.querySelectorAll('.event-list > li').length === 7);
    const groupButtons = a.getByRole('button', { name: 'Undo all 5 events of this action' });
    assert.equal(await groupButtons.count(), 5, 'each event of the group offers the group undo');
    await groupButtons.first().click();
    await a.getByRole('status').filter({ hasText: /^Undone: .* and 4 other changes of the same action/ }).waitFor();
    await a.waitForFunction(() => document.querySelectorAll('.event-list > li.event-undone').length === 5);
    assert.equal(await a.getByRole('button', { name: /events of this action/ }).count(), 0);
    assert.deepEqual(await inventoryTable(a), { Lantern: 1 });
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('the quantity and each location figure link to the events behind them', async () => {
  const { a, errors, close } = await twoPages();
  try {
    const lantern = 'links-lantern';
    await importFile(a, await logFile('links.json', lantern, {}, { withLantern: true }));
    await inventoryTable(a);
    const lanternRow = row(a, 'Lantern');
    assert.equal((await lanternRow.getByRole('cell').nth(2).textContent()).trim(), 'Shelf A 3 · Unassigned 1');

    await lanternRow.getByRole('link', { name: '4', exact: true }).click();
    await a.getByRole('heading', { level: 1, name: 'History' }).waitFor();
    assert.equal(new URL(a.url()).pathname, '/history');
    assert.equal(new URL(a.url()).searchParams.get('item'), lantern);
    assert.equal(await a.getByLabel('Item').inputValue(), lantern);
    await a.waitForFunction(() => document.querySelectorAll('.event-list > li').length === 3);
    assert.deepEqual(await a.locator('.event-list > li .event-item').allTextContents(), ['Lantern', 'Lantern', 'Lantern']);

    await a.goBack();
    await row(a, 'Lantern').getByRole('link', { name: 'Shelf A 3', exact: true }).click();
    await a.getByRole('heading', { level: 1, name: 'History' }).waitFor();
    await a.waitForFunction(() => document.querySelectorAll('.event-list > li').length === 1);
    assert.match(await a.locator('.event-list > li').textContent(), /\+3 at Shelf A/);
    assert.equal(await a.getByLabel('Location').inputValue(), 'at:Shelf A');

    await a.goBack();
    await row(a, 'Lantern').getByRole('link', { name: 'Unassigned 1', exact: true }).click();
    await a.getByRole('heading', { level: 1, name: 'History' }).waitFor();
    await a.waitForFunction(() => document.querySelectorAll('.event-list > li').length === 1);
    assert.match(await a.locator('.event-list > li').textContent(), /\+1 unassigned/);
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});
