// Pages that refer to an imported file (db.ts FilePage) among those a read returns: read as text by fileReads.ts,
// which loads with the first one (initial JavaScript budget, issue 6).
import type { EventoryDB, FilePage, StoredPage, TextPage } from './db';
import { loadOnce } from './loadOnce';
import { EVENT_SEPARATOR } from './pageCodec';

export const isFilePage = (row: StoredPage): row is FilePage => typeof (row as Partial<FilePage>)?.src === 'string';

const fileReads = loadOnce(() => import('./fileReads'));

/**
 * Every row as a TextPage, in order: text pages as they are, file pages read from their file. Inside a
 * transaction, call it through Dexie.waitFor (the reads are not IndexedDB requests).
 */
export async function pageTexts(db: EventoryDB, rows: readonly StoredPage[]): Promise<TextPage[]> {
  return rows.some(isFilePage) ? (await fileReads()).pageTexts(db, rows) : (rows as TextPage[]);
}

/** `next` comes right after `page` in the same file: only the separator between their events lies between. */
export const follows = (page: FilePage, next: FilePage): boolean => next.src === page.src && next.start === page.end + EVENT_SEPARATOR.length;

/** The part of their file that holds the text of `run` (pages each following the one before), not read. */
export async function runBlob(db: EventoryDB, run: readonly FilePage[]): Promise<Blob> {
  return (await fileReads()).runBlob(db, run);
}
