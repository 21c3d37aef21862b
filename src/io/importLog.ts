// Import of a user's file (spec §4): read, parse, check and upcast everything here, then hand the events to the
// engine, which merges them into the log in one transaction (or writes nothing). User errors are values.
import { importEvents, type ImportResult } from '../state/app';
import { CANCELLED, formatCount } from './describe';
import { parseLog } from './parseLog';
import { readText } from './readFile';

export type ImportPhase = 'reading' | 'checking' | 'writing';
export interface ImportProgress {
  phase: ImportPhase;
  done: number;
  total: number;
}
export interface ImportFileOptions {
  signal?: AbortSignal;
  onProgress?: (p: ImportProgress) => void;
}

/** Reads, checks and merges `file`. In-file repeats of an event count as skipped, like events already here. */
export async function importLogFile(file: Blob, opts: ImportFileOptions = {}): Promise<ImportResult> {
  const { signal, onProgress } = opts;
  const text = await readText(file, { signal, onProgress: (done, total) => onProgress?.({ phase: 'reading', done, total }) });
  if (!text.ok) return text;
  const parsed = await parseLog(text.text, { signal, onProgress: (done, total) => onProgress?.({ phase: 'checking', done, total }) });
  if (!parsed.ok) return parsed;
  if (signal?.aborted) return { ok: false, error: CANCELLED };
  if (parsed.events.length === 0) return { ok: true, added: 0, skipped: parsed.duplicates };
  const name = typeof File !== 'undefined' && file instanceof File && file.name ? file.name : undefined;
  const res = await importEvents(parsed.events, { ...(name ? { name } : {}), signal, onProgress: (done, total) => onProgress?.({ phase: 'writing', done, total }) });
  if (!res.ok) return signal?.aborted ? { ok: false, error: CANCELLED } : res;
  return { ok: true, added: res.added, skipped: res.skipped + parsed.duplicates };
}

/** The sentence the import area shows on success (spec §4: how many were new, how many already present). */
export function describeImport(added: number, skipped: number): string {
  const addedText = added === 0 ? 'No new events' : `Imported ${formatCount(added)} new event${added === 1 ? '' : 's'}`;
  if (skipped === 0) return `${addedText}.`;
  return `${addedText}; ${formatCount(skipped)} ${skipped === 1 ? 'was' : 'were'} already here.`;
}
