import { describe, expect, it } from 'vitest';
import { emptyState } from '../../src/domain/inventory';
import { decideRevert, findDependents } from '../../src/domain/revert';
import { added, at, counted, created, ev, fixedContext, removed } from '../support/events';

const none = new Set<string>();

describe('findDependents', () => {
  it('names a later removal that the undone addition paid for', () => {
    const a = added('i1', 5, 1);
    const r = removed('i1', 4, 2);
    expect(findDependents(emptyState(), [created('i1', 'Sword'), a, r], none, new Set([a.id]))).toEqual([r]);
  });

  it('names a later move out of the location the undone addition filled', () => {
    const a = added('i1', 5, 1, 'A');
    const m = ev('StockMoved', { itemId: 'i1', quantity: 2, from: 'A', to: 'B' }, { time: at(2) });
    expect(findDependents(emptyState(), [created('i1', 'Sword'), a, m], none, new Set([a.id]))).toEqual([m]);
  });

  it('names every later event of an item whose creation is undone', () => {
    const c = created('i1', 'Sword');
    const a = added('i1', 5, 1);
    expect(findDependents(emptyState(), [c, a], none, new Set([c.id]))).toEqual([a]);
  });

  it('finds nothing when a later count resets the quantity before the removal', () => {
    const a = added('i1', 5, 1);
    expect(findDependents(emptyState(), [created('i1', 'Sword'), a, counted('i1', 5, 2), removed('i1', 5, 3)], none, new Set([a.id]))).toEqual([]);
  });

  it('finds nothing when another location still covers the later removal', () => {
    const a = added('i1', 5, 1, 'A');
    expect(findDependents(emptyState(), [created('i1', 'Sword'), a, added('i1', 5, 1, 'B'), removed('i1', 5, 2, 'B')], none, new Set([a.id]))).toEqual([]);
  });

  it('finds nothing when undoing a removal (quantities only go up)', () => {
    const r = removed('i1', 2, 2);
    expect(findDependents(emptyState(), [created('i1', 'Sword'), added('i1', 2, 1), r, removed('i1', 0.5, 3)], none, new Set([r.id]))).toEqual([]);
  });

  it('does not blame the undo for an event that was already negative (a merge conflict)', () => {
    const a = added('i1', 1, 1);
    expect(findDependents(emptyState(), [created('i1', 'Sword'), a, removed('i1', 3, 2)], none, new Set([a.id]))).toEqual([]);
  });

  it('starts from the given state rather than from nothing', () => {
    const start = { ...emptyState(), items: new Map([['i1', { id: 'i1', name: 'Sword', known: true, archived: false, updatedAt: at(0), stock: { '': 10 }, eventCount: 2 }]]) };
    const a = added('i1', 5, 1);
    expect(findDependents(start, [a, removed('i1', 8, 2)], none, new Set([a.id]))).toEqual([]);
  });

  it('names a dependent on redo too: re-including a removal that a later removal no longer leaves room for', () => {
    const r1 = removed('i1', 3, 2);
    const r2 = removed('i1', 4, 3);
    expect(findDependents(emptyState(), [created('i1', 'Sword'), added('i1', 5, 1), r1, r2], new Set([r1.id]), none)).toEqual([r2]);
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
