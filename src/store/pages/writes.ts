// Page rows go to IndexedDB through the native object store of the Dexie transaction, in short slices with
// progress. The time of a write is the structured clone each put() makes synchronously, so going native rather
// than Dexie's bulkPut lets the store choose the slices (and so the length of each task).
// Nothing here calls Dexie, so Dexie's transaction zone is not needed across these awaits.
import Dexie, { type Transaction } from 'dexie';
import type { FileBytes, PagePlan, PageRow, PageText, StoredPage } from '../types';
import { encodePage } from './codec';

/** Page rows per slice: a task of a few tens of ms of cloning, while a slice's write takes about a ms. */
const PUT_SLICE = 8;

/**
 * Slices issued before the first of them is awaited. In a page, one: slices issued back to back keep IndexedDB
 * events queued, and the browser runs no timer or input for the whole write. In a worker (the import's) there
 * is no input to serve, and slices issued ahead let IndexedDB write while the next pages are cloned; a few, not
 * all, so that progress is still reported while they are cloned.
 */
const SLICES_IN_FLIGHT = typeof (globalThis as { WorkerGlobalScope?: unknown }).WorkerGlobalScope === 'undefined' ? 1 : 4;

const settled = (req: IDBRequest) =>
  new Dexie.Promise<void>((resolve, reject) => {
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error);
  });

/** A row written natively among the pages (the import's ids, in parts: db.ts IDS_PART). */
export interface AlongPages {
  store: string;
  value: unknown;
}

/**
 * Deletes `plan.deletes`, then puts `plan.writes` in slices, reporting (events written, events to write) after
 * each. The deletes are issued first, on the same native store, because a rewritten page may reuse a deleted
 * `lo` and IndexedDB runs one transaction's requests in the order they were made. Awaiting a request of this
 * transaction (never a timer) keeps it alive between slices, and a failed put rejects and so aborts it all.
 * `inFile`: for each row of `plan.writes`, where its text is in an imported file, if it refers to one.
 */
export async function writePages(
  tx: Transaction,
  plan: PagePlan,
  onProgress?: (done: number, total: number) => void,
  textOf?: PageText,
  along: readonly AlongPages[] = [],
  inFile?: readonly (FileBytes | undefined)[],
): Promise<void> {
  const rows = plan.writes;
  if (rows.length === 0 && plan.deletes.length === 0 && along.length === 0) return;
  const store = tx.idbtrans.objectStore('pages');
  let total = 0;
  for (const r of rows) total += r.events.length;
  try {
    for (const lo of plan.deletes) store.delete(lo);
    // IndexedDB writes a transaction's requests in the order they are made, so these rows are spread among the
    // page slices: made before the pages, the import's progress would wait for them; made after, they would
    // hold back the last pages' success.
    const puts: Promise<void>[] = [];
    let next = 0;
    const putAlong = (slicesMade: number, slices: number) => {
      for (; next < along.length && (next + 1) * slices <= slicesMade * (along.length + 1); next++) {
        const put = settled(tx.idbtrans.objectStore(along[next]!.store).put(along[next]!.value));
        put.catch(() => undefined);
        puts.push(put);
      }
    };
    await putSlices(store, rows, total, onProgress, (j) => encodePage(rows[j]!, textOf, inFile?.[j]), putAlong);
    await Promise.all(puts);
  } catch (e) {
    // Dexie aborts on a rejected scope too; aborting here first means no later put of ours can still land.
    try {
      tx.idbtrans.abort();
    } catch {
      // Already aborted by the failed request.
    }
    throw e;
  }
}

async function putSlices(
  store: IDBObjectStore,
  rows: readonly PageRow[],
  total: number,
  onProgress: ((done: number, total: number) => void) | undefined,
  /** The stored row of `rows[j]`. */
  encode: (j: number) => StoredPage,
  /** Called after each slice is made, with the slices made so far and in all; and once after the last. */
  putAlong: (slicesMade: number, slices: number) => void,
): Promise<void> {
  const slices = Math.ceil(rows.length / PUT_SLICE);
  let done = 0;
  // Each slice's last request with the events written once it succeeds; watched from the moment it is made.
  const inFlight: [Promise<void>, number][] = [];
  for (let i = 0; i < rows.length; i += PUT_SLICE) {
    let last: IDBRequest | undefined;
    const end = Math.min(i + PUT_SLICE, rows.length);
    for (let j = i; j < end; j++) {
      last = store.put(encode(j));
      done += rows[j]!.events.length;
      // Each page is reported as IndexedDB writes it: at the end of a large write the slices in flight take
      // a while to drain, and progress must keep moving meanwhile.
      const d = done;
      if (j < end - 1 && onProgress) last.onsuccess = () => onProgress(d, total);
    }
    putAlong(i / PUT_SLICE + 1, slices);
    const written = settled(last!);
    // After a failure the transaction aborts and every later request fails too: only the first is reported.
    written.catch(() => undefined);
    inFlight.push([written, done]);
    if (inFlight.length >= SLICES_IN_FLIGHT) {
      const [slice, d] = inFlight.shift()!;
      await slice;
      onProgress?.(d, total);
    }
  }
  // Whatever is left (all of it when there is no page to write), with the last slice in flight: the
  // transaction stays busy.
  putAlong(slices + 1, slices);
  for (const [slice, d] of inFlight) {
    await slice;
    onProgress?.(d, total);
  }
}
