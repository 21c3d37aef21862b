// /locations/<name>: what is stored at one place, with quantities, and (in the present) renaming the place:
// every item's stock there moves to the new name as one action, undone as one (src/domain/groupedCommands.ts).
import { stockAtLocation } from '../../domain/locations';
import { qty } from '../format';
import { Link } from '../router';
import { inPast, keepAt, shownState } from '../shown';
import { amount } from '../units';
import { PastNote } from '../PastNote';
import { RenameLocationForm } from './RenameLocationForm';
import './locations.css';

export function LocationPage({ name }: { name: string }) {
  const state = shownState.value;
  const here = state && stockAtLocation(state, name);
  const enc = encodeURIComponent(name);
  return (
    <article class="page" aria-labelledby="location-title">
      <p class="crumbs">
        <Link to={keepAt('/locations')}>Locations</Link> <span aria-hidden="true">›</span>
      </p>
      <h1 id="location-title" tabIndex={-1}>
        {name}
      </h1>
      <PastNote here={`/locations/${enc}`} />
      {!state ? (
        <p class="muted" role="status">
          Loading…
        </p>
      ) : !here ? (
        <p>Nothing is stored at “{name}”{inPast.value ? ' at that time' : ''}.</p>
      ) : (
        <>
          <div class="table-scroll" role="region" aria-label={`Stored at ${name}`} tabIndex={0}>
            <table class="data-table location-items">
              <caption class="visually-hidden">Items stored at {name}</caption>
              <thead>
                <tr>
                  <th scope="col">Item</th>
                  <th scope="col" class="num">
                    Quantity
                  </th>
                  <th scope="col">Category</th>
                </tr>
              </thead>
              <tbody>
                {here.items.map(({ item, quantity }) => (
                  <tr key={item.id}>
                    <td>
                      <Link to={keepAt(`/item/${encodeURIComponent(item.id)}`)}>{item.name}</Link>
                    </td>
                    <td class="num" title={amount(quantity, item.unit)}>
                      {qty(quantity)}
                      {item.unit ? <span class="muted"> {item.unit}</span> : null}
                    </td>
                    <td>{item.category ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p class="location-links">
            <Link to={keepAt(`/?loc=${enc}`)}>Show these items in the inventory</Link>
            <Link to={`/labels?location=${enc}`}>Print a label for this place</Link>
            <Link to={`/labels?loc=${enc}`}>Print labels for these items</Link>
          </p>
        </>
      )}
      {here && !inPast.value && <RenameLocationForm key={name} from={name} />}
    </article>
  );
}
