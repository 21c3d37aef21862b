// Printable QR labels (/labels): each code, cut out of a screenshot, decodes with ZXing (zxing-wasm's reader, the
// engine of the app's barcode-detector polyfill, given its .wasm from node_modules) to the item's or location's
// address, and that address opens its page; the choice lives in the address; printing shows the sheets only, on
// pages of the sheet's size; axe finds nothing at phone and desktop widths. One browser, one page per width.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import { ROOT, useApp } from './harness.mjs';
import { importSeed } from '../projections/seedLog.mjs';

prepareZXingModule({ overrides: { wasmBinary: readFileSync(join(ROOT, 'node_modules/zxing-wasm/dist/reader/zxing_reader.wasm')).buffer } });

const pages = {};
const consoleErrors = [];
const app = useApp({
  setUp: async () => {
    for (const [name, viewport] of Object.entries({ phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 900 } })) {
      const ctx = await app.browser.newContext({ viewport, locale: 'en-GB', timezoneId: 'UTC', serviceWorkers: 'block' });
      // The app's Content-Security-Policy allows no inline style or script: the sheets' sizes must not trip it.
      await ctx.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.sample}`)));
      pages[name] = await ctx.newPage();
      pages[name].on('console', (m) => m.type() === 'error' && consoleErrors.push(`${name}: ${m.text()}`));
    }
    await importSeed(pages.desktop, app.url);
    await importSeed(pages.phone, app.url);
  },
});

async function open(page, path) {
  await page.goto(app.url + path);
  await page.getByRole('heading', { level: 1 }).waitFor();
}

/** What each label of the page shows and what its QR code decodes to, in print order. */
async function readLabels(page) {
  // Every code is drawn once the summary says how many labels there are.
  await page.getByRole('status').filter({ hasText: /^\d+ labels? on \d+/ }).waitFor();
  const out = [];
  for (const label of await page.locator('.label:not(.label-blank)').all()) {
    const png = await label.locator('svg').screenshot();
    const [found, ...more] = await readBarcodes(new Uint8Array(png), { formats: ['QRCode'], tryHarder: true });
    assert.equal(more.length, 0, 'one code per label');
    out.push({ title: await label.locator('.label-title').innerText(), text: found?.isValid ? found.text : `(unreadable: ${found?.error ?? 'no code found'})` });
  }
  return out;
}

test('item labels decode to the items’ addresses, with their names next to them', async () => {
  const p = pages.desktop;
  await open(p, '/labels?item=flour&item=rope&item=sword');
  assert.deepEqual(await readLabels(p), [
    { title: 'Flour', text: `${app.url}/item/flour` },
    { title: 'Cord', text: `${app.url}/item/rope` },
    { title: 'Sword', text: `${app.url}/item/sword` },
  ]);
  await p.getByRole('group', { name: 'Sheet 1 of 1' }).getByText('Pantry').waitFor();
});

test('a location label decodes to the location’s page, and that address opens it', async () => {
  const p = pages.desktop;
  await open(p, '/locations');
  await p.getByRole('link', { name: 'Print location labels' }).click();
  await p.waitForURL(`${app.url}/labels?locations=all`);
  const labels = await readLabels(p);
  assert.deepEqual(labels.map((l) => l.title), ['Bin', 'Pantry', 'Shelf']);
  const pantry = labels.find((l) => l.title === 'Pantry');
  assert.equal(pantry.text, `${app.url}/locations/Pantry`);
  await p.goto(pantry.text);
  await p.getByRole('heading', { level: 1, name: 'Pantry' }).waitFor();
  await p.getByRole('cell', { name: 'Flour' }).waitFor();
});

test('the choice is kept in the address: the item page’s label, then a tick list, a sheet and a skip survive a reload', async () => {
  const p = pages.desktop;
  await open(p, '/item/flour');
  await p.getByRole('link', { name: 'Print label' }).click();
  await p.waitForURL(/\/labels\?item=flour$/);
  await p.getByRole('checkbox', { name: /^Nails/ }).check();
  await p.getByLabel('Label sheet').selectOption('letter-2x5');
  await p.getByLabel('Labels already used on the first sheet').fill('3');
  await p.waitForURL(/\/labels\?item=flour&item=nails&sheet=letter-2x5&skip=3$/);
  await p.reload();
  await p.getByRole('heading', { level: 1, name: 'Labels' }).waitFor();
  assert.equal(await p.getByLabel('Label sheet').inputValue(), 'letter-2x5');
  assert.equal(await p.locator('.label-blank').count(), 3 + 5, 'three used labels first, the rest of the 10 blank');
  assert.deepEqual((await readLabels(p)).map((l) => l.title), ['Flour', 'Nails']);
  assert.match(await p.getByRole('status').innerText(), /^2 labels on 1 sheet\./);
});

test('the inventory’s search prints what it lists', async () => {
  const p = pages.desktop;
  await open(p, '/?q=o&sort=name&dir=desc');
  await p.getByRole('button', { name: 'More actions' }).click();
  await p.getByRole('link', { name: 'Print labels for these items' }).click();
  await p.waitForURL(/\/labels\?q=o&sort=name&dir=desc$/);
  assert.deepEqual((await readLabels(p)).map((l) => l.title), ['Sword', 'Flour', 'Cord']);
});

test('printing shows only the sheets, each on a page of its own size (at full size on a phone, where the preview is zoomed out)', async () => {
  const p = pages.phone;
  await open(p, '/labels?item=flour&item=nails&item=sword&sheet=roll-62x29');
  await p.emulateMedia({ media: 'print' });
  try {
    assert.equal(await p.locator('.app-header').isVisible(), false, 'no app chrome');
    assert.equal(await p.getByRole('heading', { name: 'Labels' }).isVisible(), false);
    assert.equal(await p.getByLabel('Label sheet').isVisible(), false);
    await p.locator('.label svg').nth(2).waitFor();
    const box = await p.locator('.label-sheet').first().boundingBox();
    assert.ok(Math.abs(box.width - (62 * 96) / 25.4) < 1 && Math.abs(box.height - (29 * 96) / 25.4) < 1, `a 62 × 29 mm sheet, got ${box.width} × ${box.height} px`);
  } finally {
    await p.emulateMedia({ media: null });
  }
  // The PDF the print dialog would make: one 62 × 29 mm page per label (175.7 × 82.2 pt).
  const pdf = (await p.pdf({ preferCSSPageSize: true })).toString('latin1');
  const boxes = [...pdf.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Math.round(+m[1]), Math.round(+m[2])]);
  assert.deepEqual(boxes, [[176, 82], [176, 82], [176, 82]]);
});

for (const name of ['phone', 'desktop']) {
  test(`${name}: axe finds no violation on /labels`, async () => {
    const p = pages[name];
    await open(p, '/labels?q=a');
    await p.locator('.label svg').first().waitFor();
    await p.evaluate(readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8'));
    const violations = await p.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`));
    assert.deepEqual(violations, []);
    const overflow = await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(overflow, 0, 'the page does not scroll sideways');
  });
}

test('no page of this file logged an error or broke the Content-Security-Policy', () => {
  assert.deepEqual(consoleErrors, []);
});
