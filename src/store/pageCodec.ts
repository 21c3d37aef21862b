// Pages between memory (PageRow: event objects) and disk (StoredPage: export text, db.ts). The text of a page is
// the export's own text for its events, so an export copies it as it is (spec §1: one event per line).
import type { InventoryEvent } from '../domain/events';
import type { PageRow, StoredPage } from './db';

/** Between two events of a page, and between two pages of an export. */
export const EVENT_SEPARATOR = ',\n';

export function encodeEvents(events: readonly InventoryEvent[]): Pick<StoredPage, 'n' | 'text'> {
  const lines = new Array<string>(events.length);
  for (let i = 0; i < events.length; i++) lines[i] = JSON.stringify(events[i]);
  return { n: events.length, text: lines.join(EVENT_SEPARATOR) };
}

/** `textOf`: the events' text as the caller already has it (AppendOptions.textOf), if it does. */
export function encodePage(page: PageRow, textOf?: (events: readonly InventoryEvent[]) => string | undefined): StoredPage {
  const text = page.events.length > 0 ? textOf?.(page.events) : undefined;
  return text === undefined ? { lo: page.lo, ...encodeEvents(page.events) } : { lo: page.lo, n: page.events.length, text };
}

/**
 * A stored page's text, checked for its shape. A row that is not a StoredPage (damaged, or written by no
 * release) is an error, never an empty page: the log would silently lose events.
 */
export function storedText(row: StoredPage): Pick<StoredPage, 'n' | 'text'> {
  if (typeof row?.text !== 'string' || typeof row.n !== 'number') throw new Error(`A page of the log is damaged (at ${JSON.stringify(row?.lo)}): it holds no event text.`);
  return { n: row.n, text: row.text };
}

export function decodeEvents(row: StoredPage): InventoryEvent[] {
  const { n, text } = storedText(row);
  return n === 0 ? [] : (JSON.parse(`[${text}]`) as InventoryEvent[]);
}

export function decodePage(row: StoredPage): PageRow {
  return { lo: row.lo, events: decodeEvents(row) };
}
