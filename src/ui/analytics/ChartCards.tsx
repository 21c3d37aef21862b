// Cards with a chart over time: stock value, and activity per day. Each chart has a spoken summary and its
// numbers in a table.
import { CurrencySelect } from '../CurrencySelect';
import { money } from '../money';
import { activityPerDay, busiestDays } from '../../domain/projections/activityPerDay';
import { stockValueOverTime, unpricedItems } from '../../domain/projections/stockValueOverTime';
import { DAY_MS } from '../../domain/projections/time';
import { projection } from '../../state/projections';
import { plural } from '../format';
import { Chart } from './Chart';
import { Card, DataTable, ItemName, Pending } from './parts';
import { dayIso, dayName } from './wording';

const TABLE_ROWS = 60;

export function StockValueCard() {
  const acc = projection(stockValueOverTime).value;
  if (!acc) return <Card title="Stock value over time"><Pending /></Card>;
  const unpriced = unpricedItems(acc);
  // A point per day at its end; the line continues to today at the current value.
  const times = acc.days.map((d) => (d + 1) * DAY_MS - 1);
  const values = [...acc.values];
  if (times.length > 0 && times[times.length - 1]! < Date.now()) {
    times.push(Date.now());
    values.push(acc.total);
  }
  const peak = acc.values.reduce((m, v) => Math.max(m, v), 0);
  return (
    <Card title="Stock value over time" note="At each item's average unit cost (from the costs entered when adding stock).">
      <div class="value-now">
        <p class="big-number">
          <span class="visually-hidden">Value now: </span>
          {money(acc.total)}
        </p>
        <CurrencySelect />
      </div>
      {acc.days.length === 0 ? (
        <p class="muted">No stock with a unit cost yet. Enter a unit cost when adding stock to see its value here.</p>
      ) : (
        <>
          <Chart
            kind="step"
            label="Value"
            times={times}
            values={values}
            format={(v) => money(v)}
            summary={`Stock value from ${dayName(acc.days[0]!)} to now: now ${money(acc.total)}, highest ${money(peak)}.`}
          />
          <DataTable
            caption="Value at the end of each day with a change"
            head={['Day', 'Value']}
            rows={acc.days.slice(-TABLE_ROWS).reverse().map((d, i) => [<time dateTime={dayIso(d)}>{dayName(d)}</time>, money(acc.values[acc.values.length - 1 - i]!)])}
          />
        </>
      )}
      {unpriced.length > 0 && (
        <p class="muted">
          {plural(unpriced.length, 'item')} in stock {unpriced.length === 1 ? 'has' : 'have'} no unit cost and {unpriced.length === 1 ? 'is' : 'are'} not counted:{' '}
          {unpriced.slice(0, 5).map((id, i) => (
            <>
              {i > 0 && ', '}
              <ItemName id={id} />
            </>
          ))}
          {unpriced.length > 5 && `, and ${unpriced.length - 5} more`}.
        </p>
      )}
    </Card>
  );
}

export function ActivityCard() {
  const acc = projection(activityPerDay).value;
  if (!acc) return <Card title="Activity per day"><Pending /></Card>;
  const busiest = busiestDays(acc, 1)[0];
  return (
    <Card title="Activity per day" note="Changes recorded per day (UTC), undos included.">
      {acc.days.length === 0 ? (
        <p class="muted">No activity yet.</p>
      ) : (
        <>
          <Chart
            kind="bars"
            label="Changes"
            times={acc.days.map((d) => d * DAY_MS + DAY_MS / 2)}
            values={acc.counts}
            format={(v) => (Number.isInteger(v) ? v.toLocaleString() : '')}
            summary={`${plural(acc.total, 'change')} on ${plural(acc.days.length, 'day')} from ${dayName(acc.days[0]!)} to ${dayName(acc.days[acc.days.length - 1]!)}${busiest ? `; busiest ${dayName(busiest.day)} with ${plural(busiest.count, 'change')}` : ''}.`}
          />
          <DataTable
            caption="Changes per day, latest first"
            head={['Day', 'Changes']}
            rows={acc.days.slice(-TABLE_ROWS).reverse().map((d, i) => [<time dateTime={dayIso(d)}>{dayName(d)}</time>, acc.counts[acc.counts.length - 1 - i]!.toLocaleString()])}
          />
        </>
      )}
    </Card>
  );
}
