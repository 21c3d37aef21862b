// Batches pulled from the server go through the normal importer (src/io/importLog.ts), as one export file made
// of their lines: the same checks, the same merge, the same worker, and the events keep the bytes they came in.
// All of them at once is the fast path (a first sync of a large log is one import, like a file). When that is
// refused, halves are tried, down to single batches: a bad batch is rejected alone, with the importer's message,
// and nothing of it is applied. A batch that names an item created by a batch that came after it is refused at
// first and imported on a later try, so the order in which batches arrive does not change the log.
import { exportHeader } from '../io/exportFormat';
import { importLogFile, type ImportProgress } from '../io/importLog';
import { journalAfter, readHead } from '../state/logReads';
import { EVENT_SEPARATOR } from '../store/pages/codec';
import type { BatchDoc } from './batch';
import { pullImportName } from './outbox';

/**
 * A checked batch as the pull keeps it until the import: its lines in a Blob, out of the page's heap, so that the
 * text of a million events waits in the browser's blob storage rather than in garbage-collected strings.
 */
export interface PulledBatch {
  id: string;
  count: number;
  lines: Blob;
}

/** `bytes`: the batch's lines as UTF-8, as its check encoded them (a Blob of a string would encode them again). */
export const pulledBatch = (doc: BatchDoc, bytes: Uint8Array<ArrayBuffer>): PulledBatch => ({ id: doc._id, count: doc.count, lines: new Blob([bytes]) });

export interface BatchImport {
  added: number;
  rejected: { id: string; error: string }[];
  /** Versions of the log written by these imports: their events are on the server, not to be pushed back. */
  versions: number[];
}

export async function importBatches(batches: readonly PulledBatch[], url: string, onProgress?: (p: ImportProgress) => void): Promise<BatchImport> {
  const out: BatchImport = { added: 0, rejected: [], versions: [] };
  if (batches.length === 0) return out;
  let failed = await importGroup(batches, url, out, onProgress);
  // What was refused may have needed an item from a batch that came later in the same pull.
  if (failed.length > 0 && failed.length < batches.length) failed = await importGroup(failed.map((f) => f.batch), url, out, onProgress);
  out.rejected = failed.map((f) => ({ id: f.batch.id, error: f.error }));
  return out;
}

async function importGroup(batches: readonly PulledBatch[], url: string, out: BatchImport, onProgress?: (p: ImportProgress) => void): Promise<{ batch: PulledBatch; error: string }[]> {
  const before = (await readHead()).version;
  const res = await importLogFile(asFile(batches, url), { onProgress });
  if (res.ok) {
    out.added += res.added;
    if (res.added > 0) out.versions.push(...(await writtenBy(before, batches)));
    return [];
  }
  if (batches.length === 1) return [{ batch: batches[0]!, error: res.error }];
  const half = Math.ceil(batches.length / 2);
  const first = await importGroup(batches.slice(0, half), url, out, onProgress);
  const second = await importGroup(batches.slice(half), url, out, onProgress);
  return [...first, ...second];
}

/** The batches as an export file (spec §1): a header, then their lines. */
function asFile(batches: readonly PulledBatch[], url: string): File {
  const parts: BlobPart[] = [];
  let count = 0;
  for (const b of batches) {
    if (b.count === 0) continue;
    if (count > 0) parts.push(EVENT_SEPARATOR);
    parts.push(b.lines);
    count += b.count;
  }
  return new File([exportHeader(count, new Date()), ...parts, count === 0 ? ']}\n' : '\n]}\n'], pullImportName(url), { type: 'application/json' });
}

/**
 * Which versions after `before` the import just made wrote. An import is one write; when another write (a command
 * in this or another tab) came in between, the import's is the one holding these batches' events, or the only
 * large write (whose events the journal does not keep).
 */
async function writtenBy(before: number, batches: readonly PulledBatch[]): Promise<number[]> {
  const { head, rows } = await journalAfter(before);
  if (head.version === before + 1) return [head.version];
  let ids: Set<string> | undefined;
  const ours: number[] = [];
  const bulk = rows.filter((r) => !r.events);
  for (const row of rows) {
    if (!row.events) continue;
    ids ??= await idsOf(batches);
    if (row.events.every((e) => ids!.has(e.id))) ours.push(row.version);
  }
  if (ours.length === 0 && bulk.length === 1) ours.push(bulk[0]!.version);
  return ours;
}

async function idsOf(batches: readonly PulledBatch[]): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const b of batches) for (const e of JSON.parse(`[${await b.lines.text()}]`) as { id: string }[]) ids.add(e.id);
  return ids;
}
