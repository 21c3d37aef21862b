// The time-travel control of the inventory page: a scrubber over the whole history, a date-time picker, and
// while a past moment is shown, a banner that says so with one click back to now. Dragging shows each moment
// as fast as the engine can fold it (latest wins); the address follows once the thumb settles.
import { useEffect, useRef, useState } from 'preact/hooks';
import { historyBounds, inPast, pastError, pastLoading, viewAt } from '../../state/timeTravel';
import { localInputValue, when } from '../format';
import { Link, location } from '../router';
import { momentError, previewMoment, travelTo } from './moment';
import { latestPerFrame, momentAt, positionOf, SLIDER_STEPS } from './scrub';
import './timetravel.css';

const COMMIT_DELAY_MS = 300;
const iso = (ms: number) => new Date(ms).toISOString();

export function TimeTravelBar() {
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
      {past ? <Controls at={at} /> : (
        <details class="timetravel-closed">
          <summary>Time travel: see the inventory at an earlier moment</summary>
          <Controls at={at} />
        </details>
      )}
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

function Controls({ at }: { at: string | undefined }) {
  const bounds = historyBounds.value;
  const [dragPos, setDragPos] = useState<number | undefined>(undefined);
  const commitTimer = useRef<ReturnType<typeof setTimeout>>();
  const preview = useRef(latestPerFrame((ms: number) => previewMoment(iso(ms))));
  useEffect(() => () => clearTimeout(commitTimer.current), []);

  const shownMs = at ? Date.parse(at) : bounds?.last ?? Date.now();
  const pos = dragPos ?? (bounds ? positionOf(shownMs, bounds) : SLIDER_STEPS);

  const onInput = (e: Event) => {
    if (!bounds) return;
    const p = Number((e.currentTarget as HTMLInputElement).value);
    setDragPos(p);
    preview.current(momentAt(p, bounds));
  };
  // `change` fires on release, and on every key press: commit once the scrubber has settled.
  const onChange = (e: Event) => {
    if (!bounds) return;
    const ms = momentAt(Number((e.currentTarget as HTMLInputElement).value), bounds);
    clearTimeout(commitTimer.current);
    commitTimer.current = setTimeout(() => {
      setDragPos(undefined);
      // Moving within the past replaces the address; leaving the present pushes, so Back returns to now.
      travelTo(iso(ms), { replace: Boolean(location.value.params.get('at')) });
    }, COMMIT_DELAY_MS);
  };
  const onPick = (e: Event) => {
    const v = (e.currentTarget as HTMLInputElement).value;
    const d = new Date(v);
    if (v && !Number.isNaN(d.getTime())) travelTo(d.toISOString());
  };

  return (
    <div class="timetravel-controls">
      {bounds && bounds.last > bounds.first ? (
        <div class="timetravel-scrub">
          <label for="timetravel-range">Moment in history</label>
          <input
            id="timetravel-range"
            type="range"
            min={0}
            max={SLIDER_STEPS}
            step={1}
            value={pos}
            aria-valuetext={when(iso(dragPos === undefined ? shownMs : momentAt(dragPos, bounds)), true)}
            onInput={onInput}
            onChange={onChange}
          />
          <div class="timetravel-ends muted" aria-hidden="true">
            <span>{when(iso(bounds.first))}</span>
            <span>{when(iso(bounds.last))}</span>
          </div>
        </div>
      ) : null}
      <label class="timetravel-pick">
        <span>Date and time</span>
        <input type="datetime-local" step={1} value={localInputValue(new Date(shownMs))} onChange={onPick} />
      </label>
      {!at && (
        <Link to="/compare" class="timetravel-compare">
          Compare two moments
        </Link>
      )}
    </div>
  );
}
