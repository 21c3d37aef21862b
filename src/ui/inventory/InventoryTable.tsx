// The inventory as a real <table> (headers "Name" and "Quantity" first, quantity a plain number: scripts read it).
// Sort arrows are CSS, so a header's text stays exactly its name for scripts and screen readers.
// Every number links to the events that produced it: the quantity to the item's history, each location's figure
// to that item's history at that location (up to the day shown, when viewing the past). The links' text is
// exactly the number (and "Location n"), so the cells read as before.
// A long table renders the rows in view and some more (useRowWindow); spacer rows stand for the others, and
// aria-rowcount / aria-rowindex tell assistive technology the table's real size and each row's place.
import type { ReadonlySignal } from '@preact/signals';
import { useMemo } from 'preact/hooks';
import type { Item } from '../../domain/inventory';
import { codeShares } from '../codeShares';
import { columnsFor, cssWidth } from './columns';
import { InventoryRow } from './InventoryRow';
import { dayOf } from './links';
import type { SortDir, SortKey } from './listing';
import { RowSizesContext, useRowWindow } from './useRowWindow';
import './inventory.css';

interface Props {
  items: Item[];
  sort: SortKey;
  dir: SortDir;
  onSort: (key: SortKey) => void;
  /** False when showing the past (?at=): nothing can be changed there. */
  editable: boolean;
  /** The moment shown when viewing the past: the history links stop at its day. */
  until?: string | undefined;
  caption: string;
  /**
   * aria-busy while a change shown in the table is still being written: bound to the attribute, so the table
   * does not re-render when it flips (twice per command).
   */
  busy?: ReadonlySignal<boolean | undefined>;
  /** Each item's value as text, when the value column is shown (src/ui/inventory/value.tsx). */
  valueText?: ((item: Item) => string) | undefined;
}

function SortHeader({ label, k, sort, dir, onSort, numeric }: { label: string; k: SortKey; sort: SortKey; dir: SortDir; onSort: (k: SortKey) => void; numeric?: boolean }) {
  const active = sort === k;
  return (
    <th scope="col" class={numeric ? 'num' : undefined} aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <button type="button" class={`sort${active ? ` sort-${dir}` : ''}`} onClick={() => onSort(k)}>
        {label}
      </button>
    </th>
  );
}

/** Stands for rows that are not rendered; hidden from assistive technology, which counts rows by aria-rowcount. */
function Spacer({ height, span }: { height: number; span: number }) {
  if (height <= 0) return null;
  return (
    <tr class="row-spacer" aria-hidden="true" style={{ height: `${height}px` }}>
      <td colSpan={span} />
    </tr>
  );
}

export function InventoryTable({ items, sort, dir, onSort, editable, until, caption, busy, valueText }: Props) {
  const h = { sort, dir, onSort };
  const shares = codeShares.value;
  const showSku = useMemo(() => items.some((i) => i.sku), [items]);
  const columns = useMemo(() => columnsFor(items, editable, showSku, valueText !== undefined), [items, editable, showSku, valueText]);
  const ids = useMemo(() => items.map((i) => i.id), [items]);
  const toDay = useMemo(() => (editable ? undefined : dayOf(until)), [editable, until]);
  const { range, padTop, padBottom, bodyRef, sizes } = useRowWindow(ids);
  const shown = items.slice(range.start, range.end);
  const span = columns.cols.length;
  return (
    <div class="table-scroll inventory-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table class="inventory" aria-rowcount={items.length + 1} aria-busy={busy} style={{ minWidth: cssWidth(columns.minWidth) }}>
        <caption class="visually-hidden">{caption}</caption>
        <colgroup>
          {columns.cols.map((c) => (
            <col key={c.key} class={`col-${c.key}`} style={c.width ? { width: cssWidth(c.width) } : undefined} />
          ))}
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            <SortHeader label="Name" k="name" {...h} />
            <SortHeader label="Quantity" k="quantity" numeric {...h} />
            {valueText && (
              <th scope="col" class="num value-col">
                Value
              </th>
            )}
            <th scope="col" class="locations-col">
              Locations
            </th>
            <SortHeader label="Category" k="category" {...h} />
            <SortHeader label="Unit" k="unit" {...h} />
            {showSku && <SortHeader label="SKU" k="sku" {...h} />}
            <th scope="col" class="status-col">
              Status
            </th>
            {editable && (
              <th scope="col" class="actions-col">
                <span class="visually-hidden">Quick changes</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody ref={bodyRef}>
          <Spacer height={padTop} span={span} />
          <RowSizesContext.Provider value={sizes}>
            {shown.map((item, i) => (
              <InventoryRow key={item.id} item={item} rowIndex={range.start + i + 2} editable={editable} showSku={showSku} toDay={toDay} at={editable ? undefined : until} value={valueText?.(item)} shares={shares.get(item.id)} />
            ))}
          </RowSizesContext.Provider>
          <Spacer height={padBottom} span={span} />
        </tbody>
      </table>
    </div>
  );
}
