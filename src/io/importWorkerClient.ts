// The page's side of an import in a worker (src/io/importWorker.ts): starts the worker for one import, relays
// its progress, turns a cancel into a message (and a terminate if the worker does not answer), and turns a
// crash into a message. The worker exists only while an import runs.
import type { HeadState } from '../state/engine';
import type { ImportResult } from '../state/importer';
import { CANCELLED } from './describe';
import type { ImportFileOptions } from './importPipeline';
import type { FromWorker, StartImport, ToWorker } from './importProtocol';

/**
 * How long a cancelled worker may take to answer before it is terminated. It checks between steps but cannot
 * during one JSON.parse (seconds for a large file) or the store's write (which takes no signal); terminating before
 * the commit aborts the transaction, so a short wait is safe and makes Cancel prompt.
 */
const CANCEL_GRACE_MS = 1000;

export const CRASHED = 'The import stopped unexpectedly (the browser may have run out of memory for this file). Nothing was changed.';

export interface WorkerOutcome {
  result: ImportResult;
  /** The browser refused the write for lack of space: the storage warning to show. */
  quota?: string;
  /** The log changed: the page must catch up. */
  committed: boolean;
  /** The head after the import, as the worker folded it: the page takes it over instead of reading it back. */
  head?: HeadState;
}

/** Runs the import in a worker; undefined when no worker could be started (the caller imports in the page). */
export function importInWorker(job: Omit<StartImport, 'type'>, opts: ImportFileOptions): Promise<WorkerOutcome | undefined> {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./importWorker.ts', import.meta.url), { type: 'module', name: 'eventory-import' });
  } catch {
    return Promise.resolve(undefined);
  }
  return new Promise((resolve) => {
    let ready = false;
    let committed = false;
    let graceTimer: ReturnType<typeof setTimeout> | undefined;
    const send = (msg: ToWorker) => worker.postMessage(msg);
    let answered = false;
    /** Resolves with `outcome` (once); the worker is terminated unless it still writes snapshots (`done`). */
    const finish = (outcome: WorkerOutcome | undefined, keepWorker = false) => {
      clearTimeout(graceTimer);
      opts.signal?.removeEventListener('abort', cancel);
      if (!keepWorker) worker.terminate();
      if (answered) return;
      answered = true;
      resolve(outcome);
    };
    function cancel() {
      // Once the transaction committed the import has happened; it finishes and reports its counts.
      if (committed) return;
      send({ type: 'cancel' });
      // Terminating before the commit aborts the open transaction: still nothing written.
      graceTimer = setTimeout(() => {
        if (!committed) finish({ result: { ok: false, error: CANCELLED }, committed: false });
      }, CANCEL_GRACE_MS);
    }
    worker.addEventListener('message', (ev: MessageEvent<FromWorker>) => {
      const msg = ev.data;
      if (answered) {
        // After `done`: the worker ends once its snapshots are written (`idle`).
        if (msg.type === 'idle') worker.terminate();
        return;
      }
      if (msg.type === 'ready') ready = true;
      else if (msg.type === 'progress') opts.onProgress?.({ phase: msg.phase, done: msg.done, total: msg.total });
      else if (msg.type === 'committed') committed = true;
      else if (msg.type === 'done') finish({ result: msg.result, ...(msg.quota ? { quota: msg.quota } : {}), ...(msg.head ? { head: msg.head } : {}), committed }, true);
      else finish({ result: { ok: false, error: CRASHED }, committed });
    });
    worker.addEventListener('error', (ev) => {
      ev.preventDefault();
      if (answered) return finish(undefined);
      // A worker that never ran (its script failed to load) wrote nothing: the page imports instead.
      if (!ready) {
        console.warn('The import worker could not start; importing in the page.', ev.message);
        return finish(undefined);
      }
      console.error('import worker:', ev.message);
      finish(committed ? { result: { ok: false, error: 'The import stopped unexpectedly after its events were saved. Reload the page to see them.' }, committed } : { result: { ok: false, error: CRASHED }, committed });
    });
    worker.addEventListener('messageerror', () => finish({ result: { ok: false, error: CRASHED }, committed }));
    if (opts.signal?.aborted) return finish({ result: { ok: false, error: CANCELLED }, committed: false });
    opts.signal?.addEventListener('abort', cancel);
    send({ type: 'start', ...job });
  });
}
