// Pull: the batches added to the server since the sequence last seen, imported through the importer
// (importBatches.ts). The sequence is saved only once the batches are in the log (or reported as rejected), so a
// pull cut off anywhere is repeated, and importing a batch again adds nothing.
import type { ImportProgress } from '../io/importLog';
import { readHead } from '../state/logReads';
import { checkBatch, isBatchId } from './batch';
import type { Change, CouchClient, CouchFailure } from './couch';
import { importBatches, pulledBatch, type KnownIds, type PulledBatch } from './importBatches';
import type { SyncState } from './ledger';

/** Changes per request: each batch holds up to 2,000 events, so a page is up to ~5 MB, and the next is requested while one is checked. */
const CHANGES_PER_REQUEST = 10;
/** Events one pull reads at most: a new device's first sync of a large log is a few pulls, each saving its sequence. */
const EVENTS_PER_PULL = 1_000_000;
/**
 * Into a log that was empty when the pull began, the batches are imported in parts of this many events while the
 * rest still arrives: the pull knows every id it wrote, so no part searches the log. Into any other log, they are
 * one import at the end (each part would search the whole log).
 */
const EVENTS_PER_PART = 200_000;

export type PullProgress = { phase: 'receiving'; events: number } | { phase: 'importing'; step: ImportProgress };
export type PullResult = { ok: true; received: number; added: number; rejected: { id: string; error: string }[] } | ({ ok: false } & CouchFailure);

export interface PullOptions {
  /** Wait up to this long (ms) for a change when there is none (longpoll). */
  wait?: number;
  signal?: AbortSignal;
  onProgress?: (p: PullProgress) => void;
  /** Events per part imported while the rest arrives (tests use small parts). */
  eventsPerPart?: number;
}

export async function pull(client: CouchClient, state: SyncState, opts: PullOptions = {}): Promise<PullResult> {
  const head = await readHead();
  const logIds: { current: KnownIds | undefined } = { current: head.count === 0 ? { version: head.version, ids: new Set() } : undefined };
  const perPart = logIds.current ? (opts.eventsPerPart ?? EVENTS_PER_PART) : Infinity;
  const rejected: { id: string; error: string }[] = [];
  let since = state.since;
  let events = 0;
  let received = 0;
  let part: PulledBatch[] = [];
  let partEvents = 0;
  // Parts are imported one after another while pages keep arriving. A batch a part refused is tried again with
  // the last part: it may need an item that a later batch creates.
  let added = 0;
  let refused: PulledBatch[] = [];
  let importing = Promise.resolve();
  // Once everything has arrived, the part still being imported shows its progress.
  let arrived = false;
  const importing$ = (p: ImportProgress) => arrived && opts.onProgress?.({ phase: 'importing', step: p });
  const importPart = (batches: PulledBatch[]) => {
    importing = importing.then(async () => {
      const imported = await importBatches(batches, state.url, { logIds, onProgress: importing$ });
      added += imported.added;
      // Recorded at once: these versions are the server's even if this pull is cut off before it ends.
      state.pullVersions.push(...imported.versions);
      refused = refused.concat(imported.rejected.map((r) => r.batch));
    });
  };

  const read = (from: string | number, wait?: number) => client.changes(from, CHANGES_PER_REQUEST, { wait, signal: opts.signal });
  let next = read(since, opts.wait);
  for (;;) {
    const page = await next;
    if (!page.ok) {
      await importing;
      return page;
    }
    const { results, lastSeq, pending } = page.value;
    const more = pending !== undefined ? pending > 0 : results.length === CHANGES_PER_REQUEST;
    const last = !more || events + announced(results) >= EVENTS_PER_PULL;
    // The server prepares the next page while this one is checked.
    if (!last) next = read(lastSeq);
    for (const change of results) {
      const checked = await batchOf(change);
      if (!checked) continue;
      if (checked.ok) {
        part.push(pulledBatch(checked.batch, checked.bytes));
        partEvents += checked.batch.count;
        events += checked.batch.count;
        received++;
      } else rejected.push({ id: change.id, error: checked.error });
    }
    since = lastSeq;
    opts.onProgress?.({ phase: 'receiving', events });
    if (last) break;
    if (partEvents >= perPart) {
      importPart(part);
      part = [];
      partEvents = 0;
    }
  }
  arrived = true;
  await importing;
  const batches = refused.concat(part);
  // Batches refused before are tried again with new ones: an item they need may have arrived.
  if (received > 0 && state.rejected.length > 0) {
    const again = await client.getDocs(state.rejected.map((r) => r.id));
    if (!again.ok) return again;
    for (const doc of again.value) {
      const checked = await checkBatch(doc);
      if (checked.ok) batches.push(pulledBatch(checked.batch, checked.bytes));
    }
  }
  const imported = await importBatches(batches, state.url, { logIds, onProgress: importing$ });
  state.since = since;
  state.pullVersions.push(...imported.versions);
  const retried = new Set(batches.map((b) => b.id));
  const failed = imported.rejected.map(({ id, error }) => ({ id, error }));
  state.rejected = [...state.rejected.filter((r) => !retried.has(r.id)), ...rejected, ...failed];
  return { ok: true, received: events, added: added + imported.added, rejected: [...rejected, ...failed] };
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
