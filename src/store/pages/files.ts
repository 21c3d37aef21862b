// Pages that refer to an imported file (FilePage) among those a read returns: read as text by fileReads.ts,
// which loads with the first one, so that a start and a log that never imported a file do without it.
import { loadOnce } from '../../lib/loadOnce';
import type { EventoryDB } from '../db';
import type { FilePage, StoredPage, TextPage } from '../types';
import { isFilePage } from './codec';

const fileReads = loadOnce(() => import('./fileReads'));

/**
 * Every row as a TextPage, in order: text pages as they are, file pages read from their file. Inside a
 * transaction, call it through Dexie.waitFor (the reads are not IndexedDB requests).
 */
export async function pageTexts(db: EventoryDB, rows: readonly StoredPage[]): Promise<TextPage[]> {
  return rows.some(isFilePage) ? (await fileReads()).pageTexts(db, rows) : (rows as TextPage[]);
}

/** The part of their file that holds the text of `run` (pages each following the one before), not read. */
export async function runBlob(db: EventoryDB, run: readonly FilePage[]): Promise<Blob> {
  return (await fileReads()).runBlob(db, run);
}
