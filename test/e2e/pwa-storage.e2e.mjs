// Storage health and version safety: the Storage page's facts, the backup reminder, and an old tab that
// steps aside when a newer version of the app opens the database. The Storage page is read on a profile on disk,
// as a user's; the other tests need only storage of their own: a fresh context of the file's browser.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchPersistent, useApp } from './harness.mjs';
import { createItem, itemRow, openApp, waitForApp, waitForServiceWorker, newItemButton } from './pwa-helpers.mjs';

const app = useApp();

/** A fresh in-memory profile of the file's browser, closed by `close()`. */
async function freshContext() {
  const context = await app.browser.newContext();
  return { context, close: () => context.close() };
}

/** A valid event-log file (spec §1) creating `n` items. */
function logFile(n) {
  const events = Array.from({ length: n }, (_, i) => ({
    specversion: '1.0',
    id: `0193a7c2-5d0e-7c3a-9b1e-${String(i).padStart(12, '0')}`,
    source: 'eventory:device:e2e',
    type: 'ItemCreated',
    time: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(),
    dataversion: 1,
    datacontenttype: 'application/json',
    data: { itemId: `i-${i}`, name: `Imported ${i}` },
  }));
  const body = { format: 'eventory.event-log', formatVersion: 1, exportedAt: new Date().toISOString(), eventCount: n, events };
  return { name: 'log.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(body)) };
}

async function exportFromDataPage(page) {
  await page.goto(app.url + '/data');
  await waitForApp(page);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /export/i }).first().click();
  await download;
}

test('the Storage page shows the log size, storage use, persistence and the last export', async () => {
  const { context, close } = await launchPersistent();
  try {
    const page = await openApp(context, app.url);
    await waitForServiceWorker(page);
    await createItem(page, 'Tent');

    await page.goto(app.url + '/storage');
    await page.getByRole('heading', { name: 'Storage & backup' }).waitFor();
    await page.getByTestId('last-export').getByText('Never').waitFor();
    assert.equal(await page.getByTestId('event-count').textContent(), '1');
    await page.getByTestId('usage').getByText(/^[\d.]+ [KMGT]?B of [\d.]+ [KMGT]?B available to this site \((less than 1|\d+)%\)$/).waitFor();
    assert.match(await page.getByTestId('persisted').textContent(), /^(Granted|Not granted)$/);
    await page.getByTestId('offline-ready').getByText(/^Yes/).waitFor();

    await exportFromDataPage(page);
    await page.goto(app.url + '/storage');
    await page.getByTestId('last-export').getByText(/^just now \(.*\), 1 change$/).waitFor();
  } finally {
    await close();
  }
});

test('the backup reminder appears at 50 unexported changes and goes away after an export', async () => {
  const { context, close } = await freshContext();
  try {
    const page = await openApp(context, app.url + '/data');
    await page.locator('input[type="file"]').setInputFiles(logFile(50));
    await page.getByRole('status').filter({ hasText: /50/ }).first().waitFor({ timeout: 15_000 });

    const reminder = page.getByTestId('backup-reminder');
    await reminder.getByText('has 50 changes and has never been exported').waitFor();
    await exportFromDataPage(page);
    // Load the app where the export's date shows, then move within it: the reminder's data is loaded by then.
    await page.goto(app.url + '/storage');
    await page.getByTestId('last-export').getByText(/^just now/).waitFor();
    await page.getByRole('link', { name: 'Inventory', exact: true }).first().click();
    await itemRow(page, 'Imported 49').waitFor();
    assert.equal(await reminder.count(), 0);
  } finally {
    await close();
  }
});

describe('on a phone, the backup reminder is docked at the bottom', () => {
  let profile;
  let page;
  before(async () => {
    profile = await app.browser.newContext({ viewport: { width: 390, height: 700 }, isMobile: true, hasTouch: true });
    page = await openApp(profile, app.url + '/data');
    await page.locator('input[type="file"]').setInputFiles(logFile(50));
    await page.getByTestId('backup-reminder').waitFor();
  });
  after(() => profile?.close());

  test('it arrives without moving the page (no layout shift)', async () => {
    await page.addInitScript(() => {
      window.__shift = 0;
      new PerformanceObserver((l) => l.getEntries().forEach((e) => (window.__shift += e.value))).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(app.url + '/');
    await page.getByTestId('backup-reminder').waitFor();
    await itemRow(page, 'Imported 0').waitFor();
    assert.equal(await page.evaluate(() => window.__shift), 0);
  });

  test('the last row can still be scrolled clear of it', async () => {
    await page.goto(app.url + '/');
    const reminder = page.getByTestId('backup-reminder');
    await reminder.waitFor();
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const last = await page.locator('main tbody tr').last().boundingBox();
    const dock = await reminder.boundingBox();
    assert.ok(last.y + last.height <= dock.y, `the last row (bottom ${last.y + last.height}) is under the reminder (top ${dock.y})`);
  });
});

test('a tab outdated by a newer version of the database stops writing and asks to be reloaded', async () => {
  const { context, close } = await freshContext();
  try {
    const old = await openApp(context, app.url);
    await createItem(old, 'Before the upgrade');

    // Another tab runs a newer release whose schema version is higher: it upgrades the database.
    await upgradeDatabaseFrom(await context.newPage());

    await old.getByText('Reload this tab to keep working').first().waitFor({ timeout: 10_000 });
    // The old tab closed its connection so the upgrade could go ahead, and offers no way to write.
    assert.equal(await newItemButton(old).count(), 0);
    await old.getByRole('button', { name: /^Reload/ }).first().waitFor();
  } finally {
    await close();
  }
});

/** Opens the database the way a newer release would: same stores, a higher schema version. */
async function upgradeDatabaseFrom(page) {
  await page.goto(app.url + '/favicon.svg');
  await page.evaluate(async () => {
    const current = (await indexedDB.databases()).find((d) => d.name === 'eventory')?.version ?? 0;
    await new Promise((resolve, reject) => {
      const req = indexedDB.open('eventory', current + 10);
      req.onsuccess = () => {
        req.result.close();
        resolve(undefined);
      };
      req.onerror = () => reject(req.error);
    });
  });
}

test(
  'an older version refuses to open a database a newer version has upgraded',
  async () => {
    const { context, close } = await freshContext();
    try {
      const page = await openApp(context, app.url);
      await createItem(page, 'Made by the old version');
      await upgradeDatabaseFrom(await context.newPage());
      await page.reload();
      await page.getByText('older version of Eventory').first().waitFor({ timeout: 10_000 });
      assert.equal(await newItemButton(page).count(), 0);
    } finally {
      await close();
    }
  },
);
