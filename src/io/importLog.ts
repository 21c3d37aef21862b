// Import of a user's file: read, parse, check and upcast everything, then merge the events into the
// log in one transaction (or write nothing). User errors are values. In the browser all of it runs in a worker
// (src/io/importWorker.ts) so the page stays responsive during a large import; where there are no workers
// (tests in Node) or none can start, the same code runs in the page.
import { afterWorkerImport, importEvents, importTarget, type FutureDated, type ImportResult } from '../state/app';
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

/** The sentences the import area shows on success: how many were new, how many already present, and a warning. */
export function describeImport(added: number, skipped: number, future?: FutureDated): string {
  const addedText = added === 0 ? 'No new events' : `Imported ${formatCount(added)} new event${added === 1 ? '' : 's'}`;
  const counts = skipped === 0 ? `${addedText}.` : `${addedText}; ${formatCount(skipped)} ${skipped === 1 ? 'was' : 'were'} already here.`;
  if (!future) return counts;
  const one = future.count === 1;
  const ids = future.ids.map((id) => `"${id}"`).join(', ');
  return (
    `${counts} Warning: ${one ? '1 event is' : `${formatCount(future.count)} events are`} dated more than a day after this device's clock ` +
    `(the latest ${future.latest}; ${one ? 'id' : future.count > future.ids.length ? 'ids include' : 'ids'} ${ids}). The device that recorded ${one ? 'it' : 'them'} ` +
    `probably had a wrong clock. ${one ? 'It is' : 'They are'} kept where ${one ? 'its' : 'their'} time puts ${one ? 'it' : 'them'}; changes made here are still recorded at this device's time.`
  );
}
