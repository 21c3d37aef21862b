// The text of pages that refer to an imported file (FilePage, schema version 4): read from the file kept in
// importFiles, a byte range at a time. Consecutive pages of one file are read together (a rebuild reads 16 pages
// at once), and the file's handle is kept: a row of importFiles never changes (it is only deleted once no page
// refers to it: unreferenced.ts). Loaded with the first such page (files.ts): a log that never imported a file,
// and every start, does without it.
import Dexie from 'dexie';
import type { EventoryDB } from '../db';
import type { FilePage, StoredPage, TextPage } from '../types';
import { follows, isFilePage } from './codec';

const kept = new WeakMap<EventoryDB, Map<string, Promise<Blob>>>();

function damaged(row: StoredPage, why: string): Error {
  return new Error(`A page of the log is damaged (at ${JSON.stringify(row?.lo)}): ${why}.`);
}

/** The imported file `id`, read once (outside any transaction of the caller, whose scope may lack its table). */
function fileOf(db: EventoryDB, id: string): Promise<Blob> {
  let files = kept.get(db);
  if (!files) kept.set(db, (files = new Map()));
  let file = files.get(id);
  if (!file) {
    file = Dexie.ignoreTransaction(() => db.importFiles.get(id)).then((row) => {
      if (!(row?.file instanceof Blob)) throw new Error(`The imported file ${JSON.stringify(id)} that pages of the log refer to is missing.`);
      return row.file;
    });
    // A failed read is not kept: the next read tries again.
    file.catch(() => files.delete(id));
    files.set(id, file);
  }
  return file;
}

/** Drops the handles of deleted files (unreferenced.ts): a Blob still held keeps its bytes on disk. */
export function forgetFiles(db: EventoryDB, ids: readonly string[]): void {
  const files = kept.get(db);
  for (const id of ids) files?.delete(id);
}

/** The file of `run` (pages of one file, each following the one before), checked to hold all of their bytes. */
async function fileOfRun(db: EventoryDB, run: readonly FilePage[]): Promise<Blob> {
  run.forEach(checkShape);
  const last = run[run.length - 1]!;
  const file = await fileOf(db, last.src);
  if (last.end > file.size) throw damaged(last, 'it refers to bytes past the end of its file');
  return file;
}

/** As files.ts runBlob. */
export async function runBlob(db: EventoryDB, run: readonly FilePage[]): Promise<Blob> {
  return (await fileOfRun(db, run)).slice(run[0]!.start, run[run.length - 1]!.end);
}

/** Reads runs of consecutive pages of one file as one text; splits it by bytes when the run is ASCII. */
async function readRun(db: EventoryDB, run: readonly FilePage[]): Promise<TextPage[]> {
  const file = await fileOfRun(db, run);
  const base = run[0]!.start;
  const last = run[run.length - 1]!;
  if (run.length > 1) {
    const text = await file.slice(base, last.end).text();
    // One character per byte: the offsets in the file are offsets in the text.
    if (text.length === last.end - base) return run.map((p) => ({ lo: p.lo, n: p.n, text: text.slice(p.start - base, p.end - base), from: p.src }));
  }
  return Promise.all(run.map(async (p) => ({ lo: p.lo, n: p.n, text: await file.slice(p.start, p.end).text(), from: p.src })));
}

/** A text page's shape is checked where it is decoded (codec.ts storedText); a file page's, here. */
function checkShape(row: FilePage): void {
  if (typeof row.n !== 'number') throw damaged(row, 'it holds no event count');
  if (!Number.isSafeInteger(row.start) || !Number.isSafeInteger(row.end) || row.start < 0 || row.end < row.start) throw damaged(row, 'it refers to no valid bytes of its file');
}

/** As files.ts pageTexts (called only when some row is a file page). */
export async function pageTexts(db: EventoryDB, rows: readonly StoredPage[]): Promise<TextPage[]> {
  const out: (TextPage | Promise<TextPage[]>)[] = [];
  for (let i = 0; i < rows.length; ) {
    const row = rows[i]!;
    if (!isFilePage(row)) {
      out.push(row);
      i++;
      continue;
    }
    let j = i + 1;
    for (; j < rows.length; j++) {
      const next = rows[j]!;
      if (!isFilePage(next) || !follows(rows[j - 1] as FilePage, next)) break;
    }
    out.push(readRun(db, rows.slice(i, j) as FilePage[]));
    i = j;
  }
  const texts: TextPage[] = [];
  for (const part of await Promise.all(out)) Array.isArray(part) ? texts.push(...part) : texts.push(part);
  return texts;
}
