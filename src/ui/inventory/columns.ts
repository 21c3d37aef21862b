// Column widths of the inventory table. The table is laid out with `table-layout: fixed`: the windowed body
// renders only some rows, and automatic layout would size the columns from those, so they would jump while
// scrolling (fixed layout is also cheaper: one changed cell does not re-measure every row). The widths follow
// the longest text of each column over all listed items, in `ch` of the table's font, within bounds, so the
// table reads as it did with automatic layout. Locations take the rest.
import { hasConflict, isLowStock, quantityOf, type Item } from '../../domain/inventory';
import { qty } from '../format';

export type ColumnKey = 'name' | 'quantity' | 'value' | 'locations' | 'category' | 'unit' | 'sku' | 'status' | 'actions';

/** A width of `ch` characters plus `rem` (a cell's padding, buttons). */
export interface Width {
  ch: number;
  rem: number;
}

export interface Columns {
  /** In table order; locations has no width (it takes what is left). */
  cols: { key: ColumnKey; width: Width | undefined }[];
  /** Narrower than this, the table scrolls sideways (inside its region) rather than crushing the locations. */
  minWidth: Width;
}

const PAD = 1.5; // rem: 0.75rem of cell padding each side
const LOCATIONS_MIN: Width = { ch: 16, rem: PAD };
const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));

interface Measure {
  name: number;
  quantity: number;
  category: number;
  unit: number;
  sku: number;
  conflict: boolean;
  /** Digits of the minimum when the item is low on stock, else 0. */
  low: number;
  archived: boolean;
}

// Per item object (items are immutable): an append changes one item, and the table's widths are recomputed
// from the others' cached figures.
const measures = new WeakMap<Item, Measure>();
function measureOf(i: Item): Measure {
  let m = measures.get(i);
  if (m) return m;
  m = {
    name: i.name.length,
    quantity: qty(quantityOf(i)).length,
    category: i.category?.length ?? 0,
    unit: i.unit?.length ?? 0,
    sku: i.sku?.length ?? 0,
    conflict: hasConflict(i),
    low: isLowStock(i) ? qty(i.minQuantity!).length : 0,
    archived: i.archived,
  };
  measures.set(i, m);
  return m;
}

export function columnsFor(items: readonly Item[], editable: boolean, showSku: boolean, showValue = false): Columns {
  let name = 0;
  let quantity = 0;
  let category = 0;
  let unit = 0;
  let sku = 0;
  let conflict = false;
  let low = 0;
  let archived = false;
  for (const i of items) {
    const m = measureOf(i);
    name = Math.max(name, m.name);
    quantity = Math.max(quantity, m.quantity);
    category = Math.max(category, m.category);
    unit = Math.max(unit, m.unit);
    sku = Math.max(sku, m.sku);
    conflict ||= m.conflict;
    low = Math.max(low, m.low);
    archived ||= m.archived;
  }
  // `ch` is the width of a digit; text averages less (about 0.8ch, 0.9ch in bold, as names are; codes in capitals and digits, like SKUs, about 1ch). The minimums
  // fit each header's label and its sort arrow, in their smaller font.
  const status = conflict ? 16 : low ? 12 + low : archived ? 8.5 : 6;
  const cols: Columns['cols'] = [
    { key: 'name', width: { ch: clamp(name * 0.9, 8, 22), rem: PAD } },
    { key: 'quantity', width: { ch: Math.max(8.5, quantity * 1.15), rem: PAD } },
    ...(showValue ? [{ key: 'value' as const, width: { ch: 11, rem: PAD } }] : []),
    { key: 'locations', width: undefined },
    { key: 'category', width: { ch: clamp(category * 0.8, 8.5, 16), rem: PAD } },
    { key: 'unit', width: { ch: clamp(unit * 0.8, 5, 10), rem: PAD } },
  ];
  if (showSku) cols.push({ key: 'sku', width: { ch: clamp(sku * 1.05, 5, 18), rem: PAD } });
  cols.push({ key: 'status', width: { ch: status, rem: PAD } });
  // Two 2.6rem buttons, their gap and the cell's padding.
  if (editable) cols.push({ key: 'actions', width: { ch: 0, rem: 7.75 } });
  const minWidth = cols.reduce((sum, c) => add(sum, c.width ?? LOCATIONS_MIN), { ch: 0, rem: 0 });
  return { cols, minWidth };
}

const add = (a: Width, b: Width): Width => ({ ch: a.ch + b.ch, rem: a.rem + b.rem });

/** A CSS length for a Width. */
export const cssWidth = (w: Width): string => (w.ch ? `calc(${Math.round(w.ch * 10) / 10}ch + ${w.rem}rem)` : `${w.rem}rem`);
