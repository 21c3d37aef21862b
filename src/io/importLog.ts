// Import of a user's file: read, parse, check and upcast everything, then merge the events into the
// log in one transaction (or write nothing). User errors are values. In the browser all of it runs in a worker
// (src/io/importWorker.ts) so the page stays responsive during a large import; where there are no workers
// (tests in Node) or none can start, the same code runs in the page.
import { afterWorkerImport, importEvents, importTarget, type ImportResult } from '../state/app';
import { formatCount } from './describe';
import { fileName, readCheckMerge, type ImportFileOptions } from './importPipeline';
import { importInWorker } from './importWorkerClient';

export type { ImportFileOptions, ImportPhase, ImportProgress } from './importPipeline';

/** Reads, checks and merges `file`. In-file repeats of an event count as skipped, like events already here. */
export async function importLogFile(file: Blob, opts: ImportFileOptions = {}): Promise<ImportResult> {
  const target = typeof Worker === 'undefined' ? undefined : importTarget();
  if (target && !target.ok) return target;
  if (target) {
    const name = fileName(file);
    const outcome = await importInWorker({ file, ...(name ? { name } : {}), dbName: target.dbName, source: target.source }, opts);
    if (outcome) {
      await afterWorkerImport(outcome);
      return outcome.result;
    }
  }
  return readCheckMerge(file, fileName(file), importEvents, opts);
}

/** The sentence the import area shows on success (how many were new, how many already present). */
export function describeImport(added: number, skipped: number): string {
  const addedText = added === 0 ? 'No new events' : `Imported ${formatCount(added)} new event${added === 1 ? '' : 's'}`;
  if (skipped === 0) return `${addedText}.`;
  return `${addedText}; ${formatCount(skipped)} ${skipped === 1 ? 'was' : 'were'} already here.`;
}
