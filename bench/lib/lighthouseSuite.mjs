// Lighthouse mobile (its defaults: a mid-range phone on slow 4G, CPU slowed 4× by simulation) on the production
// build, against Debian's Chromium launched here with the e2e harness's flags. The profile is first given a log
// through the app's own import, and Lighthouse keeps it (disableStorageReset), so that `/`, `/analytics` and an
// item page show data as a user's would; the service worker and its cache are kept too, as on a phone that has
// opened the app before. Median of `runs` runs per page: Lighthouse's own advice for noisy machines.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../../test/e2e/harness.mjs';
import { median } from './stats.mjs';

/** Audits that say where the time goes, kept with each run (numericValue: ms or bytes). */
const AUDITS = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index', 'interactive', 'bootup-time', 'unused-javascript', 'render-blocking-resources'];

async function seed(port, url, file, log) {
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  try {
    const page = await browser.contexts()[0].newPage();
    await page.goto(`${url}/data`);
    await page.setInputFiles('input[type=file]:not([disabled])', file.path);
    await page.getByRole('status').filter({ hasText: /Imported [\d,]+ new event/ }).first().waitFor({ timeout: 600_000 });
    // The service worker installs once the app is idle; Lighthouse then measures a returning visit.
    await page.waitForFunction(() => navigator.serviceWorker.controller || navigator.serviceWorker.ready.then(() => true), undefined, { timeout: 60_000 });
    await page.close();
    log(`  lighthouse: profile holds ${file.events?.toLocaleString('en') ?? 'the'} events`);
  } finally {
    await browser.close().catch(() => undefined);
  }
}

/** `paths`: the app's routes to audit; returns per path the median score, its run, and every run's figures. */
export async function lighthouseSuite({ url, file, paths, runs = 3, log }) {
  const userDataDir = await mkdtemp(join(tmpdir(), 'eventory-lh-'));
  const chrome = await chromeLauncher.launch({ chromePath: chromiumPath(), userDataDir, chromeFlags: ['--headless=new', ...CHROMIUM_ARGS] });
  const out = {};
  try {
    await seed(chrome.port, url, file, log);
    for (const path of paths) {
      const all = [];
      for (let i = 0; i < runs; i++) {
        const { lhr } = await lighthouse(`${url}${path}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'], disableStorageReset: true });
        if (lhr.runtimeError) throw new Error(`Lighthouse on ${path}: ${lhr.runtimeError.message}`);
        const audits = Object.fromEntries(AUDITS.map((a) => [a, lhr.audits[a]?.numericValue]));
        const details = (a, keys) => (lhr.audits[a]?.details?.items ?? []).slice(0, 8).map((it) => Object.fromEntries(keys.map((k) => [k, typeof it[k] === 'number' ? Math.round(it[k]) : it[k]])));
        all.push({
          score: Math.round(lhr.categories.performance.score * 100),
          ...audits,
          longTasks: details('long-tasks', ['url', 'startTime', 'duration']),
          bootup: details('bootup-time', ['url', 'total', 'scripting']),
          unusedJs: details('unused-javascript', ['url', 'wastedBytes']),
          warnings: lhr.runWarnings,
        });
        log(`  lighthouse ${path} run ${i + 1}: ${all.at(-1).score}, TBT ${Math.round(audits['total-blocking-time'])} ms, LCP ${Math.round(audits['largest-contentful-paint'])} ms`);
      }
      const score = median(all.map((r) => r.score));
      out[path] = { score, tbt: median(all.map((r) => r['total-blocking-time'])), lcp: median(all.map((r) => r['largest-contentful-paint'])), runs: all };
    }
  } finally {
    await chrome.kill();
    await rm(userDataDir, { recursive: true, force: true, maxRetries: 3 });
  }
  return out;
}
