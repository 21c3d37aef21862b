// The analytics cards' tables: one header row and one row per entry, described column by column so a card
// states what it shows, not how a table is put together.
import type { ComponentChildren } from 'preact';
import { ItemName } from './parts';

export type Column<R> =
  /** The "Item" column: the item's current name, linked to its page. */
  | { item: (row: R) => string }
  /** A bar per row showing its share of `max` (decoration: the number beside it is the answer). */
  | { share: (row: R) => number; max: number }
  /** Any other column; `num` right-aligns it. */
  | { head: string; num?: boolean; cellClass?: (row: R) => string | undefined; cell: (row: R) => ComponentChildren };

interface Shown<R> {
  head: ComponentChildren;
  class?: string;
  cellClass?: (row: R) => string | undefined;
  cell: (row: R) => ComponentChildren;
}

const Bar = ({ value, max }: { value: number; max: number }) => (
  <span class="bar" aria-hidden="true">
    <span style={{ width: `${max > 0 ? Math.max(2, (value / max) * 100) : 0}%` }} />
  </span>
);

function shown<R>(c: Column<R>): Shown<R> {
  if ('item' in c) return { head: 'Item', cell: (r) => <ItemName id={c.item(r)} /> };
  if ('share' in c) return { head: <span class="visually-hidden">Share</span>, class: 'bar-col', cell: (r) => <Bar value={c.share(r)} max={c.max} /> };
  return { head: c.head, class: c.num ? 'num' : undefined, cellClass: c.cellClass, cell: c.cell };
}

export function ColumnTable<R>(props: { columns: Column<NoInfer<R>>[]; rows: readonly R[]; rowKey: (row: NoInfer<R>) => string; class?: string }) {
  const columns = props.columns.map(shown);
  return (
    <table class={props.class ? `data-table ${props.class}` : 'data-table'}>
      <thead>
        <tr>
          {columns.map((c, i) => (
            <th key={i} scope="col" class={c.class}>
              {c.head}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.rows.map((r) => (
          <tr key={props.rowKey(r)}>
            {columns.map((c, i) => (
              <td key={i} class={c.cellClass ? c.cellClass(r) : c.class}>
                {c.cell(r)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
