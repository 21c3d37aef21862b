// The running list of a count (or an addition) by scanning: each line with −/+ to fix a miscount, unknown codes
// with a way to create their item, and in a count the items expected here that were not scanned. Finishing
// records the whole list as one action (one StockCounted or StockAdded per item), undone as one.
import { useMemo, useState } from 'preact/hooks';
import { quantityAt } from '../../domain/inventory';
import { stockAtLocation, type LocationStock } from '../../domain/locations';
import { adjust, emptySession, lineKey, removeLine, sessionCommand, type ScanSession, type SessionLine } from '../../scan';
import { inventory } from '../../state/app';
import { runCommand } from '../actions';
import { openDialog } from '../forms/dialogs';
import { Suggestions } from '../forms/Field';
import { knownLocations } from '../known';
import { plural, qty } from '../format';
import { itemPath, Link } from '../router';

interface Props {
  session: ScanSession;
  update: (next: ScanSession) => void;
}

function LineRow({ line, session, update }: Props & { line: SessionLine }) {
  const key = lineKey(line);
  const item = line.kind === 'item' ? inventory.value.items.get(line.itemId) : undefined;
  const name = line.kind === 'item' ? (item?.name ?? line.itemId) : `code ${line.code}`;
  return (
    <li class={line.kind === 'unknown' ? 'scan-line scan-line-unknown' : 'scan-line'}>
      <div class="scan-line-what">
        {line.kind === 'item' ? <Link to={itemPath(line.itemId)}>{name}</Link> : <span>Unknown code <code>{line.code}</code></span>}
        {line.kind === 'item' && session.mode === 'count' && <span class="muted"> expected {qty(quantityAt(item, session.location.trim() || undefined))}</span>}
        {line.kind === 'unknown' && (
          <button type="button" class="btn btn-secondary btn-small" onClick={(e) => openDialog({ kind: 'newItem', codes: line.code }, e.currentTarget)}>
            Create item with this code
          </button>
        )}
      </div>
      <div class="scan-stepper">
        <button type="button" class="btn btn-secondary btn-small" aria-label={`One less ${name}`} disabled={line.count === 0} onClick={() => update(adjust(session, key, -1))}>
          −
        </button>
        <output aria-label={`${name}: ${line.count}`}>{line.count}</output>
        <button type="button" class="btn btn-secondary btn-small" aria-label={`One more ${name}`} onClick={() => update(adjust(session, key, 1))}>
          +
        </button>
        <button type="button" class="btn btn-secondary btn-small" aria-label={`Take ${name} off the list`} onClick={() => update(removeLine(session, key))}>
          ✕
        </button>
      </div>
    </li>
  );
}

/** Listed items stocked at the session's location that were not scanned (a count may record them as 0). */
function notScanned(session: ScanSession, here: LocationStock | undefined) {
  const scanned = new Set(session.lines.flatMap((l) => (l.kind === 'item' ? [l.itemId] : [])));
  return (here?.items ?? []).filter((i) => !scanned.has(i.item.id) && i.quantity > 0);
}

/** Where the count or the addition happens (first: the shelf in front of you, then its items). */
export function LocationField({ session, update }: Props) {
  return (
    <div class="field scan-location">
      <label for="scan-location">{session.mode === 'count' ? 'Location counted' : 'Add to location'}</label>
      <input id="scan-location" list="scan-locations" value={session.location} autoComplete="off" placeholder="Unassigned" onInput={(e) => update({ ...session, location: e.currentTarget.value })} aria-describedby="scan-location-hint" />
      <p class="field-hint" id="scan-location-hint">
        Scanning a location’s label chooses it. Empty: stock without a location.
      </p>
      <Suggestions id="scan-locations" values={knownLocations.value} />
    </div>
  );
}

export function SessionPanel({ session, update }: Props) {
  const [zeroRest, setZeroRest] = useState(false);
  const [outcome, setOutcome] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [confirmClear, setConfirmClear] = useState(false);
  const counting = session.mode === 'count';
  const state = inventory.value;
  const place = session.location.trim();
  // Looked up once per change of the inventory or the location, not at each scan or −/+.
  const here = useMemo(() => (counting ? stockAtLocation(state, place) : undefined), [counting, state, place]);
  const missing = counting ? notScanned(session, here) : [];
  const finish = async () => {
    setBusy(true);
    const r = await runCommand(sessionCommand(session, zeroRest ? missing.map((m) => m.item.id) : []));
    setBusy(false);
    if (!r.ok) return setOutcome(r.error);
    setOutcome(undefined);
    setZeroRest(false);
    // Unknown codes stay: they are not stock of anything yet, and the user may still create their items.
    update({ ...emptySession(session.mode, session.location), lines: session.lines.filter((l) => l.kind === 'unknown') });
  };
  const itemLines = session.lines.filter((l) => l.kind === 'item').length;
  return (
    <section class="card scan-session" aria-labelledby="scan-list-title">
      <h2 id="scan-list-title">
        {counting ? 'Counted' : 'To add'} {session.location.trim() ? `at ${session.location.trim()}` : '(unassigned)'}
      </h2>
      {session.lines.length === 0 ? (
        <p class="muted">Nothing scanned yet: each scan adds 1 here.</p>
      ) : (
        <ul class="scan-lines" aria-label={counting ? 'Counted so far' : 'Scanned so far'}>
          {session.lines.map((l) => (
            <LineRow key={lineKey(l)} line={l} session={session} update={update} />
          ))}
        </ul>
      )}
      {missing.length > 0 && (
        <div class="scan-missing">
          <p>
            Not scanned yet, expected here: {missing.slice(0, 6).map((m) => `${m.item.name} (${qty(m.quantity)})`).join(', ')}
            {missing.length > 6 ? `, and ${plural(missing.length - 6, 'more item')}` : ''}.
          </p>
          <label class="check">
            <input type="checkbox" checked={zeroRest} onChange={(e) => setZeroRest(e.currentTarget.checked)} /> Record these as 0 (none found here)
          </label>
        </div>
      )}
      {outcome && (
        <p class="banner banner-error" role="alert">
          {outcome}
        </p>
      )}
      <div class="form-buttons">
        <button type="button" class="btn btn-primary" disabled={busy || (itemLines === 0 && !(zeroRest && missing.length > 0))} onClick={() => void finish()}>
          {counting ? 'Finish count' : 'Add to stock'}
        </button>
        {session.lines.length > 0 &&
          (confirmClear ? (
            <span class="scan-confirm">
              Clear {plural(session.lines.length, 'line')}?{' '}
              <button type="button" class="btn btn-danger btn-small" onClick={() => (update(emptySession(session.mode, session.location)), setConfirmClear(false))}>
                Clear
              </button>{' '}
              <button type="button" class="btn btn-secondary btn-small" onClick={() => setConfirmClear(false)}>
                Keep
              </button>
            </span>
          ) : (
            <button type="button" class="btn btn-secondary" onClick={() => setConfirmClear(true)}>
              Clear list
            </button>
          ))}
      </div>
    </section>
  );
}
