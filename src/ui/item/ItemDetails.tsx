// The descriptive fields and free attributes of an item.
import type { Item } from '../../domain/inventory';
import { qty, when } from '../format';

export function ItemDetails({ item }: { item: Item }) {
  const attrs = Object.entries(item.attributes ?? {});
  const rows: [string, string | undefined][] = [
    ['SKU', item.sku],
    ['Category', item.category],
    ['Unit', item.unit],
    ['Minimum quantity', item.minQuantity === undefined ? undefined : qty(item.minQuantity)],
  ];
  return (
    <section class="card" aria-labelledby="details-title">
      <h2 id="details-title">Details</h2>
      <dl class="facts">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd class={value === undefined ? 'muted' : undefined}>{value ?? '—'}</dd>
          </div>
        ))}
        {item.createdAt && (
          <div>
            <dt>Created</dt>
            <dd>
              <time dateTime={item.createdAt}>{when(item.createdAt)}</time>
            </dd>
          </div>
        )}
        <div>
          <dt>Last change</dt>
          <dd>
            <time dateTime={item.updatedAt}>{when(item.updatedAt)}</time>
          </dd>
        </div>
      </dl>
      <h3>Barcodes / codes</h3>
      {item.codes?.length ? (
        <ul class="codes" aria-label="Codes">
          {item.codes.map((code) => (
            <li key={code}>
              <code>{code}</code>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">None</p>
      )}
      {item.notes && (
        <>
          <h3>Notes</h3>
          <p class="notes">{item.notes}</p>
        </>
      )}
      {attrs.length > 0 && (
        <>
          <h3>Attributes</h3>
          <dl class="facts">
            {attrs.map(([k, v]) => (
              <div key={k}>
                <dt>{k}</dt>
                <dd>{typeof v === 'boolean' ? (v ? 'Yes' : 'No') : String(v)}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
    </section>
  );
}
