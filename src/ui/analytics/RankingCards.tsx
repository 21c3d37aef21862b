// "Most collected" and "most removed and why": rankings shown as tables with a bar per row (the bar is
// decoration; the number beside it is the answer).
import { mostCollected, topCollected } from '../../domain/projections/mostCollected';
import { mostRemoved, removalReasons, topRemoved, type ReasonShare } from '../../domain/projections/mostRemoved';
import { projection } from '../../state/projections';
import { qty } from '../format';
import { ColumnTable } from './ColumnTable';
import { Card, Pending } from './parts';
import { reasonLabel } from './wording';

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
        <ColumnTable
          class="rank-table"
          rows={rows}
          rowKey={(r) => r.itemId}
          columns={[
            { item: (r) => r.itemId },
            { head: 'Added', num: true, cell: (r) => qty(r.quantity) },
            { share: (r) => r.quantity, max },
          ]}
        />
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
          <ColumnTable
            rows={rows}
            rowKey={(r) => r.itemId}
            columns={[
              { item: (r) => r.itemId },
              { head: 'Removed', num: true, cell: (r) => qty(r.quantity) },
              { head: 'Why', cellClass: () => 'muted', cell: (r) => reasonsText(r.reasons) },
            ]}
          />
          <h3>Reasons over all items</h3>
          <ColumnTable
            class="rank-table"
            rows={reasons}
            rowKey={(r) => r.reason}
            columns={[
              { head: 'Reason', cell: (r) => reasonLabel(r.reason) },
              { head: 'Quantity', num: true, cell: (r) => qty(r.quantity) },
              { share: (r) => r.quantity, max: maxReason },
            ]}
          />
        </>
      )}
    </Card>
  );
}
