// Scanning in Chromium against the production build: a USB/Bluetooth scanner (typing + Enter) opens an item or
// offers to create one; the fake camera, fed a video of an EAN-13 and a QR label drawn here, decodes both with
// the ZXing WebAssembly reader (headless Chromium on Linux has no native BarcodeDetector); a count by scanning
// records one StockCounted per item as one action and is undone as one; after one visit the camera scans offline.
// One browser with the fake camera, one context; the offline test launches its own, on a profile on disk.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { launchBrowser, launchPersistent, ROOT, useApp } from './harness.mjs';
import { openApp, waitForServiceWorker } from './pwa-helpers.mjs';
import { dataPageSteps } from './dataPage.mjs';
import { eanFrame, qrFrame, writeY4m } from './fakeCamera.mjs';

const EAN = '4006381333931';
let dir;
let video;
let context;
const CAMERA = () => ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video}`];
const app = useApp({
  browser: false,
  setUp: async (a) => {
    dir = await mkdtemp(join(tmpdir(), 'eventory-scan-e2e-'));
    video = join(dir, 'codes.y4m');
    // The EAN-13 is the lamp's code; the QR code is the app's own label of the rope: its URL in this app.
    await writeY4m(video, [eanFrame(EAN), qrFrame(`${a.url}/item/i-rope`)]);
    a.browser = await launchBrowser({ args: CAMERA() });
    context = await a.browser.newContext({ viewport: { width: 390, height: 844 } });
    await logOnce(context.newPage(), a);
  },
  tearDown: async (a) => {
    await a.browser?.close();
    a.browser = undefined;
    if (dir) await rm(dir, { recursive: true, force: true });
  },
});
const { importFile, tableShown } = dataPageSteps(app);

/** The quantities of the items this file's log starts with (a test may have created others). */
async function shelfStock() {
  await page.goto(`${app.url}/`);
  const { Lamp, Rope, Tent } = await tableShown(page);
  return { Lamp, Rope, Tent };
}

/** The events of the log, as the Export button writes them. */
async function exportedEvents() {
  await page.goto(`${app.url}/data`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Export/ }).first().click()]);
  const path = join(dir, 'export.json');
  await download.saveAs(path);
  return JSON.parse(await readFile(path, 'utf8')).events;
}

let page;
/** The log every test starts from: a lamp (code EAN) and a rope (code ROPE-1) on Shelf A, a tent there too. */
async function logOnce(pagePromise) {
  page = await pagePromise;
  page.on('pageerror', (e) => assert.fail(`page error: ${e.message}`));
  const base = { specversion: '1.0', source: 'eventory:device:other', datacontenttype: 'application/json' };
  const t = (i) => new Date(Date.parse('2026-11-01T10:00:00Z') + i * 1000).toISOString();
  const events = [
    { ...base, dataversion: 2, id: 'e1', type: 'ItemCreated', time: t(0), data: { itemId: 'i-lamp', name: 'Lamp', codes: [EAN] } },
    { ...base, dataversion: 2, id: 'e2', type: 'ItemCreated', time: t(1), data: { itemId: 'i-rope', name: 'Rope', codes: ['ROPE-1'] } },
    { ...base, dataversion: 1, id: 'e3', type: 'ItemCreated', time: t(2), data: { itemId: 'i-tent', name: 'Tent' } },
    { ...base, dataversion: 1, id: 'e4', type: 'StockAdded', time: t(3), data: { itemId: 'i-lamp', quantity: 2, location: 'Shelf A' } },
    { ...base, dataversion: 1, id: 'e5', type: 'StockAdded', time: t(4), data: { itemId: 'i-rope', quantity: 5, location: 'Shelf A' } },
    { ...base, dataversion: 1, id: 'e6', type: 'StockAdded', time: t(5), data: { itemId: 'i-tent', quantity: 1, location: 'Shelf A' } },
  ];
  const path = join(dir, 'start.json');
  await writeFile(path, `{"format":"eventory.event-log","formatVersion":1,"eventCount":${events.length},"events":[\n${events.map((e) => JSON.stringify(e)).join(',\n')}\n]}\n`);
  const outcome = await importFile(page, path);
  assert.equal(outcome.text, 'Imported 6 new events.');
}

async function openScan(path = '/scan') {
  await page.goto(app.url + path);
  await page.getByRole('heading', { level: 1, name: 'Scan' }).waitFor();
  return page.getByRole('textbox', { name: /Scan/ });
}

/** What a keyboard-wedge scanner does: types the code, then Enter. */
async function scan(field, code) {
  await field.pressSequentially(code, { delay: 5 });
  await field.press('Enter');
}

test('a scanner typing a known code and Enter opens its item; an unknown code offers to create it', async () => {
  // S, from anywhere, opens the Scan page with the focus in its field.
  await page.goto(`${app.url}/history`);
  await page.getByRole('heading', { level: 1, name: 'History' }).waitFor();
  await page.keyboard.press('s');
  const field = page.getByRole('textbox', { name: /Scan/ });
  await page.waitForFunction(() => document.activeElement?.id === 'scan-input');
  assert.match(page.url(), /\/scan$/);
  await scan(field, 'ROPE-1');
  await page.waitForURL(/\/item\/i-rope$/);
  await page.getByRole('heading', { level: 1, name: 'Rope' }).waitFor();

  const again = await openScan();
  await scan(again, 'NEW-42');
  const said = page.getByRole('status').filter({ hasText: 'No item has the code “NEW-42”.' });
  await said.waitFor();
  await said.getByRole('button', { name: 'Create item with this code' }).click();
  const dialog = page.getByRole('dialog');
  assert.equal(await dialog.getByLabel(/codes/i).inputValue(), 'NEW-42', 'the code is filled in');
  await dialog.getByLabel('Name', { exact: true }).fill('Torch');
  await dialog.getByRole('button', { name: 'Create item' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByRole('status').filter({ hasText: 'Created: Torch has the code “NEW-42”.' }).getByRole('link', { name: 'Torch' }).waitFor();
  await scan(again, 'NEW-42');
  await page.getByRole('heading', { level: 1, name: 'Torch' }).waitFor();
});

test('a code with control characters is refused with a message, and nothing opens', async () => {
  const field = await openScan();
  await field.fill('0104006381\u001d333931');
  await field.press('Enter');
  await page.getByRole('alert').filter({ hasText: 'control characters' }).waitFor();
  assert.match(page.url(), /\/scan$/);
});

test('the camera decodes an EAN-13 and the app’s own QR label (ZXing WebAssembly, served by the app)', async () => {
  // Keeps the streams the app opens, to see that leaving the page turns the camera off.
  await page.addInitScript(() => {
    const open = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
    globalThis.__streams = [];
    navigator.mediaDevices.getUserMedia = async (c) => {
      const s = await open(c);
      globalThis.__streams.push(s);
      return s;
    };
  });
  const wasm = [];
  page.on('request', (r) => r.url().endsWith('.wasm') && wasm.push(r.url()));
  await openScan('/scan?mode=count');
  await page.getByRole('button', { name: 'Camera' }).click();
  const list = page.getByRole('list', { name: 'Counted so far' });
  // Each code counts its item (the video loops: each comes into view again and again).
  await list.getByRole('link', { name: 'Lamp' }).waitFor({ timeout: 30_000 });
  await list.getByRole('link', { name: 'Rope' }).waitFor({ timeout: 30_000 });
  assert.ok(wasm.length === 1 && wasm[0].startsWith(app.url), `the reader came from the app itself: ${wasm}`);
  const worker = await (await fetch(`${app.url}/sw.js`)).text();
  assert.ok(worker.includes(new URL(wasm[0]).pathname.slice(1)), 'the service worker precaches the reader, for offline scanning');
  await page.getByRole('button', { name: 'Close camera' }).click();
  assert.equal(await page.locator('video').count(), 0);
  const live = () => page.evaluate(() => globalThis.__streams.flatMap((s) => s.getTracks()).filter((t) => t.readyState === 'live').length);
  assert.equal(await live(), 0, 'closing the camera stops its stream');
  await page.getByRole('button', { name: 'Camera' }).click();
  await page.locator('video').waitFor();
  await page.waitForFunction(() => globalThis.__streams.length === 2);
  assert.equal(await live(), 1);
  await page.getByRole('link', { name: 'Find' }).click();
  await page.waitForFunction(() => globalThis.__streams.every((s) => s.getTracks().every((t) => t.readyState === 'ended')));
  await openScan('/scan?mode=count');
  await page.getByRole('button', { name: 'Clear list' }).click();
  await page.getByRole('button', { name: 'Clear', exact: true }).click();
});

test('a denied camera says what to do, and nothing is counted', async () => {
  const denied = await context.newPage();
  try {
    await denied.addInitScript(() => {
      navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));
    });
    await denied.goto(`${app.url}/scan?mode=count`);
    await denied.getByRole('button', { name: 'Camera' }).click();
    await denied.getByRole('alert').filter({ hasText: 'Camera access was denied. Allow the camera for this site' }).waitFor();
    assert.equal(await denied.getByText('Nothing scanned yet').count(), 1);
  } finally {
    await denied.close();
  }
});

test('a count by scanning records one StockCounted per item (with expected) as one action, undone as one', async () => {
  const field = await openScan('/scan?mode=count');
  await page.getByLabel('Location counted').fill('Shelf A');
  await field.focus();
  for (const code of ['ROPE-1', 'ROPE-1', EAN, 'ROPE-1', 'ODD-7']) await scan(field, code);
  await page.getByRole('status').filter({ hasText: 'No item has the code “ODD-7” (scanned 1×)' }).waitFor();
  const list = page.getByRole('list', { name: 'Counted so far' });
  assert.equal(await list.getByRole('listitem').filter({ hasText: 'Unknown code ODD-7' }).count(), 1);
  // Fix a miscount: one rope too many, one lamp too few.
  await page.getByRole('button', { name: 'One less Rope' }).click();
  await page.getByRole('button', { name: 'One more Lamp' }).click();
  assert.deepEqual(await list.locator('output').allInnerTexts(), ['1', '2', '2'], 'unknown code, rope, lamp');

  // The list survives a reload (a phone may drop the tab mid-count).
  await page.reload();
  await list.waitFor();
  assert.deepEqual(await list.locator('output').allInnerTexts(), ['1', '2', '2']);
  assert.equal(await page.getByLabel('Location counted').inputValue(), 'Shelf A');

  await page.getByText('Not scanned yet, expected here: Tent (1).').waitFor();
  await page.getByLabel('Record these as 0 (none found here)').check();
  await page.getByRole('button', { name: 'Finish count' }).click();
  const done = page.getByRole('status').filter({ hasText: 'Counted 3 items at Shelf A' });
  await done.waitFor();
  assert.equal(await list.getByRole('listitem').count(), 1, 'only the unknown code stays on the list');

  assert.deepEqual(await shelfStock(), { Lamp: 2, Rope: 2, Tent: 0 });

  const counted = (await exportedEvents()).filter((e) => e.type === 'StockCounted');
  assert.deepEqual(
    counted.map((e) => e.data),
    [
      { itemId: 'i-rope', counted: 2, expected: 5, location: 'Shelf A' },
      { itemId: 'i-lamp', counted: 2, expected: 2, location: 'Shelf A' },
      { itemId: 'i-tent', counted: 0, expected: 1, location: 'Shelf A' },
    ],
  );
  assert.equal(new Set(counted.map((e) => e.correlationid)).size, 1, 'one action: one correlation id');
  assert.ok(counted[0].correlationid);

  // One undo takes the whole count back (from the history, by its correlation id).
  await page.goto(`${app.url}/history`);
  await page.getByRole('button', { name: 'Undo all 3 events of this action' }).first().click();
  await page.getByRole('status').filter({ hasText: /^Undone: .*and 2 other changes of the same action/ }).waitFor();
  assert.deepEqual(await shelfStock(), { Lamp: 2, Rope: 5, Tent: 1 });
});

test('the Scan page passes axe-core at 390 px, finding and counting', async () => {
  const axe = await readFile(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  const violations = async () => {
    await page.evaluate(axe);
    return page.evaluate(async () => (await globalThis.axe.run(document, { resultTypes: ['violations'] })).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`));
  };
  const find = await openScan();
  await scan(find, 'NOPE-1');
  await page.getByRole('button', { name: 'Create item with this code' }).waitFor();
  const found = await violations();
  const count = await openScan('/scan?mode=count');
  await page.getByLabel('Location counted').fill('Shelf A');
  for (const code of ['ROPE-1', 'NOPE-1']) await scan(count, code);
  await page.getByRole('list', { name: 'Counted so far' }).getByRole('listitem').nth(1).waitFor();
  found.push(...(await violations()));
  assert.deepEqual(found, []);
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), true, 'nothing scrolls sideways');
});

test('after one visit the camera scans offline: the reader and its WebAssembly come from the service worker', async () => {
  // A profile on disk, as for a user: the service worker precaches the app, the reader included.
  const { context: own, close } = await launchPersistent({ args: CAMERA(), viewport: { width: 390, height: 844 } });
  try {
    const first = await openApp(own, `${app.url}/`);
    await waitForServiceWorker(first);
    await own.setOffline(true);
    const offline = await openApp(own, `${app.url}/scan?mode=count`);
    await offline.getByRole('button', { name: 'Camera' }).click();
    // This inventory is empty: the EAN-13 is listed as an unknown code, decoded all the same.
    await offline.getByRole('list', { name: 'Counted so far' }).getByText(`Unknown code ${EAN}`).waitFor({ timeout: 30_000 });
  } finally {
    await close();
  }
});
