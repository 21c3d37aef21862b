// Item codes in the browser (spec 2.1 and 6): the item form's "Barcodes / codes" field, the codes on the item page,
// search by code, and a code already on another listed item refused with a message naming that item. One browser,
// one page, an empty log; then a merge that gives the code to a second item, kept and shown as a conflict.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { dataPageSteps } from './dataPage.mjs';
import { changesSaved, useApp } from './harness.mjs';

let page;
const app = useApp({
  setUp: async () => {
    const ctx = await app.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US', timezoneId: 'UTC', serviceWorkers: 'block' });
    page = await ctx.newPage();
    await page.goto(app.url);
    await page.getByRole('button', { name: 'Create your first item' }).waitFor();
  },
});

async function newItem(name, codes) {
  await page.getByRole('button', { name: /^(New item|Create your first item)$/ }).click();
  const dialog = page.getByRole('dialog', { name: 'New item' });
  await dialog.getByLabel('Name', { exact: true }).fill(name);
  await dialog.getByLabel(/codes/i).fill(codes);
  await dialog.getByRole('button', { name: 'Create item' }).click();
  return dialog;
}

test('codes typed one per line or with commas are saved, shown on the item page, and found by search', async () => {
  const dialog = await newItem('Pencil', ' 4006381333931 ,QR:pencil-hb\n4006381333931');
  await dialog.waitFor({ state: 'detached' });
  await changesSaved(page);
  await page.goto(`${app.url}/?q=${encodeURIComponent('63813')}`);
  await page.getByRole('link', { name: 'Pencil', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Pencil' }).waitFor();
  assert.deepEqual(await page.getByRole('list', { name: 'Codes' }).getByRole('listitem').allInnerTexts(), ['4006381333931', 'QR:pencil-hb']);
});

test('a code already on another listed item is refused, naming that item, under the field; nothing is created', async () => {
  await page.goto(app.url);
  const dialog = await newItem('Pen', 'x-1\n4006381333931');
  await dialog.getByRole('alert').filter({ hasText: 'Code 4006381333931 is already on “Pencil”.' }).waitFor();
  await dialog.getByText('Already on “Pencil”.', { exact: true }).waitFor();
  assert.equal(await dialog.getByLabel(/codes/i).getAttribute('aria-invalid'), 'true');
  // A control character is refused as the user types, on the field.
  await dialog.getByLabel(/codes/i).fill('A\tB');
  await dialog.getByText(/cannot contain control characters/).waitFor();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  assert.equal(await page.getByRole('link', { name: 'Pen', exact: true }).count(), 0);
});

test('a merge that gives the code to a second item is kept, and the inventory and the item page say which items share it', async () => {
  const pen = { specversion: '1.0', id: 'merge-pen-1', source: 'eventory:device:other', type: 'ItemCreated', time: '2026-01-01T00:00:00.000Z', dataversion: 2, data: { itemId: 'pen', name: 'Pen', codes: ['4006381333931'] } };
  const path = join(mkdtempSync(join(tmpdir(), 'eventory-codes-')), 'other-device.json');
  writeFileSync(path, `{"format":"eventory.event-log","formatVersion":1,"exportedAt":"2026-01-01T00:00:00.000Z","eventCount":1,"events":[\n${JSON.stringify(pen)}\n]}\n`);
  const outcome = await dataPageSteps(app).importFile(page, path);
  assert.equal(outcome.role, 'status', outcome.text);
  await page.goto(app.url);
  const note = page.getByRole('note').filter({ hasText: 'codes on more than one item' });
  await note.getByText(/Code 4006381333931 is on (Pencil and Pen|Pen and Pencil)\./).waitFor();
  await note.getByRole('link', { name: 'Pen', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Pen' }).waitFor();
  await page.getByText('Code 4006381333931 is also on “Pencil”', { exact: false }).waitFor();
});
