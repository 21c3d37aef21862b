// What the figures were measured on, and the initial JavaScript of the production build.
import { readFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export function machine() {
  let model = cpus()[0]?.model ?? 'unknown';
  try {
    model = /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? model;
  } catch {
    // Not Linux: os.cpus() is the best we have.
  }
  let load = '';
  try {
    load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  } catch {
    // No load average outside Linux.
  }
  return { cpus: availableParallelism(), cpuModel: model, memoryGB: Math.round(totalmem() / 2 ** 30), node: process.version, loadAvg: load };
}

/**
 * Gzip size of the JavaScript a first visit downloads before the app can run: module scripts and
 * modulepreloads referenced by index.html (lazy route chunks are not initial).
 */
export function initialJs(distDir) {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const refs = new Set();
  for (const m of html.matchAll(/<script[^>]*\bsrc="([^"]+\.js)"/g)) refs.add(m[1]);
  for (const m of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g)) refs.add(m[1]);
  for (const m of html.matchAll(/<link[^>]*href="([^"]+\.js)"[^>]*rel="modulepreload"/g)) refs.add(m[1]);
  const files = [...refs].map((ref) => {
    const buf = readFileSync(join(distDir, ref.replace(/^\//, '')));
    return { file: ref, bytes: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
  });
  return { gzipBytes: files.reduce((s, f) => s + f.gzip, 0), bytes: files.reduce((s, f) => s + f.bytes, 0), files };
}
