// Binds the moment viewed (src/state/timeTravel.ts) to the URL's `?at=`, so a reload or a shared link
// shows the same past. The router's location is the source of truth; a scrubber being dragged sets the moment
// directly and commits it to the URL when it settles (browsers throttle history.replaceState at drag rates).
import { computed, effect } from '@preact/signals';
import { parseMoment, setViewAt } from '../../state/timeTravel';
import { location, setQuery } from '../router';

const rawAt = computed(() => location.value.params.get('at'));

/** Why the address's `at` cannot be shown, when it cannot. */
export const momentError = computed(() => {
  const raw = rawAt.value;
  if (raw === null || raw === '') return undefined;
  const p = parseMoment(raw);
  return p.ok ? undefined : p.message;
});

effect(() => {
  const raw = rawAt.value;
  const p = raw ? parseMoment(raw) : undefined;
  setViewAt(p?.ok ? p.time : undefined);
});

/** Shows the inventory as of `at` (undefined: now), keeping the page's other query parameters. */
export function travelTo(at: string | undefined, opts: { replace?: boolean } = {}): void {
  setViewAt(at);
  const params: Record<string, string | undefined> = Object.fromEntries(location.value.params);
  params.at = at;
  setQuery(params, { replace: opts.replace ?? false });
}

/** While dragging: show `at` at once, leave the address alone until the drag settles. */
export function previewMoment(at: string): void {
  setViewAt(at);
}
