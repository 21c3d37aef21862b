// Updating an installed app: the build under test (dist/) and a second build with another build id, deployed
// one after the other into the directory the preview server serves. The new version waits until the user clicks; nothing reloads by itself.
// One browser for the file, a fresh context (its own storage and service worker) per test.
import { after, before, beforeEach, afterEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, buildApp, launchBrowser, startPreview } from './harness.mjs';
import { createItem, deploy, itemRow, markPage, pageWasReloaded, sleep, waitForApp, waitForServiceWorker, newItemButton } from './pwa-helpers.mjs';

const READY = 'A new version of Eventory is ready';
const BUILD_B = `e2e-B-${Date.now()}`;
let work;
let buildA;
let buildB;
/** Resolves once version B is built: it builds while the first test installs version A, and is awaited where it is deployed. */
let builtB;
let browser;
let served;
let server;
let context;

before(async () => {
  work = await mkdtemp(join(tmpdir(), 'eventory-update-'));
  buildA = DIST;
  buildB = join(work, 'b');
  builtB = buildApp({ outDir: buildB, env: { EVENTORY_BUILD_ID: BUILD_B } });
  // A failed build is reported by the test that awaits it, not as an unhandled rejection before that.
  builtB.catch(() => undefined);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await builtB?.catch(() => undefined);
  await rm(work, { recursive: true, force: true });
});

beforeEach(async () => {
  served = await mkdtemp(join(work, 'served-'));
  await deploy(buildA, served);
  server = await startPreview({ outDir: served });
  context = await browser.newContext();
});

afterEach(async () => {
  await context?.close();
  await server?.close();
});

/** Opens the app at `path` on version A with its worker active. */
async function openOnA(path = '/') {
  const page = await context.newPage();
  await page.goto(server.url + path);
  await waitForApp(page);
  await waitForServiceWorker(page);
  return page;
}

/** Deploys version B and lets `page` find it the way a returning user does: by navigating. */
async function deployBAndRevisit(page) {
  await builtB;
  await deploy(buildB, served);
  await page.reload();
  await waitForApp(page);
  await page.getByText(READY).waitFor({ timeout: 15_000 });
}

test('a new version waits for "Reload to update", then runs with the data intact', async () => {
  const page = await openOnA('/');
  await createItem(page, 'Keep me');
  await page.goto(server.url + '/storage');
  const shownA = await page.getByTestId('app-build').textContent();
  assert.notEqual(shownA, `build ${BUILD_B}`);

  await deployBAndRevisit(page);
  assert.equal(await page.getByTestId('app-build').textContent(), shownA, 'still the old version until the user agrees');

  await page.getByRole('button', { name: 'Reload to update' }).click();
  await page.getByText(`build ${BUILD_B}`).waitFor({ timeout: 15_000 });
  assert.equal(await page.getByText(READY).count(), 0);
  await page.goto(server.url + '/');
  await itemRow(page, 'Keep me').waitFor();
});

test('a waiting version never reloads the page by itself, and "Later" hides the banner', async () => {
  const page = await openOnA('/storage');
  const shownA = await page.getByTestId('app-build').textContent();
  await deployBAndRevisit(page);
  await markPage(page);
  await sleep(3000);
  assert.equal(await pageWasReloaded(page), false);

  await page.getByRole('button', { name: 'Later' }).click();
  assert.equal(await page.getByText(READY).count(), 0);
  await sleep(1000);
  assert.equal(await pageWasReloaded(page), false);
  assert.equal(await page.getByTestId('app-build').textContent(), shownA);
});

test('updating in one tab leaves another tab as it is and tells it to reload', async () => {
  const first = await openOnA('/storage');
  const second = await openOnA('/');
  await deployBAndRevisit(first);
  await second.getByText(READY).waitFor({ timeout: 15_000 });
  await markPage(second);
  await newItemButton(second).click();
  await second.getByLabel('Name', { exact: true }).fill('Typing in tab two');

  await first.getByRole('button', { name: 'Reload to update' }).click();
  await first.getByText(`build ${BUILD_B}`).waitFor({ timeout: 15_000 });

  await second.getByText('Eventory was updated in another tab').waitFor({ timeout: 15_000 });
  assert.equal(await pageWasReloaded(second), false);
  assert.equal(await second.getByLabel('Name', { exact: true }).inputValue(), 'Typing in tab two');
});
