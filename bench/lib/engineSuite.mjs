// Engine-level figures for one log size, in bench/bench.html (src/state/app.ts + src/io without the UI), with
// the baselines in the same page and a CPU profile of each operation.
import { cdp, injectBaselines, instrument, longTasks, openProfile } from './browser.mjs';
import { timeSpan } from './fileInfo.mjs';
import { summarize } from './profile.mjs';
import { median, naiveSamples, progressGaps, quantile, seekTimes } from './stats.mjs';

const DB = 'eventory-bench';

/** The longest task in each import phase (a task belongs to the phase whose reports last preceded its start). */
async function longTasksByPhase(page, imp) {
  const tasks = (await page.evaluate(() => window.__longtasks)) ?? [];
  const starts = imp.progress.filter((p, i) => i === 0 || imp.progress[i - 1][1] !== p[1]).map((p) => [p[0], p[1]]);
  const out = {};
  for (const [t, d] of tasks) {
    if (t + d < imp.startedAt || t > imp.endedAt) continue;
    const phase = starts.filter(([s]) => s <= t + d).at(-1)?.[1] ?? 'before first report';
    out[phase] = Math.max(out[phase] ?? 0, d);
  }
  return out;
}

/**
 * @param {{ url: string, size: number, file: { path: string }, appends: number, seeks: number, naive: boolean,
 *   log: (s: string) => void }} o
 */
export async function engineSuite(o) {
  const { url, size, file, log } = o;
  const profile = await openProfile();
  const out = { size, mode: 'engine', profiles: {} };
  try {
    let page = await profile.context.newPage();
    await instrument(page);
    await page.goto(`${url}/bench.html?db=${DB}`);
    await page.waitForFunction(() => window.__bench);
    let c = await cdp(page);
    await page.evaluate(() => window.__bench.start());

    const profiled = async (name, fn) => {
      await c.startProfile();
      try {
        return await fn();
      } finally {
        out.profiles[name] = summarize(await c.stopProfile());
      }
    };

    log(`  import ${size.toLocaleString('en')} events`);
    await page.setInputFiles('#engine-file', file.path);
    const imp = await profiled('import', () => page.evaluate(() => window.__bench.importChosen()));
    if (!imp.result.ok) throw new Error(`import failed: ${imp.result.error}`);
    if (imp.result.added !== size) throw new Error(`import added ${imp.result.added} of ${size} events`);
    out.import = {
      ms: imp.totalMs,
      phases: imp.phases,
      added: imp.result.added,
      longTask: await longTasks(page, imp.startedAt, imp.endedAt),
      longTaskByPhase: await longTasksByPhase(page, imp),
      progress: progressGaps(imp.progress.map((p) => p[0]), imp.startedAt, imp.endedAt),
      writeProgress: progressGaps(imp.progress.filter((p) => p[1] === 'writing').map((p) => p[0]), imp.startedAt + (imp.totalMs - (imp.phases.writing ?? 0)), imp.endedAt),
    };

    log('  export');
    const exp = await profiled('export', () => page.evaluate(() => window.__bench.exportAll()));
    if (exp.events !== size) throw new Error(`export wrote ${exp.events} of ${size} events`);
    out.export = {
      ms: exp.ms,
      bytes: exp.bytes,
      events: exp.events,
      longTask: await longTasks(page, exp.startedAt, exp.endedAt),
      progress: progressGaps(exp.progress, exp.startedAt, exp.endedAt),
    };

    log(`  append x${o.appends}`);
    const appends = await profiled('append', () => page.evaluate((n) => window.__bench.append(n), o.appends));
    out.append = { p50: quantile(appends, 0.5), p95: quantile(appends, 0.95), max: Math.max(...appends) };

    log(`  seek x${o.seeks}`);
    const span = await timeSpan(file.path);
    const seeks = await profiled('seek', () => page.evaluate((t) => window.__bench.seek(t), seekTimes(span.first, span.last, o.seeks)));
    out.seek = { p50: quantile(seeks, 0.5), p95: quantile(seeks, 0.95), max: Math.max(...seeks) };
    const sp = await page.evaluate(() => window.__bench.snapshotCount());
    out.storage = { snapshots: Math.floor(sp / 1e6), pages: sp % 1e6 };

    // Cold start: a new browser process on the same profile, then navigation to the loaded state (median of 3).
    log('  cold start');
    await c.detach();
    const coldUrl = `${url}/bench.html?db=${DB}&start=1`;
    const loaded = async () => {
      await page.waitForFunction(() => window.__coldStart, undefined, { timeout: 600_000 });
      return page.evaluate(() => window.__coldStart);
    };
    const colds = [];
    for (let i = 0; i < 3; i++) {
      await profile.restart();
      page = await profile.context.newPage();
      await instrument(page);
      if (i === 0) {
        c = await cdp(page);
        await c.startProfile();
      }
      await page.goto(coldUrl);
      colds.push(await loaded());
      if (i === 0) {
        out.profiles.coldStartNewBrowser = summarize(await c.stopProfile());
        out.heap = await c.heapAfterGc();
        await c.detach();
      }
    }
    c = await cdp(page);
    const warm = [];
    for (let i = 0; i < 2; i++) {
      if (i === 1) await c.startProfile();
      await page.reload();
      warm.push((await loaded()).readyAt);
      if (i === 1) out.profiles.coldStart = summarize(await c.stopProfile());
    }
    out.coldStart = {
      ms: median(colds.map((x) => x.readyAt)),
      runs: colds.map((x) => x.readyAt),
      /** When the bench page's script started: what comes before is the browser's, not the app's. */
      scriptStartMs: median(colds.map((x) => x.scriptAt)),
      warmReloadMs: median(warm),
      items: colds[0].items,
      events: colds[0].events,
    };

    log('  rebuild');
    const rb = await profiled('rebuild', () => page.evaluate(() => window.__bench.rebuild()));
    out.rebuild = { ms: rb.ms, items: rb.items, events: rb.events };

    // Baselines last: their databases share the origin's storage backend, and their writes and deletions
    // would otherwise weigh on the app's cold start.
    log('  raw baseline');
    await injectBaselines(page);
    await page.setInputFiles('#bench-file', file.path);
    out.raw = await page.evaluate(() => globalThis.__baseline.raw('bench-raw'));
    if (o.naive) {
      log('  naive baseline');
      out.naive = await page.evaluate((n) => globalThis.__baseline.naive('bench-naive', n), naiveSamples(size));
    }
    await page.evaluate(() => globalThis.__baseline.drop('bench-raw', 'bench-naive'));

    await c.detach();
  } finally {
    await profile.close();
  }
  return out;
}
