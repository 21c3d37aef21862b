// Turns suite results into the table (figure, value, ratio to the raw limit, speedup over the naive design),
// the budgets of issue 6 with PASS/FAIL, and docs/benchmarks.md.
import { phoneMarkdown } from './phoneReport.mjs';
import { formatSummary } from './profile.mjs';

const ms = (v) => (v === undefined || Number.isNaN(v) ? '—' : v >= 10_000 ? `${(v / 1000).toFixed(1)} s` : v >= 100 ? `${Math.round(v)} ms` : `${v.toFixed(1)} ms`);
const x = (v) => (v === undefined || !Number.isFinite(v) ? '—' : `${v >= 100 ? Math.round(v) : v.toFixed(v >= 10 ? 1 : 2)}×`);
const mb = (b) => `${(b / 2 ** 20).toFixed(1)} MB`;
export const sizeLabel = (n) => (n >= 1e6 ? `${n / 1e6}M` : n >= 1e3 ? `${n / 1e3}k` : String(n));

/** Rows of the main table for one suite result. */
export function figureRows(r) {
  const raw = r.raw ?? {};
  const naive = r.naive ?? {};
  const row = (figure, value, text, rawRef, naiveRef) => ({
    figure,
    value,
    text,
    ratio: rawRef ? value / rawRef : undefined,
    speedup: naiveRef ? naiveRef / value : undefined,
  });
  const rows = [
    row(r.import?.toDomMs === undefined ? 'import: file chosen → done' : 'import: file chosen → outcome shown', r.import?.ms, ms(r.import?.ms), raw.importMs, naive.importMs),
    row('export: click → finished file', r.export?.ms, ms(r.export?.ms), raw.exportMs, naive.exportMs),
    row('cold start: navigation → table/state', r.coldStart?.ms, ms(r.coldStart?.ms), undefined, naive.coldStartMs),
    row('  of which before the page script ran', r.coldStart?.scriptStartMs, ms(r.coldStart?.scriptStartMs)),
    row('warm reload → table/state', r.coldStart?.warmReloadMs, ms(r.coldStart?.warmReloadMs), undefined, naive.coldStartMs),
    row('append p50: command → updated', r.append?.p50, ms(r.append?.p50), raw.appendP50, naive.appendP50),
    row('append p95', r.append?.p95, ms(r.append?.p95), raw.appendP95, naive.appendP95),
    row('append p50 / p95, one per frame', r.appendBurst?.p95, r.appendBurst ? `${ms(r.appendBurst.p50)} / ${ms(r.appendBurst.p95)}` : '—'),
    row('time-travel seek p50', r.seek?.p50, ms(r.seek?.p50), undefined, naive.seekP50),
    row('time-travel seek p95', r.seek?.p95, ms(r.seek?.p95), undefined, naive.seekP95),
    row('full rebuild from the log', r.rebuild?.ms, ms(r.rebuild?.ms), raw.rebuildMs, naive.rebuildMs),
    row('longest task during import', r.import?.longTask?.longestMs, ms(r.import?.longTask?.longestMs)),
    row('longest task during export', r.export?.longTask?.longestMs, ms(r.export?.longTask?.longestMs)),
    row('import progress: reports / longest gap', r.import?.progress?.maxGapMs, r.import?.progress ? `${r.import.progress.reports} / ${ms(r.import.progress.maxGapMs)}` : '—'),
    row('export progress: reports / longest gap', r.export?.progress?.maxGapMs, r.export?.progress ? `${r.export.progress.reports} / ${ms(r.export.progress.maxGapMs)}` : '—'),
    row('JS heap after cold start (after GC)', r.heap?.usedSize, r.heap ? mb(r.heap.usedSize) : '—'),
  ];
  if (r.raw) {
    rows.push(
      row('raw limit: read file + JSON.parse + batched write', raw.importMs, `${ms(raw.importMs)} (${ms(raw.fileMs)} + ${ms(raw.parseMs)} + ${ms(raw.writeMs)})`),
      row('raw limit: batched read + stringify', raw.exportMs, `${ms(raw.exportMs)} (${ms(raw.readMs)} + ${ms(raw.stringifyMs)})`),
      row('raw limit: batched read + fold', raw.rebuildMs, `${ms(raw.rebuildMs)} (${ms(raw.readMs)} + ${ms(raw.foldMs)})`),
    );
  }
  if (r.naive) {
    rows.push(
      row('naive: import (row per event + replay)', naive.importMs, `${ms(naive.importMs)} (write ${ms(naive.writeMs)}, replay ${ms(naive.replayMs)})`),
      row('naive: append + replay p50 / p95', naive.appendP50, `${ms(naive.appendP50)} / ${ms(naive.appendP95)}`),
    );
  }
  return rows;
}

/** The budgets of issue 6 for one mode, judged at its largest size (cold start also against the smallest). */
export function budgets(bySize, initialJs) {
  const sizes = Object.keys(bySize).map(Number).sort((a, b) => a - b);
  if (!sizes.length) return [];
  const n = sizes.at(-1);
  const r = bySize[n];
  const small = bySize[sizes[0]];
  const at = `at ${sizeLabel(n)}`;
  const b = (budget, value, pass, measured) => ({ budget, at, value, pass, measured });
  const maxTask = Math.max(r.import?.longTask?.longestMs ?? NaN, r.export?.longTask?.longestMs ?? NaN);
  const maxGap = Math.max(r.import?.progress?.maxGapMs ?? Infinity, r.export?.progress?.maxGapMs ?? Infinity);
  const coldGrowth = r.coldStart?.ms / small.coldStart?.ms;
  return [
    b('import ≤ 2× raw limit', r.import?.ms / r.raw?.importMs, r.import?.ms <= 2 * r.raw?.importMs, `${ms(r.import?.ms)} vs ${ms(r.raw?.importMs)}: ${x(r.import?.ms / r.raw?.importMs)}`),
    b('export ≤ 2× raw read + stringify', r.export?.ms / r.raw?.exportMs, r.export?.ms <= 2 * r.raw?.exportMs, `${ms(r.export?.ms)} vs ${ms(r.raw?.exportMs)}: ${x(r.export?.ms / r.raw?.exportMs)}`),
    b('full rebuild ≤ 2× raw read + fold', r.rebuild?.ms / r.raw?.rebuildMs, r.rebuild?.ms <= 2 * r.raw?.rebuildMs, `${ms(r.rebuild?.ms)} vs ${ms(r.raw?.rebuildMs)}: ${x(r.rebuild?.ms / r.raw?.rebuildMs)}`),
    b(`cold start ≤ 1.5× cold start at ${sizeLabel(sizes[0])}`, coldGrowth, coldGrowth <= 1.5, `${ms(r.coldStart?.ms)} vs ${ms(small.coldStart?.ms)}: ${x(coldGrowth)}`),
    b('cold start < 1 s', r.coldStart?.ms, r.coldStart?.ms < 1000, ms(r.coldStart?.ms)),
    b('append p95 < 16 ms', r.append?.p95, r.append?.p95 < 16, ms(r.append?.p95)),
    b('time-travel seek p95 ≤ 150 ms', r.seek?.p95, r.seek?.p95 <= 150, ms(r.seek?.p95)),
    b('no task > 100 ms during import and export', maxTask, maxTask <= 100, `longest ${ms(maxTask)} (import ${ms(r.import?.longTask?.longestMs)}, export ${ms(r.export?.longTask?.longestMs)})`),
    b('progress moves (a report at least every second)', maxGap, maxGap <= 1000, `longest wait ${ms(maxGap)} (import ${ms(r.import?.progress?.maxGapMs)}, export ${ms(r.export?.progress?.maxGapMs)})`),
    b('JS heap after cold start ≤ 60 MB', r.heap?.usedSize, r.heap?.usedSize <= 60 * 2 ** 20, r.heap ? mb(r.heap.usedSize) : '—'),
    b('initial JavaScript ≤ 60 KB gzip', initialJs?.gzipBytes, initialJs?.gzipBytes <= 60 * 1024, initialJs ? `${(initialJs.gzipBytes / 1024).toFixed(1)} KB` : '—'),
  ];
}

const pad = (s, w) => String(s).padEnd(w);

export function printTable(title, bySize, log = console.log) {
  log(`\n${title}`);
  for (const [size, r] of Object.entries(bySize)) {
    log(`\n  ${sizeLabel(Number(size))} events`);
    log(`  ${pad('figure', 52)}${pad('value', 34)}${pad('÷ raw', 9)}naive ÷`);
    for (const row of figureRows(r)) log(`  ${pad(row.figure, 52)}${pad(row.text, 34)}${pad(x(row.ratio), 9)}${x(row.speedup)}`);
  }
}

export function printBudgets(title, list, log = console.log) {
  log(`\n${title}`);
  for (const b of list) log(`  ${b.pass ? 'PASS' : 'FAIL'}  ${pad(b.budget, 50)}${b.measured} (${b.at})`);
}

function mdTable(bySize) {
  const sizes = Object.keys(bySize);
  const rowsBySize = sizes.map((s) => figureRows(bySize[s]));
  const lines = [`| figure | ${sizes.map((s) => `${sizeLabel(Number(s))}: value | ÷ raw | naive ÷`).join(' | ')} |`, `|---|${sizes.map(() => '---:|---:|---:').join('|')}|`];
  rowsBySize[0].forEach((row, i) => {
    lines.push(`| ${row.figure} | ${rowsBySize.map((rs) => `${rs[i]?.text ?? '—'} | ${x(rs[i]?.ratio)} | ${x(rs[i]?.speedup)}`).join(' | ')} |`);
  });
  return lines.join('\n');
}

function mdBudgets(list) {
  return ['| budget | measured | result |', '|---|---|---|', ...list.map((b) => `| ${b.budget} | ${b.measured} (${b.at}) | **${b.pass ? 'PASS' : 'FAIL'}** |`)].join('\n');
}

export function markdown(res, notes) {
  const m = res.machine;
  const out = [
    '# Benchmarks',
    '',
    `Latest run of \`npm run bench${res.options.full ? ' -- --full' : ''}\` (sizes ${res.options.sizes.map(sizeLabel).join(', ')}), written by bench/run.mjs; raw figures are in \`bench/results/latest.json\`.`,
    '',
    `- Date: ${res.date}`,
    `- Browser: Chromium ${res.browser} (headless, disk-backed profile)`,
    `- Machine: ${m.cpus} CPUs (\`nproc\`), ${m.cpuModel}, ${m.memoryGB} GB memory, Node ${m.node}; load average at start ${m.loadAvg}`,
    `- Initial JavaScript: ${res.initialJs ? `${(res.initialJs.gzipBytes / 1024).toFixed(1)} KB gzip (${(res.initialJs.bytes / 1024).toFixed(0)} KB raw) in ${res.initialJs.files.map((f) => f.file).join(', ')}` : 'dist/ not built'}`,
    '',
    'Absolute times on a shared machine are noisy; the budgets are ratios within one run, in one page.',
    '',
    '## How to run',
    '',
    '```sh',
    'npm run bench                 # builds dist/, then 1k, 10k and 100k events (5-15 minutes)',
    'npm run bench -- --full       # adds 1M events (or BENCH_FULL=1); generating the 1M file takes a minute, once',
    'node bench/run.mjs --sizes=1000,100000 --engine-only --no-naive   # quicker partial runs',
    'node bench/run.mjs --only=lighthouse --no-docs                     # Lighthouse mobile alone (~5 minutes)',
    'node bench/run.mjs --only=throttled --sizes=1000,1000000 --no-docs # the UI, CPU 4× slower, alone',
    '```',
    '',
    'Needs Chromium (`apt-get install -y chromium`, or CHROME_PATH). Export files are generated once into',
    '`$TMPDIR/eventory-bench/`. `--strict` makes a failed budget exit with status 1.',
    '',
  ];
  for (const mode of ['ui', 'engine']) {
    const bySize = res.results[mode];
    if (!bySize || !Object.keys(bySize).length) continue;
    out.push(`## Budgets (${mode === 'ui' ? 'the app, through its UI' : 'engine only: src/state + src/io without the UI'})`, '', mdBudgets(res.budgets[mode]), '');
  }
  out.push(...phoneMarkdown(res));
  for (const mode of ['ui', 'engine']) {
    const bySize = res.results[mode];
    if (!bySize || !Object.keys(bySize).length) continue;
    const naiveNote = mode === 'ui' && Object.values(bySize).some((r) => r.naive?.measuredIn) ? ' The naive design does not depend on the app, so it is measured once per size, in the engine page.' : '';
    out.push(`## Figures (${mode === 'ui' ? 'UI' : 'engine'})`, '', `"÷ raw" is the figure divided by the raw limit measured in the same page; "naive ÷" is the naive design's figure divided by this one (its speedup).${naiveNote}`, '', mdTable(bySize), '');
  }
  if (res.uiSkipped) out.push(`UI figures were not measured: ${res.uiSkipped}`, '');
  const profiles = (mode, names) => {
    const largest = Object.keys(res.results[mode] ?? {}).map(Number).sort((a, b) => a - b).at(-1);
    const prof = largest && res.results[mode][largest]?.profiles;
    if (!prof) return;
    out.push(
      `## Where the time goes (${mode === 'ui' ? 'UI' : 'engine'}, ${sizeLabel(largest)} events, CPU profiles)`,
      '',
      'Self time per module, inclusive time of our own functions, and the longest stretch without an idle sample (what fills the longest task). "idle" is the main thread waiting (IndexedDB, file reads); "browser native" is structured cloning for IndexedDB, style and layout.',
      '',
      '```',
    );
    for (const [name, s] of Object.entries(prof)) {
      if (names && !names.includes(name)) continue;
      out.push(formatSummary(name, { ...s, groups: s.groups.slice(0, 8), self: s.self.slice(0, 5), inclusive: s.inclusive.slice(0, 8) }), '');
    }
    out.push('```', '');
  };
  profiles('engine');
  profiles('ui', ['append', 'seek', 'coldStartNewBrowser']);
  if (notes) out.push(notes.trim(), '');
  out.push(
    '## Method',
    '',
    '- Files: `bench/generate.mjs` writes deterministic export files (spec §1, one event per line): a few hundred items, seven locations, three devices, purchases, sales, moves, counts, edits, archives, and about one undo in 400 events.',
    '- Engine figures: `bench/bench.html` (built by `bench/vite.config.ts`) runs src/state/app.ts and src/io without the UI: import is `importLogFile` of the chosen file, export is `buildExport` of `exportEvents()`, append is `execute(addStock)` plus one frame, seek is `stateAt`, rebuild deletes the snapshots and starts the engine again.',
    '- UI figures: the production build (dist/, `vite preview`) through its stable hooks: the file input (timed from just before `setInputFiles`) to the first frame after the "Imported …" status appeared, the Export button to the finished download, `/` to the first table row (or the app\'s `eventory:table-ready` mark), `+1` to the changed quantity cell plus a frame, with no earlier write pending (the app shows a command before its write commits and marks the table `aria-busy` until then; a burst of one `+1` per frame, which queues behind pending writes, is reported beside it), `/?at=` (pushState) to the past table.',
    '- Cold start: a new browser process on the profile that holds the log (median of 3); warm reload: the same tab reloaded.',
    '- Raw limit (same page, own database): read the file + JSON.parse + one transaction writing 1,000-event records; read back 16 records per request (as the app reads pages); fold into counts; JSON.stringify per event into Blob parts; one-record transaction for append.',
    '- Naive design (same page, own database): one row per event (keyPath id, indexes on time and data.itemId), full replay (getAll on the time index + fold) after the import and after every append, and for each seek.',
    '- Long tasks: PerformanceObserver("longtask"); heap: CDP HeapProfiler.collectGarbage then Runtime.getHeapUsage; initial JavaScript: gzip -9 of the scripts and modulepreloads in dist/index.html.',
  );
  return out.join('\n') + '\n';
}
