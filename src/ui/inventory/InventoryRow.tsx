// One row of the inventory table. Memoised on its props, which are the item object and plain values: the fold
// keeps the identity of every item an event did not touch, so after a +1 only that item's row re-renders
// (before, every append re-rendered all rows and rebuilt their location links: a quarter of an append).
// No signal is read here: a per-row subscription would wake every row on every change.
import { Component, Fragment } from 'preact';
import { useContext, useEffect, useRef } from 'preact/hooks';
import { hasConflict, isLowStock, quantityOf, type Item } from '../../domain/inventory';
import { qty } from '../format';
import { Link, itemPath } from '../router';
import { lazyComponent } from '../lazy';
import { historyHref, locationLinks } from './links';
import { QuickButtons } from './QuickButtons';
import { RowSizesContext } from './useRowWindow';

// Conflicts come only from merges: their explanation loads when a row has one.
const ConflictNote = lazyComponent(() => import('./ConflictNote').then((m) => m.ConflictNote), 'conflict note', { quiet: true });

export interface RowProps {
  item: Item;
  /** 1-based position among the table's rows, the header row being 1 (aria-rowindex). */
  rowIndex: number;
  editable: boolean;
  showSku: boolean;
  /** `YYYY-MM-DD` when viewing the past: the history links stop at that day. */
  toDay: string | undefined;
  /** The moment shown when viewing the past: the item's page opens at it. */
  at?: string | undefined;
  /** The item's value as text, when the value column is shown. */
  value?: string | undefined;
}

function Locations({ item, toDay }: { item: Item; toDay: string | undefined }) {
  const links = locationLinks(item, toDay);
  if (links.length === 0) return <span class="muted">—</span>;
  return (
    <>
      {links.map((l, i) => (
        <Fragment key={l.location}>
          {i > 0 && ' · '}
          <Link to={l.href} class="number-link" title={l.title}>
            {l.text}
          </Link>
        </Fragment>
      ))}
    </>
  );
}

function Row({ item, rowIndex, editable, showSku, toDay, at, value }: RowProps) {
  const ref = useRef<HTMLTableRowElement>(null);
  const sizes = useContext(RowSizesContext);
  useEffect(() => {
    const el = ref.current;
    if (!el || !sizes) return;
    sizes.observe(el, item.id);
    return () => sizes.unobserve(el);
  }, [sizes, item.id]);

  const q = quantityOf(item);
  const low = isLowStock(item);
  const conflict = hasConflict(item);
  // The name cell holds only the name, so "the cell named Sword" finds the row; flags have their own column.
  return (
    <tr ref={ref} class={item.archived ? 'archived' : undefined} aria-rowindex={rowIndex} data-id={item.id}>
      <td class="name-cell">
        <Link to={itemPath(item.id, at)} class="item-link">
          {item.name}
        </Link>
      </td>
      <td class={`num qty${low ? ' qty-low' : ''}${q < 0 ? ' qty-negative' : ''}`}>
        <Link to={historyHref(item.id, undefined, toDay)} class="number-link" title={`Changes of ${item.name}`}>
          {qty(q)}
        </Link>
      </td>
      {value !== undefined && <td class="num value">{value}</td>}
      <td class="locations">
        <Locations item={item} toDay={toDay} />
      </td>
      <td class="category">{item.category ?? ''}</td>
      <td class="unit">{item.unit ?? ''}</td>
      {/* A span, so that a card can keep the code on one line after its "SKU:" label. */}
      {showSku && <td class="sku">{item.sku ? <span>{item.sku}</span> : ''}</td>}
      <td class="status">
        {(low || conflict || item.archived) && (
          <div class="badges">
            {conflict && <span class="badge badge-conflict">Conflict</span>}
            {low && <span class="badge badge-low">Low stock (min {qty(item.minQuantity!)})</span>}
            {item.archived && <span class="badge badge-muted">Archived</span>}
          </div>
        )}
        {conflict && <ConflictNote item={item} compact />}
      </td>
      {editable && (
        <td class="actions-col">
          <QuickButtons item={item} />
        </td>
      )}
    </tr>
  );
}

// Not preact/compat's memo: importing compat patches Preact globally (React event semantics, e.g. onChange).
export class InventoryRow extends Component<RowProps> {
  override shouldComponentUpdate(next: RowProps): boolean {
    const p = this.props;
    return next.item !== p.item || next.rowIndex !== p.rowIndex || next.editable !== p.editable || next.showSku !== p.showSku || next.toDay !== p.toDay || next.at !== p.at || next.value !== p.value;
  }
  override render(props: RowProps) {
    return <Row {...props} />;
  }
}
