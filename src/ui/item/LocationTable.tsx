import { locationName, qty, sortedLocations } from '../format';
import { Link } from '../router';
import { keepAt } from '../shown';

/** Quantity per location, unassigned last. */
export function LocationTable({ stock }: { stock: Record<string, number> }) {
  return (
    <table class="locations-table">
      <caption class="visually-hidden">Quantity per location</caption>
      <thead>
        <tr>
          <th scope="col">Location</th>
          <th scope="col" class="num">
            Quantity
          </th>
        </tr>
      </thead>
      <tbody>
        {sortedLocations(stock).map(([loc, n]) => (
          <tr key={loc}>
            <td class={loc ? undefined : 'muted'}>{loc ? <Link to={keepAt(`/locations/${encodeURIComponent(loc)}`)}>{loc}</Link> : locationName(loc)}</td>
            <td class={`num${n < 0 ? ' qty-negative' : ''}`}>{qty(n)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
