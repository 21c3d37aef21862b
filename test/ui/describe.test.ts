import { describe, expect, it } from 'vitest';
import type { InventoryEvent } from '../../src/domain/events';
import type { Item } from '../../src/domain/inventory';
import { changeLine, eventSentence } from '../../src/ui/describe';

let n = 0;
const ev = (type: InventoryEvent['type'], data: object): InventoryEvent =>
  ({ specversion: '1.0', id: `e${++n}`, source: 'test', type, time: '2026-11-23T10:00:00.000Z', dataversion: 1, data }) as InventoryEvent;

const items = new Map<string, Item>([
  ['s', { id: 's', name: 'Sword', known: true, archived: false, updatedAt: '', stock: {}, eventCount: 1 }],
  ['f', { id: 'f', name: 'Flour', unit: 'kg', known: true, archived: false, updatedAt: '', stock: {}, eventCount: 1 }],
]);
const lookup = (id: string) => items.get(id);

describe('event wording', () => {
  it('says what an action did, for the toast', () => {
    expect(eventSentence(ev('StockAdded', { itemId: 's', quantity: 3, location: 'Shelf A' }), lookup)).toBe('Added 3 × Sword at Shelf A');
    expect(eventSentence(ev('StockAdded', { itemId: 'f', quantity: 2 }), lookup)).toBe('Added 2 kg of Flour (unassigned)');
    expect(eventSentence(ev('StockRemoved', { itemId: 's', quantity: 1, location: 'Van' }), lookup)).toBe('Removed 1 × Sword from Van');
    expect(eventSentence(ev('StockMoved', { itemId: 's', quantity: 2, from: 'Van' }), lookup)).toBe('Moved 2 × Sword from Van to Unassigned');
    expect(eventSentence(ev('ItemArchived', { itemId: 'x' }), lookup)).toBe('Archived “x”');
  });
  it('says what changed, for history rows', () => {
    expect(changeLine(ev('StockAdded', { itemId: 's', quantity: 3, location: 'Shelf A', reason: 'purchase', note: 'gift' }))).toBe('+3 at Shelf A (purchase) — gift');
    expect(changeLine(ev('StockAdded', { itemId: 's', quantity: 1, attributes: { origin: 'castle', magic: true } }))).toBe('+1 unassigned · origin: castle, magic: yes');
    expect(changeLine(ev('StockRemoved', { itemId: 's', quantity: 2 }))).toBe('−2 unassigned');
    expect(changeLine(ev('StockCounted', { itemId: 's', counted: 5, expected: 7, location: 'Shelf A' }))).toBe('Counted 5 at Shelf A (expected 7, −2)');
    expect(changeLine(ev('ItemUpdated', { itemId: 's', changes: { name: { from: 'Sword', to: 'Long sword' }, sku: { to: 'S-1' } } }))).toBe('Name: Sword → Long sword · SKU: — → S-1');
    expect(changeLine(ev('EventsReverted', { eventIds: ['a', 'b'] }))).toBe('Undo of 2 changes');
  });
});
