// /locations: every place where something is stored, with what is there. Each opens its own page; the
// unassigned bucket opens the inventory filtered to it.
import { stockByLocation } from '../../domain/locations';
import { UNASSIGNED } from '../../domain/inventory';
import { plural, qty } from '../format';
import { Link, locationPath } from '../router';
import { keepAt, shownState } from '../shown';
import { PastNote } from '../PastNote';
import './locations.css';


export function LocationsPage() {
  const state = shownState.value;
  const places = state ? stockByLocation(state) : [];
  return (
    <section class="page" aria-labelledby="locations-title">
      <div class="page-head">
        <h1 id="locations-title" tabIndex={-1}>
          Locations
        </h1>
        {places.some((p) => p.location !== UNASSIGNED) && (
          <div class="page-actions">
            <Link to="/labels?locations=all" class="btn btn-secondary">
              Print location labels
            </Link>
          </div>
        )}
      </div>
      <PastNote here="/locations" />
      {!state ? (
        <p class="muted" role="status">
          Loading…
        </p>
      ) : places.length === 0 ? (
        <div class="empty">
          <h2>Nothing is stored anywhere yet</h2>
          <p>Give a location when you create an item or add stock (“Pantry”, “Garage shelf 2”): each place then gets its page here.</p>
        </div>
      ) : (
        <ul class="location-list">
          {places.map((p) => {
            const un = p.location === UNASSIGNED;
            const preview = p.items.slice(0, 4).map((i) => `${i.item.name} ${qty(i.quantity)}`);
            return (
              <li key={p.location} class="card location-card">
                <h2>
                  <Link to={keepAt(un ? '/?unassigned=1' : locationPath(p.location))}>{un ? 'Unassigned' : p.location}</Link>
                </h2>
                <p class="muted">{plural(p.items.length, 'item')}</p>
                <p class="location-preview">
                  {preview.join(' · ')}
                  {p.items.length > preview.length ? ` · …` : ''}
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
