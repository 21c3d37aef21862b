// /item/<id>: everything about one item — its fields, stock per location, the commands, and its history.
import type { Item } from '../../domain/inventory';
import { hasConflict, isLowStock, quantityOf } from '../../domain/inventory';
import { PastNote } from '../PastNote';
import { inPast, keepAt, shownState, viewAt } from '../shown';
import { runQuick } from '../actions';
import { openDialog, type DialogSpec } from '../forms/dialogs';
import { qty } from '../format';
import { EventList } from '../history/EventList';
import { usePagedHistory } from '../history/usePagedHistory';
import { codeShares } from '../codeShares';
import { ConflictNote } from '../inventory/ConflictNote';
import { Link } from '../router';
import { ItemOriginsSection } from '../analytics/OriginCards';
import { ItemTimeline } from '../analytics/ItemTimeline';
import { ItemDetails } from './ItemDetails';
import { LocationTable } from './LocationTable';

export function ItemPage({ id }: { id: string }) {
  const state = shownState.value;
  if (!state) {
    return (
      <p class="muted" role="status">
        Loading the item as it was then…
      </p>
    );
  }
  const item = state.items.get(id);
  if (!item) {
    return (
      <section class="page" aria-labelledby="item-title">
        <h1 id="item-title" tabIndex={-1}>
          Item not found
        </h1>
        <PastNote here={`/item/${encodeURIComponent(id)}`} />
        <p>
          {inPast.value ? 'At that time there was no item' : 'There is no item'} with the id “{id}” on this device. It may live in a log that was not imported
          here.
        </p>
        <p>
          <Link to="/">Back to the inventory</Link> · <Link to="/data">Import a log</Link>
        </p>
      </section>
    );
  }
  return <ItemView item={item} />;
}

function ItemView({ item }: { item: Item }) {
  // In the past (`?at=`) the page shows the item as it was then, read-only, with its history up to then.
  const past = inPast.value;
  const at = viewAt.value;
  const paged = usePagedHistory(past && at ? { itemId: item.id, to: at } : { itemId: item.id }, 50);
  const q = quantityOf(item);
  const low = isLowStock(item);
  const active = item.known && !item.archived && !past;
  const shares = codeShares.value.get(item.id);
  const open = (kind: Exclude<DialogSpec['kind'], 'newItem'>) => (e: Event) => openDialog({ kind, itemId: item.id } as DialogSpec, e.currentTarget);

  return (
    <article class="page item-page" aria-labelledby="item-title">
      <p class="crumbs">
        <Link to={keepAt('/')}>Inventory</Link> <span aria-hidden="true">›</span>
      </p>
      <div class="title-line">
        <h1 id="item-title" tabIndex={-1}>
          {item.name}
        </h1>
        <div class="badges">
          {item.archived && <span class="badge badge-muted">Archived</span>}
          {low && <span class="badge badge-low">Low stock</span>}
          {(hasConflict(item) || shares) && <span class="badge badge-conflict">Conflict</span>}
        </div>
      </div>

      <PastNote here={`/item/${encodeURIComponent(item.id)}`} />
      {active && (
        <div class="item-actions" role="group" aria-label="Actions">
          <button type="button" class="btn btn-primary" onClick={open('addStock')}>
            Add stock
          </button>
          <button type="button" class="btn btn-secondary" onClick={open('removeStock')} disabled={q <= 0}>
            Remove stock
          </button>
          <button type="button" class="btn btn-secondary" onClick={open('moveStock')} disabled={q <= 0}>
            Move
          </button>
          <button type="button" class="btn btn-secondary" onClick={open('countStock')}>
            Count
          </button>
          <button type="button" class="btn btn-secondary" onClick={open('editItem')}>
            Edit
          </button>
          <button type="button" class="btn btn-secondary btn-danger-text" onClick={open('archiveItem')}>
            Archive
          </button>
        </div>
      )}
      {item.known && item.archived && !past && (
        <div class="banner banner-past">
          <p>This item is archived: it is hidden from the inventory list and cannot be changed until it is restored.</p>
          <button type="button" class="btn btn-primary btn-small" onClick={() => void runQuick({ type: 'restoreItem', itemId: item.id })}>
            Restore
          </button>
        </div>
      )}
      <ConflictNote item={item} shares={shares} />

      <div class="item-grid">
        <section class="card" aria-labelledby="stock-title">
          <h2 id="stock-title">Stock</h2>
          <p class="total">
            <span class="total-number">{qty(q)}</span> {item.unit ?? 'in total'}
            {item.minQuantity !== undefined && <span class={low ? 'min min-low' : 'min'}> · minimum {qty(item.minQuantity)}</span>}
          </p>
          <StockTable item={item} />
        </section>
        <ItemDetails item={item} />
      </div>

      <div class="card">
        <ItemTimeline itemId={item.id} />
      </div>

      <ItemOriginsSection itemId={item.id} />

      <section class="card" aria-labelledby="item-history-title">
        <h2 id="item-history-title">History</h2>
        <EventList paged={paged} showItem={false} readOnly={past} emptyText="No changes recorded for this item." />
      </section>
    </article>
  );
}

function StockTable({ item }: { item: Item }) {
  if (Object.keys(item.stock).length === 0) return <p class="muted">No stock anywhere.</p>;
  return <LocationTable stock={item.stock} />;
}
