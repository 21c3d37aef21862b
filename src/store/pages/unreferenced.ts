// Imported files that no page refers to any more are deleted: an import keeps its file whole (FilePage), and
// once later writes have rewritten every page of it as text, the file's bytes would otherwise stay forever.
// Loaded on first use: only after a write released a file, and once after a start when files are kept.
import type { EventoryDB } from '../db';
import type { StoredPage } from '../types';
import { isFilePage } from './codec';
import { forgetFiles } from './fileReads';

/**
 * Pages read per transaction: each read is short (text pages are ~100 KB), so a command never waits long
 * behind the scan.
 */
const SCAN_PAGES = 32;

/**
 * Deletes those of `candidates` (all kept files when undefined) that no page refers to; returns their ids.
 * The pages are scanned in short read transactions, not one: safe because no write ever adds a reference to a
 * file already kept (only the import that puts a file writes pages that refer to it, in the same transaction),
 * so a file found unreferenced in a scan that saw every page, at whatever moment, stays unreferenced. The scan
 * stops as soon as every candidate is found referenced (an import's pages usually come first).
 */
export async function deleteUnreferencedFiles(db: EventoryDB, candidates?: readonly string[]): Promise<string[]> {
  const unseen = new Set(candidates ?? ((await db.importFiles.toCollection().primaryKeys()) as string[]));
  let after: string | undefined;
  while (unseen.size > 0) {
    const range = after === undefined ? db.pages.toCollection() : db.pages.where('lo').above(after);
    const rows: StoredPage[] = await range.limit(SCAN_PAGES).toArray();
    for (const row of rows) if (isFilePage(row)) unseen.delete(row.src);
    if (rows.length < SCAN_PAGES) break;
    after = rows[rows.length - 1]!.lo;
  }
  if (unseen.size === 0) return [];
  const ids = [...unseen];
  await db.importFiles.bulkDelete(ids);
  // A Blob still held keeps its bytes on disk.
  forgetFiles(db, ids);
  return ids;
}
