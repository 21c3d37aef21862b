// Undo of a whole action in one step — everything one import added, or every event sharing a `correlationid` —
// told like any other undo (src/ui/actions.ts): a toast saying what was undone, with Redo (which undoes the
// EventsReverted just written), or, when refused, an alert naming the later events that depend on it.
import type { InventoryEvent } from '../domain/events';
import { undoGroup, undoImport, type ExecResult } from '../state/app';
import { announce, sentenceOf, showRefusal } from './actions';
import { plural } from './format';

/** How many events the EventsReverted of one undo name (a large undo is written as several of them). */
export const undoneCount = (reverts: readonly InventoryEvent[]): number =>
  reverts.reduce((n, r) => n + (r.type === 'EventsReverted' ? r.data.eventIds.length : 0), 0);

async function undoWhole(run: () => Promise<ExecResult>, sentence: (undone: number) => Promise<string> | string): Promise<boolean> {
  let r: ExecResult;
  try {
    r = await run();
  } catch (err) {
    r = { ok: false, error: `Could not undo: ${err instanceof Error ? err.message : String(err)}` };
  }
  if (!r.ok) {
    await showRefusal(r);
    return false;
  }
  announce(await sentence(undoneCount(r.events)), r.events, 'undid');
  return true;
}

/** Undoes everything one import added. True when it was undone. */
export const undoImportNamed = (imp: { id: string; name: string }): Promise<boolean> =>
  undoWhole(
    () => undoImport(imp.id),
    (n) => `the import of “${imp.name}” (${plural(n, 'event')})`,
  );

/** Undoes every event of the action `e` belongs to (`e.correlationid`). True when it was undone. */
export async function undoGroupOf(e: InventoryEvent): Promise<boolean> {
  const id = e.correlationid;
  if (id === undefined) return undoWhole(async () => ({ ok: false, error: 'This change is not part of a group.' }), () => '');
  const first = await sentenceOf(e);
  return undoWhole(
    () => undoGroup(id),
    (n) => (n > 1 ? `${first} and ${plural(n - 1, 'other change')} of the same action` : first),
  );
}
