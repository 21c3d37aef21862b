// Reads of the log that only some pages need (past imports, export, sync), kept out of the first bundle: they go
// through the engine app.ts started.
import type { InventoryEvent } from '../domain/events';
import { makeYielder } from '../lib/yieldToMain';
import { engine, revertedIds } from './app';

/** Past imports, newest first (id, at, name, added, skipped). */
export const listImports = () => engine().store.imports();
export type ImportStatus = 'active' | 'undone' | 'partly' | 'unknown';
/**
 * Statuses by the undone set they were counted against. An import's ids never change and the engine keeps the
 * same set object until an undo or redo changes it, so a command or another import does not count again (the
 * list of past imports is re-read at every change of the log: at 1M events a count is 1M lookups).
 */
const statusCache = new WeakMap<ReadonlySet<string>, Map<string, Promise<ImportStatus>>>();

/** Whether the events an import added are in effect now, all undone, or partly undone. */
export function importStatus(importId: string): Promise<ImportStatus> {
  const undone = revertedIds.peek();
  let known = statusCache.get(undone);
  if (!known) statusCache.set(undone, (known = new Map()));
  let status = known.get(importId);
  if (!status) {
    status = countUndone(importId, undone);
    known.set(importId, status);
    // Neither a failed read nor an import not (yet) there is remembered.
    status.then(
      (s) => s === 'unknown' && known.delete(importId),
      () => known.delete(importId),
    );
  }
  return status;
}

async function countUndone(importId: string, undone: ReadonlySet<string>): Promise<ImportStatus> {
  // Nothing is undone (the usual case): no need to read the import's ids (40 MB for a million events).
  if (undone.size === 0) return (await engine().store.hasImport(importId)) ? 'active' : 'unknown';
  // A log exported after an undo brings that undo along: what it undid was undone in the file already, not
  // here, so it does not make the import "partly undone". The undos are few: their rows are read whole.
  const [, reverts] = await engine().store.readHeadAndReverts();
  const revertById = new Map(reverts.map((r) => [r.id, r]));
  const own: string[] = [];
  const pass = (visit: (id: string) => void) => countIds(importId, visit);
  let n = 0;
  const total = await pass((id) => {
    if (undone.has(id)) n++;
    if (revertById.has(id) && !undone.has(id)) own.push(id);
  });
  if (total === 0) return 'unknown';
  // The import's own undos in effect: the undone events they name do not count (a second pass, only for them).
  const ownTargets = new Set(own.flatMap((id) => revertById.get(id)!.eventIds));
  let ownUndone = 0;
  if (ownTargets.size > 0) await pass((id) => ownTargets.has(id) && undone.has(id) && ownUndone++);
  const effective = n - ownUndone;
  return effective === 0 ? 'active' : effective === total - ownUndone ? 'undone' : 'partly';
}

/** Visits every id an import added, a part at a time and in slices, so the page stays responsive; the count. */
async function countIds(importId: string, visit: (id: string) => void): Promise<number> {
  // A million ids for a large import: read a part at a time and counted in slices (checked every 1,024 ids: on a
  // phone-speed CPU 16,384 visits took over 200 ms).
  const pause = makeYielder();
  let total = 0;
  for await (const ids of engine().store.importedIdParts(importId)) {
    for (let i = 0; i < ids.length; i++) {
      visit(ids[i]!);
      if ((i & 1023) === 1023) await pause();
    }
    total += ids.length;
    await pause();
  }
  return total;
}

/** The whole log in history order, a page at a time. */
export async function* exportEvents(): AsyncGenerator<InventoryEvent[]> {
  yield* engine().store.readRange('', '\uffff', 4);
}

/** The whole log as the export writes it: each page's stored text (no event is parsed or stringified). */
export function exportText(): AsyncGenerator<{ n: number; text: string | Blob }> {
  return engine().store.readTexts();
}

/** For sync (src/sync): the log's head (its version counts writes) and the journal of writes after `version`. */
export const readHead = () => engine().store.readHead();
/** Every journal row after `version` (bulk writes have no events) and the head, read together. */
export function journalAfter(version: number) {
  const { db } = engine().store;
  return db.transaction('r', db.journal, db.meta, async () => ({ head: await engine().store.readHead(), rows: await db.journal.where('version').above(version).toArray() }));
}
/** The ids an import added, a part at a time. */
export const importedIdParts = (importId: string) => engine().store.importedIdParts(importId);
export const deleteMeta = (key: string): Promise<void> => engine().store.db.meta.delete(key);
