// Commands that record one user action as several events: they share a `correlationid` (spec §1), so the
// action is shown, undone and redone as one. Pure, like decide() in commands.ts, which delegates here.
import type { InventoryEvent } from './events';
import { UNASSIGNED, type InventoryState } from './inventory';
import { validateLocation, validatePositive, type FieldErrors } from './validation';

/** Stock to put on a new item as it is created: how much, where (absent = unassigned), at what cost each. */
export interface InitialStock {
  quantity: number;
  location?: string | undefined;
  unitCost?: number | undefined;
}

export interface GroupContext {
  now: string;
  newId: () => string;
  source: string;
  correlationId?: string;
}

/** The context every event of one action is made in: one correlation id, the caller's if it gave one. */
export const groupContext = <C extends GroupContext>(ctx: C): C & { correlationId: string } => ({ ...ctx, correlationId: ctx.correlationId ?? ctx.newId() });

const clean = (s: string | undefined): string | undefined => (s === undefined || s.trim() === '' ? undefined : s.trim());

/** Field errors of initial stock, keyed as the form's fields: quantity, location, unitCost. */
export function initialStockErrors(s: InitialStock): FieldErrors | undefined {
  const errors = {
    ...validatePositive('quantity', s.quantity),
    ...validateLocation('location', s.location),
    ...(s.unitCost === undefined ? undefined : validatePositive('unitCost', s.unitCost, true)),
  };
  return Object.keys(errors).length ? errors : undefined;
}

/** The StockAdded data of initial stock for item `itemId` (reason "initial", spec §2's suggested value). */
export function initialStockData(itemId: string, s: InitialStock) {
  return { itemId, quantity: s.quantity, location: clean(s.location), reason: 'initial', unitCost: s.unitCost };
}

/** Every location in use (holding stock of some item), exactly as spelt. */
export function locationsOf(state: InventoryState): Set<string> {
  const out = new Set<string>();
  for (const item of state.items.values()) for (const l of Object.keys(item.stock)) if (l !== UNASSIGNED) out.add(l);
  return out;
}

export type RenamePlan = { ok: true; from: string; to: string; moves: { itemId: string; quantity: number }[] } | { ok: false; error: string; fields?: FieldErrors };

/**
 * What renaming location `from` to `to` moves: every item's stock there, archived items included (their stock
 * is there too). A negative quantity (a conflict from a merge) cannot be moved and stays for the user to resolve.
 * Refused: an empty or unchanged name, a name another location already has (that would merge the two: move
 * stock instead), and a location holding nothing.
 */
export function planRename(state: InventoryState, fromRaw: string, toRaw: string): RenamePlan {
  const from = fromRaw.trim();
  const to = toRaw.trim();
  if (to === '') return { ok: false, error: 'Enter the new name of the location.', fields: { to: 'Enter a name.' } };
  const invalid = validateLocation('to', to);
  if (invalid) return { ok: false, error: 'Please correct the highlighted fields.', fields: invalid };
  if (to === from) return { ok: false, error: `The location is already named “${from}”.`, fields: { to: 'Same as the current name.' } };
  const lower = to.toLocaleLowerCase();
  for (const l of locationsOf(state)) {
    if (l !== from && l.toLocaleLowerCase() === lower) {
      return { ok: false, error: `There is already a location named “${l}”. Choose another name, or move the stock there item by item.`, fields: { to: 'Already used by another location.' } };
    }
  }
  const moves: { itemId: string; quantity: number }[] = [];
  for (const item of state.items.values()) {
    const q = Object.hasOwn(item.stock, from) ? item.stock[from]! : 0;
    if (item.known && q > 0) moves.push({ itemId: item.id, quantity: q });
  }
  if (moves.length === 0) return { ok: false, error: `Nothing is stored at “${from}”, so there is nothing to rename.` };
  return { ok: true, from, to, moves };
}

/** True when `events` are one rename: every one a StockMoved between the same two named locations. */
export function renameOf(events: readonly InventoryEvent[]): { from: string; to: string } | undefined {
  const first = events[0];
  if (events.length < 1 || first?.type !== 'StockMoved' || !first.data.from || !first.data.to || !first.correlationid) return undefined;
  const { from, to } = first.data;
  const same = events.every((e) => e.type === 'StockMoved' && e.data.from === from && e.data.to === to && e.correlationid === first.correlationid);
  return same ? { from, to } : undefined;
}
