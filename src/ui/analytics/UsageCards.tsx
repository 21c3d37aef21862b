// What to act on: what runs out soon (burn rate), what is under its minimum, and what nobody has touched.
import { useState } from 'preact/hooks';
import { belowMinimum } from '../../domain/projections/belowMinimum';
import { burnRate, burnRates } from '../../domain/projections/burnRate';
import { notTouchedFor } from '../../domain/projections/notTouchedFor';
import { inventory, projection } from '../../state/app';
import { qty, when } from '../format';
import { Card, ItemName, Pending } from './parts';
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
          <table class="data-table">
            <thead>
              <tr>
                <th scope="col">Item</th>
                <th scope="col" class="num">Use</th>
                <th scope="col" class="num">On hand</th>
                <th scope="col">Outlook</th>
              </tr>
            </thead>
            <tbody>
              {rows.slice(0, LIMIT).map((r) => (
                <tr key={r.itemId}>
                  <td>
                    <ItemName id={r.itemId} />
                  </td>
                  <td class="num">{perDay(r.perDay)}</td>
                  <td class="num">{qty(r.quantity)}</td>
                  <td class={r.runsOutInDays < 7 ? 'outlook-soon' : undefined}>{runsOut(r.runsOutInDays)}</td>
                </tr>
              ))}
            </tbody>
          </table>
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
        <table class="data-table">
          <thead>
            <tr>
              <th scope="col">Item</th>
              <th scope="col" class="num">On hand</th>
              <th scope="col" class="num">Minimum</th>
              <th scope="col" class="num">Needed</th>
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, LIMIT).map((r) => (
              <tr key={r.item.id}>
                <td>
                  <ItemName id={r.item.id} />
                </td>
                <td class="num">{qty(r.quantity)}</td>
                <td class="num">{qty(r.minimum)}</td>
                <td class="num">{qty(r.shortfall)}</td>
              </tr>
            ))}
          </tbody>
        </table>
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
        <table class="data-table">
          <thead>
            <tr>
              <th scope="col">Item</th>
              <th scope="col">Last change</th>
              <th scope="col" class="num">On hand</th>
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, LIMIT).map((r) => (
              <tr key={r.item.id}>
                <td>
                  <ItemName id={r.item.id} />
                </td>
                <td>
                  <time dateTime={r.lastEvent}>{when(r.lastEvent)}</time> <span class="muted">({r.idleDays.toLocaleString()} days ago)</span>
                </td>
                <td class="num">{qty(r.quantity)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {rows.length > LIMIT && <p class="muted">…and {rows.length - LIMIT} more.</p>}
    </Card>
  );
}
