// Issue 21, "fast on a phone": the UI budgets again with the CPU slowed (phone thresholds), the storage a log
// takes against its export file, and Lighthouse mobile per page. Judged at the largest size measured.
import { figureRows, sizeLabel } from './report.mjs';

const ms = (v) => (v === undefined || Number.isNaN(v) ? '—' : v >= 10_000 ? `${(v / 1000).toFixed(1)} s` : `${Math.round(v)} ms`);
const x = (v) => (Number.isFinite(v) ? `${v.toFixed(2)}×` : '—');
const mbOf = (b) => (Number.isFinite(b) ? `${(b / 1e6).toFixed(1)} MB` : '—');

const after = (r) => (r?.progress?.maxGapAfter ? ` after "${r.progress.maxGapAfter}"` : '');

/** Budgets of issue 21 from one run's results (`res.results`), with `rate` the CPU slowdown of the throttled run. */
export function phoneBudgets(results, rate) {
  const out = [];
  const b = (budget, at, pass, measured) => out.push({ budget, at, pass: Boolean(pass), measured });
  const largest = (bySize) => Object.keys(bySize ?? {}).map(Number).sort((p, q) => p - q).at(-1);
  const nt = largest(results.throttled);
  if (nt !== undefined) {
    const r = results.throttled[nt];
    const at = `at ${sizeLabel(nt)}, CPU ${rate}× slower`;
    const maxTask = Math.max(r.import?.longTask?.longestMs ?? NaN, r.export?.longTask?.longestMs ?? NaN);
    const maxGap = Math.max(r.import?.progress?.maxGapMs ?? Infinity, r.export?.progress?.maxGapMs ?? Infinity);
    b('cold start to first rows < 1.5 s', at, r.coldStart?.ms < 1500, ms(r.coldStart?.ms));
    b('time-travel seek p95 ≤ 400 ms', at, r.seek?.p95 <= 400, ms(r.seek?.p95));
    b('append p95 < 50 ms', at, r.append?.p95 < 50, ms(r.append?.p95));
    b('no task > 200 ms during import and export', at, maxTask <= 200, `longest ${ms(maxTask)} (import ${ms(r.import?.longTask?.longestMs)}, export ${ms(r.export?.longTask?.longestMs)})`);
    b('progress at least every second', at, maxGap <= 1000, `longest wait ${ms(maxGap)} (import ${ms(r.import?.progress?.maxGapMs)}${after(r.import)}, export ${ms(r.export?.progress?.maxGapMs)}${after(r.export)})`);
    b('import ≤ 2× raw limit (file chosen → outcome shown)', at, r.import?.ms <= 2 * r.raw?.importMs, `${ms(r.import?.ms)} vs ${ms(r.raw?.importMs)}: ${x(r.import?.ms / r.raw?.importMs)}`);
  }
  const nu = largest(results.ui);
  if (nu !== undefined) {
    const r = results.ui[nu];
    const s = r.storage;
    if (s) {
      for (const [when, est] of [['after import', s.afterImport], ['after a restart', s.afterRestart]]) {
        const ratio = est?.usage / s.exportBytes;
        b(`storage ${when} ≤ 1.3× export file`, `at ${sizeLabel(nu)}`, ratio <= 1.3, `${mbOf(est?.usage)} vs ${mbOf(s.exportBytes)}: ${x(ratio)}`);
      }
    }
  }
  const lh = results.lighthouse;
  for (const [path, p] of Object.entries(lh?.pages ?? {})) {
    b(`Lighthouse mobile ≥ 95, TBT < 150 ms: ${path}`, `${sizeLabel(lh.size)} events, median of ${p.runs.length}`, p.score >= 95 && p.tbt < 150, `${p.score} (runs ${p.runs.map((r) => r.score).join(', ')}), TBT ${ms(p.tbt)}, LCP ${ms(p.lcp)}`);
  }
  return out;
}

/** The Markdown section of the phone budgets and the throttled figures. */
export function phoneMarkdown(res) {
  const list = res.budgets?.phone ?? [];
  if (!list.length) return [];
  const out = [
    '## Budgets on a phone (issue 21)',
    '',
    `The UI suite again with Chromium's main thread slowed ${res.options.throttle}× (CDP \`Emulation.setCPUThrottlingRate\`; the import worker is not slowed, the raw limit in the same page is); storage is \`navigator.storage.estimate()\` of the unthrottled run; Lighthouse 12 mobile (simulated slow 4G, 4× CPU) from \`bench/lib/lighthouseSuite.mjs\`.`,
    '',
    '| budget | measured | result |',
    '|---|---|---|',
    ...list.map((b) => `| ${b.budget} | ${b.measured} (${b.at}) | **${b.pass ? 'PASS' : 'FAIL'}** |`),
    '',
  ];
  const t = res.results.throttled ?? {};
  const sizes = Object.keys(t);
  if (sizes.length) {
    const rows = sizes.map((s) => figureRows(t[s]));
    out.push(`### Figures, CPU ${res.options.throttle}× slower`, '', `| figure | ${sizes.map((s) => `${sizeLabel(Number(s))}: value | ÷ raw`).join(' | ')} |`, `|---|${sizes.map(() => '---:|---:').join('|')}|`);
    rows[0].forEach((row, i) => row.text !== '—' && out.push(`| ${row.figure} | ${rows.map((rs) => `${rs[i].text} | ${x(rs[i].ratio)}`).join(' | ')} |`));
    out.push('');
  }
  return out;
}
