// The engine without the UI, driven by bench/run.mjs through `window.__bench`. It imports with the import page's
// `importLogFile` (which runs in the import worker, on this page's database: app.start(dbName)) and calls the
// same src/state/app.ts functions the UI calls, so the figures are the engine's share of the UI's import,
// append, seek, export and cold start. CPU profiles here cover the page only, not the import worker.
import * as app from '../src/state/app';
import { exportText } from '../src/state/logReads';
import { buildExport } from '../src/io/exportFormat';
import { importLogFile, type ImportPhase } from '../src/io/importLog';
import { EventoryDB } from '../src/store/db';

const scriptAt = performance.now();
const params = new URLSearchParams(location.search);
const dbName = params.get('db') ?? 'eventory-bench';
const status = document.getElementById('bench-status')!;

let chosen: File | undefined;
const input = Object.assign(document.createElement('input'), { type: 'file', id: 'engine-file', accept: '.json' });
input.addEventListener('change', () => (chosen = input.files?.[0]));
document.body.append(input);

const now = () => performance.now();
const nextFrame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));

export interface ImportRun {
  totalMs: number;
  startedAt: number;
  endedAt: number;
  /** Time from the first progress report of each phase to the first of the next (or to the end). */
  phases: Partial<Record<ImportPhase, number>>;
  result: app.ImportResult;
  /** (time, phase, done, total) of every progress report. */
  progress: [number, ImportPhase, number, number][];
}

/** The import page's path: the import worker reads, checks, merges and folds; then this page catches up. */
async function importChosen(): Promise<ImportRun> {
  if (!chosen) throw new Error('No file chosen: setInputFiles on #engine-file first');
  const progress: ImportRun['progress'] = [];
  const t0 = now();
  const result = await importLogFile(chosen, { onProgress: (p) => progress.push([now(), p.phase, p.done, p.total]) });
  const t1 = now();
  status.textContent = result.ok ? `done: ${result.added} added, ${result.skipped} skipped` : `error: ${result.error}`;
  const phases: ImportRun['phases'] = {};
  const firsts = progress.filter((p, i) => i === 0 || progress[i - 1]![1] !== p[1]);
  firsts.forEach((p, i) => (phases[p[1]] = (firsts[i + 1]?.[0] ?? t1) - (i === 0 ? t0 : p[0])));
  return { totalMs: t1 - t0, startedAt: t0, endedAt: t1, phases, result, progress };
}

/** The export page's path without the download: src/io builds the file from the engine's chunks. */
async function exportAll() {
  const progress: number[] = [];
  const t0 = now();
  const built = await buildExport(exportText(), { total: app.eventCount.value, onProgress: () => progress.push(now()) });
  const t1 = now();
  if (!built.ok) throw new Error(built.error);
  return { ms: t1 - t0, bytes: built.blob.size, events: built.eventCount, startedAt: t0, endedAt: t1, progress };
}

/** `count` commands (+1 on a listed item), each timed from the call to the new state published. */
async function append(count: number): Promise<number[]> {
  const listed = [...app.inventory.value.items.values()].filter((i) => i.known && !i.archived).map((i) => i.id);
  if (listed.length === 0) throw new Error('No listed item to add stock to');
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const itemId = listed[(i * 7919) % listed.length]!;
    const t0 = now();
    const res = await app.execute({ type: 'addStock', itemId, quantity: 1, location: 'Shop floor' });
    out.push(now() - t0);
    if (!res.ok) throw new Error(`append refused: ${res.error}`);
    // Let the frame a UI would paint pass, so appends do not queue behind each other.
    await nextFrame();
  }
  return out;
}

async function seek(times: string[]): Promise<number[]> {
  const out: number[] = [];
  for (const t of times) {
    const t0 = now();
    const s = await app.stateAt(t);
    if (s.items.size === 0 && s.eventCount > 0) throw new Error('seek returned no items');
    out.push(now() - t0);
  }
  return out;
}

/** Forgets every snapshot, then starts the engine again: all state is folded from the log. */
async function rebuild(): Promise<{ ms: number; items: number; events: number }> {
  app.resetForTests();
  const db = new EventoryDB(dbName);
  await db.open();
  await db.snapshots.clear();
  db.close();
  const t0 = now();
  await app.start(dbName);
  return { ms: now() - t0, items: app.inventory.value.items.size, events: app.eventCount.value };
}

async function snapshotCount(): Promise<number> {
  const db = new EventoryDB(dbName);
  await db.open();
  const n = await db.snapshots.count();
  const pages = await db.pages.count();
  db.close();
  return n * 1e6 + pages;
}

const summary = () => ({ items: app.inventory.value.items.size, events: app.eventCount.value });

declare global {
  interface Window {
    __bench: typeof bench;
    __coldStart?: { readyAt: number; scriptAt: number; items: number; events: number };
  }
}
const bench = { importChosen, exportAll, append, seek, rebuild, snapshotCount, summary, start: () => app.start(dbName) };
window.__bench = bench;

// Cold start: navigation to the engine's state loaded (the UI adds its first render on top of this).
if (params.has('start')) {
  void app.start(dbName).then(() => {
    performance.mark('eventory:engine-ready');
    window.__coldStart = { readyAt: now(), scriptAt, ...summary() };
    status.textContent = 'ready';
  });
} else status.textContent = 'idle';
