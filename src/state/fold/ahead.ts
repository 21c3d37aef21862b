// A command's events shown before they are written: the write is a round trip to IndexedDB of a few ms, and the
// table should change within the frame of the click. Only for a few events that land after the head, undo nothing
// and are named by no undo: then this is the very fold the commit would make from the same head, so the commit
// changes nothing on screen. The engine still awaits the write before it reports the command done; if the write
// fails or another tab wrote first, it puts the head back (Ahead.before) before anything else runs.
import type { InventoryEvent } from '../../domain/events';
import { historyKey } from '../../domain/history';
import { fold, type InventoryState } from '../../domain/inventory';
import type { UndoIndex } from './undoIndex';

/** A batch up to this size that lands after the head is shown before its write commits. */
const AHEAD_MAX = 100;

/** A batch folded onto the head and shown before its write commits: `before` is what the head was. */
export interface Ahead {
  before: InventoryState;
  state: InventoryState;
}

export function foldAhead(head: InventoryState, headKey: string, events: readonly InventoryEvent[], undos: UndoIndex): Ahead | undefined {
  if (events.length === 0 || events.length > AHEAD_MAX) return undefined;
  const keyed = events.map((e) => [historyKey(e), e] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  if (keyed[0]![0] <= headKey) return undefined;
  if (events.some((e) => e.type === 'EventsReverted' || undos.names(e.id))) return undefined;
  const state = fold(
    head,
    keyed.map((k) => k[1]),
    undos.undoneAt(headKey),
  );
  return { before: head, state };
}
