// /history: the whole log, newest first, filtered by item, type and date range. Filters live in the query
// string (?item=…&types=StockAdded,StockRemoved&from=2026-11-01&to=2026-11-23), so a filtered view can be
// bookmarked and survives reload.
import { EVENT_LABELS, EVENT_TYPES, type EventType } from '../../domain/events';
import { eventCount, inventory } from '../../state/app';
import { dayBoundary, plural } from '../format';
import { location, setQuery } from '../router';
import { EventList } from './EventList';
import { usePagedHistory, type Filter } from './usePagedHistory';

interface HistoryFilters {
  item: string;
  types: EventType[];
  from: string;
  to: string;
}

function filtersFrom(p: URLSearchParams): HistoryFilters {
  const types = (p.get('types') ?? '').split(',').filter((t): t is EventType => (EVENT_TYPES as readonly string[]).includes(t));
  return { item: p.get('item') ?? '', types, from: p.get('from') ?? '', to: p.get('to') ?? '' };
}

function queryOf(f: HistoryFilters): Filter {
  const q: Filter = {};
  if (f.item) q.itemId = f.item;
  if (f.types.length) q.types = f.types;
  const from = f.from ? dayBoundary(f.from, false) : undefined;
  const to = f.to ? dayBoundary(f.to, true) : undefined;
  if (from) q.from = from;
  if (to) q.to = to;
  return q;
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

export function HistoryPage() {
  const f = filtersFrom(location.value.params);
  const paged = usePagedHistory(queryOf(f), 100);
  const set = (patch: Partial<HistoryFilters>) => {
    const n = { ...f, ...patch };
    setQuery({ item: n.item || undefined, types: n.types.join(',') || undefined, from: n.from || undefined, to: n.to || undefined });
  };
  const toggleType = (t: EventType, on: boolean) => set({ types: on ? EVENT_TYPES.filter((x) => x === t || f.types.includes(x)) : f.types.filter((x) => x !== t) });
  const items = [...inventory.value.items.values()].sort((a, b) => collator.compare(a.name, b.name));
  const filtered = Boolean(f.item || f.types.length || f.from || f.to);
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
          <button type="button" class="btn btn-secondary btn-small" onClick={() => set({ item: '', types: [], from: '', to: '' })}>
            Clear filters
          </button>
        )}
      </form>
      <EventList paged={paged} showItem infinite emptyText={filtered ? 'No change matches these filters.' : 'Nothing has happened yet: create an item to start the history.'} />
    </section>
  );
}
