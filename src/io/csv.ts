// "Export inventory as CSV": the inventory as shown, for spreadsheets. RFC 4180 quoting and CRLF line ends.
// Text cells that a spreadsheet would run as a formula (= + - @, or a leading tab or CR) get a leading
// apostrophe: a name like "=HYPERLINK(...)" from a shared file must stay text (CSV injection).
import { UNASSIGNED, isLowStock, quantityOf, roundQty, type InventoryState, type Item } from '../domain/inventory';
import { downloadBlob, localDate } from './download';
import { compareNames } from '../lib/compareNames';

type Cell = string | number | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: Cell): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return String(roundQty(value));
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The listed items of a state (archived ones are not listed), by name. */
export function listedItems(state: InventoryState): Item[] {
  return [...state.items.values()].filter((i) => !i.archived).sort((a, b) => compareNames(a.name, b.name) || (a.id < b.id ? -1 : 1));
}

/** Average unit cost per item id, and the currency they are in, for the cost and value columns. */
export interface CsvCosts {
  avgCost: ReadonlyMap<string, number>;
  currency: string;
}

const cents = (n: number): number => Math.round(n * 100) / 100;

/**
 * The CSV text for `items` (the rows as the inventory shows them; by default every listed item of `state`).
 * A column per location appears when any item has stock at a named location; "Unassigned" holds the rest.
 * With `costs`, each item's average unit cost and the value of its stock follow (empty when it has no cost).
 */
export function inventoryCsv(state: InventoryState, items: readonly Item[] = listedItems(state), costs?: CsvCosts): string {
  const named = new Set<string>();
  for (const item of items) for (const loc of Object.keys(item.stock)) if (loc !== UNASSIGNED) named.add(loc);
  const locations = named.size === 0 ? [] : [...[...named].sort((a, b) => compareNames(a, b)), UNASSIGNED];
  const anyArchived = items.some((i) => i.archived);
  // Like Archived, only when some item has one; codes go one per line in their cell, as the item form takes them.
  const anyCodes = items.some((i) => i.codes?.length);
  const header: Cell[] = [
    'Name', 'SKU', ...(anyCodes ? ['Codes'] : []), 'Category', 'Unit', 'Quantity',
    ...locations.map((l) => (l === UNASSIGNED ? 'Unassigned' : `Location: ${l}`)),
    'Min quantity', 'Low stock', ...(anyArchived ? ['Archived'] : []),
    ...(costs ? [`Unit cost (average, ${costs.currency})`, `Value (${costs.currency})`] : []),
  ];
  const rows = items.map((item): Cell[] => [
    item.name, item.sku, ...(anyCodes ? [item.codes?.join('\n')] : []), item.category, item.unit, quantityOf(item),
    ...locations.map((l) => (Object.hasOwn(item.stock, l) ? item.stock[l] : undefined)),
    item.minQuantity, isLowStock(item) ? 'yes' : 'no', ...(anyArchived ? [item.archived ? 'yes' : 'no'] : []),
    ...(costs ? costCells(item, costs.avgCost.get(item.id)) : []),
  ]);
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

const costCells = (item: Item, avg: number | undefined): Cell[] => (avg === undefined ? [undefined, undefined] : [avg, cents(Math.max(0, quantityOf(item)) * avg)]);

/**
 * Downloads the CSV as eventory-inventory-<date>.csv, or eventory-inventory-as-of-<date>.csv for a past moment.
 * The byte order mark makes Excel read the file as UTF-8 (it assumes a legacy code page otherwise).
 */
export function downloadInventoryCsv(state: InventoryState, opts: { items?: readonly Item[]; at?: string; costs?: CsvCosts } = {}): string {
  const day = localDate(opts.at ? new Date(opts.at) : new Date());
  const filename = opts.at ? `eventory-inventory-as-of-${day}.csv` : `eventory-inventory-${day}.csv`;
  downloadBlob(new Blob(['\uFEFF', inventoryCsv(state, opts.items, opts.costs)], { type: 'text/csv;charset=utf-8' }), filename);
  return filename;
}
