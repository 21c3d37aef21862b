// Pull: the batches added to the server since the sequence last seen, imported through the importer
// (importBatches.ts). The sequence is saved only once the batches are in the log (or reported as rejected), so a
// pull cut off anywhere is repeated, and importing a batch again adds nothing.
import type { ImportProgress } from '../io/importLog';
import { checkBatch, isBatchId } from './batch';
import type { Change, CouchClient, CouchFailure } from './couch';
import { importBatches, pulledBatch, type PulledBatch } from './importBatches';
import type { SyncState } from './ledger';

/** Changes per request: each batch holds up to 2,000 events, so a page is up to ~5 MB, and the next is requested while one is checked. */
const CHANGES_PER_REQUEST = 10;
/** Events gathered before importing: a new device's first sync of a large log is a few large imports, not hundreds. */
const EVENTS_PER_IMPORT = 1_000_000;

export type PullProgress = { phase: 'receiving'; events: number } | { phase: 'importing'; step: ImportProgress };
export type PullResult = { ok: true; received: number; added: number; rejected: { id: string; error: string }[] } | ({ ok: false } & CouchFailure);

export interface PullOptions {
  /** Wait up to this long (ms) for a change when there is none (longpoll). */
  wait?: number;
  signal?: AbortSignal;
  onProgress?: (p: PullProgress) => void;
}

export async function pull(client: CouchClient, state: SyncState, opts: PullOptions = {}): Promise<PullResult> {
  const batches: PulledBatch[] = [];
  const rejected: { id: string; error: string }[] = [];
  let since = state.since;
  let events = 0;
  const read = (from: string | number, wait?: number) => client.changes(from, CHANGES_PER_REQUEST, { wait, signal: opts.signal });
  let next = read(since, opts.wait);
  for (;;) {
    const page = await next;
    if (!page.ok) return page;
    const { results, lastSeq, pending } = page.value;
    const more = pending !== undefined ? pending > 0 : results.length === CHANGES_PER_REQUEST;
    const last = !more || events + announced(results) >= EVENTS_PER_IMPORT;
    // The server prepares the next page while this one is checked.
    if (!last) next = read(lastSeq);
    for (const change of results) {
      const checked = await batchOf(change);
      if (!checked) continue;
      if (checked.ok) {
        batches.push(pulledBatch(checked.batch, checked.bytes));
        events += checked.batch.count;
      } else rejected.push({ id: change.id, error: checked.error });
    }
    since = lastSeq;
    opts.onProgress?.({ phase: 'receiving', events });
    if (last) break;
  }
  // Batches refused before are tried again with new ones: an item they need may have arrived.
  if (batches.length > 0 && state.rejected.length > 0) {
    const again = await client.getDocs(state.rejected.map((r) => r.id));
    if (!again.ok) return again;
    for (const doc of again.value) {
      const checked = await checkBatch(doc);
      if (checked.ok) batches.push(pulledBatch(checked.batch, checked.bytes));
    }
  }
  const imported = await importBatches(batches, state.url, (p) => opts.onProgress?.({ phase: 'importing', step: p }));
  state.since = since;
  state.pullVersions.push(...imported.versions);
  const retried = new Set(batches.map((b) => b.id));
  state.rejected = [...state.rejected.filter((r) => !retried.has(r.id)), ...rejected, ...imported.rejected];
  return { ok: true, received: events, added: imported.added, rejected: [...rejected, ...imported.rejected] };
}

/** The events a page's batches say they hold (before they are checked). */
function announced(results: readonly Change[]): number {
  let n = 0;
  for (const c of results) if (typeof c.doc?.count === 'number') n += c.doc.count;
  return n;
}

async function batchOf(change: Change): Promise<Awaited<ReturnType<typeof checkBatch>> | undefined> {
  if (change.deleted || !isBatchId(change.id) || !change.doc) return undefined;
  return checkBatch(change.doc);
}
