// Pages between memory (PageRow: event objects) and disk (StoredPage, db.ts: export text, or where that text is in
// an imported file). The text of a page is the export's own text for its events, so an export copies it as it is
// (spec §1: one event per line). File pages are read as text by pageFiles.ts first.
import type { InventoryEvent } from '../domain/events';
import type { FilePage, PageRow, StoredPage, TextPage } from './db';

/** Between two events of a page, and between two pages of an export. */
export const EVENT_SEPARATOR = ',\n';

export function encodeEvents(events: readonly InventoryEvent[]): Pick<TextPage, 'n' | 'text'> {
  const lines = new Array<string>(events.length);
  for (let i = 0; i < events.length; i++) lines[i] = JSON.stringify(events[i]);
  return { n: events.length, text: lines.join(EVENT_SEPARATOR) };
}

/** Where a page's text is in an imported file (FilePage without its `lo` and `n`). */
export type FileBytes = Pick<FilePage, 'src' | 'start' | 'end'>;

/**
 * `inFile`: where the events' text is in an imported file, if the caller decided to refer to it; `textOf`: the
 * events' text as the caller already has it (AppendOptions.textOf), if it does.
 */
export function encodePage(page: PageRow, textOf?: (events: readonly InventoryEvent[]) => string | undefined, inFile?: FileBytes): StoredPage {
  if (inFile && page.events.length > 0) return { lo: page.lo, n: page.events.length, ...inFile };
  const text = page.events.length > 0 ? textOf?.(page.events) : undefined;
  return text === undefined ? { lo: page.lo, ...encodeEvents(page.events) } : { lo: page.lo, n: page.events.length, text };
}

/**
 * A page's text, checked for its shape. A row that is not a TextPage (damaged, written by no release, or a
 * file page not read from its file yet: pageFiles.ts) is an error, never an empty page: the log would silently
 * lose events.
 */
export function storedText(row: TextPage): Pick<TextPage, 'n' | 'text'> {
  if (typeof row?.text !== 'string' || typeof row.n !== 'number') throw new Error(`A page of the log is damaged (at ${JSON.stringify(row?.lo)}): it holds no event text.`);
  return { n: row.n, text: row.text };
}

export function decodeEvents(row: TextPage): InventoryEvent[] {
  const { n, text } = storedText(row);
  return n === 0 ? [] : (JSON.parse(`[${text}]`) as InventoryEvent[]);
}

export function decodePage(row: TextPage): PageRow {
  return { lo: row.lo, events: decodeEvents(row) };
}
