// User-level figures for one log size: the production build (dist/) driven through its stable hooks (spec §6):
// the import file input and its role="status", the Export button, the inventory table, `/?at=`, the +1 buttons.
// Baselines run in the same page, on the app's origin, in their own databases.
import { stat } from 'node:fs/promises';
import { cdp, injectBaselines, instrument, longTasks, openProfile, storageEstimate, throttleCpu } from './browser.mjs';
import { timeSpan } from './fileInfo.mjs';
import { summarize } from './profile.mjs';
import { median, naiveSamples, progressGaps, quantile, seekTimes } from './stats.mjs';

const LONG = { timeout: 1_200_000 };
// The import's outcome in role="status" (src/io describeImport): "Imported 1,000 new events." or "No new events…".
const DONE = /Imported [\d,]+ new event|No new events/i;

/**
 * The import as its user sees it: the `change` event of the file input, and the first frame after the outcome
 * appeared in role="status" (shown, not only in the DOM).
 */
function fileChosenProbe() {
  document.addEventListener('change', (e) => e.target?.type === 'file' && (window.__fileChosenAt = performance.now()), true);
  const done = /Imported [\d,]+ new event|No new events/i;
  new MutationObserver((_, mo) => {
    if (![...document.querySelectorAll('[role=status]')].some((el) => done.test(el.textContent))) return;
    mo.disconnect();
    const inDom = performance.now();
    requestAnimationFrame(() => setTimeout(() => (window.__importShown = { inDom, shown: performance.now() }), 0));
  }).observe(document, { childList: true, subtree: true, characterData: true });
}

/** Navigation to the inventory table filled: the app's mark when it sets one, else the first table row seen. */
async function tableReady(page) {
  await page.waitForFunction(() => window.__tableReadyAt !== undefined || performance.getEntriesByName('eventory:table-ready').length, undefined, LONG);
  return page.evaluate(() => performance.getEntriesByName('eventory:table-ready')[0]?.startTime ?? window.__tableReadyAt);
}

/**
 * In the page: +1 on a row, timed until its quantity cell shows the new number (then a frame passes). The app
 * shows a command before its write commits and marks the table aria-busy until then; a command made meanwhile
 * waits for that write. `spaced`: each +1 waits until no write is pending (a command on its own, the budget);
 * otherwise one +1 per frame, whatever is pending (a burst, reported as context).
 */
function appendInPage([count, spaced]) {
  const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
  const idle = () =>
    new Promise((resolve) => {
      const busy = () => document.querySelector('main table[aria-busy="true"]');
      if (!busy()) return resolve();
      const mo = new MutationObserver(() => !busy() && (mo.disconnect(), resolve()));
      mo.observe(document.body, { subtree: true, attributes: true, attributeFilter: ['aria-busy'] });
    });
  const buttons = () => [...document.querySelectorAll('table tbody button')].filter((b) => /^Add 1 /.test(b.getAttribute('aria-label') ?? ''));
  const qtyOf = (label) => {
    const b = document.querySelector(`table tbody button[aria-label="${CSS.escape(label)}"]`);
    return b?.closest('tr')?.querySelectorAll('td')[1]?.textContent;
  };
  return (async () => {
    const labels = buttons().map((b) => b.getAttribute('aria-label'));
    if (!labels.length) throw new Error('No "Add 1" button in the inventory table');
    const out = [];
    for (let i = 0; i < count; i++) {
      const label = labels[(i * 7919) % labels.length];
      if (spaced) await idle();
      const before = qtyOf(label);
      const t0 = performance.now();
      document.querySelector(`table tbody button[aria-label="${CSS.escape(label)}"]`).click();
      await new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`quantity of "${label}" did not change`)), 30_000);
        const mo = new MutationObserver(() => {
          if (qtyOf(label) !== before) (mo.disconnect(), clearTimeout(timer), resolve());
        });
        mo.observe(document.body, { subtree: true, childList: true, characterData: true });
      });
      out.push(performance.now() - t0);
      await frame();
    }
    return out;
  })();
}

/** In the page: `/?at=` through the router (pushState + popstate), timed until the past table is shown. */
function seekInPage(times) {
  const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
  return (async () => {
    const out = [];
    for (const t of times) {
      const t0 = performance.now();
      history.pushState(null, '', `/?at=${encodeURIComponent(t)}`);
      dispatchEvent(new PopStateEvent('popstate'));
      await new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`seek to ${t} did not show a table`)), 120_000);
        // Shown: the banner names the moment and no longer says it is rebuilding, and the table has rows.
        const ok = () => {
          const banner = document.querySelector(`time[datetime="${t}"]`)?.parentElement;
          return banner && !/Rebuilding/i.test(banner.textContent) && document.querySelector('table tbody tr');
        };
        if (ok()) return (clearTimeout(timer), resolve());
        const mo = new MutationObserver(() => ok() && (mo.disconnect(), clearTimeout(timer), resolve()));
        mo.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
      });
      out.push(performance.now() - t0);
      await frame();
    }
    history.pushState(null, '', '/');
    dispatchEvent(new PopStateEvent('popstate'));
    return out;
  })();
}

export async function uiSuite(o) {
  const { url, size, file, log } = o;
  const profile = await openProfile();
  const out = { size, mode: 'ui', profiles: {} };
  try {
    // With o.throttle, every page of the run (baselines included) runs with its CPU slowed that much.
    const newPage = async () => {
      const p = await profile.context.newPage();
      await throttleCpu(p, o.throttle);
      await instrument(p);
      return p;
    };
    let page = await newPage();
    await page.addInitScript(fileChosenProbe);
    await page.goto(`${url}/data`);
    await page.waitForSelector('input[type=file]:not([disabled])', { timeout: 60_000 });
    let c = await cdp(page);

    log(`  import ${size.toLocaleString('en')} events (UI)`);
    await c.startProfile();
    const beforeChoosing = await page.evaluate(() => performance.now());
    await page.setInputFiles('input[type=file]', file.path);
    await page.waitForFunction(
      (re) => [...document.querySelectorAll('[role=status]')].some((el) => new RegExp(re).test(el.textContent)) || document.querySelector('[role=alert]'),
      DONE.source,
      LONG,
    );
    out.profiles.import = summarize(await c.stopProfile());
    const alert = await page.evaluate(() => document.querySelector('[role=alert]')?.textContent);
    if (alert) throw new Error(`UI import failed: ${alert}`);
    const { chosenAt, log: statusLog } = await page.evaluate(() => ({ chosenAt: window.__fileChosenAt, log: window.__statusLog }));
    const doneAt = statusLog.find(([t, s]) => t >= chosenAt && DONE.test(s))[0];
    const shown = await page.waitForFunction(() => window.__importShown).then((h) => h.jsonValue());
    const progressLog = statusLog.filter(([t, s]) => t >= chosenAt && t <= doneAt && s.includes('progress='));
    // ms: from just before the file is chosen (setInputFiles) to the frame that shows the outcome (issue 21).
    out.import = { ms: shown.shown - beforeChoosing, toDomMs: doneAt - chosenAt, choosingMs: chosenAt - beforeChoosing, longTask: await longTasks(page, chosenAt, doneAt), progress: progressGaps(progressLog.map((x) => x[0]), chosenAt, doneAt, progressLog.map((x) => x[1].slice(0, 80))) };

    log('  export (UI)');
    const exportButton = page.getByRole('button', { name: /Export event log/ }).or(page.getByRole('button', { name: /Export/ })).first();
    const t0 = await page.evaluate(() => performance.now());
    const started = Date.now();
    await c.startProfile();
    const [download] = await Promise.all([page.waitForEvent('download', LONG), exportButton.click()]);
    await download.path();
    const exportWall = Date.now() - started;
    out.profiles.export = summarize(await c.stopProfile());
    const t1 = await page.evaluate(() => performance.now());
    const expProgress = (await page.evaluate(() => window.__statusLog)).filter(([t, s]) => t >= t0 && t <= t1 && s.includes('progress='));
    out.export = { ms: exportWall, longTask: await longTasks(page, t0, t1), progress: progressGaps(expProgress.map((x) => x[0]), t0, t1, expProgress.map((x) => x[1].slice(0, 80))), filename: download.suggestedFilename(), bytes: (await stat(await download.path())).size };
    // Issue 21: what the log takes on disk, against the export file of the same events.
    out.storage = { exportBytes: out.export.bytes, afterImport: await storageEstimate(page) };

    await c.detach();
    log('  cold start (UI)');
    const colds = [];
    for (let i = 0; i < 3; i++) {
      await profile.restart();
      page = await newPage();
      if (i === 0) {
        c = await cdp(page);
        await c.startProfile();
      }
      await page.goto(`${url}/`);
      colds.push(await tableReady(page));
      if (i === 0) {
        out.profiles.coldStartNewBrowser = summarize(await c.stopProfile());
        out.heap = await c.heapAfterGc();
        await c.detach();
      }
    }
    out.storage.afterRestart = await storageEstimate(page);
    c = await cdp(page);
    const warm = [];
    for (let i = 0; i < 2; i++) {
      if (i === 1) await c.startProfile();
      await page.reload();
      warm.push(await tableReady(page));
      if (i === 1) out.profiles.coldStart = summarize(await c.stopProfile());
    }
    out.coldStart = { ms: median(colds), runs: colds, warmReloadMs: median(warm) };

    log(`  append x${o.appends} (UI)`);
    await c.startProfile();
    const appends = await page.evaluate(appendInPage, [o.appends, true]);
    out.profiles.append = summarize(await c.stopProfile());
    out.append = { p50: quantile(appends, 0.5), p95: quantile(appends, 0.95), max: Math.max(...appends) };
    const burst = await page.evaluate(appendInPage, [o.appends, false]);
    out.appendBurst = { p50: quantile(burst, 0.5), p95: quantile(burst, 0.95), max: Math.max(...burst) };

    log(`  seek x${o.seeks} (UI)`);
    const span = await timeSpan(file.path);
    await c.startProfile();
    const seeks = await page.evaluate(seekInPage, seekTimes(span.first, span.last, o.seeks));
    out.profiles.seek = summarize(await c.stopProfile());
    out.seek = { p50: quantile(seeks, 0.5), p95: quantile(seeks, 0.95), max: Math.max(...seeks) };

    log('  rebuild (UI: snapshots deleted, reload)');
    await page.evaluate(
      () =>
        new Promise((resolve, reject) => {
          const r = indexedDB.open('eventory');
          r.onerror = () => reject(r.error);
          r.onsuccess = () => {
            const tx = r.result.transaction('snapshots', 'readwrite');
            tx.objectStore('snapshots').clear();
            tx.oncomplete = () => (r.result.close(), resolve());
            tx.onerror = () => reject(tx.error);
          };
        }),
    );
    await c.startProfile();
    await page.reload();
    out.rebuild = { ms: await tableReady(page) };
    out.profiles.rebuild = summarize(await c.stopProfile());

    // Baselines last, so that their databases (same origin, same storage backend) cannot slow the app's start.
    log('  raw and naive baselines (UI page)');
    await injectBaselines(page);
    await page.setInputFiles('#bench-file', file.path);
    out.raw = await page.evaluate(() => globalThis.__baseline.raw('bench-raw'));
    if (o.naive) out.naive = await page.evaluate((n) => globalThis.__baseline.naive('bench-naive', n), naiveSamples(size));
    await page.evaluate(() => globalThis.__baseline.drop('bench-raw', 'bench-naive'));

    await c.detach();
  } finally {
    await profile.close();
  }
  return out;
}
