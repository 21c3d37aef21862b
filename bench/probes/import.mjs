// Probe: one import of `size` events through the UI, with the time of every message from the import worker,
// every wait of more than 400 ms between changes of the status and progress bar (what the benchmark's progress
// budget sees), and a CPU profile of the page from the worker's `done` to the status saying so.
// With --throttle=N the page's CPU is slowed N× (as the bench's phone run), and the samples of every task over
// 150 ms are summarized too.
// Usage (after `npx vite build`, and `npm run bench -- --full` once for the 1M file):
//   node bench/probes/import.mjs [size=1000000] [--throttle=4]
import { instrument, throttleCpu } from '../lib/browser.mjs';
import { formatSummary, profileWindow, summarize } from '../lib/profile.mjs';
import { IMPORTED, importThroughUi, probeSetup } from './common.mjs';
const args = process.argv.slice(2);
const size = Number(args.find((a) => !a.startsWith('--')) ?? 1000000);
const throttle = Number(args.find((a) => a.startsWith('--throttle='))?.split('=')[1] ?? 1);
const { file, server, profile, close } = await probeSetup(size);
try {
  const page = await profile.context.newPage();
  await instrument(page);
  await throttleCpu(page, throttle);
  page.on('console', (m) => m.text().startsWith('TIMING') && console.log(m.text()));
  await page.addInitScript(() => {
    window.__workerMsgs = [];
    const orig = Worker.prototype.addEventListener;
    Worker.prototype.addEventListener = function (type, fn, o) {
      if (type === 'message') {
        return orig.call(this, type, (ev) => {
          const t = ev.data?.type;
          if (t !== 'progress') window.__workerMsgs.push([performance.now(), t]);
          else window.__workerMsgs.push([performance.now(), `progress ${ev.data.phase} ${ev.data.done}/${ev.data.total}`]);
          return fn(ev);
        }, o);
      }
      return orig.call(this, type, fn, o);
    };
    document.addEventListener('change', (e) => e.target?.type === 'file' && (window.__chosen = performance.now()), true);
  });
  const s = await page.context().newCDPSession(page);
  await s.send('Profiler.enable');
  await s.send('Profiler.setSamplingInterval', { interval: 500 });
  await importThroughUi(page, server.url, file, () => s.send('Profiler.start'));
  const prof = (await s.send('Profiler.stop')).profile;
  const { msgs, chosen, statusLog, tasks } = await page.evaluate(() => ({ msgs: window.__workerMsgs, chosen: window.__chosen, statusLog: window.__statusLog, tasks: window.__longtasks }));
  const doneAt = statusLog.find(([, x]) => IMPORTED.test(x))[0];
  const at = (t) => (t - chosen).toFixed(0).padStart(6);
  console.log(`file chosen → "Imported": ${(doneAt - chosen).toFixed(0)} ms`);
  console.log('worker messages (ms after the file was chosen: message):');
  console.log(msgs.map(([t, m]) => `${at(t).trim()}:${m.replace('progress ', '')}`).join('  '));
  console.log('waits over 400 ms between changes of the status or the progress bar:');
  let p = chosen;
  for (const [t, x] of statusLog) {
    if (t < chosen) continue;
    if (t - p > 400) console.log(`${at(t)} +${(t - p).toFixed(0)} ${x.slice(0, 100)}`);
    p = t;
  }
  const between = profileWindow(prof, await page.evaluate(() => performance.now()));
  for (const [start, ms] of (tasks ?? []).filter(([s, d]) => s + d >= chosen && s <= doneAt && d > 150)) {
    console.log(formatSummary(`task of ${ms} ms at ${at(start).trim()} ms`, summarize(between(start, start + ms), 10)));
  }
  const doneMsg = msgs.find(([, m]) => m === 'done')[0];
  console.log(formatSummary('page, from the worker\'s done to the status', summarize(between(doneMsg, doneAt), 15)));
} finally {
  await close();
}
