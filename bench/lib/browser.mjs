// Chromium for the benchmark: the e2e harness's browser and preview server, plus what a benchmark needs on
// top — in-page observers (long tasks, status text, table ready), a relaunch on the same profile for a cold
// start, and CDP for heap usage and CPU profiles.
import { readFile, rm } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath, launchPersistent, startPreview } from '../../test/e2e/harness.mjs';

export { startPreview, chromiumPath };

/** Fresh disk-backed profile. `close()` deletes it; `restart()` closes the browser and opens the same profile. */
export async function openProfile() {
  const p = await launchPersistent();
  let context = p.context;
  return {
    profileDir: p.profileDir,
    get context() {
      return context;
    },
    async restart() {
      await context.close();
      context = await chromium.launchPersistentContext(p.profileDir, { headless: true, executablePath: chromiumPath(), args: CHROMIUM_ARGS });
      return context;
    },
    async close() {
      await context.close().catch(() => undefined);
      await rm(p.profileDir, { recursive: true, force: true, maxRetries: 3 });
    },
  };
}

/**
 * Runs before any page script: records long tasks, every change of the status/alert text and progress
 * values, and the first moment a table row exists (the app may also set `eventory:table-ready`).
 */
function observers() {
  window.__longtasks = [];
  window.__statusLog = [];
  window.__tableReadyAt = undefined;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longtasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    window.__longtasks = null;
  }
  let last = '';
  const check = () => {
    if (window.__tableReadyAt === undefined && document.querySelector('table tbody tr td')) window.__tableReadyAt = performance.now();
    const text = [...document.querySelectorAll('[role=status],[role=alert],progress')]
      .map((el) => (el.tagName === 'PROGRESS' ? `progress=${el.value}/${el.max}` : el.textContent.trim()))
      .join(' | ');
    if (text !== last) window.__statusLog.push([performance.now(), (last = text)]);
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['value'] });
}

export async function instrument(page) {
  await page.addInitScript(observers);
}

let baselineSource;
/**
 * Loads bench/baselines.js into the page (after load: it adds a hidden file input to the body). Evaluated
 * through CDP, which the app's Content-Security-Policy (script-src 'self') does not govern, unlike a script tag.
 */
export async function injectBaselines(page) {
  baselineSource ??= await readFile(new URL('../baselines.js', import.meta.url), 'utf8');
  await page.evaluate(baselineSource);
  await page.waitForFunction(() => globalThis.__baseline);
}

/** The longest main-thread task that overlaps [from, to] (page time, ms), and how many went over 100 ms. */
export async function longTasks(page, from, to) {
  const tasks = await page.evaluate(() => window.__longtasks);
  if (tasks === null) return { supported: false };
  const inWindow = tasks.filter(([s, d]) => s + d >= from && s <= to);
  // The three longest, each as [ms after `from`, duration], to find them again with a probe.
  const top = [...inWindow].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([s, d]) => [Math.round(s - from), Math.round(d)]);
  return { supported: true, longestMs: Math.max(0, ...inWindow.map((t) => t[1])), over100: inWindow.filter((t) => t[1] > 100).length, count: inWindow.length, top };
}

export async function cdp(page) {
  const s = await page.context().newCDPSession(page);
  await s.send('Profiler.enable');
  await s.send('Profiler.setSamplingInterval', { interval: 500 });
  return {
    session: s,
    startProfile: () => s.send('Profiler.start'),
    stopProfile: async () => (await s.send('Profiler.stop')).profile,
    /** JS heap in use after a full garbage collection, in bytes. */
    async heapAfterGc() {
      await s.send('HeapProfiler.enable');
      for (let i = 0; i < 3; i++) await s.send('HeapProfiler.collectGarbage');
      const { usedSize, totalSize } = await s.send('Runtime.getHeapUsage');
      return { usedSize, totalSize };
    },
    detach: () => s.detach().catch(() => undefined),
  };
}

export async function browserVersion(context) {
  const b = context.browser();
  if (b) return b.version();
  const page = context.pages()[0] ?? (await context.newPage());
  const s = await context.newCDPSession(page);
  const v = await s.send('Browser.getVersion');
  await s.detach();
  return v.product;
}

/**
 * Slows the page's main thread `rate`× (CDP Emulation.setCPUThrottlingRate) for as long as the page lives: the
 * session that set it stays attached (detaching would lift it). Chromium throttles the renderer's main thread,
 * not its workers (the import's parse and merge run in one).
 */
export async function throttleCpu(page, rate) {
  if (!(rate > 1)) return;
  const s = await page.context().newCDPSession(page);
  await s.send('Emulation.setCPUThrottlingRate', { rate });
}

/** `navigator.storage.estimate()` in the page: bytes this origin uses, and by what (Chromium's breakdown). */
export function storageEstimate(page) {
  return page.evaluate(async () => {
    const { usage, usageDetails } = await navigator.storage.estimate();
    return { usage, details: usageDetails ?? {} };
  });
}
