// Push: the events this device has not sent (outbox.ts), as content-addressed batches (batch.ts) in
// `_bulk_docs` requests. Nothing is recorded until every batch is on the server; a push cut off halfway is
// simply repeated, and the batches that did arrive are conflicts the second time, which write nothing.
import { addPushedIds, type SyncState } from './ledger';
import { batchRuns, makeBatch, type BatchDoc } from './batch';
import type { CouchClient, CouchFailure } from './couch';
import { unpushed } from './outbox';

/** Text per `_bulk_docs` request: a few batches, so that progress shows and a lost request costs little. */
const REQUEST_CHARS = 4_000_000;

export type PushResult = { ok: true; sent: number; written: number } | ({ ok: false } & CouchFailure);

export async function push(client: CouchClient, state: SyncState, onProgress?: (done: number, total: number) => void): Promise<PushResult> {
  const box = await unpushed(state);
  let written = 0;
  if (box.events.length > 0) {
    const docs: BatchDoc[] = [];
    for (const run of batchRuns(box.events)) docs.push(await makeBatch(run));
    let done = 0;
    for (const group of requests(docs)) {
      onProgress?.(done, box.events.length);
      const res = await client.bulkDocs(group);
      if (!res.ok) return res;
      written += res.value.filter((r) => r.written).length;
      for (const doc of group) done += doc.count;
    }
    onProgress?.(done, box.events.length);
    await addPushedIds(state, box.events.map((e) => e.id));
  }
  state.pushedVersion = box.upTo;
  state.pullVersions = state.pullVersions.filter((v) => v > box.upTo);
  return { ok: true, sent: box.events.length, written };
}

function* requests(docs: readonly BatchDoc[]): Generator<BatchDoc[]> {
  let group: BatchDoc[] = [];
  let chars = 0;
  for (const doc of docs) {
    if (group.length > 0 && chars + doc.lines.length > REQUEST_CHARS) {
      yield group;
      group = [];
      chars = 0;
    }
    group.push(doc);
    chars += doc.lines.length;
  }
  if (group.length) yield group;
}
