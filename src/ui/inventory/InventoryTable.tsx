// The inventory as a real <table> (spec §6: headers "Name" and "Quantity" first, quantity a plain number).
// Sort arrows are CSS, so a header's text stays exactly its name for scripts and screen readers.
// Every number links to the events that produced it: the quantity to the item's history, each location's figure
// to that item's history at that location (up to the day shown, when viewing the past). The links' text is
// exactly the number (and "Location n"), so the cells read as before.
import { Fragment } from 'preact';
import { hasConflict, isLowStock, quantityOf, UNASSIGNED, type Item } from '../../domain/inventory';
import { pastStateAt } from '../../state/timeTravel';
import { Link, itemPath } from '../router';
import { localInputValue, locationName, qty, sortedLocations } from '../format';
import { ConflictNote } from './ConflictNote';
import { QuickButtons } from './QuickButtons';
import type { SortDir, SortKey } from './listing';
import './inventory.css';

interface Props {
  items: Item[];
  sort: SortKey;
  dir: SortDir;
  onSort: (key: SortKey) => void;
  /** False when showing the past (?at=): nothing can be changed there. */
  editable: boolean;
  caption: string;
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

export function InventoryTable({ items, sort, dir, onSort, editable, caption }: Props) {
  const h = { sort, dir, onSort };
  const showSku = items.some((i) => i.sku);
  return (
    <div class="table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table class="inventory">
        <caption class="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <SortHeader label="Name" k="name" {...h} />
            <SortHeader label="Quantity" k="quantity" numeric {...h} />
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
        <tbody>
          {items.map((item) => (
            <Row key={item.id} item={item} editable={editable} showSku={showSku} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The history behind a number: the item's events, at one location if given, up to the day of `until`. */
function historyHref(itemId: string, location: string | undefined, until: string | undefined): string {
  const q = new URLSearchParams({ item: itemId });
  if (location === UNASSIGNED) q.set('unassigned', '1');
  else if (location !== undefined) q.set('location', location);
  if (until) q.set('to', localInputValue(new Date(until)).slice(0, 10));
  return `/history?${q.toString()}`;
}

function Locations({ item, until }: { item: Item; until: string | undefined }) {
  const locs = sortedLocations(item.stock);
  if (locs.length === 0) return <span class="muted">—</span>;
  return (
    <>
      {locs.map(([loc, n], i) => (
        <Fragment key={loc}>
          {i > 0 && ' · '}
          <Link to={historyHref(item.id, loc, until)} class="number-link" title={`Changes of ${item.name} ${loc ? `at ${loc}` : 'without a location'}`}>
            {`${locationName(loc)} ${qty(n)}`}
          </Link>
        </Fragment>
      ))}
    </>
  );
}

function Row({ item, editable, showSku }: { item: Item; editable: boolean; showSku: boolean }) {
  // Viewing the past (read-only): the links stop at the day shown.
  const until = editable ? undefined : pastStateAt.value;
  const q = quantityOf(item);
  const low = isLowStock(item);
  const conflict = hasConflict(item);
  // The name cell holds only the name, so "the cell named Sword" finds the row; flags have their own column.
  return (
    <tr class={item.archived ? 'archived' : undefined}>
      <td class="name-cell">
        <Link to={itemPath(item.id)} class="item-link">
          {item.name}
        </Link>
      </td>
      <td class={`num qty${low ? ' qty-low' : ''}${q < 0 ? ' qty-negative' : ''}`}>
        <Link to={historyHref(item.id, undefined, until)} class="number-link" title={`Changes of ${item.name}`}>
          {qty(q)}
        </Link>
      </td>
      <td class="locations">
        <Locations item={item} until={until} />
      </td>
      <td class="category">{item.category ?? ''}</td>
      <td class="unit">{item.unit ?? ''}</td>
      {showSku && <td class="sku">{item.sku ?? ''}</td>}
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
