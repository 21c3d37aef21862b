// Page-level steps shared by the PWA end-to-end tests. They drive the app through its visible UI only.
import { cp, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { changesSaved } from './harness.mjs';

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The shell has rendered its first heading (the app, not a browser error page). */
export async function waitForApp(page) {
  await page.locator('#app h1').first().waitFor({ state: 'visible', timeout: 15_000 });
}

/** A new page of `context` at `url`, once the app has rendered. */
export async function openApp(context, url) {
  const page = await context.newPage();
  await page.goto(url);
  await waitForApp(page);
  return page;
}

/** The service worker of this origin is activated, i.e. the app shell is precached. */
export async function waitForServiceWorker(page) {
  await page.evaluate(async () => {
    const reg = await navigator.serviceWorker.ready;
    const sw = reg.active;
    if (sw && sw.state !== 'activated') {
      await new Promise((resolve) => sw.addEventListener('statechange', () => sw.state === 'activated' && resolve(undefined)));
    }
  });
}

/** The button that opens the "New item" form (an empty inventory words it differently). */
export const newItemButton = (page) => page.getByRole('button', { name: /^(new item|create your first item)$/i }).first();

/** Creates an item through the "New item" form and waits for its row. */
export async function createItem(page, name) {
  await newItemButton(page).click();
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByRole('button', { name: 'Create item' }).click();
  await itemRow(page, name).waitFor({ timeout: 10_000 });
  await changesSaved(page);
}

export const itemRow = (page, name) => page.getByRole('row').filter({ has: page.getByRole('cell', { name, exact: true }) });

/** Replaces the served files with another build, as a deploy does. */
export async function deploy(fromDir, servedDir) {
  for (const entry of await readdir(servedDir)) await rm(join(servedDir, entry), { recursive: true, force: true });
  await cp(fromDir, servedDir, { recursive: true });
}

/** A value that only survives as long as the page is not reloaded. */
export async function markPage(page) {
  await page.evaluate(() => {
    window.__eventoryMark = 'not reloaded';
  });
}
export const pageWasReloaded = async (page) => (await page.evaluate(() => window.__eventoryMark)) !== 'not reloaded';
