// The time-travel control of the inventory page: a scrubber over the whole history, a date-time picker, and
// while a past moment is shown, a banner that says so with one click back to now. Opened from the inventory's
// "More" menu (it is not an everyday action: on a phone it took the room of two rows). Dragging shows each moment
// as fast as the engine can fold it (latest wins); the address follows once the thumb settles.
import { inPast, pastError, pastLoading, viewAt } from '../../state/timeTravel';
import { when } from '../format';
import { Link } from '../router';
import { momentError, travelTo } from './moment';
import { TimeTravelControls as Controls } from './TimeTravelControls';
import './timetravel.css';

/** The bar's content (TimeTravelBar decides when it shows). */
export function TimeTravelPanel({ open, onClose }: { open: boolean; onClose: () => void }) {
  const at = viewAt.value;
  const past = inPast.value;
  const error = momentError.value ?? pastError.value;
  return (
    <section class={past ? 'timetravel-bar is-past' : 'timetravel-bar'} aria-label="Time travel">
      {past && at && <PastBanner at={at} />}
      {error && (
        <div class="banner banner-error" role="alert">
          <p>{error}</p>
          <button type="button" class="btn btn-secondary btn-small" onClick={() => travelTo(undefined)}>
            Show the inventory now
          </button>
        </div>
      )}
      {(past || open) && <Controls at={at} onClose={past ? undefined : onClose} />}
    </section>
  );
}

function PastBanner({ at }: { at: string }) {
  const future = Date.parse(at) > Date.now();
  return (
    <div class="banner banner-past timetravel-banner">
      <p aria-live="off">
        <strong>Viewing the past:</strong> <time dateTime={at}>{when(at, true)}</time>
        {future ? ' (a moment still to come: this is the latest state)' : ''}. Changes are made in the present.
        {pastLoading.value && <span class="timetravel-loading"> Rebuilding…</span>}
      </p>
      <div class="banner-actions">
        <Link to={`/compare?from=${encodeURIComponent(at)}`} class="btn btn-secondary btn-small">
          Compare with now
        </Link>
        <button type="button" class="btn btn-primary btn-small" onClick={() => travelTo(undefined)}>
          Back to now
        </button>
      </div>
    </div>
  );
}
