// "Most collected" and "most removed and why": rankings shown as tables with a bar per row (the bar is
// decoration; the number beside it is the answer).
import { mostCollected, topCollected } from '../../domain/projections/mostCollected';
import { mostRemoved, removalReasons, topRemoved, type ReasonShare } from '../../domain/projections/mostRemoved';
import { projection } from '../../state/app';
import { qty } from '../format';
import { Card, ItemName, Pending } from './parts';
import { reasonLabel } from './wording';

const Bar = ({ value, max }: { value: number; max: number }) => (
  <span class="bar" aria-hidden="true">
    <span style={{ width: `${max > 0 ? Math.max(2, (value / max) * 100) : 0}%` }} />
  </span>
);

export function MostCollectedCard() {
  const acc = projection(mostCollected).value;
  const rows = acc ? topCollected(acc, 10) : [];
  const max = rows[0]?.quantity ?? 0;
  return (
    <Card title="Most collected" note="Total quantity ever added, per item.">
      {!acc ? (
        <Pending />
      ) : rows.length === 0 ? (
        <p class="muted">Nothing has been added yet.</p>
      ) : (
        <table class="data-table rank-table">
          <thead>
            <tr>
              <th scope="col">Item</th>
              <th scope="col" class="num">
                Added
              </th>
              <th scope="col" class="bar-col">
                <span class="visually-hidden">Share</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.itemId}>
                <td>
                  <ItemName id={r.itemId} />
                </td>
                <td class="num">{qty(r.quantity)}</td>
                <td class="bar-col">
                  <Bar value={r.quantity} max={max} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}

const reasonsText = (reasons: ReasonShare[]) => reasons.map((r) => `${reasonLabel(r.reason)} ${qty(r.quantity)}`).join(' · ');

export function MostRemovedCard() {
  const acc = projection(mostRemoved).value;
  const rows = acc ? topRemoved(acc, 10) : [];
  const reasons = acc ? removalReasons(acc) : [];
  const maxReason = reasons[0]?.quantity ?? 0;
  return (
    <Card title="Most removed, and why" note="Total quantity removed, per item, with the reasons given.">
      {!acc ? (
        <Pending />
      ) : rows.length === 0 ? (
        <p class="muted">Nothing has been removed yet.</p>
      ) : (
        <>
          <table class="data-table">
            <thead>
              <tr>
                <th scope="col">Item</th>
                <th scope="col" class="num">
                  Removed
                </th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.itemId}>
                  <td>
                    <ItemName id={r.itemId} />
                  </td>
                  <td class="num">{qty(r.quantity)}</td>
                  <td class="muted">{reasonsText(r.reasons)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>Reasons over all items</h3>
          <table class="data-table rank-table">
            <thead>
              <tr>
                <th scope="col">Reason</th>
                <th scope="col" class="num">
                  Quantity
                </th>
                <th scope="col" class="bar-col">
                  <span class="visually-hidden">Share</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {reasons.map((r) => (
                <tr key={r.reason}>
                  <td>{reasonLabel(r.reason)}</td>
                  <td class="num">{qty(r.quantity)}</td>
                  <td class="bar-col">
                    <Bar value={r.quantity} max={maxReason} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </Card>
  );
}
