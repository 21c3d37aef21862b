// Codes that a merge left on more than one listed item (spec 2.1: kept, and shown as a conflict). Commands refuse
// such a state, so it only comes from imports and sync; the inventory rows and the item page say which items share
// which code.
import { computed } from '@preact/signals';
import { codeConflicts } from '../domain/codes';
import type { Item } from '../domain/inventory';
import { shownState } from './shown';

/** One code of an item that other listed items have too. */
export interface CodeShare {
  code: string;
  others: Item[];
}

const NONE: ReadonlyMap<string, readonly CodeShare[]> = new Map();

/** Item id -> its shared codes, for the state shown. One pass over the items per state. */
export const codeShares = computed<ReadonlyMap<string, readonly CodeShare[]>>(() => {
  const items = shownState.value?.items;
  if (!items) return NONE;
  const byItem = new Map<string, CodeShare[]>();
  for (const [code, holders] of codeConflicts(items.values())) {
    for (const item of holders) {
      const list = byItem.get(item.id) ?? [];
      list.push({ code, others: holders.filter((h) => h !== item) });
      byItem.set(item.id, list);
    }
  }
  return byItem.size ? byItem : NONE;
});

const names = (items: readonly Item[]): string => items.map((i) => `“${i.name}”`).join(', ');

/** A short line for a table row: Code 4006381333931 also on “Pen”. */
export const shareLine = (shares: readonly CodeShare[] | undefined): string | undefined =>
  shares?.length ? shares.map((s) => `Code ${s.code} also on ${names(s.others)}`).join(' · ') : undefined;

/** The item page's explanation of one shared code. */
export const shareText = (s: CodeShare): string =>
  `Code ${s.code} is also on ${names(s.others)}: logs of two devices were merged, and each gave it to a different item. Edit one of them and remove the code, so that scanning it opens the right item.`;
