// /history: the whole log, newest first, filtered by item, type, date range and location. Filters live in the
// query string (?item=…&types=StockAdded,StockRemoved&from=2026-11-01&to=2026-11-23&location=Shelf%20A, or
// &unassigned=1 for the unassigned bucket, which has no name), so a filtered view can be bookmarked, survives
// reload, and is what the inventory's numbers link to. The location is filtered here, over the stock events.
import { useMemo } from 'preact/hooks';
import { EVENT_LABELS, EVENT_TYPES, type EventType } from '../../domain/events';
import { UNASSIGNED } from '../../domain/inventory';
import { eventCount, inventory } from '../../state/app';
import { dayBoundary, plural } from '../format';
import { location, setQuery } from '../router';
import { touchesLocation, typesForLocation } from './eventFilters';
import { EventList } from './EventList';
import { usePagedHistory, type Filter } from './usePagedHistory';
import { compareNames } from '../../lib/compareNames';

interface HistoryFilters {
  item: string;
  types: EventType[];
  from: string;
  to: string;
  /** Only events that changed the stock there ('' = unassigned); undefined = anywhere. */
  location: string | undefined;
}

function filtersFrom(p: URLSearchParams): HistoryFilters {
  const types = (p.get('types') ?? '').split(',').filter((t): t is EventType => (EVENT_TYPES as readonly string[]).includes(t));
  const location = p.has('unassigned') ? UNASSIGNED : p.get('location') || undefined;
  return { item: p.get('item') ?? '', types, from: p.get('from') ?? '', to: p.get('to') ?? '', location };
}

function queryOf(f: HistoryFilters): Filter {
  const q: Filter = {};
  if (f.item) q.itemId = f.item;
  if (f.location !== undefined) q.types = typesForLocation(f.types);
  else if (f.types.length) q.types = f.types;
  const from = f.from ? dayBoundary(f.from, false) : undefined;
  const to = f.to ? dayBoundary(f.to, true) : undefined;
  if (from) q.from = from;
  if (to) q.to = to;
  return q;
}

// The location <select>'s values: a named location cannot be told from a word, so it gets a prefix.
const ANY = '';
const UNASSIGNED_VALUE = 'unassigned';
const locationValue = (loc: string | undefined) => (loc === undefined ? ANY : loc === UNASSIGNED ? UNASSIGNED_VALUE : `at:${loc}`);
const locationOf = (value: string) => (value === ANY ? undefined : value === UNASSIGNED_VALUE ? UNASSIGNED : value.slice(3));

/** Named locations holding stock now (of one item, or of all), and the one filtered on even if now empty. */
function knownLocations(itemId: string, current: string | undefined): string[] {
  const items = itemId ? [inventory.value.items.get(itemId)].filter((i) => i !== undefined) : [...inventory.value.items.values()];
  const names = new Set(items.flatMap((i) => Object.keys(i.stock)));
  if (current !== undefined) names.add(current);
  names.delete(UNASSIGNED);
  return [...names].sort(compareNames);
}

export function HistoryPage() {
  const f = filtersFrom(location.value.params);
  // A screenful and more; the next page loads as the end of the list comes into view. 100 rows were the longest
  // task of opening the page on a phone.
  const read = usePagedHistory(queryOf(f), 30);
  const at = f.location;
  const paged = at === undefined ? read : { ...read, events: read.events.filter((e) => touchesLocation(e, at)) };
  const set = (patch: Partial<HistoryFilters>) => {
    const n = { ...f, ...patch };
    setQuery({
      item: n.item || undefined,
      types: n.types.join(',') || undefined,
      from: n.from || undefined,
      to: n.to || undefined,
      location: n.location || undefined,
      unassigned: n.location === UNASSIGNED ? '1' : undefined,
    });
  };
  const toggleType = (t: EventType, on: boolean) => set({ types: on ? EVENT_TYPES.filter((x) => x === t || f.types.includes(x)) : f.types.filter((x) => x !== t) });
  const state = inventory.value;
  // Sorted once per change of the inventory, not at every render (each page of events read renders again).
  const items = useMemo(() => [...state.items.values()].sort((a, b) => compareNames(a.name, b.name)), [state]);
  const filtered = Boolean(f.item || f.types.length || f.from || f.to || f.location !== undefined);
  const badRange = f.from && f.to && f.from > f.to;

  return (
    <section class="page" aria-labelledby="history-title">
      <div class="page-head">
        <h1 id="history-title" tabIndex={-1}>
          History
        </h1>
        <p class="muted">{plural(eventCount.value, 'change')} recorded on this device, newest first.</p>
      </div>
      <form class="filters" role="search" aria-label="Filter the history" onSubmit={(e) => e.preventDefault()}>
        <div class="field">
          <label for="history-item">Item</label>
          <select id="history-item" value={f.item} onChange={(e) => set({ item: e.currentTarget.value })}>
            <option value="">All items</option>
            {f.item && !inventory.value.items.has(f.item) && <option value={f.item}>{f.item}</option>}
            {items.map((i) => (
              <option key={i.id} value={i.id}>
                {i.name}
                {i.archived ? ' (archived)' : ''}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="history-location">Location</label>
          <select id="history-location" value={locationValue(f.location)} onChange={(e) => set({ location: locationOf(e.currentTarget.value) })}>
            <option value={ANY}>All locations</option>
            {knownLocations(f.item, f.location).map((l) => (
              <option key={l} value={locationValue(l)}>
                {l}
              </option>
            ))}
            <option value={UNASSIGNED_VALUE}>Unassigned</option>
          </select>
        </div>
        <div class="field">
          <label for="history-from">From</label>
          <input id="history-from" type="date" value={f.from} max={f.to || undefined} onChange={(e) => set({ from: e.currentTarget.value })} />
        </div>
        <div class="field">
          <label for="history-to">To</label>
          <input
            id="history-to"
            type="date"
            value={f.to}
            min={f.from || undefined}
            aria-invalid={badRange ? 'true' : undefined}
            aria-describedby={badRange ? 'history-range-error' : undefined}
            onChange={(e) => set({ to: e.currentTarget.value })}
          />
        </div>
        <fieldset class="types">
          <legend>Kinds of change</legend>
          {EVENT_TYPES.map((t) => (
            <label class="check" key={t}>
              <input type="checkbox" checked={f.types.includes(t)} onChange={(e) => toggleType(t, e.currentTarget.checked)} />
              {EVENT_LABELS[t]}
            </label>
          ))}
        </fieldset>
        {badRange && (
          <p class="field-error" id="history-range-error">
            “From” is after “To”: no change can match.
          </p>
        )}
        {filtered && (
          <button type="button" class="btn btn-secondary btn-small" onClick={() => set({ item: '', types: [], from: '', to: '', location: undefined })}>
            Clear filters
          </button>
        )}
      </form>
      <EventList paged={paged} showItem infinite wholeLog={!filtered} emptyText={filtered ? 'No change matches these filters.' : 'Nothing has happened yet: create an item to start the history.'} />
    </section>
  );
}
