// Small numeric helpers shared by the suites and the report.
export function quantile(xs, q) {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
}

export const median = (xs) => quantile(xs, 0.5);

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32), so seeks hit the same instants every run. */
export function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` instants spread at random over [firstIso, lastIso]. */
export function seekTimes(firstIso, lastIso, count, seed = 7) {
  const rand = seeded(seed);
  const lo = Date.parse(firstIso);
  const span = Date.parse(lastIso) - lo;
  return Array.from({ length: count }, () => new Date(lo + Math.floor(rand() * span)).toISOString());
}

/**
 * How progress reports were spread over [from, to]: how many, and the longest wait without one. `labels` (one per
 * time, optional) name what was shown, so the result says what the longest wait came after (`maxGapAfter`).
 */
export function progressGaps(times, from, to, labels) {
  const ts = [from];
  const names = ['start'];
  times.forEach((t, i) => t >= from && t <= to && (ts.push(t), names.push(labels?.[i] ?? '')));
  ts.push(to);
  names.push('end');
  let maxGap = 0;
  let after = 0;
  for (let i = 1; i < ts.length; i++) if (ts[i] - ts[i - 1] > maxGap) (maxGap = ts[i] - ts[i - 1]), (after = i - 1);
  return { reports: ts.length - 2, maxGapMs: Math.round(maxGap), ...(labels ? { maxGapAfter: names[after] } : {}) };
}

/** Appends and seeks of the naive design: each replays the whole log, so fewer samples on big logs. */
export const naiveSamples = (size) => (size >= 500_000 ? { appends: 3, seeks: 3 } : size >= 50_000 ? { appends: 5, seeks: 5 } : { appends: 20, seeks: 10 });
