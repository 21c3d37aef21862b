// The item page's history at a glance: its quantity over time as a chart (with the numbers as a table) and
// where it was, when. Both are projections over the whole log, folded once and shared by every item page.
// The chart module (uPlot) loads on demand, so mounting this component keeps the initial bundle small.
import type { ComponentChildren } from 'preact';
import { locationHistory, staysOf } from '../../domain/projections/locationHistory';
import { quantityOverTime, quantitySeries } from '../../domain/projections/quantityOverTime';
import { projection } from '../../state/projections';
import { locationName, qty, when } from '../format';
import { LazyChart } from './lazy';
import { DataTable, Pending } from './parts';
import './analytics.css';

const TABLE_ROWS = 100;
const iso = (ms: number) => new Date(ms).toISOString();

export function ItemTimeline({ itemId }: { itemId: string }) {
  const series = projection(quantityOverTime).value;
  const places = projection(locationHistory).value;
  return (
    <section class="item-timeline" aria-labelledby="item-timeline-title">
      <h2 id="item-timeline-title">Quantity over time</h2>
      {series === undefined ? <Pending /> : <QuantityChart times={quantitySeries(series, itemId)?.times} quantities={quantitySeries(series, itemId)?.quantities} />}
      <h2>Where it was</h2>
      {places === undefined ? <Pending /> : <Stays stays={staysOf(places, itemId)} />}
    </section>
  );
}

function QuantityChart({ times = [], quantities = [] }: { times?: readonly number[]; quantities?: readonly number[] }) {
  if (times.length === 0) return <p class="muted">No history for this item yet.</p>;
  const last = quantities[quantities.length - 1]!;
  // The step line holds the last quantity until now.
  const now = Date.now();
  const xs = times[times.length - 1]! < now ? [...times, now] : times;
  const ys = xs === times ? quantities : [...quantities, last];
  const peak = quantities.reduce((m, q) => Math.max(m, q), 0);
  const rows = times.length;
  return (
    <>
      <LazyChart
        kind="step"
        label="Quantity"
        times={xs}
        values={ys}
        height={200}
        summary={`Quantity from ${when(iso(times[0]!))} to now: ${rows} ${rows === 1 ? 'change' : 'changes'}, highest ${qty(peak)}, now ${qty(last)}.`}
      />
      <DataTable
        caption="Quantity after each change, latest first"
        head={['When', 'Quantity']}
        rows={times
          .slice(-TABLE_ROWS)
          .map((t, i, arr) => [<time dateTime={iso(t)}>{when(iso(t), true)}</time>, qty(quantities[quantities.length - arr.length + i]!)] as [ComponentChildren, string])
          .reverse()}
      />
    </>
  );
}

function Stays({ stays }: { stays: { location: string; since: string; until?: string }[] }) {
  if (stays.length === 0) return <p class="muted">It has not been stocked anywhere yet.</p>;
  return (
    <div class="table-scroll">
      <table class="data-table">
        <caption class="visually-hidden">Locations this item was stocked at, latest first</caption>
        <thead>
          <tr>
            <th scope="col">Location</th>
            <th scope="col">From</th>
            <th scope="col">Until</th>
          </tr>
        </thead>
        <tbody>
          {stays.slice(0, TABLE_ROWS).map((s, i) => (
            <tr key={i}>
              <td>{locationName(s.location)}</td>
              <td>
                <time dateTime={s.since}>{when(s.since)}</time>
              </td>
              <td>{s.until ? <time dateTime={s.until}>{when(s.until)}</time> : <strong>still there</strong>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
