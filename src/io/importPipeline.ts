// The steps of an import: read the file, parse and check all of it, then merge. Shared by the import
// worker (src/io/importWorker.ts) and the in-page path (tests, or a browser that cannot start the worker), so
// both refuse and count exactly alike; only the merge differs (the worker's own engine, or the page's).
import type { InventoryEvent } from '../domain/events';
import type { ImportOptions, ImportResult } from '../state/importer';
import { CANCELLED } from './describe';
import { ExportLineParser } from './parseLines';
import { looksLikeBomb, parseLog, readLog, type ParsedLog } from './parseLog';
import { readText } from './readFile';
import { readPiecesOffThread } from './readOffThread';
import { pageSpans } from './sourceText';
import type { ImportedFile, PageText } from '../store/types';

/**
 * `saving`: every event is written and the transaction commits, while the inventory is folded forward; `applying`:
 * the events are saved and the fold goes on (worker only; in both, a cancel is too late).
 */
export type ImportPhase = 'reading' | 'checking' | 'writing' | 'saving' | 'applying';
export interface ImportProgress {
  phase: ImportPhase;
  done: number;
  total: number;
}
export interface ImportFileOptions {
  signal?: AbortSignal;
  onProgress?: (p: ImportProgress) => void;
}

export type Merge = (events: InventoryEvent[], opts: ImportOptions) => Promise<ImportResult>;

/** Reads, checks and merges `file`. In-file repeats of an event count as skipped, like events already here. */
export async function readCheckMerge(file: Blob, name: string | undefined, merge: Merge, opts: ImportFileOptions = {}): Promise<ImportResult> {
  const { signal, onProgress } = opts;
  const parsed = await readAndParse(file, opts);
  if (!parsed.ok) return parsed;
  if (signal?.aborted) return { ok: false, error: CANCELLED };
  if (parsed.events.length === 0) return { ok: true, added: 0, skipped: parsed.duplicates };
  const res = await merge(parsed.events, {
    ...(name ? { name } : {}),
    signal,
    onProgress: (done, total) => onProgress?.({ phase: 'writing', done, total }),
    textOf: parsed.textOf,
    file: parsed.file,
  });
  if (!res.ok) return signal?.aborted ? { ok: false, error: CANCELLED } : res;
  return { ok: true, added: res.added, skipped: res.skipped + parsed.duplicates };
}

// Its own function so that the text (up to 500 MB) can be collected before the merge allocates pages.
async function readAndParse(file: Blob, { signal, onProgress }: ImportFileOptions): Promise<ParsedLog & { textOf?: PageText; file?: ImportedFile }> {
  const reading = (done: number, total: number) => onProgress?.({ phase: 'reading', done, total });
  const checking = (done: number, total: number) => onProgress?.({ phase: 'checking', done, total });
  // An export is parsed as it is read, a slice at a time (a worker of its own reads the next slices meanwhile)...
  // A file the line parser refuses (at its first line, for a legacy list) is not read any further.
  const lines = new ExportLineParser(looksLikeBomb);
  const read = await readPiecesOffThread(file, (piece, bytes) => lines.push(piece, bytes), { signal, onProgress: reading });
  if (!read.ok) return read;
  const doc = lines.end();
  if (doc !== undefined) {
    const log = await readLog(doc, { signal, onProgress: checking });
    // The pages store each event's text as the file has it, or where it is in the file, rather than stringify a
    // million events again.
    if (!log.ok) return log;
    const spans = pageSpans((doc as { events: unknown[] }).events, lines.source);
    return { ...log, textOf: spans.textOf, file: { blob: file, bytesOf: spans.bytesOf } };
  }
  // ...anything else (a legacy list, a pretty-printed file, a broken one) is read again as one text, parsed
  // whole, and its errors worded. Rare, and such files are small: reading twice keeps the common path from
  // holding the whole text.
  const text = await readText(file, { signal, onProgress: reading });
  if (!text.ok) return text;
  return parseLog(text.text, { signal, onProgress: checking });
}

/** The file's name, kept with the import record ("file" when it has none, e.g. a Blob in a test). */
export const fileName = (file: Blob): string | undefined => (typeof File !== 'undefined' && file instanceof File && file.name ? file.name : undefined);
