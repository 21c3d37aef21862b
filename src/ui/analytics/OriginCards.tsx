// "Where it came from": the values of an attribute recorded on additions (origin, supplier, rarity, …) that
// items came with, and how many units each brought — the Python tutorial's get_item_origins, for any attribute.
// Shown as an analytics card (pick the attribute) and on the item page (every attribute of that item).
import { useState } from 'preact/hooks';
import { attributeKeys, itemOrigins, itemsByValue, keysOf, valuesOf, type ValueShare } from '../../domain/projections/itemOrigins';
import { qty, when } from '../format';
import { travelTo } from '../timetravel/moment';
import { ColumnTable } from './ColumnTable';
import { Card, ItemName, Pending } from './parts';
import { useProjectionAsOf } from './useProjectionAsOf';

const LIMIT = 20;

/** "castle 2 · dungeon 1". */
function Values({ values }: { values: readonly ValueShare[] }) {
  return (
    <span class="origin-values">
      {values.map((v, i) => (
        <span key={i}>
          {/* No-break spaces keep a value's units, and the separator, on its line; a long value may still wrap. */}
          {String(v.value)}
          {'\u00a0'}
          <strong>{qty(v.quantity)}</strong>
          {i < values.length - 1 ? '\u00a0· ' : ''}
        </span>
      ))}
    </span>
  );
}

/** "As of <moment>" while time travelling, with the way back to now. */
function AsOfNote({ at }: { at: string | undefined }) {
  if (at === undefined) return null;
  return (
    <p class="muted as-of-note">
      <span>
        As of <time dateTime={at}>{when(at, true)}</time>.
      </span>
      <button type="button" class="btn btn-secondary btn-small" onClick={() => travelTo(undefined)}>
        Back to now
      </button>
    </p>
  );
}

export function OriginsCard() {
  const { value: acc, at, error } = useProjectionAsOf(itemOrigins);
  const [picked, setPicked] = useState<string | undefined>(undefined);
  const keys = acc ? attributeKeys(acc) : [];
  const key = picked !== undefined && keys.includes(picked) ? picked : keys[0];
  const rows = acc && key !== undefined ? itemsByValue(acc, key) : [];
  const max = rows[0]?.total ?? 0;
  return (
    <Card title="Where items came from" note="Units added with each value of an attribute recorded on additions (origin, supplier, …). Undone additions are left out.">
      <AsOfNote at={at} />
      {error ? (
        <p role="alert">{error}</p>
      ) : !acc ? (
        <Pending />
      ) : key === undefined ? (
        <p class="muted">No addition has recorded an attribute such as an origin or a supplier{at ? ' by then' : ' yet'}. Legacy files from the Python tutorial bring their origin and rarity.</p>
      ) : (
        <>
          <label class="inline-select">
            Attribute
            <select value={key} onChange={(e) => setPicked(e.currentTarget.value)}>
              {keys.map((k) => (
                <option key={k} value={k}>
                  {k}
                </option>
              ))}
            </select>
          </label>
          <div class="table-scroll">
            <ColumnTable
              class="rank-table origin-table"
              rows={rows.slice(0, LIMIT)}
              rowKey={(r) => r.itemId}
              columns={[
                {
                  head: `Item, by ${key}`,
                  cell: (r) => (
                    <>
                      <ItemName id={r.itemId} />
                      <br />
                      <Values values={r.values} />
                    </>
                  ),
                },
                { head: 'Units', num: true, cell: (r) => qty(r.total) },
                { share: (r) => r.total, max },
              ]}
            />
          </div>
          {rows.length > LIMIT && <p class="muted">The {LIMIT} items with the most units of {rows.length.toLocaleString()}.</p>}
        </>
      )}
    </Card>
  );
}

/** The item page's section: every attribute this item came with, each value and the units it brought. */
export function ItemOriginsSection({ itemId }: { itemId: string }) {
  const { value: acc, at, error } = useProjectionAsOf(itemOrigins);
  const keys = acc ? keysOf(acc, itemId) : [];
  return (
    <section class="card item-origins" aria-labelledby="item-origins-title">
      <h2 id="item-origins-title">Where it came from</h2>
      <AsOfNote at={at} />
      {error ? (
        <p role="alert">{error}</p>
      ) : !acc ? (
        <Pending />
      ) : keys.length === 0 ? (
        <p class="muted">No addition of this item{at ? ' up to then' : ''} recorded where it came from (attributes such as origin or supplier).</p>
      ) : (
        <div class="table-scroll">
          <table class="data-table">
            <caption class="visually-hidden">Values of each attribute this item was added with, and the units each brought</caption>
            <thead>
              <tr>
                <th scope="col">Attribute</th>
                <th scope="col">Value</th>
                <th scope="col" class="num">
                  Units added
                </th>
              </tr>
            </thead>
            {keys.map((key) => {
              const values = valuesOf(acc!, key, itemId);
              return (
                <tbody key={key}>
                  {values.map((v, i) => (
                    <tr key={`${typeof v.value}:${String(v.value)}`}>
                      {i === 0 && (
                        <th scope="rowgroup" rowSpan={values.length}>
                          {key}
                        </th>
                      )}
                      <td>{String(v.value)}</td>
                      <td class="num">{qty(v.quantity)}</td>
                    </tr>
                  ))}
                </tbody>
              );
            })}
          </table>
        </div>
      )}
    </section>
  );
}
