// What to act on: what runs out soon (burn rate), what is under its minimum, and what nobody has touched.
import { useState } from 'preact/hooks';
import { belowMinimum } from '../../domain/projections/belowMinimum';
import { burnRate, burnRates } from '../../domain/projections/burnRate';
import { notTouchedFor } from '../../domain/projections/notTouchedFor';
import { inventory } from '../../state/app';
import { projection } from '../../state/projections';
import { qty, when } from '../format';
import { ColumnTable } from './ColumnTable';
import { Card, Pending } from './parts';
import { perDay, runsOut } from './wording';

const WINDOW_DAYS = 30;
const LIMIT = 15;

export function BurnRateCard() {
  const acc = projection(burnRate).value;
  if (!acc) return <Card title="Use and running out"><Pending /></Card>;
  const rows = burnRates(acc, { windowDays: WINDOW_DAYS });
  const end = Number.isFinite(acc.lastMs) ? new Date(acc.lastMs).toISOString() : undefined;
  return (
    <Card title="Use and running out" note={`Average removed per day over the ${WINDOW_DAYS} days up to the latest change${end ? ` (${when(end)})` : ''}; soonest to run out first.`}>
      {rows.length === 0 ? (
        <p class="muted">Nothing was removed in that time.</p>
      ) : (
        <div class="table-scroll">
          <ColumnTable
            rows={rows.slice(0, LIMIT)}
            rowKey={(r) => r.itemId}
            columns={[
              { item: (r) => r.itemId },
              { head: 'Use', num: true, cell: (r) => perDay(r.perDay) },
              { head: 'On hand', num: true, cell: (r) => qty(r.quantity) },
              { head: 'Outlook', cellClass: (r) => (r.runsOutInDays < 7 ? 'outlook-soon' : undefined), cell: (r) => runsOut(r.runsOutInDays) },
            ]}
          />
        </div>
      )}
    </Card>
  );
}

export function BelowMinimumCard() {
  const rows = belowMinimum(inventory.value);
  return (
    <Card title="Below minimum" note="Listed items with less than their minimum quantity.">
      {rows.length === 0 ? (
        <p class="muted">Every item with a minimum has enough.</p>
      ) : (
        <div class="table-scroll">
          <ColumnTable
            rows={rows.slice(0, LIMIT)}
            rowKey={(r) => r.item.id}
            columns={[
              { item: (r) => r.item.id },
              { head: 'On hand', num: true, cell: (r) => qty(r.quantity) },
              { head: 'Minimum', num: true, cell: (r) => qty(r.minimum) },
              { head: 'Needed', num: true, cell: (r) => qty(r.shortfall) },
            ]}
          />
        </div>
      )}
      {rows.length > LIMIT && <p class="muted">…and {rows.length - LIMIT} more.</p>}
    </Card>
  );
}

const IDLE_CHOICES = [30, 90, 180, 365];

export function NotTouchedCard() {
  const [days, setDays] = useState(90);
  const rows = notTouchedFor(inventory.value, Date.now(), days);
  return (
    <Card title="Not touched for a while" note="Listed items without any change recently.">
      <label class="inline-select">
        No change for at least{' '}
        <select value={days} onChange={(e) => setDays(Number(e.currentTarget.value))}>
          {IDLE_CHOICES.map((d) => (
            <option key={d} value={d}>
              {d} days
            </option>
          ))}
        </select>
      </label>
      {rows.length === 0 ? (
        <p class="muted">Every item changed within the last {days} days.</p>
      ) : (
        <ColumnTable
          rows={rows.slice(0, LIMIT)}
          rowKey={(r) => r.item.id}
          columns={[
            { item: (r) => r.item.id },
            {
              head: 'Last change',
              cell: (r) => (
                <>
                  <time dateTime={r.lastEvent}>{when(r.lastEvent)}</time> <span class="muted">({r.idleDays.toLocaleString()} days ago)</span>
                </>
              ),
            },
            { head: 'On hand', num: true, cell: (r) => qty(r.quantity) },
          ]}
        />
      )}
      {rows.length > LIMIT && <p class="muted">…and {rows.length - LIMIT} more.</p>}
    </Card>
  );
}
