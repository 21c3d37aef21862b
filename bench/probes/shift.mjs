// Layout shifts at start: imports a file into a fresh profile, then reloads each path at phone width and lists
// every layout shift with the elements that moved (what Lighthouse's CLS adds up).
//   node bench/probes/shift.mjs [file] [paths...]
import { launchPersistent, startPreview } from '../../test/e2e/harness.mjs';

const file = process.argv[2] ?? '/tmp/eventory-bench/export-v2-s42-10000.json';
const paths = process.argv.length > 3 ? process.argv.slice(3) : ['/', '/analytics', '/history', '/item/item-1'];
const server = await startPreview();
const { context, close } = await launchPersistent({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 2.625, isMobile: true, hasTouch: true });
try {
  const page = await context.newPage();
  await page.goto(`${server.url}/data`);
  await page.setInputFiles('input[type=file]:not([disabled])', file);
  await page.getByRole('status').filter({ hasText: /Imported [\d,]+ new event/ }).first().waitFor({ timeout: 600_000 });
  for (const path of paths) {
    await page.addInitScript(() => {
      window.__shifts = [];
      new PerformanceObserver((l) => {
        for (const e of l.getEntries()) {
          window.__shifts.push({ t: Math.round(e.startTime), value: +e.value.toFixed(4), sources: (e.sources ?? []).map((s) => {
            const n = s.node;
            const name = n ? `${n.nodeName.toLowerCase()}${n.id ? '#' + n.id : ''}${n.className && typeof n.className === 'string' ? '.' + n.className.split(' ').join('.') : ''}` : '?';
            return `${name} ${JSON.stringify(s.previousRect)} -> ${JSON.stringify(s.currentRect)}`;
          }) });
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(`${server.url}${path}`);
    await page.waitForTimeout(3000);
    const shifts = await page.evaluate(() => window.__shifts);
    console.log(`${path}: CLS ${shifts.reduce((s, e) => s + e.value, 0).toFixed(4)}`);
    for (const s of shifts) console.log(`  ${s.t} ms ${s.value}\n    ${s.sources.join('\n    ')}`);
  }
} finally {
  await close();
  await server.close();
}
