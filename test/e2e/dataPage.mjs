// Steps on the /data page and the inventory page, shared by the import/export and group-undo e2e tests.
// They drive the app through its visible UI only.

/**
 * The steps bound to one running app (`useApp()`'s result: its `url` is read when a step runs).
 * @param {{ readonly url: string }} app
 */
export function dataPageSteps(app) {
  async function openData(page) {
    await page.goto(`${app.url}/data`);
    await page.getByRole('heading', { level: 1, name: 'Import and export' }).waitFor();
    // The input is enabled once the log is open.
    await page.locator('#import-file:not([disabled])').waitFor();
  }

  const importArea = (page) => page.locator('section[aria-labelledby="import-title"]');

  /** Imports a file through the file input (spec §6) and returns the outcome: the status or the alert text. */
  async function importFile(page, path) {
    await openData(page);
    await page.getByLabel('Choose a file to import (.json)').setInputFiles(path);
    const outcome = importArea(page).locator('[role="status"]:not(:empty), [role="alert"]');
    await outcome.first().waitFor({ timeout: 20_000 });
    const role = await outcome.first().getAttribute('role');
    return { role, text: (await outcome.first().textContent()).trim() };
  }

  /** Name → Quantity of every row of the inventory table (spec §6), found through its column headers after a fresh load. */
  async function inventoryTable(page) {
    await page.goto(app.url + '/');
    await page.locator('main h1').first().waitFor();
    return tableShown(page);
  }

  /** Name → Quantity of the inventory table on the page as it is now (no navigation). */
  async function tableShown(page) {
    await page.waitForFunction(() => document.querySelector('main table') || document.querySelector('.empty'));
    return page.evaluate(() => {
      const table = document.querySelector('main table');
      if (!table) return {};
      const headers = [...table.tHead.rows[0].cells].map((c) => c.textContent.trim());
      const [n, q] = [headers.indexOf('Name'), headers.indexOf('Quantity')];
      return Object.fromEntries([...table.tBodies[0].rows].map((r) => [r.cells[n].textContent.trim(), Number(r.cells[q].textContent.trim().replace(/,/g, ''))]));
    });
  }

  /** Creates an item through the "New item" form on the inventory page. */
  async function createItem(page, name) {
    await page.goto(app.url + '/');
    await page.getByRole('button', { name: /^(New item|Create your first item)$/ }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name', { exact: true }).fill(name);
    await dialog.getByRole('button', { name: 'Create item' }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  return { openData, importArea, importFile, inventoryTable, tableShown, createItem };
}
