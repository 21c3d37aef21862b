// Which items the inventory lists, and the codes that more than one of them has. Apart from codes.ts so that the
// inventory (in the initial bundle) can show a merge's shared codes without the command rules and their messages.
import type { Item } from './item';

/** Whether an item is in the inventory list (codes of archived and unknown items name nothing). */
export const listed = (item: Item): boolean => item.known && !item.archived;

/** Codes that more than one listed item has (after a merge), each with those items; empty when there are none. */
export function codeConflicts(items: Iterable<Item>): Map<string, Item[]> {
  const byCode = new Map<string, Item[]>();
  for (const item of items) {
    if (!listed(item) || !item.codes) continue;
    for (const code of item.codes) {
      const list = byCode.get(code);
      if (list) list.push(item);
      else byCode.set(code, [item]);
    }
  }
  for (const [code, list] of byCode) if (list.length < 2) byCode.delete(code);
  return byCode;
}
