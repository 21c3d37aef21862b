// The state a page shows: the inventory now, or as of the moment in the address (`?at=`, spec §6), and links
// that keep that moment, so a page opened from the past shows the past too.
import { computed } from '@preact/signals';
import type { InventoryState } from '../domain/inventory';
import { inventory } from '../state/app';
import { inPast, pastState, viewAt } from '../state/timeTravel';
import { location } from './router';

/** The inventory shown: as of `?at=` while viewing the past (undefined while that loads), else now. */
export const shownState = computed<InventoryState | undefined>(() => (inPast.value ? pastState.value : inventory.value));

/** `path` with the address's `at` added, when the page shows the past. */
export function keepAt(path: string): string {
  const at = location.value.params.get('at');
  return at ? `${path}${path.includes('?') ? '&' : '?'}at=${encodeURIComponent(at)}` : path;
}

export { inPast, viewAt };
