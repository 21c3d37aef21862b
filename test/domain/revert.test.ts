import { describe, expect, it } from 'vitest';
import { emptyState } from '../../src/domain/inventory';
import { decideRevert, findDependents } from '../../src/domain/revert';
import type { InventoryEvent } from '../../src/domain/events';
import { added, at, counted, created, fixedContext, moved, removed } from '../support/events';

const none = new Set<string>();
const sword = created({ item: 'i1', name: 'Sword' });

/** The later events that block undoing `undone` in `log` (folded from nothing, nothing undone before). */
const blockingUndo = (log: InventoryEvent[], ...undone: InventoryEvent[]) => findDependents(emptyState(), log, none, new Set(undone.map((e) => e.id)));

describe('findDependents', () => {
  it('names a later removal that the undone addition paid for', () => {
    const a = added({ item: 'i1', quantity: 5, at: 1 });
    const r = removed({ item: 'i1', quantity: 4, at: 2 });
    expect(blockingUndo([sword, a, r], a)).toEqual([r]);
  });

  it('names a later move out of the location the undone addition filled', () => {
    const a = added({ item: 'i1', quantity: 5, location: 'A', at: 1 });
    const m = moved({ item: 'i1', quantity: 2, from: 'A', to: 'B', at: 2 });
    expect(blockingUndo([sword, a, m], a)).toEqual([m]);
  });

  it('names every later event of an item whose creation is undone', () => {
    const a = added({ item: 'i1', quantity: 5, at: 1 });
    expect(blockingUndo([sword, a], sword)).toEqual([a]);
  });

  it('finds nothing when a later count resets the quantity before the removal', () => {
    const a = added({ item: 'i1', quantity: 5, at: 1 });
    const log = [sword, a, counted({ item: 'i1', counted: 5, at: 2 }), removed({ item: 'i1', quantity: 5, at: 3 })];
    expect(blockingUndo(log, a)).toEqual([]);
  });

  it('finds nothing when another location still covers the later removal', () => {
    const a = added({ item: 'i1', quantity: 5, location: 'A', at: 1 });
    const log = [sword, a, added({ item: 'i1', quantity: 5, location: 'B', at: 1 }), removed({ item: 'i1', quantity: 5, location: 'B', at: 2 })];
    expect(blockingUndo(log, a)).toEqual([]);
  });

  it('finds nothing when undoing a removal (quantities only go up)', () => {
    const r = removed({ item: 'i1', quantity: 2, at: 2 });
    const log = [sword, added({ item: 'i1', quantity: 2, at: 1 }), r, removed({ item: 'i1', quantity: 0.5, at: 3 })];
    expect(blockingUndo(log, r)).toEqual([]);
  });

  it('does not blame the undo for an event that was already negative (a merge conflict)', () => {
    const a = added({ item: 'i1', quantity: 1, at: 1 });
    expect(blockingUndo([sword, a, removed({ item: 'i1', quantity: 3, at: 2 })], a)).toEqual([]);
  });

  it('starts from the given state rather than from nothing', () => {
    const start = { ...emptyState(), items: new Map([['i1', { id: 'i1', name: 'Sword', known: true, archived: false, updatedAt: at(0), stock: { '': 10 }, eventCount: 2 }]]) };
    const a = added({ item: 'i1', quantity: 5, at: 1 });
    expect(findDependents(start, [a, removed({ item: 'i1', quantity: 8, at: 2 })], none, new Set([a.id]))).toEqual([]);
  });

  it('names a dependent on redo too: re-including a removal that a later removal no longer leaves room for', () => {
    const r1 = removed({ item: 'i1', quantity: 3, at: 2 });
    const r2 = removed({ item: 'i1', quantity: 4, at: 3 });
    const log = [sword, added({ item: 'i1', quantity: 5, at: 1 }), r1, r2];
    expect(findDependents(emptyState(), log, new Set([r1.id]), none)).toEqual([r2]);
  });
});

describe('decideRevert', () => {
  it('refuses an empty list', () => {
    expect(decideRevert([], undefined, fixedContext())).toMatchObject({ ok: false, error: expect.stringMatching(/at least one/) });
  });

  it('makes one EventsReverted naming each id once, with the reason', () => {
    const d = decideRevert(['a', 'b', 'a'], 'typo', fixedContext(at(7)));
    expect(d.ok && d.events).toEqual([expect.objectContaining({ type: 'EventsReverted', time: at(7), data: { eventIds: ['a', 'b'], reason: 'typo' } })]);
  });

  it('splits more than 10,000 ids into several events of at most 10,000', () => {
    const ids = Array.from({ length: 25_000 }, (_, i) => `e${i}`);
    const d = decideRevert(ids, undefined, fixedContext());
    if (!d.ok) throw new Error(d.error);
    expect(d.events.map((e) => (e.data as { eventIds: string[] }).eventIds.length)).toEqual([10_000, 10_000, 5_000]);
    expect(d.events.flatMap((e) => (e.data as { eventIds: string[] }).eventIds)).toEqual(ids);
  });
});
