// Batch documents: up to a few thousand events as export lines (spec §1), named by a hash of those lines. The
// same events in the same order always make the same document, so a push that is repeated (a lost answer, a
// retry, another tab) writes nothing new, and a document is never changed, so it can never conflict.
// WARNING: the shape and the id rule are shared by every device syncing one database: a change needs a new
// BATCH_VERSION that older releases refuse with a message.
import type { InventoryEvent } from '../domain/events';
import { sha256Hex } from '../io/hash';
import { EVENT_SEPARATOR, encodeEvents } from '../store/pages/codec';

export const BATCH_PREFIX = 'eventory-batch-';
export const BATCH_VERSION = 1;
/** A batch holds at most this many events, and at most MAX_BATCH_CHARS of text (CouchDB's default document limit is 8 MB). */
export const MAX_BATCH_EVENTS = 2000;
export const MAX_BATCH_CHARS = 2_000_000;

export interface BatchDoc {
  _id: string;
  eventory: 'batch';
  version: number;
  count: number;
  /** The events as an export writes them: one JSON text per event, joined by ",\n". */
  lines: string;
}

export async function makeBatch(events: readonly InventoryEvent[]): Promise<BatchDoc> {
  const { n, text } = encodeEvents(events);
  return { _id: BATCH_PREFIX + (await sha256Hex(text)), eventory: 'batch', version: BATCH_VERSION, count: n, lines: text };
}

/** Splits events (in the order given) into runs that each fit one batch. */
export function* batchRuns(events: readonly InventoryEvent[]): Generator<InventoryEvent[]> {
  let run: InventoryEvent[] = [];
  let chars = 0;
  for (const e of events) {
    // An estimate: the length of a stringified event, without stringifying it twice, is not known here; events
    // are at most a few KB (spec limits), so the margin below the document limit is wide.
    const size = JSON.stringify(e).length + EVENT_SEPARATOR.length;
    if (run.length > 0 && (run.length === MAX_BATCH_EVENTS || chars + size > MAX_BATCH_CHARS)) {
      yield run;
      run = [];
      chars = 0;
    }
    run.push(e);
    chars += size;
  }
  if (run.length) yield run;
}

export const isBatchId = (id: string): boolean => id.startsWith(BATCH_PREFIX);

const encoder = new TextEncoder();

/**
 * A batch document read from the server, checked before any of it is imported, with its lines as UTF-8 (encoded
 * once, for the hash and for the import); a message when it is not usable.
 */
export async function checkBatch(doc: Record<string, unknown>): Promise<{ ok: true; batch: BatchDoc; bytes: Uint8Array<ArrayBuffer> } | { ok: false; error: string }> {
  const id = String(doc._id);
  if (doc.eventory !== 'batch' || typeof doc.lines !== 'string' || typeof doc.count !== 'number') {
    return { ok: false, error: 'it is not an Eventory batch (fields "eventory", "lines" or "count" are missing or wrong)' };
  }
  if (typeof doc.version !== 'number' || doc.version > BATCH_VERSION) {
    return { ok: false, error: `it was written by a newer version of Eventory (batch version ${String(doc.version)}); update the app to read it` };
  }
  // The id is the hash of the lines: a document altered on the server (or damaged) no longer matches it.
  const bytes = encoder.encode(doc.lines);
  if (id !== BATCH_PREFIX + (await sha256Hex(bytes))) return { ok: false, error: 'its content does not match its id (it was changed on the server)' };
  return { ok: true, batch: { _id: id, eventory: 'batch', version: doc.version, count: doc.count, lines: doc.lines }, bytes };
}
