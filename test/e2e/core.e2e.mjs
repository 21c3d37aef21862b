// The core inventory workflow through the real UI, in Chromium against the production build: items, stock,
// refusals, undo, persistence, the item page and the history page. One behaviour per test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { changesSaved, launchPersistent, useApp } from './harness.mjs';

const app = useApp();

/** A fresh page with empty (in-memory) storage, at `path`, once the app is ready. */
async function freshPage(path = '/') {
  const context = await app.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(app.url + path);
  await page.locator('main h1').first().waitFor();
  return { page, context, errors };
}

const dialog = (page) => page.getByRole('dialog');

async function createItem(page, name) {
  await page.getByRole('button', { name: /^(New item|Create your first item)$/ }).first().click();
  await dialog(page).getByLabel('Name', { exact: true }).fill(name);
  await dialog(page).getByRole('button', { name: 'Create item' }).click();
  await dialog(page).waitFor({ state: 'detached' });
}

async function openItem(page, name) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Inventory' }).click();
  await page.getByRole('table').getByRole('link', { name, exact: true }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

async function stockForm(page, button, fields, submit = button) {
  await page.getByRole('button', { name: button, exact: true }).click();
  const d = dialog(page);
  for (const [label, value] of Object.entries(fields)) {
    const field = d.getByLabel(label, { exact: true });
    if ((await field.evaluate((el) => el.tagName)) === 'SELECT') await field.selectOption({ label: value });
    else await field.fill(value);
  }
  await d.getByRole('button', { name: submit, exact: true }).click();
}

/** The inventory table's quantity for `name`, found through the column headers (spec §6). */
async function quantityInTable(page, name) {
  await page.getByRole('table').waitFor();
  return page.evaluate((itemName) => {
    const table = document.querySelector('main table');
    const headers = [...table.tHead.rows[0].cells].map((c) => c.textContent.trim());
    const q = headers.indexOf('Quantity');
    const row = [...table.tBodies[0].rows].find((r) => r.cells[headers.indexOf('Name')].textContent.trim() === itemName);
    return row ? Number(row.cells[q].textContent.trim()) : undefined;
  }, name);
}

/** Waits until the row shows `expected`, and (unless `saved: false`) until no change shown is still being written. */
async function waitForQuantity(page, name, expected, { saved = true } = {}) {
  await page.waitForFunction(
    ([itemName, want]) => {
      const table = document.querySelector('main table');
      if (!table) return false;
      const headers = [...table.tHead.rows[0].cells].map((c) => c.textContent.trim());
      const row = [...table.tBodies[0].rows].find((r) => r.cells[headers.indexOf('Name')].textContent.trim() === itemName);
      return row && row.cells[headers.indexOf('Quantity')].textContent.trim() === String(want);
    },
    [name, expected],
    { timeout: 10_000 },
  );
  if (saved) await changesSaved(page);
}

async function goToInventory(page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Inventory' }).click();
  await page.getByRole('table').waitFor();
}

test('the empty inventory explains how to start', async () => {
  const { page, context } = await freshPage();
  try {
    await page.getByRole('heading', { name: 'Your inventory is empty' }).waitFor();
    await page.getByRole('button', { name: 'Create your first item' }).waitFor();
    assert.equal(await page.getByRole('link', { name: 'Import a log' }).getAttribute('href'), '/data');
  } finally {
    await context.close();
  }
});

test('created items, added and removed stock show in the table with "Name" and "Quantity" first', async () => {
  const { page, context, errors } = await freshPage();
  try {
    await createItem(page, 'Sword');
    await openItem(page, 'Sword');
    await stockForm(page, 'Add stock', { Quantity: '5', Location: 'Shelf A', 'Reason (optional)': 'purchase' });
    await dialog(page).waitFor({ state: 'detached' });
    await stockForm(page, 'Add stock', { Quantity: '2', Location: 'Van' });
    await dialog(page).waitFor({ state: 'detached' });
    await stockForm(page, 'Remove stock', { Quantity: '3', 'From location': 'Shelf A (5)' });
    await dialog(page).waitFor({ state: 'detached' });
    await goToInventory(page);
    const headers = await page.getByRole('columnheader').allTextContents();
    assert.deepEqual(headers.slice(0, 2), ['Name', 'Quantity']);
    assert.equal(await quantityInTable(page, 'Sword'), 4);
    const row = page.getByRole('row').filter({ has: page.getByRole('cell', { name: 'Sword', exact: true }) });
    assert.match(await row.getByRole('cell').nth(2).textContent(), /^Shelf A 2 · Van 2$/);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('quick +1 and −1 change the quantity, and −1 is disabled at zero', async () => {
  const { page, context } = await freshPage();
  try {
    await createItem(page, 'Rope');
    const minus = page.getByRole('button', { name: 'Remove 1 Rope' });
    assert.equal(await minus.isDisabled(), true);
    await page.getByRole('button', { name: 'Add 1 Rope' }).click();
    await waitForQuantity(page, 'Rope', 1);
    await page.getByRole('button', { name: 'Add 1 Rope' }).click();
    await waitForQuantity(page, 'Rope', 2);
    await minus.click();
    await waitForQuantity(page, 'Rope', 1);
  } finally {
    await context.close();
  }
});

/** In the page: a write transaction on the log's head, kept open until `window.__releaseHead()`; the app's next write queues behind it. */
function holdHead() {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('eventory');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      let released = false;
      window.__releaseHead = () => (released = true);
      const store = db.transaction('meta', 'readwrite').objectStore('meta');
      const spin = () => {
        if (released) return db.close();
        store.get('head').onsuccess = spin;
      };
      spin();
      resolve();
    };
  });
}

test('a +1 shows at once while its write waits; the table is busy and leaving asks first until it is saved', async () => {
  const { page, context } = await freshPage();
  try {
    await createItem(page, 'Rope');
    await page.evaluate(holdHead);
    await page.getByRole('button', { name: 'Add 1 Rope' }).click();
    await waitForQuantity(page, 'Rope', 1, { saved: false });
    assert.equal(await page.locator('main table').getAttribute('aria-busy'), 'true');

    const asked = new Promise((resolve) => {
      page.once('dialog', (d) => (resolve(d.type()), void d.dismiss()));
      setTimeout(() => resolve('no dialog'), 5_000);
    });
    await page.close({ runBeforeUnload: true });
    assert.equal(await asked, 'beforeunload');

    await page.evaluate(() => window.__releaseHead());
    await changesSaved(page);
    assert.equal(await page.locator('main table').getAttribute('aria-busy'), null);
    await page.reload();
    await waitForQuantity(page, 'Rope', 1);
  } finally {
    await context.close();
  }
});

test('the inventory survives a reload of a disk-backed profile, on the same URL', async () => {
  const { context, close } = await launchPersistent();
  try {
    const page = await context.newPage();
    await page.goto(app.url + '/');
    await page.locator('main h1').first().waitFor();
    await createItem(page, 'Lantern');
    await page.getByRole('button', { name: 'Add 1 Lantern' }).click();
    await waitForQuantity(page, 'Lantern', 1);
    await page.getByRole('button', { name: 'Add 1 Lantern' }).click();
    await waitForQuantity(page, 'Lantern', 2);
    await page.getByLabel('Search items').fill('lant');
    await page.reload();
    await waitForQuantity(page, 'Lantern', 2);
    assert.equal(await page.getByLabel('Search items').inputValue(), 'lant', 'the URL keeps the search');
  } finally {
    await close();
  }
});

test('Undo in the toast restores the quantity, and Redo applies the change again', async () => {
  const { page, context } = await freshPage();
  try {
    await createItem(page, 'Potion');
    await openItem(page, 'Potion');
    await stockForm(page, 'Add stock', { Quantity: '3', Location: 'Shelf A' });
    await dialog(page).waitFor({ state: 'detached' });
    await goToInventory(page);
    await waitForQuantity(page, 'Potion', 3);
    const toast = page.getByRole('status').filter({ hasText: 'Added 3 × Potion at Shelf A' });
    await toast.getByRole('button', { name: /^Undo/ }).click();
    await waitForQuantity(page, 'Potion', 0);
    await page.getByRole('status').filter({ hasText: 'Undone: Added 3 × Potion at Shelf A' }).getByRole('button', { name: /^Redo/ }).click();
    await waitForQuantity(page, 'Potion', 3);
  } finally {
    await context.close();
  }
});

test('removing more than there is shows the refusal and changes nothing', async () => {
  const { page, context } = await freshPage();
  try {
    await createItem(page, 'Arrow');
    await openItem(page, 'Arrow');
    await stockForm(page, 'Add stock', { Quantity: '2' });
    await dialog(page).waitFor({ state: 'detached' });
    await stockForm(page, 'Remove stock', { Quantity: '5' });
    const alert = dialog(page).getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.textContent(), /Cannot remove 5: only 2 of “Arrow”/);
    const quantity = dialog(page).getByLabel('Quantity', { exact: true });
    assert.equal(await quantity.getAttribute('aria-invalid'), 'true');
    await page.keyboard.press('Escape');
    await dialog(page).waitFor({ state: 'detached' });
    await goToInventory(page);
    assert.equal(await quantityInTable(page, 'Arrow'), 2);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'History' }).click();
    await page.getByRole('listitem').first().waitFor();
    assert.equal(await page.getByRole('listitem').filter({ hasText: 'Removed' }).count(), 0);
  } finally {
    await context.close();
  }
});

test('a form validates as the user types and Escape returns focus to the button that opened it', async () => {
  const { page, context } = await freshPage();
  try {
    const opener = page.getByRole('button', { name: 'Create your first item' });
    await opener.click();
    const name = dialog(page).getByLabel('Name', { exact: true });
    // The form's code loads on first use, so the dialog (and its focus) can come a moment after the click.
    await page
      .waitForFunction(() => document.activeElement?.getAttribute('name') === 'name', undefined, { timeout: 10_000 })
      .catch(async () => assert.fail(`focus starts in the first field, not in ${await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 80))}`));
    await name.fill('x');
    await name.fill('');
    assert.equal(await name.getAttribute('aria-invalid'), 'true');
    const describedBy = await name.getAttribute('aria-describedby');
    assert.equal(await page.locator(`#${describedBy.split(' ')[0]}`).textContent(), 'An item needs a name.');
    assert.equal(await dialog(page).getByRole('button', { name: 'Create item' }).isDisabled(), true);
    await page.keyboard.press('Escape');
    await dialog(page).waitFor({ state: 'detached' });
    await page.waitForFunction(() => document.activeElement?.textContent === 'Create your first item');
  } finally {
    await context.close();
  }
});

test('the item page lists the item’s history newest first, with what changed', async () => {
  const { page, context } = await freshPage();
  try {
    await createItem(page, 'Shield');
    await openItem(page, 'Shield');
    await stockForm(page, 'Add stock', { Quantity: '3', Location: 'Shelf A', 'Reason (optional)': 'purchase', 'Note (optional)': 'from the smith' });
    await dialog(page).waitFor({ state: 'detached' });
    await stockForm(page, 'Count', { Location: 'Shelf A', Counted: '2' }, 'Save count');
    await dialog(page).waitFor({ state: 'detached' });
    const rows = page.getByRole('region', { name: 'History' }).getByRole('listitem');
    await page.waitForFunction(() => document.querySelectorAll('.event-list li').length === 3);
    const texts = await rows.allTextContents();
    assert.match(texts[0], /Counted 2 at Shelf A \(expected 3, −1\)/);
    assert.match(texts[1], /\+3 at Shelf A \(purchase\) — from the smith/);
    assert.match(texts[2], /Created “Shield”/);
    assert.equal(await rows.first().locator('time').count(), 1);
    await rows.nth(1).getByRole('button', { name: /^Undo/ }).click();
    await rows.nth(1).getByText('undone').waitFor();
  } finally {
    await context.close();
  }
});

test('the history page lists every event newest first, filters by type in the URL, and links to items', async () => {
  const { page, context } = await freshPage();
  try {
    await createItem(page, 'Bow');
    await createItem(page, 'Quiver');
    await page.getByRole('button', { name: 'Add 1 Bow' }).click();
    await waitForQuantity(page, 'Bow', 1);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'History' }).click();
    await page.waitForFunction(() => document.querySelectorAll('.event-list li').length === 3);
    const texts = await page.getByRole('listitem').filter({ has: page.locator('time') }).allTextContents();
    assert.match(texts[0], /Added.*Bow.*\+1 unassigned/);
    assert.match(texts[1], /Created.*Quiver/);
    assert.match(texts[2], /Created.*Bow/);
    await page.getByRole('checkbox', { name: 'Created' }).check();
    await page.waitForFunction(() => document.querySelectorAll('.event-list li').length === 2);
    assert.match(page.url(), /\/history\?types=ItemCreated$/);
    await page.reload();
    await page.waitForFunction(() => document.querySelectorAll('.event-list li').length === 2);
    await page.getByRole('link', { name: 'Bow', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Bow' }).waitFor();
    assert.match(page.url(), /\/item\/[^/]+$/);
  } finally {
    await context.close();
  }
});

test('a change made in another tab appears without a reload', async () => {
  const { page, context } = await freshPage();
  try {
    await createItem(page, 'Torch');
    const other = await context.newPage();
    await other.goto(app.url + '/');
    await other.getByRole('button', { name: 'Add 1 Torch' }).click();
    await waitForQuantity(other, 'Torch', 1);
    await waitForQuantity(page, 'Torch', 1);
  } finally {
    await context.close();
  }
});

test('Enter in a form submits it', async () => {
  const { page, context } = await freshPage();
  try {
    await page.getByRole('button', { name: 'Create your first item' }).click();
    await dialog(page).getByLabel('Name', { exact: true }).fill('Helmet');
    await page.keyboard.press('Enter');
    await dialog(page).waitFor({ state: 'detached' });
    assert.equal(await quantityInTable(page, 'Helmet'), 0);
  } finally {
    await context.close();
  }
});

test('an edit records only the fields that changed, and an item page survives a reload', async () => {
  const { page, context } = await freshPage();
  try {
    await page.getByRole('button', { name: 'Create your first item' }).click();
    await dialog(page).getByLabel('Name', { exact: true }).fill('Sword');
    await dialog(page).getByLabel('Category (optional)').fill('Weapons');
    await dialog(page).getByRole('button', { name: 'Create item' }).click();
    await dialog(page).waitFor({ state: 'detached' });
    await openItem(page, 'Sword');
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    assert.equal(await dialog(page).getByLabel('Category (optional)').inputValue(), 'Weapons', 'the form is prefilled');
    await dialog(page).getByLabel('Name', { exact: true }).fill('Long sword');
    await dialog(page).getByRole('button', { name: 'Save changes' }).click();
    await dialog(page).waitFor({ state: 'detached' });
    await page.getByRole('heading', { level: 1, name: 'Long sword' }).waitFor();
    await page.reload();
    const newest = page.getByRole('region', { name: 'History' }).getByRole('listitem').first();
    await newest.waitFor();
    assert.match(await newest.textContent(), /Name: Sword → Long sword/);
    assert.doesNotMatch(await newest.textContent(), /Category/);
  } finally {
    await context.close();
  }
});

test('?at=<time> shows the inventory as it was then, read-only', async () => {
  const { page, context } = await freshPage();
  try {
    await createItem(page, 'Coin');
    await page.getByRole('button', { name: 'Add 1 Coin' }).click();
    await waitForQuantity(page, 'Coin', 1);
    await new Promise((r) => setTimeout(r, 50));
    const between = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 50));
    await page.getByRole('button', { name: 'Add 1 Coin' }).click();
    await waitForQuantity(page, 'Coin', 2);
    await page.goto(`${app.url}/?at=${between}`);
    await waitForQuantity(page, 'Coin', 1);
    await page.getByText(/Viewing the past/).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Add 1 Coin' }).count(), 0);
    await page.getByRole('button', { name: 'Back to now' }).click();
    await waitForQuantity(page, 'Coin', 2);
  } finally {
    await context.close();
  }
});

test('when the code that opens the inventory cannot be loaded, the page says so instead of loading forever', async () => {
  const context = await app.browser.newContext();
  try {
    // The store's chunk (src/store/open.ts) is requested after the shell is shown; here the network drops it.
    await context.route(/\/assets\/open-[\w-]+\.js$/, (route) => route.abort('internetdisconnected'));
    const page = await context.newPage();
    await page.goto(app.url + '/');
    await page.getByRole('heading', { name: 'Eventory cannot open your inventory' }).waitFor();
    assert.match(await page.getByRole('alert').textContent(), /could not load the code that opens your inventory\. Check the connection and reload the page/);
  } finally {
    await context.close();
  }
});
