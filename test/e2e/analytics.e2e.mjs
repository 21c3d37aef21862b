// Analytics in real Chromium: each card answers its question for a few weeks of history, charts draw and
// describe themselves, the page fits a phone, and uPlot loads only when a chart is shown.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useApp } from './harness.mjs';
import { importSeed } from '../projections/seedLog.mjs';

const app = useApp();

async function seededPage(viewport) {
  const ctx = await app.browser.newContext({ viewport, locale: 'en-US', timezoneId: 'UTC', serviceWorkers: 'block' });
  const page = await ctx.newPage();
  const scripts = [];
  page.on('request', (r) => r.resourceType() === 'script' && scripts.push(new URL(r.url()).pathname));
  await importSeed(page, app.url);
  return { page, ctx, scripts };
}

const rowTexts = async (card) => (await card.getByRole('row').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());

test('the analytics page answers what we use, what runs out, what we collect, and what it is worth', async () => {
  const { page, ctx, scripts } = await seededPage({ width: 1280, height: 800 });
  assert.ok(!scripts.some((s) => /Chart|AnalyticsPage/.test(s)), `chart code loaded before it was needed: ${scripts}`);
  await page.getByRole('link', { name: 'Analytics' }).click();
  await page.getByRole('heading', { name: 'Analytics', level: 1 }).waitFor();

  const use = page.getByRole('region', { name: 'Use and running out' });
  await use.getByText('runs out in about 23 days').waitFor();
  assert.deepEqual((await rowTexts(use)).slice(1), ['Flour 1.4 a day 32.5 runs out in about 23 days', 'Cord 0.15 a day 6 runs out in about 39 days', 'Sword 0.04 a day 2 runs out in about 52 days']);

  const collected = page.getByRole('region', { name: 'Most collected' });
  assert.deepEqual((await rowTexts(collected)).slice(1), ['Nails 200', 'Flour 70', 'Cord 10', 'Sword 3']);

  const removed = page.getByRole('region', { name: 'Most removed, and why' });
  await removed.getByText('used 37.5').waitFor();
  await removed.getByText('sold 4').waitFor();

  const below = page.getByRole('region', { name: 'Below minimum' });
  assert.deepEqual((await rowTexts(below)).slice(1), ['Sword 2 3 1']);

  const value = page.getByRole('region', { name: 'Stock value over time' });
  await value.getByText('Value now: $320.07').waitFor();
  const chart = value.getByRole('img');
  assert.match(await chart.getAttribute('aria-label'), /^Stock value from .* now \$320\.07, highest \$470\.00/);
  assert.equal(await chart.locator('canvas').count(), 1);
  await value.getByText(/Show the numbers/).click();
  await value.getByRole('table', { name: /Value at the end of each day/ }).getByRole('row', { name: /Oct 26, 2026 \$470\.00/ }).waitFor();
  // The card offers the currency picker, and the value, its chart and its table follow the choice.
  await value.getByLabel('Currency').selectOption('EUR');
  await value.getByText('Value now: €320.07').waitFor();
  assert.match(await chart.getAttribute('aria-label'), /now €320\.07, highest €470\.00/);
  await value.getByRole('table', { name: /Value at the end of each day/ }).getByRole('row', { name: /Oct 26, 2026 €470\.00/ }).waitFor();

  const activity = page.getByRole('region', { name: 'Activity per day' });
  assert.match(await activity.getByRole('img').getAttribute('aria-label'), /changes on 26 days/);
  assert.ok(scripts.some((s) => /Chart/.test(s)), 'the chart chunk loaded with the page');
  await ctx.close();
});

test('the analytics page is readable on a phone: nothing wider than the screen, charts fit their cards', async () => {
  const { page, ctx } = await seededPage({ width: 390, height: 844 });
  await page.goto(`${app.url}/analytics`);
  await page.getByRole('region', { name: 'Activity per day' }).getByRole('img').locator('canvas').waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
  for (const name of ['Stock value over time', 'Activity per day']) {
    const card = await page.getByRole('region', { name }).boundingBox();
    const canvas = await page.getByRole('region', { name }).locator('canvas').first().boundingBox();
    assert.ok(canvas.width <= card.width && canvas.width > card.width * 0.6, `${name}: chart ${canvas.width}px in a ${card.width}px card`);
  }
  // Turning the phone: the chart follows its card.
  await page.setViewportSize({ width: 844, height: 390 });
  await page.waitForFunction(() => {
    const c = document.querySelector('.chart canvas');
    return c && c.getBoundingClientRect().width > 500;
  });
  await ctx.close();
});

test('on a phone the cards appear together: opening the page moves nothing on screen (no layout shift)', async () => {
  const { page, ctx } = await seededPage({ width: 390, height: 844 });
  await page.addInitScript(() => {
    window.__shift = 0;
    new PerformanceObserver((l) => l.getEntries().forEach((e) => (window.__shift += e.value))).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(`${app.url}/analytics`);
  await page.getByRole('region', { name: 'Activity per day' }).getByRole('img').locator('canvas').waitFor();
  assert.equal(await page.evaluate(() => window.__shift), 0);
  await ctx.close();
});

test('an item page shows its quantity over time and where it was', async () => {
  const { page, ctx } = await seededPage({ width: 1280, height: 800 });
  await page.goto(`${app.url}/item/sword`);
  const chart = page.getByRole('img', { name: /^Quantity from/ });
  await chart.locator('canvas').waitFor();
  assert.match(await chart.getAttribute('aria-label'), /3 changes, highest 3, now 2\./);
  const stays = page.getByRole('table', { name: /Locations this item was stocked at/ });
  assert.deepEqual((await rowTexts(stays)).slice(1), ['Van Nov 2, 2026, 10:00 AM Nov 16, 2026, 10:00 AM', 'Shelf Oct 26, 2026, 9:10 AM still there']);
  await ctx.close();
});
