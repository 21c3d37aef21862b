// /compare?from=&to=: what changed between two moments (to absent = now): items created, archived, restored
// and renamed, each quantity change per item and location, and the events that made them.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { historyKey, keyAtTime } from '../../domain/history';
import { parseMoment } from '../../state/timeTravel';
import { readHistory } from '../../state/app';
import { localInputValue, locationName, plural, qty, signed, when } from '../format';
import { EventList } from '../history/EventList';
import { usePagedHistory } from '../history/usePagedHistory';
import { Link, itemPath, location, setQuery } from '../router';
import { useComparison } from './useComparison';
import type { StateDiff } from '../../domain/projections/compareStates';
import './timetravel.css';

const DAY = 86_400_000;

function moment(raw: string | null): { time?: string; error?: string } {
  if (!raw) return {};
  const p = parseMoment(raw);
  return p.ok ? { time: p.time } : { error: p.message };
}

const toInput = (iso: string | undefined) => (iso ? localInputValue(new Date(iso)) : '');
const fromInput = (v: string) => (v && !Number.isNaN(new Date(v).getTime()) ? new Date(v).toISOString() : undefined);

export function ComparePage() {
  const params = location.value.params;
  const from = moment(params.get('from'));
  const to = moment(params.get('to'));
  const reversed = from.time && to.time && from.time > to.time;
  const cmp = useComparison(reversed ? undefined : from.time, to.time);
  const error = from.error ?? to.error ?? (reversed ? '“From” is later than “To”. Pick an earlier start, or swap them.' : undefined);

  return (
    <section class="page compare-page" aria-labelledby="compare-title">
      <div class="page-head">
        <h1 id="compare-title" tabIndex={-1}>
          Compare two moments
        </h1>
      </div>
      <CompareForm key={`${from.time}|${to.time}`} from={from.time} to={to.time} />
      {error && (
        <div class="banner banner-error" role="alert">
          <p>{error}</p>
          {reversed && (
            <button type="button" class="btn btn-secondary btn-small" onClick={() => setQuery({ from: to.time, to: from.time }, { replace: false })}>
              Swap them
            </button>
          )}
        </div>
      )}
      {!from.time && !error && <p class="muted">Pick a start (and optionally an end; without one the comparison runs to now).</p>}
      {cmp.kind === 'loading' && <p role="status" class="muted">Rebuilding the inventory at both moments…</p>}
      {cmp.kind === 'error' && (
        <p class="banner banner-error" role="alert">
          {cmp.message}
        </p>
      )}
      {cmp.kind === 'done' && from.time && !error && <Result diff={cmp.diff} from={from.time} to={to.time} />}
      {from.time && !error && <Events from={from.time} to={to.time} />}
    </section>
  );
}

function CompareForm({ from, to }: { from?: string; to?: string }) {
  const [f, setF] = useState(toInput(from));
  const [t, setT] = useState(toInput(to));
  const [lookupError, setLookupError] = useState<string>();
  const go = (nf: string | undefined, nt: string | undefined) => setQuery({ from: nf, to: nt }, { replace: false });
  const sinceStocktake = async () => {
    setLookupError(undefined);
    try {
      const { events } = await readHistory({ types: ['StockCounted'], limit: 1 });
      if (events[0]) go(new Date(Date.parse(events[0].time)).toISOString(), undefined);
      else setLookupError('No stock has been counted yet, so there is no stocktake to compare with.');
    } catch (err) {
      setLookupError(`Could not find the last stocktake: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
  const now = Date.now();
  return (
    <div class="card">
      <form
        class="compare-form"
        onSubmit={(e) => {
          e.preventDefault();
          go(fromInput(f), fromInput(t));
        }}
      >
        <label>
          <span>From</span>
          <input type="datetime-local" step={1} value={f} required onInput={(e) => setF(e.currentTarget.value)} />
        </label>
        <label>
          <span>
            To <span class="muted">(empty for now)</span>
          </span>
          <input type="datetime-local" step={1} value={t} onInput={(e) => setT(e.currentTarget.value)} />
        </label>
        <button type="submit" class="btn btn-primary" disabled={!fromInput(f)}>
          Compare
        </button>
      </form>
      <div class="compare-presets" role="group" aria-label="Quick comparisons">
        <button type="button" class="btn btn-secondary btn-small" onClick={() => go(new Date(now - DAY).toISOString(), undefined)}>
          Last 24 hours
        </button>
        <button type="button" class="btn btn-secondary btn-small" onClick={() => go(new Date(now - 7 * DAY).toISOString(), undefined)}>
          Last 7 days
        </button>
        <button type="button" class="btn btn-secondary btn-small" onClick={() => void sinceStocktake()}>
          Since the last stocktake
        </button>
      </div>
      {lookupError && (
        <p class="form-alert" role="alert">
          {lookupError}
        </p>
      )}
    </div>
  );
}

function Result({ diff, from, to }: { diff: StateDiff; from: string; to?: string }) {
  const { created, archived, restored, renamed, changes } = diff;
  const itemLink = (id: string, name: string) => <Link to={itemPath(id)}>{name}</Link>;
  const summary = [
    plural(created.length, 'item') + ' created',
    `${archived.length.toLocaleString()} archived`,
    `${restored.length.toLocaleString()} restored`,
    `${renamed.length.toLocaleString()} renamed`,
    plural(changes.length, 'quantity change'),
  ].join(', ');
  return (
    <>
      <p role="status">
        From <time dateTime={from}>{when(from, true)}</time> to {to ? <time dateTime={to}>{when(to, true)}</time> : 'now'}: {summary}.
      </p>
      {created.length + archived.length + restored.length + renamed.length > 0 && (
        <div class="compare-lists">
          {created.length > 0 && <ItemList title="Created" items={created.map((i) => itemLink(i.id, i.name))} />}
          {archived.length > 0 && <ItemList title="Archived" items={archived.map((i) => itemLink(i.id, i.name))} />}
          {restored.length > 0 && <ItemList title="Restored" items={restored.map((i) => itemLink(i.id, i.name))} />}
          {renamed.length > 0 && (
            <ItemList title="Renamed" items={renamed.map((r) => <>{itemLink(r.item.id, r.to)} (was “{r.from}”)</>)} />
          )}
        </div>
      )}
      {changes.length > 0 ? (
        <div class="table-scroll" role="region" aria-label="Changes per item and location" tabIndex={0}>
          <table class="data-table">
            <caption class="visually-hidden">Quantity before and after, per item and location</caption>
            <thead>
              <tr>
                <th scope="col">Item</th>
                <th scope="col">Location</th>
                <th scope="col" class="num">Before</th>
                <th scope="col" class="num">After</th>
                <th scope="col" class="num">Change</th>
              </tr>
            </thead>
            <tbody>
              {changes.map((c, i) => (
                <tr key={`${c.itemId}\u0000${c.location}`}>
                  <td>{i > 0 && changes[i - 1]!.itemId === c.itemId ? <span class="visually-hidden">{c.item.name}</span> : itemLink(c.itemId, c.item.name)}</td>
                  <td>{locationName(c.location)}</td>
                  <td class="num">{qty(c.before)}</td>
                  <td class="num">{qty(c.after)}</td>
                  <td class={`num ${c.diff > 0 ? 'diff-up' : 'diff-down'}`}>{signed(c.diff)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p class="muted">No quantity changed between these moments.</p>
      )}
    </>
  );
}

function ItemList({ title, items }: { title: string; items: ComponentChildren[] }) {
  return (
    <div class="card">
      <h2>{title}</h2>
      <ul>
        {items.map((x, i) => (
          <li key={i}>{x}</li>
        ))}
      </ul>
    </div>
  );
}

function Events({ from, to }: { from: string; to?: string }) {
  const paged = usePagedHistory(to ? { from, to } : { from }, 50);
  // readHistory's `from` is inclusive; events at exactly `from` are already in the "before" state.
  const after = keyAtTime(from);
  const events = paged.events.filter((e) => historyKey(e) > after);
  return (
    <section aria-labelledby="compare-events">
      <h2 id="compare-events">The events in between</h2>
      <EventList paged={{ ...paged, events }} showItem emptyText="No events between these moments." />
    </section>
  );
}
