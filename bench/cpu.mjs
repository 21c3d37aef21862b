// CPU-only timings of the pure hot paths (fold, history keys, event checks, parseLog) in Node: same V8 as
// Chromium, no IndexedDB, so the numbers say what our code costs, not what the browser's storage does.
// Usage: node bench/cpu.mjs [file] [--only=fold,keys,check,parse] [--runs=N]
// The file defaults to the 1M-event export that `npm run bench` generates (bench/generate.mjs).
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'rolldown';

const args = process.argv.slice(2);
const flag = (name, dflt) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? dflt;
const file = args.find((a) => !a.startsWith('--')) ?? join(tmpdir(), 'eventory-bench', 'export-v2-s42-1000000.json');
const only = new Set(flag('only', 'fold,keys,check,parse').split(','));
const runs = Number(flag('runs', '3'));

/** Bundles the modules under test to a temp dir (TypeScript in, plain ESM out) and imports them. */
async function loadModules() {
  const src = (p) => fileURLToPath(new URL(`../src/${p}`, import.meta.url));
  const dir = await mkdtemp(join(tmpdir(), 'eventory-cpu-'));
  const input = { inventory: src('domain/inventory.ts'), history: src('domain/history.ts'), validate: src('io/validate.ts'), parseLog: src('io/parseLog.ts') };
  await build({ input, platform: 'node', logLevel: 'silent', output: { dir, format: 'esm', entryFileNames: '[name].mjs' } });
  const mods = {};
  for (const name of Object.keys(input)) mods[name] = await import(pathToFileURL(join(dir, `${name}.mjs`)).href);
  if (!args.includes("--keep")) await rm(dir, { recursive: true, force: true });
  else console.log(`bundle kept in ${dir}`);
  return mods;
}

/** Best of `runs` (the machine is shared: the minimum is the least disturbed run). */
function time(label, fn) {
  let best = Infinity;
  let result;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    result = fn();
    best = Math.min(best, performance.now() - t);
  }
  console.log(`${label.padEnd(44)} ${best.toFixed(0).padStart(7)} ms`);
  return result;
}

async function timeAsync(label, fn) {
  let best = Infinity;
  let result;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    result = await fn();
    best = Math.min(best, performance.now() - t);
  }
  console.log(`${label.padEnd(44)} ${best.toFixed(0).padStart(7)} ms`);
  return result;
}

function* inChunks(events, size) {
  for (let i = 0; i < events.length; i += size) yield events.slice(i, i + size);
}

const { inventory, history, validate, parseLog } = await loadModules();
const text = await readFile(file, 'utf8');
const events = time('JSON.parse (reference)', () => JSON.parse(text)).events;
console.log(`${events.length} events from ${file}`);

if (only.has('keys')) time('historyKey of every event', () => events.map(history.historyKey));

if (only.has('fold')) {
  const reverts = events
    .filter((e) => e.type === 'EventsReverted')
    .map((e) => ({ id: e.id, key: history.historyKey(e), eventIds: e.data.eventIds, minTargetKey: '' }));
  const skip = history.revertedAt(reverts, '\uffff');
  const chunks = [...inChunks(events, 1000)];
  const one = time('fold, one call (import)', () => inventory.fold(inventory.emptyState(), events, skip));
  const paged = time('fold, 1,000-event calls (rebuild)', () => chunks.reduce((s, c) => inventory.fold(s, c, skip), inventory.emptyState()));
  let total = 0;
  for (const item of one.items.values()) total += inventory.quantityOf(item);
  console.log(`  ${one.items.size} items, ${one.eventCount} events folded, total quantity ${inventory.roundQty(total)}, same as paged: ${paged.eventCount === one.eventCount}`);
}

if (only.has('check')) {
  time('checkEvent of every event', () => {
    for (let i = 0; i < events.length; i++) if (validate.checkEvent(events[i], i)) throw new Error(`event ${i} refused`);
  });
  // What every event cost before the hand-written fast path (src/io/certainlyValid.ts), for comparison.
  time('checkEventFully (schemas only) of every event', () => {
    for (let i = 0; i < events.length; i++) if (validate.checkEventFully(events[i], i)) throw new Error(`event ${i} refused`);
  });
}

if (only.has('parse')) {
  const doc = JSON.parse(text);
  const res = await timeAsync('readLog (checks, upcast, repeats; no JSON.parse)', () => parseLog.readLog(doc));
  if (!res.ok) throw new Error(res.error);
}
