// Pages that refer to an imported file (db.ts FilePage) among those a read returns: read as text by fileReads.ts,
// which loads with the first one (initial JavaScript budget, issue 6).
import type { EventoryDB, FilePage, StoredPage, TextPage } from './db';
import { loadOnce } from './loadOnce';

export const isFilePage = (row: StoredPage): row is FilePage => typeof (row as Partial<FilePage>)?.src === 'string';

const fileReads = loadOnce(() => import('./fileReads'));

/**
 * Every row as a TextPage, in order: text pages as they are, file pages read from their file. Inside a
 * transaction, call it through Dexie.waitFor (the reads are not IndexedDB requests).
 */
export async function pageTexts(db: EventoryDB, rows: readonly StoredPage[]): Promise<TextPage[]> {
  return rows.some(isFilePage) ? (await fileReads()).pageTexts(db, rows) : (rows as TextPage[]);
}

/** The part of its file that holds the text of `row`, not read (an export hands it over as it is). */
export async function pageBlob(db: EventoryDB, row: FilePage): Promise<Blob> {
  return (await fileReads()).pageBlob(db, row);
}
