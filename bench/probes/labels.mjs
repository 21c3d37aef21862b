// Probe: /labels with N items (default 1,000). Times the page's first render and the drawing of every QR code
// (in slices after each paint), records the long tasks meanwhile, times a change of sheet (codes kept), and
// counts the pages and page sizes of the PDF Chromium prints for Letter and A4.
// Run after `npx vite build`: `node bench/probes/labels.mjs [N]`.
import { launchBrowser, startPreview } from '../../test/e2e/harness.mjs';

const N = Number(process.argv[2] ?? 1000);
const events = [];
const ev = (type, data) => {
  const n = events.length + 1;
  events.push({ specversion: '1.0', id: `p-${String(n).padStart(6, '0')}`, source: 'eventory:device:probe', type, time: new Date(Date.UTC(2026, 10, 1) + n * 1000).toISOString(), dataversion: 1, datacontenttype: 'application/json', data });
};
for (let i = 0; i < N; i++) ev('ItemCreated', { itemId: `0190f3c4-1234-7abc-8def-${String(i).padStart(12, '0')}`, name: `Item number ${i}`, sku: `SKU-${i}` });
const file = JSON.stringify({ format: 'eventory.event-log', formatVersion: 1, exportedAt: '2026-11-21T00:00:00.000Z', eventCount: events.length, events });

const server = await startPreview();
const browser = await launchBrowser();
try {
  const p = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB', serviceWorkers: 'block' })).newPage();
  await p.goto(`${server.url}/data`);
  await p.locator('input[type="file"]').setInputFiles({ name: 'labels.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  await p.getByRole('status').filter({ hasText: /Imported [\d,]+ new event/ }).waitFor({ timeout: 120_000 });
  await p.goto(`${server.url}/`);
  await p.getByRole('heading', { level: 1 }).waitFor();
  await p.evaluate(() => {
    window.__long = [];
    new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__long.push(Math.round(e.duration)))).observe({ type: 'longtask' });
  });
  const t0 = Date.now();
  await p.evaluate(() => (history.pushState(null, '', '/labels'), dispatchEvent(new PopStateEvent('popstate'))));
  await p.getByRole('heading', { level: 1, name: 'Labels' }).waitFor();
  const firstRenderMs = Date.now() - t0;
  const ready = (sheets) => p.getByRole('status').filter({ hasText: new RegExp(`^[\\d,]+ labels? on ${sheets ?? '[\\d,]+'} sheet`) }).waitFor({ timeout: 120_000 });
  await ready();
  const allCodesMs = Date.now() - t0;
  const long = await p.evaluate(() => window.__long);
  const t1 = Date.now();
  await p.getByLabel('Label sheet').selectOption('letter-2x5');
  await ready(Math.ceil(N / 10));
  const sheetChangeMs = Date.now() - t1;
  const pdfPages = async () => {
    const pdf = (await p.pdf({ preferCSSPageSize: true })).toString('latin1');
    const sizes = [...pdf.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => `${Math.round(+m[1])}×${Math.round(+m[2])} pt`);
    return { pages: sizes.length, sizes: [...new Set(sizes)] };
  };
  const letter = await pdfPages();
  await p.getByLabel('Label sheet').selectOption('a4-3x8');
  await ready(Math.ceil(N / 24));
  const a4 = await pdfPages();
  console.log(JSON.stringify({ N, firstRenderMs, allCodesMs, longTasks: long.length, longestTaskMs: Math.max(0, ...long), sheetChangeMs, letter, a4 }));
} finally {
  await browser.close();
  await server.close();
}
