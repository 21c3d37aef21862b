// The undo refold (src/domain/refold.ts), given events and reverts by hand: an undo that changes an event at or
// before the checkpoint stops the fold for a state read back; that state becomes the checkpoint, so later undos
// refold from it and not from one that still counts what was undone.
import { describe, expect, it } from 'vitest';
import type { InventoryEvent } from '../../src/domain/events';
import { historyKey, revertedAt, type RevertRecord } from '../../src/domain/history';
import { emptyState, fold, quantityOf } from '../../src/domain/inventory';
import { Refold, revertIndex } from '../../src/domain/refold';
import { added, created, reverted } from '../support/events';

const record = (e: InventoryEvent, named: readonly InventoryEvent[]): RevertRecord => ({
  id: e.id,
  key: historyKey(e),
  eventIds: named.map((n) => n.id),
  minTargetKey: named.map(historyKey).reduce((a, b) => (a < b ? a : b), historyKey(e)),
});

/** The exact state at `key` from scratch: what the engine reads back from the log. */
const stateAt = (log: readonly InventoryEvent[], reverts: readonly RevertRecord[], key: string) =>
  fold(emptyState(), log.filter((e) => historyKey(e) <= key), revertedAt(reverts, key));

describe('Refold', () => {
  const log = [created({ item: 'i1', name: 'Rope', id: 'c' }), added({ item: 'i1', quantity: 1, at: 1, id: 'a1' }), added({ item: 'i1', quantity: 1, at: 2, id: 'a2' }), added({ item: 'i1', quantity: 1, at: 3, id: 'a3' })];
  const u1 = reverted({ events: ['a1'], at: 10, id: 'u1' });
  const u3 = reverted({ events: ['a3'], at: 11, id: 'u3' });
  const all = [...log, u1, u3];
  const reverts = [record(u1, [log[1]!]), record(u3, [log[3]!])];

  it('asks for the state at an undo that reaches before its checkpoint, with the events after it', () => {
    // A checkpoint every 2 events: taken after the first call, at a2.
    const refold = new Refold({ key: '', state: emptyState() }, revertIndex(reverts), 2);
    expect(refold.fold(log.slice(0, 3))).toBeUndefined();
    const stop = refold.fold([log[3]!, u1, u3]);
    expect(stop).toEqual({ key: historyKey(u1), rest: [u3] });
  });

  it('the state read back is the new checkpoint: a later undo of an event before it is read back too', () => {
    // a3 lies after the first checkpoint (a2): refolded from there, it would count a1 again.
    const refold = new Refold({ key: '', state: emptyState() }, revertIndex(reverts), 2);
    refold.fold(log.slice(0, 3));
    const first = refold.fold([log[3]!, u1, u3])!;
    refold.resume(stateAt(all, reverts, first.key));
    expect(refold.fold(first.rest)).toEqual({ key: historyKey(u3), rest: [] });
  });

  it('folded through both undos with the states read back, the quantity is the replay’s', () => {
    const refold = new Refold({ key: '', state: emptyState() }, revertIndex(reverts), 2);
    let rest: readonly InventoryEvent[] = all;
    for (let stop = refold.fold(rest); stop; stop = refold.fold(rest)) {
      refold.resume(stateAt(all, reverts, stop.key));
      rest = stop.rest;
    }
    expect(quantityOf(refold.state.items.get('i1')!)).toBe(1);
    expect(refold.state).toEqual(stateAt(all, reverts, historyKey(u3)));
  });

  it('refolds in memory an undo of events after the checkpoint', () => {
    const refold = new Refold({ key: '', state: emptyState() }, revertIndex(reverts.slice(1)), 100);
    expect(refold.fold([...log, u3])).toBeUndefined();
    expect(quantityOf(refold.state.items.get('i1')!)).toBe(2);
  });

  it('a redo dated before the undo it names cancels that undo', () => {
    const redo = reverted({ events: ['u1'], at: 5, id: 'r' });
    const rs = [record(redo, [u1]), record(u1, [log[1]!])].sort((a, b) => (a.key < b.key ? -1 : 1));
    const refold = new Refold({ key: '', state: emptyState() }, revertIndex(rs), 100);
    expect(refold.fold([...log.slice(0, 3), redo, log[3]!, u1])).toBeUndefined();
    expect(quantityOf(refold.state.items.get('i1')!)).toBe(3);
  });
});
