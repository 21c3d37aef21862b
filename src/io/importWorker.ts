// The whole import in a dedicated worker (budget: no main-thread task over 100 ms during an import of a million
// events). Parsing a file of hundreds of MB and folding a million events take seconds; here they block nobody. The worker opens the page's database with its own engine, runs exactly the page's import code
// (src/io/importPipeline.ts, src/state/importer.ts), writes a snapshot at the new head so the page reloads
// without folding, and tells the page and other tabs. All or nothing holds: the merge is one transaction, and
// a worker terminated before it commits writes nothing.
import { uuidv7Generator } from '../domain/ids';
import { Engine } from '../state/engine';
import { importEvents } from '../state/importer';
import { describeOpenError, isQuotaError } from '../state/storageErrors';
import { EventoryDB } from '../store/db';
import { EventStore } from '../store/eventStore';
import type { AppendOptions, AppendResult } from '../store/types';
import type { InventoryEvent } from '../domain/events';
import { readCheckMerge, type ImportPhase } from './importPipeline';
import type { FromWorker, StartImport, ToWorker } from './importProtocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (msg: FromWorker) => scope.postMessage(msg);

/**
 * Reports at most every PROGRESS_MS per phase: enough for a moving bar, few enough renders for the page. Each
 * report re-renders the import area and repaints, on a main thread that may share its cores with this worker,
 * the file reader and IndexedDB.
 */
const PROGRESS_MS = 200;

function progressPoster(): (phase: ImportPhase, done: number, total: number) => void {
  let lastPhase: ImportPhase | undefined;
  let lastAt = 0;
  return (phase, done, total) => {
    const now = performance.now();
    if (phase === lastPhase && done < total && now - lastAt < PROGRESS_MS) return;
    lastPhase = phase;
    lastAt = now;
    post({ type: 'progress', phase, done, total });
  };
}

/** The store, observed: when the import's transaction commits (from then on a cancel is too late). */
class ObservedStore extends EventStore {
  /** What the committed import added and skipped (its import record), once it committed. */
  saved: { added: number; skipped: number } | undefined;
  /** Every write of the import succeeded and it is committing (the engine folds meanwhile). */
  committing = false;

  override async append(events: InventoryEvent[], expectedVersion: number, opts?: AppendOptions): Promise<AppendResult> {
    const whileCommitting = opts?.whileCommitting;
    const observed: AppendOptions | undefined = whileCommitting
      ? {
          ...opts,
          whileCommitting: (sorted, reverts) => {
            this.committing = true;
            whileCommitting(sorted, reverts);
          },
        }
      : opts;
    let res: AppendResult;
    try {
      res = await super.append(events, expectedVersion, observed);
    } finally {
      this.committing = false;
    }
    if (res.ok) {
      this.saved = { added: events.length, skipped: opts?.importRecord?.skipped ?? 0 };
      post({ type: 'committed', version: res.head.version });
    }
    return res;
  }
}

/** Runs the import: posts `done`, then returns `idle` (or returns `done`, when it failed before posting it). */
async function run(job: StartImport, signal: AbortSignal): Promise<FromWorker> {
  const db = new EventoryDB(job.dbName);
  // A newer release wants to upgrade the database: step aside (an open transaction aborts, writing nothing).
  db.on('versionchange', () => {
    db.close();
    return false;
  });
  const progress = progressPoster();
  const store = new ObservedStore(db);
  const engine = new Engine({
    store,
    // The engine's own load folds too; only the fold of what the import wrote is the import's progress: begun
    // while its transaction commits ('saving'), or after ('applying').
    onFold: (done, total) => (store.saved ? progress('applying', done, total) : store.committing && progress('saving', done, total)),
    clock: () => new Date(),
    newId: uuidv7Generator(() => Date.now(), (n) => crypto.getRandomValues(new Uint8Array(n))),
    source: job.source,
  });
  try {
    await db.open();
    await engine.load();
    const result = await readCheckMerge(job.file, job.name, (events, opts) => importEvents(engine, events, opts), {
      signal,
      onProgress: (p) => progress(p.phase, p.done, p.total),
    });
    if (result.ok && result.added > 0) {
      // Every snapshot is written before the answer: the head's, for other tabs and the next start, and those
      // behind it, time travel's starting points (one every 2,000 events). Written after it, a reload right
      // after "Imported" could end the worker first, and every seek into the past would then fold from the
      // log's start.
      await engine.snapshotHead();
      await engine.settled();
      // Other tabs catch up now, from that snapshot.
      const channel = new BroadcastChannel('eventory');
      channel.postMessage({ type: 'appended', version: engine.head.version });
      channel.close();
    }
    // The page takes over the head folded here, with no read.
    post({ type: 'done', result, ...(result.ok && result.added > 0 ? { head: engine.headState() } : {}) });
    return { type: 'idle' };
  } catch (err) {
    // Past the commit the import happened, whatever failed after it (the fold here): the page reloads from the log.
    if (store.saved) return { type: 'done', result: { ok: true, ...store.saved } };
    // Same wording as an in-page import (importEvents in src/state/app.ts).
    const message = describeOpenError(err);
    return { type: 'done', result: { ok: false, error: `${message} The file was not imported; the log is unchanged.` }, ...(isQuotaError(err) ? { quota: message } : {}) };
  } finally {
    db.close();
  }
}

let ctrl: AbortController | undefined;
scope.addEventListener('message', (ev: MessageEvent<ToWorker>) => {
  const msg = ev.data;
  if (msg.type === 'cancel') ctrl?.abort();
  else if (msg.type === 'start' && !ctrl) {
    ctrl = new AbortController();
    void run(msg, ctrl.signal).then((last) => {
      post(last);
      if (last.type === 'done') post({ type: 'idle' });
    });
  }
});
post({ type: 'ready' });
