// Time travel in real Chromium: a `?at=` link shows the past (and survives a reload), the scrubber moves
// through history by keyboard and by drag, "Back to now" returns, and two moments compare.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useApp } from './harness.mjs';
import { importSeed, quantityOf, seedFile } from '../projections/seedLog.mjs';

const app = useApp({
  setUp: async () => {
    const ctx = await app.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US', timezoneId: 'UTC', serviceWorkers: 'block' });
    page = await ctx.newPage();
    await importSeed(page, app.url);
  },
});
let page;

/** Flour on hand at `at` from the seed itself (adds minus removals), so the test does not trust the app's fold. */
function flourAt(at) {
  let q = 0;
  for (const e of JSON.parse(seedFile()).events) {
    if (e.data.itemId !== 'flour' || Date.parse(e.time) > Date.parse(at)) continue;
    if (e.type === 'StockAdded') q += e.data.quantity;
    if (e.type === 'StockRemoved') q -= e.data.quantity;
  }
  return String(Math.round(q * 1e9) / 1e9);
}

const atParam = () => new URL(page.url()).searchParams.get('at');

async function waitForAt(predicate, what) {
  for (let i = 0; i < 100; i++) {
    const at = atParam();
    if (predicate(at)) return at;
    await page.waitForTimeout(50);
  }
  throw new Error(`address never reached ${what}; it is ${page.url()}`);
}

test('an ?at= link shows the inventory as it was then, read-only, and a reload keeps it', async () => {
  const at = '2026-11-01T00:00:00Z';
  await page.goto(`${app.url}/?at=${encodeURIComponent(at)}`);
  await page.getByText('Viewing the past:').waitFor();
  assert.equal(await quantityOf(page, 'Flour'), '42.5');
  assert.equal(flourAt(at), '42.5');
  assert.equal(await quantityOf(page, 'Rope'), '10', 'the item still had its old name then');
  assert.equal(await page.getByRole('button', { name: 'New item' }).count(), 0, 'commands are disabled in the past');
  await page.reload();
  await page.getByText('Viewing the past:').waitFor();
  assert.equal(await quantityOf(page, 'Flour'), '42.5');
});

test('an ?at= that is not a time says so and shows the inventory now', async () => {
  await page.goto(`${app.url}/?at=last-tuesday`);
  await page.getByRole('alert').filter({ hasText: '“last-tuesday” is not a valid time' }).waitFor();
  assert.equal(await quantityOf(page, 'Flour'), '32.5');
});

test('the scrubber moves through history by keyboard, the address follows, and Back to now returns', async () => {
  await page.goto(`${app.url}/?at=${encodeURIComponent('2026-11-10T12:30:00Z')}`);
  const slider = page.getByRole('slider', { name: 'Moment in history' });
  await slider.focus();
  await page.keyboard.press('Home');
  const first = await waitForAt((a) => a === '2026-10-26T08:00:00.000Z', 'the first event');
  await page.getByRole('row').filter({ hasText: 'Flour' }).getByText(flourAt(first), { exact: true }).waitFor();
  assert.equal(await quantityOf(page, 'Flour'), '0');
  await page.keyboard.press('End');
  const last = await waitForAt((a) => a === '2026-11-20T17:00:00.000Z', 'the last event');
  await page.getByRole('row').filter({ hasText: 'Flour' }).getByText(flourAt(last), { exact: true }).waitFor();
  await page.keyboard.press('ArrowLeft');
  const stepped = await waitForAt((a) => a !== last, 'a step back');
  assert.ok(Date.parse(stepped) < Date.parse(last));

  await page.getByRole('button', { name: 'Back to now' }).click();
  await page.getByRole('button', { name: 'New item' }).waitFor();
  assert.equal(atParam(), null);
  assert.equal(await page.getByText('Viewing the past:').count(), 0);
  assert.equal(await quantityOf(page, 'Flour'), '32.5');
});

test('dragging the scrubber shows the past while dragging and settles the address on release', async () => {
  await page.goto(`${app.url}/`);
  await page.getByRole('button', { name: 'More actions' }).click();
  await page.getByRole('button', { name: 'Time travel' }).click();
  const slider = page.getByRole('slider', { name: 'Moment in history' });
  const box = await slider.boundingBox();
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width - 4, y);
  await page.mouse.down();
  for (let i = 1; i <= 20; i++) await page.mouse.move(box.x + box.width - 4 - (i * box.width * 0.6) / 20, y);
  // Still dragging: the banner already shows the past, before the address changes.
  await page.getByText('Viewing the past:').waitFor();
  await page.mouse.up();
  const at = await waitForAt((a) => a !== null, 'a moment after the drag');
  assert.ok(Date.parse(at) > Date.parse('2026-10-26T08:00:00Z') && Date.parse(at) < Date.parse('2026-11-20T17:00:00Z'), at);
  await page.getByRole('row').filter({ hasText: 'Flour' }).getByText(flourAt(at), { exact: true }).waitFor();
});

test('comparing two moments lists renames and each quantity change with the events in between', async () => {
  await page.goto(`${app.url}/compare?from=${encodeURIComponent('2026-11-01T00:00:00Z')}&to=${encodeURIComponent('2026-11-15T00:00:00Z')}`);
  const table = page.getByRole('table', { name: 'Quantity before and after, per item and location' });
  await table.waitFor();
  const cells = async (name, location) =>
    (await table.getByRole('row').filter({ hasText: name }).filter({ hasText: location }).getByRole('cell').allInnerTexts()).map((t) => t.trim());
  assert.deepEqual(await cells('Flour', 'Pantry'), ['Flour', 'Pantry', '42.5', '41.5', '−1']);
  assert.deepEqual(await cells('Nails', 'Bin'), ['Nails', 'Bin', '200', '180', '−20']);
  assert.deepEqual((await cells('Sword', 'Van')).slice(1), ['Van', '0', '1', '+1']);
  await page.getByRole('heading', { name: 'Renamed' }).waitFor();
  await page.getByText('(was “Rope”)').waitFor();
  await page.getByText('Name: Rope → Cord').waitFor();
  await page.getByText('Counted 180 at Bin (expected 200, −20)').waitFor();
  assert.equal(await page.getByText('Name: Rope → Cord').count(), 1);
});

test('from the past, "Compare with now" compares that moment with now, and the form picks other moments', async () => {
  await page.goto(`${app.url}/?at=${encodeURIComponent('2026-11-01T00:00:00Z')}`);
  await page.getByRole('link', { name: 'Compare with now' }).click();
  const table = page.getByRole('table', { name: 'Quantity before and after, per item and location' });
  await table.waitFor();
  const flour = async () => (await table.getByRole('row').filter({ hasText: 'Flour' }).getByRole('cell').allInnerTexts()).map((t) => t.trim());
  assert.deepEqual(await flour(), ['Flour', 'Pantry', '42.5', '32.5', '−10']);

  await page.getByLabel('From', { exact: true }).fill('2026-11-12T00:00:00');
  await page.getByRole('textbox', { name: /^To/ }).fill('2026-11-13T00:00:00');
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await page.waitForURL(/to=2026-11-13/);
  await table.getByRole('row').filter({ hasText: 'Flour' }).getByText('+18.5').waitFor();
  assert.deepEqual(await flour(), ['Flour', 'Pantry', flourAt('2026-11-12T00:00:00Z'), flourAt('2026-11-13T00:00:00Z'), '+18.5']);
});
