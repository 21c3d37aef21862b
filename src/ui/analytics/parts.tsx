// Small pieces shared by the analytics cards.
import type { ComponentChildren } from 'preact';
import { inventory } from '../../state/app';
import { Link, itemPath } from '../router';

export function Card({ title, note, children }: { title: string; note?: string; children: ComponentChildren }) {
  const id = `card-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return (
    <section class="card analytics-card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {note && <p class="muted analytics-note">{note}</p>}
      {children}
    </section>
  );
}

/** An item's current name, linked to its page (archived and unknown items keep their id as a fallback). */
export function ItemName({ id }: { id: string }) {
  const item = inventory.value.items.get(id);
  return (
    <Link to={itemPath(id)}>
      {item?.name ?? id}
      {item?.archived ? <span class="muted"> (archived)</span> : null}
    </Link>
  );
}

export const Pending = () => (
  <p class="muted" role="status">
    Reading the history…
  </p>
);

/** A chart's numbers as a table, folded away so the card stays short. */
export function DataTable({ caption, head, rows }: { caption: string; head: [string, string]; rows: [ComponentChildren, string][] }) {
  return (
    <details class="chart-table">
      <summary>Show the numbers ({caption.toLowerCase()})</summary>
      <div class="table-scroll">
        <table class="data-table">
          <caption class="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{head[0]}</th>
              <th scope="col" class="num">
                {head[1]}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([a, b], i) => (
              <tr key={i}>
                <td>{a}</td>
                <td class="num">{b}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
