// Probe: one import of `size` events through the UI, then `n` random seeks (`/?at=`), timed as the benchmark
// times them, with a CPU profile of the seeks (per seek). Usage (after `npx vite build`, and `npm run bench` once
// for the files): node bench/probes/seek.mjs [size=100000] [n=60]
import { timeSpan } from '../lib/fileInfo.mjs';
import { summarize } from '../lib/profile.mjs';
import { seekTimes } from '../lib/stats.mjs';
import { importThroughUi, probeSetup } from './common.mjs';
const size = Number(process.argv[2] ?? 100000);
const n = Number(process.argv[3] ?? 60);
const { file, server, profile, close } = await probeSetup(size);
try {
  const page = await profile.context.newPage();
  await importThroughUi(page, server.url, file);
  await page.goto(`${server.url}/`);
  await page.waitForSelector('table tbody tr td');
  await page.waitForTimeout(1500);
  const span = await timeSpan(file);
  const run = (count) => page.evaluate(async (times) => {
    const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
    const out = [];
    for (const t of times) {
      const t0 = performance.now();
      performance.mark('probe:click');
      history.pushState(null, '', `/?at=${encodeURIComponent(t)}`);
      dispatchEvent(new PopStateEvent('popstate'));
      await new Promise((resolve) => {
        const ok = () => { const b = document.querySelector(`time[datetime="${t}"]`)?.parentElement; return b && !/Rebuilding/i.test(b.textContent) && document.querySelector('table tbody tr'); };
        if (ok()) return resolve();
        const mo = new MutationObserver(() => ok() && (mo.disconnect(), resolve()));
        mo.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
      });
      performance.mark('probe:shown');
      out.push(performance.now() - t0);
      await frame();
    }
    return out;
  }, seekTimes(span.first, span.last, count));
  await run(5);
  const s = await page.context().newCDPSession(page);
  await s.send('Profiler.enable');
  await s.send('Profiler.setSamplingInterval', { interval: 100 });
  await s.send('Profiler.start');
  const times = await run(n);
  const prof = (await s.send('Profiler.stop')).profile;
  const sum = summarize(prof, 40);
  const sorted = [...times].sort((a, b) => a - b);
  console.log('p50', sorted[Math.floor(n / 2)].toFixed(1), 'p95', sorted[Math.floor(n * 0.95)].toFixed(1));
  console.log('sampled', sum.sampledMs, 'per seek', (sum.sampledMs / n).toFixed(2));
  console.log('groups', sum.groups.map(([k, v]) => `${k}: ${(v / n).toFixed(2)}`).join('\n  '));
  console.log('self\n  ' + sum.self.map(([k, v]) => `${(v / n).toFixed(2)} ${k}`).join('\n  '));
  console.log('inclusive\n  ' + sum.inclusive.map(([k, v]) => `${(v / n).toFixed(2)} ${k}`).join('\n  '));
} finally {
  await close();
}
