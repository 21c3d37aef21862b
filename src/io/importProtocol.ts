// Messages between the page (src/io/importWorkerClient.ts) and the import worker (src/io/importWorker.ts).
import type { HeadState } from '../state/engine';
import type { ImportResult } from '../state/importer';
import type { ImportPhase } from './importPipeline';

export interface StartImport {
  type: 'start';
  /** Files and Blobs are structured-cloneable: the worker reads the bytes itself; the page never holds them. */
  file: Blob;
  name?: string;
  /** The page's database (bench pages and tests use their own) and device source, so events read as its own. */
  dbName: string;
  source: string;
}

export type ToWorker = StartImport | { type: 'cancel' };

export type FromWorker =
  /** The worker's module ran: from now on an error event is a crash, not a worker that could not load. */
  | { type: 'ready' }
  | { type: 'progress'; phase: ImportPhase; done: number; total: number }
  /** The import's transaction committed: the log holds the new events, so a cancel can no longer undo it. */
  | { type: 'committed'; version: number }
  /**
   * `quota`: the browser refused the write for lack of space; the page shows this as its storage warning.
   * `head`: the log's head after the import, folded here, for the page to take over (Engine.adopt).
   */
  | { type: 'done'; result: ImportResult; quota?: string; head?: HeadState }
  /** After `done`: the worker finished writing its snapshots (caches for time travel) and may be terminated. */
  | { type: 'idle' };
