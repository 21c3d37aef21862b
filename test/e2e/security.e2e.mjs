// Security of the production build in real Chromium (issue 7): a strict Content-Security-Policy that the whole
// app lives with (not one violation while every page is used), no request to any host but the app's own, no
// inline script or eval even for code that gets into the page, and names holding HTML or script shown as text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { changesSaved, DIST, useApp } from './harness.mjs';
import { importSeed } from '../projections/seedLog.mjs';

/**
 * The policy vite.config.ts writes into index.html at build time (kept here as the contract it must meet).
 * 'wasm-unsafe-eval' lets the camera's barcode reader compile its WebAssembly; eval() stays blocked (below).
 */
const POLICY =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'";

const HOSTILE = ['<img src=x onerror="window.__pwned=1">', '<script>window.__pwned=1</script>'];
const HOSTILE_IMPORTED = ['"><svg onload=window.__pwned=1>', '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>'];

const app = useApp();

/**
 * A context whose every CSP violation, console error, page error and request to another origin is recorded.
 * Requests to other origins are also stopped, so that a failing test cannot leak anything.
 */
async function watchedContext(opts = {}) {
  const context = await app.browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true, locale: 'en-US', timezoneId: 'UTC', ...opts });
  const seen = { violations: [], consoleErrors: [], pageErrors: [], foreign: [], blockedByPolicy: [], requests: 0 };
  const own = new URL(app.url).origin;
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample, source: e.sourceFile, line: e.lineNumber });
    });
  });
  // Every request that reaches the network (pages and, in Chromium, the service worker) passes here.
  await context.route('**/*', (route) => {
    seen.requests++;
    const url = route.request().url();
    if (new URL(url).origin === own) return route.continue();
    seen.foreign.push(url);
    return route.abort('blockedbyclient');
  });
  // A request the policy refuses never reaches the network: Chromium reports it as failed with "csp".
  context.on('requestfailed', (req) => req.failure()?.errorText === 'csp' && seen.blockedByPolicy.push(req.url()));
  context.on('requestfinished', (req) => {
    const u = new URL(req.url());
    if (u.origin !== own && u.protocol !== 'data:' && u.protocol !== 'blob:') seen.foreign.push(req.url());
  });
  const page = await context.newPage();
  page.on('console', (m) => m.type() === 'error' && seen.consoleErrors.push(m.text()));
  page.on('pageerror', (e) => seen.pageErrors.push(e.message));
  /** Violations reported in the page so far (they live in the document: collect before navigating away). */
  const collect = async () => {
    const v = await page.evaluate(() => window.__cspViolations.splice(0)).catch(() => []);
    seen.violations.push(...v.map((x) => ({ ...x, page: page.url() })));
  };
  const go = async (path) => {
    await collect();
    await page.goto(app.url + path);
    await page.locator('main h1').first().waitFor();
  };
  return { context, page, seen, collect, go };
}

function assertClean(seen) {
  assert.deepEqual(seen.violations, [], 'Content-Security-Policy violations');
  assert.deepEqual(seen.consoleErrors, [], 'console errors');
  assert.deepEqual(seen.pageErrors, [], 'page errors');
  assert.deepEqual(seen.foreign, [], 'requests to another host');
}

const nav = (page, name) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();

test('the built index.html carries the policy, before any script or style', async () => {
  const html = await readFile(join(DIST, 'index.html'), 'utf8');
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
  assert.ok(meta, 'no CSP meta element in dist/index.html');
  assert.equal(meta[1].replace(/&#39;/g, "'"), POLICY);
  assert.ok(meta.index < html.search(/<script|<link rel="stylesheet"/), 'the policy must come before what it governs');
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, 'an inline script in index.html');
  assert.doesNotMatch(html, /\sstyle="/, 'a style attribute in index.html');
});

test('every page works under the policy: no violation, no console error, no request to another host', async () => {
  const { context, page, seen, collect, go } = await watchedContext();
  try {
    // Data page: import (a few weeks of history, so that charts draw).
    await importSeed(page, app.url);
    assert.equal(await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.content), POLICY);

    // Inventory: a new item through the form, quick buttons, the toast's Undo, search, CSV export.
    await go('/');
    await page.getByRole('button', { name: 'New item' }).click();
    await page.getByRole('dialog').getByLabel('Name', { exact: true }).fill('Compass');
    await page.getByRole('dialog').getByRole('button', { name: 'Create item' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Add 1 Compass' }).click();
    await page.getByRole('status').filter({ hasText: 'Compass' }).getByRole('button', { name: /^Undo/ }).first().click();
    await page.getByLabel('Search items').fill('fl');
    const csv = page.waitForEvent('download');
    await page.getByRole('button', { name: 'More actions' }).click();
    await page.getByRole('button', { name: /CSV/ }).first().click();
    await csv;

    // Item page with its chart and locations, opened from the table.
    await go('/');
    await page.getByRole('table').getByRole('link', { name: 'Flour', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Flour' }).waitFor();
    await page.getByRole('img', { name: /^Quantity from/ }).locator('canvas').waitFor();

    // History, with a filter.
    await nav(page, 'History');
    await page.locator('.event-list li').first().waitFor();
    await page.getByRole('checkbox', { name: 'Created' }).check();

    // Analytics with its charts (uPlot sets styles through the CSSOM: allowed).
    await nav(page, 'Analytics');
    await page.getByRole('region', { name: 'Activity per day' }).locator('canvas').waitFor();
    await page.getByRole('region', { name: 'Stock value over time' }).locator('canvas').waitFor();

    // Time travel and compare.
    await go(`/?at=${encodeURIComponent('2026-11-01T00:00:00Z')}`);
    await page.getByText('Viewing the past:').waitFor();
    await go(`/compare?from=${encodeURIComponent('2026-11-01T00:00:00Z')}&to=${encodeURIComponent('2026-11-15T00:00:00Z')}`);
    await page.getByRole('table', { name: /Quantity before and after/ }).waitFor();

    // Data page: export downloads a file.
    await go('/data');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: /Export/ }).first().click();
    await download;

    // Storage page (estimates, persistence, the service worker).
    await go('/storage');
    await page.getByRole('heading', { name: 'Storage & backup' }).waitFor();
    await page.getByTestId('offline-ready').getByText(/^Yes/).waitFor({ timeout: 20_000 });

    await collect();
    assert.ok(seen.requests > 10, `only ${seen.requests} requests were seen: is the watch working?`);
    assertClean(seen);
  } finally {
    await context.close();
  }
});

test('code that gets into the page cannot eval, run inline script, or load script or styles from elsewhere', async () => {
  const { context, page, seen, collect, go } = await watchedContext({ serviceWorkers: 'block' });
  try {
    // A script served by the app's own origin, as an injected <script src> or a compromised chunk would be:
    // allowed to run, but not to turn strings into code.
    await context.route(`${app.url}/__probe.js`, (route) =>
      route.fulfill({
        contentType: 'text/javascript',
        body: `
          const probe = (window.__probe = {});
          try { probe.eval = eval('1 + 1'); } catch (e) { probe.eval = e.name; }
          try { probe.fn = new Function('return 2')(); } catch (e) { probe.fn = e.name; }
          try { setTimeout('window.__probe.timer = "ran"', 0); probe.timerQueued = true; } catch (e) { probe.timerQueued = e.name; }
          probe.done = true;`,
      }),
    );
    await go('/');
    await page.evaluate(() => {
      const add = (el) => document.head.append(el);
      const probe = document.createElement('script');
      probe.src = '/__probe.js';
      add(probe);
      const inline = document.createElement('script');
      inline.textContent = 'window.__inline = "ran"';
      add(inline);
      const foreign = document.createElement('script');
      foreign.src = 'https://cdn.example.com/x.js';
      add(foreign);
      const sheet = document.createElement('link');
      sheet.rel = 'stylesheet';
      sheet.href = 'https://cdn.example.com/x.css';
      add(sheet);
      const style = document.createElement('style');
      style.textContent = 'body { background: red }';
      add(style);
      // A style attribute in markup is refused; the CSSOM (how Preact and uPlot style elements) is not.
      const attr = document.createElement('div');
      attr.setAttribute('style', 'color: rgb(255, 0, 0)');
      attr.id = 'styled-by-attribute';
      const cssom = document.createElement('div');
      cssom.style.color = 'rgb(0, 128, 0)';
      cssom.id = 'styled-by-cssom';
      document.body.append(attr, cssom);
    });
    await page.waitForFunction(() => window.__probe?.done === true);
    await page.waitForTimeout(200);
    const outcome = await page.evaluate(() => ({
      probe: window.__probe,
      inline: window.__inline,
      background: getComputedStyle(document.body).backgroundColor,
      attr: getComputedStyle(document.getElementById('styled-by-attribute')).color,
      cssom: getComputedStyle(document.getElementById('styled-by-cssom')).color,
    }));
    assert.deepEqual(outcome.probe, { eval: 'EvalError', fn: 'EvalError', timerQueued: true, done: true }, 'eval, new Function and string timers are blocked');
    assert.equal(outcome.inline, undefined, 'an inline script ran');
    assert.notEqual(outcome.background, 'rgb(255, 0, 0)', 'an inline <style> applied');
    assert.notEqual(outcome.attr, 'rgb(255, 0, 0)', 'a style attribute applied');
    assert.equal(outcome.cssom, 'rgb(0, 128, 0)', 'styles set through the CSSOM must keep working');

    await collect();
    const directives = new Set(seen.violations.map((v) => v.directive));
    for (const d of ['script-src', 'script-src-elem', 'style-src-elem', 'style-src-attr']) {
      assert.ok([...directives].some((x) => x === d || x.startsWith(d)), `no ${d} violation reported: ${JSON.stringify(seen.violations)}`);
    }
    assert.ok(seen.violations.some((v) => v.blocked === 'eval'), 'eval was not reported as blocked');
    assert.ok(seen.violations.some((v) => v.blocked.startsWith('https://cdn.example.com/')), 'the foreign script was not blocked by the policy');
    // The policy stopped the foreign loads before any request left the page.
    assert.deepEqual(seen.blockedByPolicy.sort(), ['https://cdn.example.com/x.css', 'https://cdn.example.com/x.js']);
    assert.deepEqual(seen.foreign, []);
  } finally {
    await context.close();
  }
});

/** A file from "another device" whose names, locations, reasons, notes and attributes hold HTML and script. */
function hostileFile() {
  const base = { specversion: '1.0', source: 'eventory:device:<b>evil</b>', dataversion: 1, datacontenttype: 'application/json' };
  const t = (m) => new Date(Date.UTC(2026, 10, 1, 9, m)).toISOString();
  const html = '<img src=x onerror="window.__pwned=1">';
  const events = HOSTILE_IMPORTED.flatMap((name, i) => [
    { ...base, id: `x-${i}-1`, type: 'ItemCreated', time: t(i * 10), data: { itemId: `evil-${i}`, name, category: html, notes: `<script>window.__pwned=1</script>`, unit: '<u>kg</u>', attributes: { '<i>k</i>': html } } },
    { ...base, id: `x-${i}-2`, type: 'StockAdded', time: t(i * 10 + 1), data: { itemId: `evil-${i}`, quantity: 5, location: html, reason: '<b>found</b>', note: html, unitCost: 2 } },
    { ...base, id: `x-${i}-3`, type: 'StockRemoved', time: t(i * 10 + 2), data: { itemId: `evil-${i}`, quantity: 2, location: html, reason: '<svg onload=alert(1)>' } },
    { ...base, id: `x-${i}-4`, type: 'StockMoved', time: t(i * 10 + 3), data: { itemId: `evil-${i}`, quantity: 1, from: html, to: '"><script>window.__pwned=1</script>' } },
  ]);
  const text = `{"format":"eventory.event-log","formatVersion":1,"eventCount":${events.length},"events":[\n${events.map((e) => JSON.stringify(e)).join(',\n')}\n]}\n`;
  return { name: 'hostile.json', mimeType: 'application/json', buffer: Buffer.from(text) };
}

test('names holding HTML or script, typed or imported, are shown as text on every page and never run', async () => {
  const { context, page, seen, collect, go } = await watchedContext({ serviceWorkers: 'block' });
  /** Nothing ran, nothing was parsed as markup, and every name reads as the literal text. */
  const check = async (where, names) => {
    await collect();
    const dom = await page.evaluate(() => ({
      pwned: window.__pwned,
      injected:
        document.querySelectorAll('img[src="x"], main svg, iframe, body script:not([src])').length +
        [...document.querySelectorAll('body *')].filter((el) => [...el.attributes].some((a) => /^on/i.test(a.name) || a.name === 'srcdoc')).length,
      text: document.body.innerText,
    }));
    assert.equal(dom.pwned, undefined, `${where}: script ran`);
    assert.equal(dom.injected, 0, `${where}: markup from a name was parsed`);
    for (const n of names) assert.ok(dom.text.includes(n), `${where}: "${n}" is not shown as text`);
  };
  try {
    // Typed through the form; the quick +1 shows the name in a toast.
    await go('/');
    for (const name of HOSTILE) {
      await page.getByRole('button', { name: /^(New item|Create your first item)$/ }).first().click();
      await page.getByRole('dialog').getByLabel('Name', { exact: true }).fill(name);
      await page.getByRole('dialog').getByRole('button', { name: 'Create item' }).click();
      await page.getByRole('dialog').waitFor({ state: 'detached' });
      await page.getByRole('button', { name: `Add 1 ${name}` }).click();
      await page.getByRole('status').filter({ hasText: name }).first().waitFor();
      await check(`toast for ${name}`, [name]);
    }
    await page.getByRole('button', { name: `Remove 1 ${HOSTILE[0]}` }).click();
    await changesSaved(page);

    // Imported from a file.
    await go('/data');
    await page.getByLabel('Choose a file to import (.json)').setInputFiles(hostileFile());
    await page.getByRole('status').filter({ hasText: 'Imported 8 new events.' }).waitFor();

    const all = [...HOSTILE, ...HOSTILE_IMPORTED];
    await go('/');
    await page.getByRole('table').waitFor();
    await check('inventory', all);
    assert.deepEqual(
      await page.evaluate((names) => names.map((n) => [...document.querySelectorAll('main table a')].some((a) => a.textContent === n)), all),
      all.map(() => true),
      'each name is the exact text of its link',
    );

    for (const name of all) {
      await go('/');
      await page.getByRole('table').getByRole('link', { name, exact: true }).click();
      await page.getByRole('heading', { level: 1, name }).waitFor();
      await page.locator('.event-list li').first().waitFor();
      await check(`item page of ${name}`, [name]);
    }
    await page.getByText('<script>window.__pwned=1</script>').first().waitFor();

    await go('/history');
    await page.locator('.event-list li').first().waitFor();
    await check('history', all);

    await go('/analytics');
    await page.getByRole('region', { name: 'Most collected' }).getByRole('row').nth(1).waitFor();
    await check('analytics', HOSTILE_IMPORTED);

    await go(`/compare?from=${encodeURIComponent('2026-01-01T00:00:00Z')}&to=${encodeURIComponent(new Date().toISOString())}`);
    await page.getByRole('table', { name: /Quantity before and after/ }).waitFor();
    await check('compare', all);

    assertClean(seen);
  } finally {
    await context.close();
  }
});
