// Codes that a merge left on more than one listed item (spec 2.1: kept, and shown as a conflict), by item, for the
// item page (the inventory lists them in inventory/CodeConflicts.tsx). Commands refuse such a state, so it only
// comes from imports and sync.
import { computed } from '@preact/signals';
import { codeConflicts } from '../domain/listed';
import type { Item } from '../domain/item';
import { shownState } from './shown';

/** One code of an item that other listed items have too. */
export interface CodeShare {
  code: string;
  others: Item[];
}

/** Item id -> its shared codes, for the state shown. One pass over the items per state, while the item page is open. */
export const codeShares = computed<ReadonlyMap<string, readonly CodeShare[]>>(() => {
  const byItem = new Map<string, CodeShare[]>();
  for (const [code, holders] of codeConflicts(shownState.value?.items.values() ?? [])) {
    for (const item of holders) {
      const list = byItem.get(item.id) ?? [];
      list.push({ code, others: holders.filter((h) => h !== item) });
      byItem.set(item.id, list);
    }
  }
  return byItem;
});
