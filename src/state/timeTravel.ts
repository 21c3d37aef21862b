// The moment being viewed. `viewAt` undefined means now; otherwise pastState is the inventory as of that
// moment and commands are disabled (inPast). The URL (`?at=`) is the source of truth: the UI binding in
// src/ui/timetravel/moment.ts writes viewAt from the router's location, and a scrubber being dragged writes it
// directly (history.replaceState 60 times a second would be throttled by the browser), committing to the URL on
// release.
import { computed, effect, signal, type ReadonlySignal } from '@preact/signals';
import { timeKey } from '../domain/history';
import type { InventoryState } from '../domain/inventory';
import { msOf } from '../domain/projections/time';
import { firstEventTime, logVersion, readHistory, stateAt, status } from './app';

export type ParsedMoment = { ok: true; time: string } | { ok: false; message: string };

/**
 * An RFC 3339 time from a URL, normalised to UTC milliseconds (`2026-03-01T09:00:00.000Z`). A '+' of an offset
 * arrives as a space when the address was typed without encoding it.
 */
export function parseMoment(raw: string): ParsedMoment {
  const text = raw.trim().replace(/ (\d{2}:\d{2})$/, '+$1');
  const key = timeKey(text);
  if (key === undefined) return { ok: false, message: `“${raw}” is not a valid time. Use a form like 2026-11-23T10:00:00Z.` };
  return { ok: true, time: `${key.slice(0, 23)}Z` };
}

const viewAt$ = signal<string | undefined>(undefined);
/** The moment viewed (RFC 3339, UTC), or undefined for now. */
export const viewAt: ReadonlySignal<string | undefined> = viewAt$;
/** True while viewing a fixed moment: commands are disabled. */
export const inPast: ReadonlySignal<boolean> = computed(() => viewAt$.value !== undefined);

/** Sets the moment viewed (a normalised time from parseMoment, or undefined for now). */
export function setViewAt(at: string | undefined): void {
  viewAt$.value = at;
}

const past$ = signal<{ at: string; state: InventoryState } | undefined>(undefined);
const pastError$ = signal<string | undefined>(undefined);
/** The inventory as of the moment viewed. While a newer moment loads it still holds the previous one. */
export const pastState: ReadonlySignal<InventoryState | undefined> = computed(() => past$.value?.state);
/** The moment pastState shows (lags viewAt while loading). */
export const pastStateAt: ReadonlySignal<string | undefined> = computed(() => past$.value?.at);
/** True while pastState does not yet show viewAt. */
export const pastLoading: ReadonlySignal<boolean> = computed(() => viewAt$.value !== undefined && past$.value?.at !== viewAt$.value && !pastError$.value);
export const pastError: ReadonlySignal<string | undefined> = pastError$;

// Latest request wins, and at most one seek runs at a time: while dragging, each finished seek is followed by
// the newest moment asked for, never by the queue of every moment the thumb passed.
let wanted: { at: string; version: number } | undefined;
let seeking = false;

async function pump(): Promise<void> {
  seeking = true;
  try {
    while (wanted) {
      const { at, version } = wanted;
      wanted = undefined;
      try {
        const state = await stateAt(at);
        // Dropped if "back to now" came meanwhile; kept if a newer moment is coming (it is still closer).
        if (viewAt$.peek() !== undefined && version === logVersion.peek()) {
          past$.value = { at, state };
          if (viewAt$.peek() === at) pastError$.value = undefined;
        }
      } catch (err) {
        if (viewAt$.peek() === at) pastError$.value = `Could not rebuild the inventory as of that moment: ${err instanceof Error ? err.message : String(err)}`;
      }
    }
  } finally {
    seeking = false;
  }
}

effect(() => {
  const at = viewAt$.value;
  // The past can change too: an imported or back-dated event takes its place in history.
  const version = logVersion.value;
  if (status.value.kind !== 'ready') return;
  if (at === undefined) {
    wanted = undefined;
    past$.value = undefined;
    pastError$.value = undefined;
    return;
  }
  wanted = { at, version };
  if (!seeking) void pump();
});

export interface HistoryBounds {
  /** Times of the first and last event in history (epoch ms). */
  first: number;
  last: number;
}

// Loaded only while something (the scrubber) shows the bounds, and re-read after the log changes: a late
// event can move the first one, an append the last. A burst of appends costs one read.
let watching = false;
let boundsRun = 0;
let boundsTimer: ReturnType<typeof setTimeout> | undefined;
const bounds$ = signal<HistoryBounds | undefined>(undefined, {
  watched: () => {
    watching = true;
    scheduleBounds(0);
  },
  unwatched: () => {
    watching = false;
  },
});

/** The time span of the whole history (undefined for an empty log), for the scrubber. */
export const historyBounds: ReadonlySignal<HistoryBounds | undefined> = bounds$;

function scheduleBounds(delay: number): void {
  clearTimeout(boundsTimer);
  boundsTimer = setTimeout(() => void refreshBounds(), delay);
}

async function refreshBounds(): Promise<void> {
  if (!watching || status.peek().kind !== 'ready') return;
  const run = ++boundsRun;
  try {
    const [first, newest] = await Promise.all([firstEventTime(), readHistory({ limit: 1 })]);
    const last = newest.events[0]?.time;
    if (run === boundsRun) bounds$.value = first && last ? { first: msOf(first), last: msOf(last) } : undefined;
  } catch {
    // Bounds only place the scrubber; a failed read keeps the last known ones and the next change retries.
  }
}

effect(() => {
  void logVersion.value;
  if (status.value.kind === 'ready' && watching) scheduleBounds(200);
});
