// fold changes the items it copies in place (once per call, see src/domain/evolveItem.ts). These properties pin
// what that must never cost: the caller's state is untouched, untouched items keep their identity, and the result
// is exactly (values and key order) what copying every item on every event gives.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InventoryEvent } from '../../src/domain/events';
import { emptyState, evolveItem, fold, roundQty, stockAt, type InventoryState, type Item } from '../../src/domain/inventory';
import { ev, reverted } from '../support/events';

const ITEMS = ['a', 'b', 'c', 'd'];
// JavaScript's own words and an integer-like key (objects order those first) are locations like any other.
const LOCS = [undefined, 'A', 'B', '__proto__', 'constructor', '7'];
const item = fc.constantFrom(...ITEMS);
const loc = fc.constantFrom(...LOCS);
const qty = fc.oneof(fc.integer({ min: 1, max: 9 }), fc.constantFrom(0.1, 0.2, 0.3));
const at = (loc: string | undefined, key = 'location') => (loc === undefined ? {} : { [key]: loc });

const event: fc.Arbitrary<(id: string) => InventoryEvent> = fc.oneof(
  fc.record({ i: item, name: fc.constantFrom('Sword', 'Rope'), sku: fc.option(fc.constant('S-1'), { nil: undefined }) }).map(
    ({ i, name, sku }) => (id: string) => ev('ItemCreated', { itemId: i, name, ...(sku ? { sku } : {}) }, { id }),
  ),
  fc.record({ i: item, notes: fc.option(fc.constant('n'), { nil: undefined }) }).map(
    ({ i, notes }) => (id: string) => ev('ItemUpdated', { itemId: i, changes: { notes: notes === undefined ? {} : { to: notes } } }, { id }),
  ),
  fc.record({ i: item, q: qty, l: loc }).map(({ i, q, l }) => (id: string) => ev('StockAdded', { itemId: i, quantity: q, ...at(l) }, { id })),
  fc.record({ i: item, q: qty, l: loc }).map(({ i, q, l }) => (id: string) => ev('StockRemoved', { itemId: i, quantity: q, ...at(l) }, { id })),
  fc.record({ i: item, q: qty, f: loc, t: loc }).map(
    ({ i, q, f, t }) => (id: string) => ev('StockMoved', { itemId: i, quantity: q, ...at(f, 'from'), ...at(t, 'to') }, { id }),
  ),
  fc.record({ i: item, n: fc.integer({ min: 0, max: 5 }), l: loc }).map(({ i, n, l }) => (id: string) => ev('StockCounted', { itemId: i, counted: n, ...at(l) }, { id })),
  fc.record({ i: item, archive: fc.boolean() }).map(({ i, archive }) => (id: string) => ev(archive ? 'ItemArchived' : 'ItemRestored', { itemId: i }, { id })),
  fc.constant((id: string) => reverted({ events: ['e0'], id })),
);

/** Events (ids e0, e1, …), a set of ids to skip, and cut points splitting the events into fold calls. */
const history = fc
  .record({ makers: fc.array(event, { maxLength: 50 }), skipped: fc.array(fc.nat(49), { maxLength: 6 }), cuts: fc.array(fc.nat(50), { maxLength: 6 }) })
  .map(({ makers, skipped, cuts }) => {
    const events = makers.map((make, i) => make(`e${i}`));
    const ends = [...new Set([...cuts.filter((c) => c < events.length), events.length])].sort((x, y) => x - y);
    const chunks = ends.map((end, k) => events.slice(k === 0 ? 0 : ends[k - 1], end));
    return { events, skip: new Set(skipped.map((s) => `e${s}`)), chunks };
  });

/** The fold as it was before copy-once: every event copies its item and stock, zero buckets are deleted. */
function referenceItems(events: readonly InventoryEvent[], skip: ReadonlySet<string>): Map<string, Item> {
  const items = new Map<string, Item>();
  const withStock = (stock: Record<string, number>, location: string | undefined, delta: number) => {
    const next = { ...stock };
    const key = location ?? '';
    const q = roundQty(stockAt(next, key) + delta);
    if (q === 0) delete next[key];
    else Object.defineProperty(next, key, { value: q, enumerable: true, writable: true, configurable: true });
    return next;
  };
  for (const e of events) {
    if (skip.has(e.id) || e.type === 'EventsReverted') continue;
    const prev = items.get(e.data.itemId);
    const base: Item = prev ?? { id: e.data.itemId, name: e.data.itemId, known: false, archived: false, updatedAt: e.time, stock: {}, eventCount: 0 };
    let next: Item = { ...base, updatedAt: e.time, eventCount: base.eventCount + 1 };
    const d = e.data as unknown as { quantity: number; counted: number; location?: string; from?: string; to?: string };
    switch (e.type) {
      case 'ItemCreated': {
        const { itemId: _id, ...fields } = e.data;
        next = { ...next, ...fields, known: true, createdAt: base.createdAt ?? e.time };
        break;
      }
      case 'ItemUpdated':
        if (e.data.changes.notes) {
          if (e.data.changes.notes.to === undefined) delete next.notes;
          else next.notes = e.data.changes.notes.to;
        }
        break;
      case 'StockMoved':
        next.stock = withStock(withStock(next.stock, d.from, -d.quantity), d.to, d.quantity);
        break;
      case 'StockCounted':
        next.stock = withStock(next.stock, d.location, d.counted - stockAt(next.stock, d.location ?? ''));
        break;
      case 'ItemArchived':
      case 'ItemRestored':
        next.archived = e.type === 'ItemArchived';
        break;
      default:
        next.stock = withStock(next.stock, d.location, e.type === 'StockAdded' ? d.quantity : -d.quantity);
    }
    items.set(next.id, next);
  }
  return items;
}

/** Items as text with every own key in order ("__proto__" included), so key order differences show. */
const dump = (items: ReadonlyMap<string, Item>) => JSON.stringify([...items]);

describe('fold (copy each touched item once per call)', () => {
  it('gives exactly what copying every item on every event gives, however the events are split into calls', () => {
    fc.assert(
      fc.property(history, ({ events, skip, chunks }) => {
        const chunked = chunks.reduce((s: InventoryState, c) => fold(s, c, skip), emptyState());
        const whole = fold(emptyState(), events, skip);
        expect(dump(whole.items)).toBe(dump(referenceItems(events, skip)));
        expect(dump(chunked.items)).toBe(dump(whole.items));
        expect(chunked.eventCount).toBe(whole.eventCount);
        expect(chunked.lastKey).toBe(whole.lastKey);
      }),
      { numRuns: 300 },
    );
  });

  it('never changes the state it starts from; untouched items keep their identity, touched ones are new', () => {
    fc.assert(
      fc.property(history, ({ events, skip, chunks }) => {
        const [head = [], ...rest] = chunks;
        const start = fold(emptyState(), head, skip);
        const before = dump(start.items);
        const objects = new Map([...start.items].map(([id, i]) => [id, { item: i, stock: i.stock }]));
        const next = fold(start, rest.flat(), skip);
        expect(dump(start.items)).toBe(before);
        const touched = new Set(rest.flat().flatMap((e) => (e.type === 'EventsReverted' || skip.has(e.id) ? [] : [e.data.itemId])));
        for (const [id, was] of objects) {
          expect(start.items.get(id)).toBe(was.item);
          expect(was.item.stock).toBe(was.stock);
          if (touched.has(id)) expect(next.items.get(id)).not.toBe(was.item);
          else expect(next.items.get(id)).toBe(was.item);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('evolveItem keeps its input and shares the stock object when the event leaves stock alone', () => {
    fc.assert(
      fc.property(history, event, ({ events, skip }, make) => {
        const e = make('next');
        if (e.type === 'EventsReverted') return;
        const prev = fold(emptyState(), events, skip).items.get(e.data.itemId);
        const before = JSON.stringify(prev);
        const next = evolveItem(prev, e)!;
        expect(JSON.stringify(prev)).toBe(before);
        expect(next).not.toBe(prev);
        const touchesStock = e.type.startsWith('Stock');
        if (prev && !touchesStock) expect(next.stock).toBe(prev.stock);
        if (prev && touchesStock) expect(next.stock).not.toBe(prev.stock);
      }),
      { numRuns: 300 },
    );
  });
});
