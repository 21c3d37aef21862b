// `npm run bench` (= vite build && node bench/run.mjs): measures Eventory in headless Chromium at several log
// sizes, against the raw limit of the browser and the naive design, and writes bench/results/latest.json and
// docs/benchmarks.md.
//
//   node bench/run.mjs [--full] [--sizes=1000,10000] [--engine-only | --ui-only] [--no-naive]
//                      [--appends=200] [--seeks=50] [--strict] [--dist=dir] [--out=file.json] [--no-docs]
//                      [--no-sync] [--throttle=4] [--no-lighthouse] [--lighthouse-size=10000] [--only=lighthouse|throttled]
//   node bench/run.mjs --report=bench/results/latest.json   (rewrites docs/benchmarks.md only)
//   --full (or BENCH_FULL=1) adds 1M events; --strict exits 1 when a budget fails; --dist measures another
//   build of the app than dist/. --throttle=N repeats the UI suite with Chromium's CPU slowed N× (CDP
//   Emulation.setCPUThrottlingRate, default 4; 0 skips it) against the phone budgets; Lighthouse mobile audits
//   /, /analytics, /history and an item page (median of 3) in a profile holding --lighthouse-size events.
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exportFile } from './generate.mjs';
import { browserVersion, openProfile, startPreview } from './lib/browser.mjs';
import { BENCH_DIST, buildBenchPage } from './lib/buildBench.mjs';
import { engineSuite } from './lib/engineSuite.mjs';
import { initialJs, machine } from './lib/machine.mjs';
import { loadModuleMap } from './lib/profile.mjs';
import { phoneBudgets } from './lib/phoneReport.mjs';
import { budgets, markdown, printBudgets, printTable, sizeLabel } from './lib/report.mjs';
import { syncSuite } from './lib/syncSuite.mjs';
import { lighthouseSuite } from './lib/lighthouseSuite.mjs';
import { uiSuite } from './lib/uiSuite.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

function options(argv) {
  const flag = (name) => argv.includes(`--${name}`);
  const value = (name, dflt) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? dflt;
  const full = flag('full') || process.env.BENCH_FULL === '1';
  const sizes = value('sizes') ? value('sizes').split(',').map(Number) : [1000, 10_000, 100_000, ...(full ? [1_000_000] : [])];
  // --only=X runs that part alone (the other parts of the run are skipped).
  const only = value('only');
  return {
    only,
    throttle: Number(value('throttle', 4)),
    lighthouse: !flag('no-lighthouse') && (!only || only === 'lighthouse'),
    lighthouseSize: Number(value('lighthouse-size', 10_000)),
    full,
    sizes,
    engine: !flag('ui-only') && !only,
    ui: !flag('engine-only') && !only,
    naive: !flag('no-naive'),
    appends: Number(value('appends', 200)),
    seeks: Number(value('seeks', 50)),
    strict: flag('strict'),
    dist: value('dist', `${ROOT}dist`),
    out: value('out', `${ROOT}bench/results/latest.json`),
    docs: !flag('no-docs'),
    sync: !flag('no-sync') && !flag('engine-only') && !only,
  };
}

const started = Date.now();
const log = (s) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${s}`);

/** Rewrites docs/benchmarks.md from saved results (after editing bench/notes.md), without measuring. */
async function reportOnly(path) {
  const res = JSON.parse(readFileSync(path, 'utf8'));
  const notesPath = `${ROOT}bench/notes.md`;
  await writeFile(`${ROOT}docs/benchmarks.md`, markdown(res, existsSync(notesPath) ? readFileSync(notesPath, 'utf8') : ''));
  log(`wrote docs/benchmarks.md from ${path}`);
}

async function main() {
  const report = process.argv.find((a) => a.startsWith('--report='));
  if (report) return reportOnly(report.split('=')[1]);
  const opts = options(process.argv.slice(2));
  const res = { date: new Date().toISOString(), options: opts, machine: machine(), results: { engine: {}, ui: {} }, errors: [] };
  log(`sizes ${opts.sizes.map(sizeLabel).join(', ')}; ${res.machine.cpus} CPUs, load ${res.machine.loadAvg}`);

  const files = {};
  for (const n of opts.only === 'lighthouse' ? [] : opts.sizes) {
    const t = Date.now();
    files[n] = await exportFile(n);
    log(`file ${sizeLabel(n)}: ${(files[n].bytes / 1e6).toFixed(1)} MB (${((Date.now() - t) / 1000).toFixed(1)} s) ${files[n].path}`);
  }

  const run = async (mode, dir, suite) => {
    const server = await startPreview({ outDir: dir });
    try {
      for (const size of opts.sizes) {
        log(`${mode} ${sizeLabel(size)}`);
        try {
          res.results[mode][size] = await suite({ url: server.url, size, file: files[size], appends: opts.appends, seeks: opts.seeks, naive: opts.naive, log });
        } catch (err) {
          log(`${mode} ${sizeLabel(size)} failed: ${err.stack ?? err}`);
          res.errors.push({ mode, size, error: String(err.message ?? err) });
          if (mode === 'ui' && size === opts.sizes[0]) {
            res.uiSkipped = `the first UI run failed (${String(err.message ?? err).split('\n')[0]})`;
            return;
          }
        }
      }
    } finally {
      await server.close();
    }
  };

  if (opts.engine) {
    log('building the engine bench page');
    await loadModuleMap(`${await buildBenchPage()}/assets`);
    await run('engine', BENCH_DIST, engineSuite);
  }
  if (opts.ui) {
    if (!existsSync(`${opts.dist}/index.html`)) res.uiSkipped = 'dist/index.html is missing: run `npm run bench` (it builds first)';
    else {
      await loadModuleMap(`${opts.dist}/assets`);
      // The naive design does not depend on the app: measured once per size, in the engine page when it ran.
      const naiveDone = (size) => Boolean(res.results.engine[size]?.naive);
      await run('ui', opts.dist, (o) => uiSuite({ ...o, naive: o.naive && !naiveDone(o.size) }));
      for (const [size, r] of Object.entries(res.results.ui)) {
        if (!r.naive && res.results.engine[size]?.naive) r.naive = { ...res.results.engine[size].naive, measuredIn: 'engine page' };
      }
    }
  }

  // Issue 20: a new device's first sync from a server holding the log, against importing the same file.
  if (opts.sync && existsSync(`${opts.dist}/index.html`)) {
    res.results.sync = {};
    for (const size of opts.sizes) {
      try {
        res.results.sync[size] = await syncSuite({ size, dist: opts.dist, log });
      } catch (err) {
        log(`sync ${sizeLabel(size)} failed: ${err.stack ?? err}`);
        res.errors.push({ mode: 'sync', size, error: String(err.message ?? err) });
      }
    }
  }

  // Issue 21: a phone. The UI suite again with the CPU slowed (the raw limits too: same page, same slowdown).
  const wantThrottled = opts.throttle > 1 && (opts.only === 'throttled' || (!opts.only && opts.ui));
  if (wantThrottled && existsSync(`${opts.dist}/index.html`)) {
    res.results.throttled = {};
    await loadModuleMap(`${opts.dist}/assets`);
    const server = await startPreview({ outDir: opts.dist });
    try {
      for (const size of opts.sizes) {
        log(`ui, CPU ${opts.throttle}× slower, ${sizeLabel(size)}`);
        try {
          res.results.throttled[size] = await uiSuite({ url: server.url, size, file: files[size], appends: opts.appends, seeks: opts.seeks, naive: false, throttle: opts.throttle, log });
        } catch (err) {
          log(`throttled ${sizeLabel(size)} failed: ${err.stack ?? err}`);
          res.errors.push({ mode: 'throttled', size, error: String(err.message ?? err) });
        }
      }
    } finally {
      await server.close();
    }
  }
  if (opts.lighthouse && existsSync(`${opts.dist}/index.html`)) {
    const file = files[opts.lighthouseSize] ?? (await exportFile(opts.lighthouseSize));
    const server = await startPreview({ outDir: opts.dist });
    try {
      log(`lighthouse mobile, profile with ${sizeLabel(opts.lighthouseSize)} events`);
      res.results.lighthouse = { size: opts.lighthouseSize, pages: await lighthouseSuite({ url: server.url, file, paths: ['/', '/analytics', '/history', '/item/item-1'], log }) };
    } catch (err) {
      log(`lighthouse failed: ${err.stack ?? err}`);
      res.errors.push({ mode: 'lighthouse', error: String(err.message ?? err) });
    } finally {
      await server.close();
    }
  }

  if (existsSync(`${opts.dist}/index.html`)) res.initialJs = initialJs(opts.dist);
  const p = await openProfile();
  res.browser = await browserVersion(p.context);
  await p.close();
  res.budgets = { engine: budgets(res.results.engine, res.initialJs), ui: budgets(res.results.ui, res.initialJs), phone: phoneBudgets(res.results, opts.throttle) };

  for (const mode of ['engine', 'ui']) {
    if (!Object.keys(res.results[mode]).length) continue;
    printTable(`== ${mode === 'ui' ? 'UI (production build)' : 'engine (src/state + src/io, no UI)'} ==`, res.results[mode]);
    printBudgets(`== budgets, ${mode} ==`, res.budgets[mode]);
  }
  if (res.budgets.phone.length) printBudgets('== budgets, phone (issue 21) ==', res.budgets.phone);
  if (res.uiSkipped) log(`UI not measured: ${res.uiSkipped}`);
  if (res.initialJs) log(`initial JS: ${(res.initialJs.gzipBytes / 1024).toFixed(1)} KB gzip`);

  await mkdir(dirname(opts.out), { recursive: true });
  await writeFile(opts.out, JSON.stringify(res, null, 1));
  log(`wrote ${opts.out}`);
  if (opts.docs) {
    const notesPath = `${ROOT}bench/notes.md`;
    await mkdir(`${ROOT}docs`, { recursive: true });
    await writeFile(`${ROOT}docs/benchmarks.md`, markdown(res, existsSync(notesPath) ? readFileSync(notesPath, 'utf8') : ''));
    log('wrote docs/benchmarks.md');
  }

  const failed = Object.values(res.budgets).flat().filter((b) => !b.pass);
  if (res.errors.length) process.exitCode = 1;
  if (opts.strict && failed.length) process.exitCode = 1;
}

await main();
