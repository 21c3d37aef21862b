// Sync through the user's own CouchDB, in real Chromium: two browser profiles (contexts) meet through a
// CouchDB-compatible server (pouchdb-server in memory, started here) that the preview server proxies on the
// app's own origin, as the README's reverse proxy does. Also: every failure a user can meet says so and loses nothing.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { startCouch } from '../support/couchServer.mjs';
import { dataPageSteps } from './dataPage.mjs';
import { changesSaved, freePort, launchBrowser, startPreview } from './harness.mjs';

const ADMIN = { name: 'anna', password: 'correct horse' };
const app = { server: undefined, get url() { return app.server.url; } };
const { createItem, tableShown } = dataPageSteps(app);
let couch, browser, a, b;

before(async () => {
  couch = await startCouch({ admin: ADMIN });
  app.server = await startPreview({ proxy: { '/couchdb': { target: couch.url, rewrite: (p) => p.replace(/^\/couchdb/, '') || '/' } } });
  browser = await launchBrowser();
  a = await browser.newContext();
  b = await browser.newContext();
});
after(async () => {
  await browser?.close();
  await app.server?.close();
  await couch?.stop();
});

const db = (name) => `${app.url}/couchdb/${name}`;

/** Direct to the server (not through the app): a database, and what it holds. */
async function couchRequest(path, init = {}) {
  const res = await fetch(`${couch.url}${path}`, { ...init, headers: { Authorization: couch.authHeader, 'Content-Type': 'application/json' } });
  return { status: res.status, body: await res.json() };
}

async function openSync(page) {
  await page.goto(`${app.url}/sync`);
  await page.getByRole('heading', { level: 1, name: 'Sync' }).waitFor();
}

/** Fills in the set-up form and submits it; the alert's text, or undefined once syncing started. */
async function setUp(page, url, password = ADMIN.password) {
  await openSync(page);
  await page.getByLabel('Server', { exact: false }).fill(url);
  await page.getByLabel('Username').fill(ADMIN.name);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: /Sync/ }).click();
  const outcome = page.locator('main [role="alert"], main [role="status"]:has-text("In sync")');
  await outcome.first().waitFor({ timeout: 20_000 });
  return (await outcome.first().getAttribute('role')) === 'alert' ? (await outcome.first().textContent()).trim() : undefined;
}

const goInventory = async (page) => {
  // A link in the app, not a reload: sync goes on, and works while offline.
  await page.locator('nav').getByRole('link', { name: 'Inventory', exact: true }).first().click();
  await page.locator('main table').waitFor();
};

/** Waits until the inventory table on `page` shows exactly `expected` (sync is live: no reload). */
async function shows(page, expected) {
  await page.waitForFunction(
    (want) => {
      const table = document.querySelector('main table');
      if (!table) return false;
      const headers = [...table.tHead.rows[0].cells].map((c) => c.textContent.trim());
      const [n, q] = [headers.indexOf('Name'), headers.indexOf('Quantity')];
      const rows = Object.fromEntries([...table.tBodies[0].rows].map((r) => [r.cells[n].textContent.trim(), Number(r.cells[q].textContent.trim())]));
      return JSON.stringify(rows, Object.keys(rows).sort()) === JSON.stringify(want, Object.keys(want).sort());
    },
    expected,
    { timeout: 30_000 },
  );
}

async function exportedEvents(page) {
  await page.goto(`${app.url}/data`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /^Export/ }).click()]);
  const doc = JSON.parse(await readFile(await download.path(), 'utf8'));
  return doc.events;
}

describe('sync through CouchDB', { timeout: 90_000 }, () => {
  let pa, pb;

  it('refuses a wrong password, and keeps the form (nothing is set up)', async () => {
    pa = await a.newPage();
    const alert = await setUp(pa, db('shop'), 'wrong password');
    assert.match(alert, /refused the username or password/);
    await pa.reload();
    await pa.getByLabel('Server', { exact: false }).waitFor();
    assert.equal((await couchRequest('/shop')).status, 404, 'no database was created');
  });

  it('says when the server cannot be reached', async () => {
    const alert = await setUp(pa, `http://127.0.0.1:${await freePort()}/shop`);
    assert.match(alert, /Could not reach the server/);
  });

  it('refuses a database that holds another application’s data, writing nothing to it', async () => {
    await couchRequest('/invoices', { method: 'PUT' });
    await couchRequest('/invoices/inv-1', { method: 'PUT', body: JSON.stringify({ total: 12 }) });
    const alert = await setUp(pa, db('invoices'));
    assert.match(alert, /not an Eventory database/);
    assert.equal((await couchRequest('/invoices/_all_docs')).body.total_rows, 1);
  });

  it('syncs two devices: edits on each appear on the other', async () => {
    await createItem(pa, 'Sword');
    assert.equal(await setUp(pa, db('shop')), undefined);
    pb = await b.newPage();
    assert.equal(await setUp(pb, db('shop')), undefined);
    await goInventory(pb);
    await shows(pb, { Sword: 0 });
    await pb.getByRole('button', { name: 'Add 1 Sword' }).click();
    await changesSaved(pb);
    await goInventory(pa);
    await shows(pa, { Sword: 1 });
  });

  it('both go offline, edit, come back: the same inventory and the same exported log', async () => {
    await a.setOffline(true);
    await b.setOffline(true);
    await pa.getByRole('button', { name: 'Add 1 Sword' }).click();
    await changesSaved(pa);
    await pb.getByRole('button', { name: 'Add 1 Sword' }).click();
    await pb.getByRole('button', { name: 'Add 1 Sword' }).click();
    await changesSaved(pb);
    await shows(pa, { Sword: 2 });
    await a.setOffline(false);
    await b.setOffline(false);
    await shows(pa, { Sword: 4 });
    await shows(pb, { Sword: 4 });
    assert.deepEqual(await exportedEvents(pa), await exportedEvents(pb));
  });

  it('skips a batch with a bad event, naming it, and loses nothing', async () => {
    const line = JSON.stringify({ specversion: '1.0', id: 'bad-1', source: 'eventory:device:x', type: 'StockAdded', time: '2026-01-01T00:00:00.000Z', dataversion: 1, data: { itemId: 'x', quantity: -3 } });
    const id = `eventory-batch-${createHash('sha256').update(line).digest('hex')}`;
    await couchRequest(`/shop/${id}`, { method: 'PUT', body: JSON.stringify({ eventory: 'batch', version: 1, count: 1, lines: line }) });
    await openSync(pa);
    await pa.getByRole('button', { name: 'Sync now' }).click();
    const alert = pa.locator('main [role="alert"]').filter({ hasText: id });
    await alert.waitFor({ timeout: 20_000 });
    assert.match(await alert.textContent(), /skipped, and nothing of it was applied.*quantity/);
    await goInventory(pa);
    assert.deepEqual(await tableShown(pa), { Sword: 4 });
  });
});
