// Where the time goes: a CDP CPU profile folded into self time per module and per function, and inclusive
// time of our own functions. Bundled code is mapped back to its source module through the build's source maps.
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** bundle file name -> { lines: per generated line, sorted [column, source index]; sources } */
const maps = new Map();

const B64 = new Map([...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'].map((c, i) => [c, i]));

/** Decodes the `mappings` of a source map (VLQ) into, per generated line, [column, source, line, name] tuples. */
function decodeMappings(mappings) {
  const lines = [];
  let src = 0;
  let srcLine = 0;
  let name = 0;
  for (const line of mappings.split(';')) {
    const segs = [];
    let col = 0;
    for (const seg of line.split(',')) {
      if (!seg) continue;
      const vals = [];
      let shift = 0;
      let value = 0;
      for (const ch of seg) {
        const d = B64.get(ch);
        value += (d & 31) << shift;
        if (d & 32) shift += 5;
        else {
          vals.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      col += vals[0];
      if (vals.length > 1) {
        src += vals[1];
        srcLine += vals[2];
        if (vals.length > 4) name += vals[4];
        segs.push([col, src, srcLine, vals.length > 4 ? name : -1]);
      }
    }
    lines.push(segs);
  }
  return lines;
}

// Sources are relative to the map (`../../src/x.ts`, or deeper when built outside the project).
const shortSource = (s) =>
  s
    .replace(/^\u0000/, '')
    .replace(/^.*?node_modules\/((?:@[^/]+\/)?[^/]+).*/, '$1')
    .replace(/^(?:\.\.\/|[^/]+\/)*?((?:src|bench)\/)/, '$1')
    .replace(/^(\.\.\/)+/, '');

/** Reads the source maps of every bundle in `assetsDir` (built with sourcemap: true). */
export async function loadModuleMap(assetsDir) {
  if (!existsSync(assetsDir)) return;
  for (const f of await readdir(assetsDir)) {
    if (!f.endsWith('.js.map')) continue;
    const map = JSON.parse(await readFile(join(assetsDir, f), 'utf8'));
    maps.set(f.slice(0, -4), { lines: decodeMappings(map.mappings), sources: map.sources.map(shortSource), names: map.names ?? [] });
  }
}

/** The source position of a generated one: module, 1-based line, and the nearest original name before it. */
function original(url, line, column) {
  const file = url.slice(url.lastIndexOf('/') + 1).replace(/[?#].*$/, '');
  const map = maps.get(file);
  const segs = map?.lines[line];
  if (!segs?.length) return { module: file };
  let i = 0;
  while (i + 1 < segs.length && segs[i + 1][0] <= column) i++;
  let name;
  for (let j = i; j >= 0 && j > i - 4; j--) if (segs[j][3] >= 0) (name ??= map.names[segs[j][3]]);
  return { module: map.sources[segs[i][1]] ?? file, line: segs[i][2] + 1, name };
}

const SPECIAL = {
  '(idle)': 'idle: waiting on IndexedDB / file reads',
  '(garbage collector)': 'garbage collection',
  '(program)': 'browser native (structured clone, IDB glue, layout)',
  '(root)': 'browser native (structured clone, IDB glue, layout)',
};

const frameCache = new Map();
/** Group (module or special) and a readable label of a profile frame. */
function describeFrame(f) {
  const key = `${f.functionName}|${f.url}|${f.lineNumber}|${f.columnNumber}`;
  let d = frameCache.get(key);
  if (d) return d;
  if (SPECIAL[f.functionName]) d = { group: SPECIAL[f.functionName], label: f.functionName };
  else if (!f.url) d = { group: `builtin ${f.functionName || '(anonymous)'}`, label: `${f.functionName || '(anonymous)'} (builtin)` };
  else {
    const o = original(f.url, f.lineNumber, f.columnNumber);
    // Minified bundles: a one- or two-letter name is the minifier's; prefer the source map's.
    const name = f.functionName && (f.functionName.length > 2 || !o.name) ? f.functionName : (o.name ?? f.functionName ?? '(anonymous)');
    d = { group: o.module, label: `${name || '(anonymous)'} (${o.module}${o.line ? `:${o.line}` : ''})` };
  }
  frameCache.set(key, d);
  return d;
}

/** Summarises a profile: total sampled ms, ms per module/group, top functions by self and by inclusive time. */
export function summarize(profile, top = 12) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map();
  let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0) / 1000;
    total += dt;
    self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + dt);
  }
  const byGroup = new Map();
  const bySelf = new Map();
  const byIncl = new Map();
  for (const [id, ms] of self) {
    const d = describeFrame(nodes.get(id).callFrame);
    byGroup.set(d.group, (byGroup.get(d.group) ?? 0) + ms);
    bySelf.set(d.label, (bySelf.get(d.label) ?? 0) + ms);
    // Inclusive time of our own code: each function counted once per sample however deep it recurses.
    const seen = new Set();
    for (let n = id; n !== undefined; n = parent.get(n)) {
      const fd = describeFrame(nodes.get(n).callFrame);
      if (!/^(src|bench)\//.test(fd.group)) continue;
      const key = fd.label;
      if (seen.has(key)) continue;
      seen.add(key);
      byIncl.set(key, (byIncl.get(key) ?? 0) + ms);
    }
  }
  const sorted = (m, n) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => [k, Math.round(v)]);
  return { sampledMs: Math.round(total), groups: sorted(byGroup, 14), self: sorted(bySelf, top), inclusive: sorted(byIncl, top), longestBusy: longestBusy(profile, nodes, parent) };
}

/**
 * The longest run of samples in which the main thread never went idle: an upper bound of the longest task
 * (two tasks back to back look like one), with what ran in it — the functions to slice or move off the thread.
 */
function longestBusy(profile, nodes, parent) {
  const idle = new Set(profile.nodes.filter((n) => n.callFrame.functionName === '(idle)').map((n) => n.id));
  let best = { ms: 0, from: 0, to: 0 };
  let start = 0;
  let ms = 0;
  for (let i = 0; i <= profile.samples.length; i++) {
    if (i === profile.samples.length || idle.has(profile.samples[i])) {
      if (ms > best.ms) best = { ms, from: start, to: i };
      start = i + 1;
      ms = 0;
    } else ms += (profile.timeDeltas[i + 1] ?? 0) / 1000;
  }
  const incl = new Map();
  for (let i = best.from; i < best.to; i++) {
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const seen = new Set();
    for (let n = profile.samples[i]; n !== undefined; n = parent.get(n)) {
      const d = describeFrame(nodes.get(n).callFrame);
      if (!/^(src|bench)\//.test(d.group) || seen.has(d.label)) continue;
      seen.add(d.label);
      incl.set(d.label, (incl.get(d.label) ?? 0) + dt);
    }
  }
  const self = new Map();
  for (let i = best.from; i < best.to; i++) {
    const d = describeFrame(nodes.get(profile.samples[i]).callFrame);
    self.set(d.label, (self.get(d.label) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
  }
  const top = (m) => [...m].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([k, v]) => [k, Math.round(v)]);
  return { ms: Math.round(best.ms), inclusive: top(incl), self: top(self) };
}

/** Plain text of a summary, for the console and the docs. */
export function formatSummary(name, s) {
  const pct = (v) => `${((100 * v) / Math.max(1, s.sampledMs)).toFixed(0)}%`;
  const lines = [`${name}: ${s.sampledMs} ms sampled`, '  by module:'];
  for (const [k, v] of s.groups) lines.push(`    ${String(v).padStart(7)} ms ${pct(v).padStart(4)}  ${k}`);
  lines.push('  our functions, inclusive:');
  for (const [k, v] of s.inclusive) lines.push(`    ${String(v).padStart(7)} ms ${pct(v).padStart(4)}  ${k}`);
  lines.push('  hottest functions, self:');
  for (const [k, v] of s.self) lines.push(`    ${String(v).padStart(7)} ms ${pct(v).padStart(4)}  ${k}`);
  if (s.longestBusy?.ms) {
    lines.push(`  longest stretch without idle: ${s.longestBusy.ms} ms; in it:`);
    for (const [k, v] of s.longestBusy.inclusive.length ? s.longestBusy.inclusive : s.longestBusy.self) lines.push(`    ${String(v).padStart(7)} ms  ${k}`);
  }
  return lines.join('\n');
}

/**
 * A function giving the part of `profile` between two page times (ms, performance.now()). Profile times are µs on
 * another clock: aligned by taking the end of the profile as `nowMs` (it stopped a moment before), good to a few ms.
 */
export function profileWindow(profile, nowMs) {
  let clock = profile.startTime;
  const times = profile.timeDeltas.map((d) => (clock += d));
  const offset = nowMs * 1000 - profile.endTime;
  return (from, to) => {
    const keep = [];
    for (let i = 0; i < profile.samples.length; i++) {
      const t = (times[i] + offset) / 1000;
      if (t >= from && t <= to) keep.push(i);
    }
    return { ...profile, samples: keep.map((i) => profile.samples[i]), timeDeltas: keep.map((i) => profile.timeDeltas[i]) };
  };
}
