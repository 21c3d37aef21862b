// Probe: the start of a page as Lighthouse's mobile run sees it. A profile is given `file`'s events through the
// Import page; then each path is opened in a new tab with the CPU slowed (default 4×), and every main-thread task
// over 20 ms of the first seconds is listed with a summary of the CPU profile's samples inside it. Total blocking
// time in Lighthouse's sense (the part of each task beyond 50 ms) is added up at the end.
//   node bench/probes/start.mjs [--file=path] [--throttle=4] [--seconds=4] [paths...]
import { fileURLToPath } from 'node:url';
import { instrument, openProfile, startPreview, throttleCpu } from '../lib/browser.mjs';
import { formatSummary, loadModuleMap, profileWindow, summarize } from '../lib/profile.mjs';

const args = process.argv.slice(2);
const opt = (name, dflt) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? dflt;
const file = opt('file', '/tmp/eventory-bench/export-v2-s42-10000.json');
const throttle = Number(opt('throttle', 4));
const seconds = Number(opt('seconds', 4));
const paths = args.filter((a) => !a.startsWith('--'));
const dist = process.env.DIST ?? fileURLToPath(new URL('../../dist', import.meta.url));
await loadModuleMap(`${dist}/assets`);
const server = await startPreview({ outDir: dist });
const profile = await openProfile();
try {
  const seed = await profile.context.newPage();
  await seed.goto(`${server.url}/data`);
  await seed.setInputFiles('input[type=file]:not([disabled])', file);
  await seed.getByRole('status').filter({ hasText: /Imported [\d,]+ new event/ }).first().waitFor({ timeout: 600_000 });
  await seed.waitForFunction(() => navigator.serviceWorker.controller || navigator.serviceWorker.ready.then(() => true));
  await seed.waitForTimeout(1500);
  await seed.close();
  for (const path of paths.length ? paths : ['/']) {
    const page = await profile.context.newPage();
    await instrument(page);
    await page.addInitScript(() => {
      window.__tasks = [];
      new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__tasks.push([e.startTime, e.duration]))).observe({ type: 'longtask', buffered: true });
    });
    await throttleCpu(page, throttle);
    const s = await page.context().newCDPSession(page);
    await s.send('Profiler.enable');
    await s.send('Profiler.setSamplingInterval', { interval: 200 });
    await s.send('Profiler.start');
    await page.goto(`${server.url}${path}`);
    await page.waitForTimeout(seconds * 1000);
    const prof = (await s.send('Profiler.stop')).profile;
    const { tasks, now } = await page.evaluate(() => ({ tasks: window.__tasks, now: performance.now() }));
    const between = profileWindow(prof, now);
    const tbt = tasks.reduce((sum, [, d]) => sum + Math.max(0, d - 50), 0);
    console.log(`\n${path}: ${tasks.length} long tasks, blocking ${Math.round(tbt)} ms (CPU ${throttle}× slower)`);
    for (const [start, ms] of tasks) {
      console.log(formatSummary(`task of ${Math.round(ms)} ms at ${Math.round(start)} ms`, summarize(between(start, start + ms), 8)));
    }
    await page.close();
  }
} finally {
  await profile.close();
  await server.close();
}
