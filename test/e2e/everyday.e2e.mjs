// Everyday work at the shelf, on a phone (390 px) and a desktop (1280 px): an item created with its stock in one
// step and undone as one, the navigation, a toast that never covers the control in use, no page scrolling
// sideways at 320 px, and axe-core finding no violation on any page. One browser; one page per width.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { changesSaved, ROOT, useApp } from './harness.mjs';
import { importSeed } from '../projections/seedLog.mjs';

const WIDTHS = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 900 } };
const pages = {};
const app = useApp({
  setUp: async () => {
    for (const [name, viewport] of Object.entries(WIDTHS)) {
      const ctx = await app.browser.newContext({ viewport, locale: 'en-US', timezoneId: 'UTC', serviceWorkers: 'block' });
      pages[name] = await ctx.newPage();
      await importSeed(pages[name], app.url);
    }
  },
});

const AXE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
/** Every page of the app (the item page of the seed's flour). */
const ROUTES = ['/', '/item/flour', '/locations', '/locations/Pantry', '/shopping', '/item/flour?at=2026-11-01T00%3A00%3A00Z', '/history', '/analytics', '/compare?from=2026-11-01T00%3A00%3A00Z', '/data', '/storage', '/scan', '/scan?mode=count', '/labels', '/labels?locations=all', '/sync', '/?at=2026-11-01T00%3A00%3A00Z'];

/** The names of the inventory table's rows, in order. */
const names = (page) => page.locator('main table tbody tr[aria-rowindex] .item-link').allInnerTexts();

async function open(page, path, { inPlace = false } = {}) {
  // In place: through the app's router, as a link does (no reload: quicker, and an injected script stays).
  if (inPlace) await page.evaluate((to) => (history.pushState(null, '', to), dispatchEvent(new PopStateEvent('popstate'))), path);
  else await page.goto(app.url + path);
  await page.waitForFunction((to) => location.pathname + location.search === to && document.querySelector('main h1'), path);
  // Lazy parts (charts, filters) have arrived once nothing says it is loading.
  await page.waitForFunction(() => !document.querySelector('main [role="status"]')?.textContent?.startsWith('Loading'));
}

for (const [name, page] of Object.entries({ phone: () => pages.phone, desktop: () => pages.desktop })) {
  test(`${name}: a new item is created with its stock in one step, the next one right after, and one Undo takes back both`, async () => {
    const p = page();
    await open(p, '/');
    await p.getByRole('button', { name: 'New item' }).click();
    const dialog = p.getByRole('dialog', { name: 'New item' });
    await dialog.getByLabel('Name', { exact: true }).fill(`Rice ${name}`);
    await dialog.getByLabel('Unit (optional)').fill('pack');
    await dialog.getByLabel('Quantity (pack)').fill('5');
    await dialog.getByLabel('Location').fill('Pantry');
    await dialog.getByLabel('Unit cost').fill('2.49');
    await dialog.getByRole('button', { name: 'Create and add another' }).click();
    await dialog.getByRole('status').filter({ hasText: `Created “Rice ${name}”` }).waitFor();
    assert.equal(await dialog.getByLabel('Name', { exact: true }).inputValue(), '', 'the next item starts empty');
    assert.equal(await dialog.getByLabel('Location').inputValue(), 'Pantry', 'and keeps the location');
    assert.equal(await p.evaluate(() => document.activeElement?.getAttribute('name')), 'name', 'the name field has the focus');
    await dialog.getByLabel('Name', { exact: true }).fill(`Beans ${name}`);
    await dialog.getByLabel(/^Quantity/).fill('');
    await dialog.getByLabel('Location').fill('');
    await dialog.getByRole('button', { name: 'Create item' }).click();
    await dialog.waitFor({ state: 'detached' });
    await changesSaved(p);

    const rice = p.getByRole('row').filter({ has: p.getByRole('link', { name: `Rice ${name}`, exact: true }) });
    await rice.getByRole('link', { name: 'Pantry 5' }).waitFor();
    // The history of the new item: its creation and its stock, both recorded.
    await rice.getByRole('link', { name: `Rice ${name}`, exact: true }).click();
    await p.getByRole('heading', { level: 1, name: `Rice ${name}` }).waitFor();
    await p.getByText('+5 packs at Pantry').first().waitFor();
    await p.goBack();
    await rice.waitFor();

    // Undo the creation with its stock: both go, in one step (the first toast was replaced by the second's).
    await p.getByRole('button', { name: 'New item' }).click();
    await dialog.getByLabel('Name', { exact: true }).fill(`Salt ${name}`);
    await dialog.getByLabel(/^Quantity/).fill('2');
    await dialog.getByRole('button', { name: 'Create item' }).click();
    const toast = p.getByRole('status').filter({ hasText: `Created “Salt ${name}” with 2 (unassigned)` });
    await toast.getByRole('button', { name: /^Undo/ }).click();
    await p.getByRole('status').filter({ hasText: `Undone: Created “Salt ${name}”` }).waitFor();
    await p.getByRole('link', { name: `Salt ${name}`, exact: true }).waitFor({ state: 'detached' });
  });

  test(`${name}: every page is in the navigation; secondary actions are in a menu`, async () => {
    const p = page();
    await open(p, '/');
    const nav = p.getByRole('navigation', { name: 'Main' });
    for (const label of ['Inventory', 'Locations', 'Shopping', 'History']) await nav.getByRole('link', { name: label, exact: true }).waitFor();
    if (name === 'phone') {
      // One row of tabs at the bottom; the other pages under "More".
      const bar = await nav.locator('ul').first().boundingBox();
      assert.ok(bar.y + bar.height >= WIDTHS.phone.height - 1 && bar.height < 70, `bottom bar at ${JSON.stringify(bar)}`);
      await nav.getByRole('button', { name: 'More pages' }).click();
    }
    await nav.getByRole('link', { name: 'Compare', exact: true }).click();
    await p.getByRole('heading', { level: 1, name: /Compare/ }).waitFor();
    await open(p, '/');
    await p.getByRole('button', { name: 'More actions' }).click();
    await p.getByRole('button', { name: 'Time travel' }).click();
    await p.getByRole('slider', { name: 'Moment in history' }).waitFor();
    // The keyboard continues in the time-travel controls.
    await p.waitForFunction(() => document.activeElement?.id === 'timetravel-range');
    await p.getByRole('button', { name: 'Close time travel' }).click();
    await p.getByRole('slider', { name: 'Moment in history' }).waitFor({ state: 'detached' });
  });

  test(`${name}: search and filters live in the address; a location has its page and is renamed as one undoable change`, async () => {
    const p = page();
    await open(p, '/?q=BIN');
    assert.deepEqual(await names(p), ['Nails'], 'search finds an item by its location, ignoring case');
    assert.equal(await p.getByLabel('Search items').inputValue(), 'BIN');
    await open(p, '/?low=1');
    assert.deepEqual(await names(p), ['Sword'], 'below minimum');
    await open(p, '/');
    if (name === 'phone') await p.getByRole('button', { name: 'Filters' }).click();
    await p.getByRole('combobox', { name: 'Location' }).selectOption('Shelf');
    await p.waitForURL(/[?&]loc=Shelf/);
    assert.deepEqual(await names(p), ['Sword']);
    // Its value at the average unit cost, and the total of what is shown.
    await p.getByRole('checkbox', { name: 'Show value' }).check();
    await p.getByRole('status').filter({ hasText: 'Value of the 1 item shown: $200.00' }).waitFor();
    assert.equal((await p.locator('main tbody td.value').innerText()).replace(/^Value: /, '').trim(), '$200.00');

    await open(p, '/locations');
    await p.getByRole('link', { name: 'Bin', exact: true }).click();
    await p.getByRole('heading', { level: 1, name: 'Bin' }).waitFor();
    await p.getByRole('row', { name: /Nails 180/ }).waitFor();
    const newName = p.getByLabel('New name');
    await newName.fill('pantry');
    await p.getByRole('button', { name: 'Rename', exact: true }).click();
    await p.getByRole('alert').filter({ hasText: 'There is already a location named “Pantry”' }).waitFor();
    await newName.fill(`Drawer ${name}`);
    await p.getByRole('button', { name: 'Rename', exact: true }).click();
    await p.getByRole('heading', { level: 1, name: `Drawer ${name}` }).waitFor();
    await p.getByRole('row', { name: /Nails 180/ }).waitFor();
    await p.getByRole('status').filter({ hasText: `Renamed location “Bin” to “Drawer ${name}” (1 item moved)` }).getByRole('button', { name: /^Undo/ }).click();
    await p.getByText(`Nothing is stored at “Drawer ${name}”.`).waitFor();
    await open(p, '/locations');
    await p.getByRole('link', { name: 'Bin', exact: true }).waitFor();
  });

  test(`${name}: pages opened from the past show the past, read-only`, async () => {
    const p = page();
    await open(p, '/?at=2026-11-01T00%3A00%3A00Z');
    await p.getByRole('table').getByRole('link', { name: 'Flour', exact: true }).click();
    await p.getByRole('heading', { level: 1, name: 'Flour' }).waitFor();
    assert.match(p.url(), /\/item\/flour\?at=2026-11-01/);
    await p.getByText('Viewing the past:').waitFor();
    assert.equal((await p.locator('.total-number').innerText()).trim(), '42.5', 'the quantity then');
    assert.equal(await p.getByRole('button', { name: /^(Add stock|Undo)/ }).count(), 0, 'nothing can be changed');
    await p.getByRole('link', { name: 'Pantry', exact: true }).click();
    await p.getByRole('heading', { level: 1, name: 'Pantry' }).waitFor();
    assert.match(p.url(), /at=2026-11-01/);
    await p.getByRole('row', { name: /Flour 42\.5/ }).waitFor();
    assert.equal(await p.getByLabel('New name').count(), 0, 'no rename in the past');
    await p.getByRole('link', { name: 'Show now' }).click();
    await p.getByRole('row', { name: /Flour 32\.5/ }).waitFor();
  });

  test(`${name}: the shopping list says what to buy, ticks off a purchase as stock added, and shares and prints`, async () => {
    const p = page();
    await open(p, '/shopping');
    const sword = p.getByRole('listitem').filter({ has: p.getByRole('link', { name: 'Sword', exact: true }) });
    await sword.getByText('have 2, minimum 3').waitFor();
    if (name === 'desktop') {
      await p.context().grantPermissions(['clipboard-read', 'clipboard-write']);
      await p.getByRole('button', { name: 'Share list' }).click();
      await p.getByRole('status').filter({ hasText: 'The shopping list is copied' }).waitFor();
      assert.match(await p.evaluate(() => navigator.clipboard.readText()), /^Shopping list\n- Sword: 1$/m);
      await p.emulateMedia({ media: 'print' });
      assert.equal(await p.getByRole('button', { name: 'Print' }).isVisible(), false, 'buttons are not printed');
      await p.getByText('Sword').first().waitFor();
      await p.emulateMedia({ media: 'screen' });
    }
    await sword.getByLabel('Cost each').fill('90');
    await sword.getByRole('button', { name: 'Bought Sword: record the purchase' }).click();
    await p.getByText('Nothing to buy').waitFor();
    await p.getByRole('status').filter({ hasText: 'Added 1 × Sword at Shelf' }).getByRole('button', { name: /^Undo/ }).click();
    await sword.waitFor();
    await changesSaved(p);
  });

  test(`${name}: a toast never covers the control that has the focus or the pointer`, async () => {
    const p = page();
    await open(p, '/');
    // The last row's +1 just above the notices docked at the bottom (the backup reminder, here): where a toast
    // would be.
    const plus = p.getByRole('button', { name: /^Add 1 / }).last();
    await plus.scrollIntoViewIfNeeded();
    await p.evaluate(() => window.scrollBy(0, document.querySelector('main tbody tr:last-child').getBoundingClientRect().bottom - document.querySelector('.dock').getBoundingClientRect().top + 6));
    await plus.hover();
    await plus.click();
    const toast = p.locator('.toast');
    await toast.waitFor();
    const [t, b] = [await toast.boundingBox(), await plus.boundingBox()];
    const overlap = t.x < b.x + b.width && b.x < t.x + t.width && t.y < b.y + b.height && b.y < t.y + t.height;
    assert.ok(!overlap, `toast ${JSON.stringify(t)} covers the +1 ${JSON.stringify(b)}`);
    assert.equal(await p.locator('.toast').count(), 1, 'one toast at a time');
    await p.getByRole('button', { name: 'Dismiss notification' }).click();
    await changesSaved(p);
  });

  test(`${name}: axe-core finds no violation on any page`, async () => {
    const p = page();
    const found = [];
    // The check can fail: an image without a text alternative is found.
    await open(p, '/');
    await p.evaluate(AXE);
    const planted = await p.evaluate(async () => {
      const img = document.createElement('img');
      document.querySelector('main').append(img);
      const ids = (await globalThis.axe.run(document, { resultTypes: ['violations'] })).violations.map((v) => v.id);
      img.remove();
      return ids;
    });
    assert.ok(planted.includes('image-alt'), `axe did not see the planted violation: ${planted}`);
    for (const path of ROUTES) {
      await open(p, path, { inPlace: true });
      const violations = await p.evaluate(async () => (await globalThis.axe.run(document, { resultTypes: ['violations'] })).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`));
      found.push(...violations.map((v) => `${path} ${v}`));
    }
    assert.deepEqual(found, []);
  });
}

test('the keyboard: shortcuts for new item, search, undo and redo, listed under ?; the scrubber keeps the focus', async () => {
  const p = pages.desktop;
  await open(p, '/');
  await p.keyboard.press('?');
  const help = p.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await help.getByText('Undo your last change').waitFor();
  await p.keyboard.press('Escape');
  await help.waitFor({ state: 'detached' });

  await p.keyboard.press('/');
  await p.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Search items');
  await p.keyboard.type('n');
  assert.equal(await p.getByRole('dialog').count(), 0, 'typing in a field is not a shortcut');
  await p.getByLabel('Search items').fill('');
  await p.locator('main h1').click();
  await p.keyboard.press('n');
  await p.getByRole('dialog', { name: 'New item' }).waitFor();
  await p.keyboard.press('Escape');

  const nails = () => p.getByRole('row').filter({ has: p.getByRole('link', { name: 'Nails', exact: true }) }).getByRole('link', { name: /^\d+$/ }).innerText();
  await p.getByRole('button', { name: 'Add 1 Nails' }).click();
  await changesSaved(p);
  assert.equal(await nails(), '181');
  await p.locator('main h1').click();
  await p.keyboard.press('Control+z');
  await p.getByRole('status').filter({ hasText: 'Undone: Added 1 × Nails' }).waitFor();
  assert.equal(await nails(), '180');
  await p.keyboard.press('Control+Shift+z');
  await p.getByRole('status').filter({ hasText: 'Redone: Added 1 × Nails' }).waitFor();
  assert.equal(await nails(), '181');
  await p.keyboard.press('Control+z');
  await p.getByRole('status').filter({ hasText: 'Undone: Added 1 × Nails' }).waitFor();
  // The history says a redo is a redo, of what.
  await open(p, '/history', { inPlace: true });
  const rows = p.locator('.event-list > li');
  await rows.filter({ hasText: 'Redo of 1 change' }).getByText('Redid: Added 1 × Nails').first().waitFor();
  assert.equal(await rows.filter({ hasText: 'Undid 1 change' }).count(), 0, 'an undo is never worded as undoing "Undid 1 change"');
  await open(p, '/', { inPlace: true });

  // From the present, the first arrow key on the scrubber moves into the past and keeps the focus.
  await p.getByRole('button', { name: 'More actions' }).click();
  await p.getByRole('button', { name: 'Time travel' }).click();
  const slider = p.getByRole('slider', { name: 'Moment in history' });
  await p.waitForFunction(() => document.activeElement?.id === 'timetravel-range');
  await p.keyboard.press('ArrowLeft');
  await p.waitForURL(/[?&]at=/);
  assert.equal(await p.evaluate(() => document.activeElement?.id), 'timetravel-range');
  await p.keyboard.press('ArrowLeft');
  await slider.focus();
  await p.getByRole('button', { name: 'Back to now' }).click();
});

test('robots.txt is served as text, not as the app', async () => {
  const res = await pages.desktop.request.get(`${app.url}/robots.txt`);
  assert.match(res.headers()['content-type'], /^text\/plain/);
  assert.match(await res.text(), /^User-agent: \*/);
});

test('no page scrolls sideways at 320 px', async () => {
  const p = pages.phone;
  await p.setViewportSize({ width: 320, height: 640 });
  try {
    const wide = [];
    for (const path of ROUTES) {
      await open(p, path, { inPlace: true });
      const { scroll, client } = await p.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      if (scroll > client) wide.push(`${path}: ${scroll} > ${client}`);
    }
    assert.deepEqual(wide, []);
  } finally {
    await p.setViewportSize(WIDTHS.phone);
  }
});
