// The long inventory table in real Chromium: it renders the rows in view (plus some) and says how many there
// are (aria-rowcount / aria-rowindex); scrolling, the keyboard, search, +1 and the past all reach rows that were
// not rendered at first, on a wide screen and as cards on a phone.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { dataPageSteps } from './dataPage.mjs';
import { changesSaved, useApp } from './harness.mjs';

const ITEMS = 300;
let dir;
let page;
const app = useApp({
  setUp: async () => {
    dir = await mkdtemp(join(tmpdir(), 'eventory-table-'));
    const ctx = await app.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US', timezoneId: 'UTC', serviceWorkers: 'block' });
    page = await ctx.newPage();
    const { text } = await importFile(page, await logFile());
    assert.match(text, /Imported/);
  },
  tearDown: async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  },
});
const { importFile } = dataPageSteps(app);

const name = (k) => `Part ${String(k).padStart(3, '0')}`;
const at = (i) => new Date(Date.parse('2026-02-01T00:00:00.000Z') + i * 60_000).toISOString();

/** ITEMS items, each with stock at one or two locations (some rows taller than others). */
async function logFile() {
  const base = { specversion: '1.0', source: 'eventory:device:table-e2e', dataversion: 1 };
  const events = [];
  for (let k = 0; k < ITEMS; k++) {
    events.push({ ...base, id: `t-item-${k}`, type: 'ItemCreated', time: at(k), data: { itemId: `t${k}`, name: name(k), sku: `SKU-${k}`, category: 'Parts' } });
    events.push({ ...base, id: `t-add-${k}`, type: 'StockAdded', time: at(ITEMS + k), data: { itemId: `t${k}`, quantity: 10, location: 'Shelf A' } });
    if (k % 3 === 0) events.push({ ...base, id: `t-add2-${k}`, type: 'StockAdded', time: at(2 * ITEMS + k), data: { itemId: `t${k}`, quantity: 5, location: 'Van with a rather long name' } });
  }
  const path = join(dir, 'table.json');
  await writeFile(path, `{"format":"eventory.event-log","formatVersion":1,"eventCount":${events.length},"events":[\n${events.map((e) => JSON.stringify(e)).join(',\n')}\n]}\n`);
  return path;
}

/** aria-rowindex of the data rows in the DOM, in order (spacer rows have none). */
const renderedRows = () => page.evaluate(() => [...document.querySelectorAll('table.inventory tbody tr[aria-rowindex]')].map((r) => Number(r.getAttribute('aria-rowindex'))));
const row = (n) => page.getByRole('row').filter({ has: page.getByRole('cell', { name: n, exact: true }) });

async function openInventory(query = '') {
  await page.goto(`${app.url}/${query}`);
  await page.locator('table.inventory tbody tr[aria-rowindex]').first().waitFor();
}

test('a long table renders a window of rows and says how many there are', async () => {
  await openInventory();
  assert.equal(await page.getByRole('table').getAttribute('aria-rowcount'), String(ITEMS + 1));
  // The first render holds the rows in view; the ones around them follow when the page is idle.
  await page.waitForFunction(() => document.querySelectorAll('table.inventory tbody tr[aria-rowindex]').length >= 10);
  const rows = await renderedRows();
  assert.ok(rows.length >= 10 && rows.length < ITEMS / 2, `rendered ${rows.length} rows`);
  assert.deepEqual(rows, rows.map((_, i) => i + 2), 'contiguous from the first row, the header being row 1');
  // Spacer rows are not rows to assistive technology.
  assert.equal(await page.getByRole('row').count(), rows.length + 1);
  assert.equal(await row(name(0)).getByRole('cell').nth(1).textContent(), '15');

  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await row(name(ITEMS - 1)).waitFor();
  assert.equal(await row(name(ITEMS - 1)).getAttribute('aria-rowindex'), String(ITEMS + 1));
  assert.equal(await row(name(0)).count(), 0, 'rows scrolled far away are not rendered');
  // The table's height stands for every row: the last row ends where the table does.
  const gap = await page.evaluate(() => {
    const body = document.querySelector('table.inventory tbody');
    return body.getBoundingClientRect().bottom - body.querySelector('tr[aria-rowindex]:last-of-type').getBoundingClientRect().bottom;
  });
  assert.ok(Math.abs(gap) < 2, `last row ends ${gap}px before the table`);
});

test('+1 on a row far down, found by scrolling or by search, updates only that row', async () => {
  await openInventory();
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight * 0.7));
  await row(name(211)).waitFor();
  const target = name(211); // 10 at Shelf A
  await page.getByRole('button', { name: `Add 1 ${target}` }).click();
  await row(target).getByRole('cell', { name: '11', exact: true }).waitFor();
  await changesSaved(page);

  await openInventory('?q=Part+250');
  assert.deepEqual(await renderedRows(), [2]);
  await page.getByRole('button', { name: `Add 1 ${name(250)}` }).click();
  await row(name(250)).getByRole('cell', { name: '11', exact: true }).waitFor();
});

test('Tab moves through rows that were not rendered when the page opened', async () => {
  await openInventory();
  const first = await renderedRows();
  await row(name(0)).getByRole('link', { name: name(0) }).focus();
  // Per row: the name, the quantity, one or two locations, −1 and +1.
  for (let i = 0; i < 6 * first.length; i++) await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => Number(document.activeElement?.closest('tr')?.getAttribute('aria-rowindex')));
  assert.ok(focused > Math.max(...first), `focus reached row ${focused}, beyond the ${first.length} rendered at first`);
  const inView = await page.evaluate(() => {
    const r = document.activeElement.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= innerHeight;
  });
  assert.ok(inView, 'the focused control is scrolled into view');
  // Shift+Tab goes back up the same way.
  for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+Tab');
  const back = await page.evaluate(() => Number(document.activeElement?.closest('tr')?.getAttribute('aria-rowindex')));
  assert.ok(back <= focused && back > 1);
});

test('the past shows a window of rows too', async () => {
  // Stock is added to item k at at(ITEMS + k): by at(ITEMS + 5), items 0 to 5 have their first 10.
  await openInventory(`?at=${encodeURIComponent(at(ITEMS + 5))}`);
  await page.getByText('Viewing the past:').waitFor();
  await row(name(5)).getByRole('cell', { name: '10', exact: true }).waitFor();
  assert.equal(await row(name(6)).getByRole('cell').nth(1).textContent(), '0');
  assert.equal(await page.getByRole('table').getAttribute('aria-rowcount'), String(ITEMS + 1));
  assert.ok((await renderedRows()).length < ITEMS / 2);
  assert.equal(await page.getByRole('button', { name: /^Add 1 / }).count(), 0);
});

test('on a phone the rows are cards, windowed the same way', async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  try {
    await openInventory();
    // The first render holds the cards in view; the ones around them follow when the page is idle.
    await page.waitForFunction(() => document.querySelectorAll('table.inventory tbody tr[aria-rowindex]').length >= 3);
    const rows = await renderedRows();
    assert.ok(rows.length >= 3 && rows.length < ITEMS / 2, `rendered ${rows.length} cards`);
    const display = await page.evaluate(() => getComputedStyle(document.querySelector('table.inventory tbody tr[aria-rowindex]')).display);
    assert.equal(display, 'grid');
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await row(name(ITEMS - 1)).waitFor();
    // Cards must not spill sideways on a narrow screen.
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth));
  } finally {
    await page.setViewportSize({ width: 1280, height: 800 });
  }
});
