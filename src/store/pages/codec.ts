// Pages between memory (PageRow: event objects) and disk (StoredPage: export text, or where that text is in an
// imported file). The text of a page is the export's own text for its events, so an export copies it as it is
// (the file format: one event per line). File pages are read as text by files.ts first.
import type { InventoryEvent } from '../../domain/events';
import type { FileBytes, FilePage, PageRow, StoredPage, TextPage } from '../types';

/** Between two events of a page, and between two pages of an export. */
export const EVENT_SEPARATOR = ',\n';

export const isFilePage = (row: StoredPage): row is FilePage => typeof (row as Partial<FilePage>)?.src === 'string';

/** `next` comes right after `page` in the same file: only the separator between their events lies between. */
export const follows = (page: FilePage, next: FilePage): boolean => next.src === page.src && next.start === page.end + EVENT_SEPARATOR.length;

export function encodeEvents(events: readonly InventoryEvent[]): Pick<TextPage, 'n' | 'text'> {
  const lines = new Array<string>(events.length);
  for (let i = 0; i < events.length; i++) lines[i] = JSON.stringify(events[i]);
  return { n: events.length, text: lines.join(EVENT_SEPARATOR) };
}

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
 * file page not read from its file yet: files.ts) is an error, never an empty page: the log would silently
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
  return row.from === undefined ? { lo: row.lo, events: decodeEvents(row) } : { lo: row.lo, events: decodeEvents(row), from: row.from };
}
