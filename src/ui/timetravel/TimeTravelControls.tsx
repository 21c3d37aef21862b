// The time-travel controls: a scrubber over the whole history and a date-time picker. Their own module, loaded
// when first opened (or when a past moment is shown): the inventory's first render does not need them, and
// mounting them reads the history's bounds from the log, which a cold start need not wait for.
import { useEffect, useRef, useState } from 'preact/hooks';
import { historyBounds } from '../../state/timeTravel';
import { localInputValue, when } from '../format';
import { Link, location } from '../router';
import { previewMoment, travelTo } from './moment';
import { latestPerFrame, momentAt, positionOf, SLIDER_STEPS } from './scrub';

const COMMIT_DELAY_MS = 300;
const iso = (ms: number) => new Date(ms).toISOString();

export function TimeTravelControls({ at, onClose }: { at: string | undefined; onClose?: (() => void) | undefined }) {
  const bounds = historyBounds.value;
  const [dragPos, setDragPos] = useState<number | undefined>(undefined);
  const commitTimer = useRef<ReturnType<typeof setTimeout>>();
  const preview = useRef(latestPerFrame((ms: number) => previewMoment(iso(ms))));
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => () => clearTimeout(commitTimer.current), []);
  // Opened from a menu: the keyboard continues in the controls (the scrubber, once the history's span is read).
  const wantFocus = useRef(Boolean(onClose));
  useEffect(() => {
    if (!wantFocus.current || !bounds) return;
    wantFocus.current = false;
    root.current?.querySelector('input')?.focus();
  }, [bounds]);

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
    <div class="timetravel-controls" ref={root}>
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
      {onClose && (
        <button type="button" class="btn btn-secondary btn-small timetravel-close" onClick={onClose}>
          Close time travel
        </button>
      )}
    </div>
  );
}
