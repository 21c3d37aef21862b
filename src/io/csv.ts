// "Export inventory as CSV": the inventory as shown, for spreadsheets. RFC 4180 quoting and CRLF line ends.
// Text cells that a spreadsheet would run as a formula (= + - @, or a leading tab or CR) get a leading
// apostrophe: a name like "=HYPERLINK(...)" from a shared file must stay text (CSV injection).
import { UNASSIGNED, isLowStock, quantityOf, roundQty, type InventoryState, type Item } from '../domain/inventory';
import { downloadBlob, localDate } from './download';

type Cell = string | number | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: Cell): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return String(roundQty(value));
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** The listed items of a state (archived ones are not listed), by name. */
export function listedItems(state: InventoryState): Item[] {
  return [...state.items.values()].filter((i) => !i.archived).sort((a, b) => collator.compare(a.name, b.name) || (a.id < b.id ? -1 : 1));
}

/**
 * The CSV text for `items` (the rows as the inventory shows them; by default every listed item of `state`).
 * A column per location appears when any item has stock at a named location; "Unassigned" holds the rest.
 */
export function inventoryCsv(state: InventoryState, items: readonly Item[] = listedItems(state)): string {
  const named = new Set<string>();
  for (const item of items) for (const loc of Object.keys(item.stock)) if (loc !== UNASSIGNED) named.add(loc);
  const locations = named.size === 0 ? [] : [...[...named].sort((a, b) => collator.compare(a, b)), UNASSIGNED];
  const anyArchived = items.some((i) => i.archived);
  const header: Cell[] = [
    'Name', 'SKU', 'Category', 'Unit', 'Quantity',
    ...locations.map((l) => (l === UNASSIGNED ? 'Unassigned' : `Location: ${l}`)),
    'Min quantity', 'Low stock', ...(anyArchived ? ['Archived'] : []),
  ];
  const rows = items.map((item): Cell[] => [
    item.name, item.sku, item.category, item.unit, quantityOf(item),
    ...locations.map((l) => (Object.hasOwn(item.stock, l) ? item.stock[l] : undefined)),
    item.minQuantity, isLowStock(item) ? 'yes' : 'no', ...(anyArchived ? [item.archived ? 'yes' : 'no'] : []),
  ]);
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/**
 * Downloads the CSV as eventory-inventory-<date>.csv, or eventory-inventory-as-of-<date>.csv for a past moment.
 * The byte order mark makes Excel read the file as UTF-8 (it assumes a legacy code page otherwise).
 */
export function downloadInventoryCsv(state: InventoryState, opts: { items?: readonly Item[]; at?: string } = {}): string {
  const day = localDate(opts.at ? new Date(opts.at) : new Date());
  const filename = opts.at ? `eventory-inventory-as-of-${day}.csv` : `eventory-inventory-${day}.csv`;
  downloadBlob(new Blob(['\uFEFF', inventoryCsv(state, opts.items)], { type: 'text/csv;charset=utf-8' }), filename);
  return filename;
}
