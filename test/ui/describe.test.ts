import { describe, expect, it } from 'vitest';
import type { InventoryEvent } from '../../src/domain/events';
import type { Item } from '../../src/domain/inventory';
import { changeLine, eventSentence, resultSentence } from '../../src/ui/describe';

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
  it('says one action of several events in one sentence: created with stock, a location renamed', () => {
    const created = { ...ev('ItemCreated', { itemId: 'r', name: 'Rice', unit: 'pack' }), correlationid: 'c1' } as InventoryEvent;
    const stock = { ...ev('StockAdded', { itemId: 'r', quantity: 5, location: 'Pantry', reason: 'initial' }), correlationid: 'c1' } as InventoryEvent;
    expect(resultSentence([created, stock], lookup)).toBe('Created “Rice” with 5 packs at Pantry');
    const moves = ['s', 'f'].map((itemId) => ({ ...ev('StockMoved', { itemId, quantity: 1, from: 'Garage', to: 'Shed' }), correlationid: 'c2' }) as InventoryEvent);
    expect(resultSentence(moves, lookup)).toBe('Renamed location “Garage” to “Shed” (2 items moved)');
  });
  it('sums up a batch of scanned stock: a count or an addition of several items at one place', () => {
    const grouped = (type: InventoryEvent['type'], data: object) => ({ ...ev(type, data), correlationid: 'c3' }) as InventoryEvent;
    const counts = [grouped('StockCounted', { itemId: 's', counted: 2, expected: 3, location: 'Shelf A' }), grouped('StockCounted', { itemId: 'f', counted: 0, expected: 1, location: 'Shelf A' })];
    expect(resultSentence(counts, lookup)).toBe('Counted 2 items at Shelf A');
    const adds = [grouped('StockAdded', { itemId: 's', quantity: 2 }), grouped('StockAdded', { itemId: 'f', quantity: 1 })];
    expect(resultSentence(adds, lookup)).toBe('Added stock of 2 items (unassigned)');
    // Not one batch: two places.
    const mixed = [counts[0]!, grouped('StockCounted', { itemId: 'f', counted: 1, location: 'Van' })];
    expect(resultSentence(mixed, lookup)).toMatch(/^Counted 2 × Sword at Shelf A .* and 1 more change$/);
  });
  it('writes units in the number the quantity takes', () => {
    items.set('p', { id: 'p', name: 'Rice', unit: 'pack', known: true, archived: false, updatedAt: '', stock: {}, eventCount: 1 });
    items.set('c', { id: 'c', name: 'Screws', unit: 'pcs', known: true, archived: false, updatedAt: '', stock: {}, eventCount: 1 });
    expect(eventSentence(ev('StockAdded', { itemId: 'p', quantity: 5, location: 'Pantry' }), lookup)).toBe('Added 5 packs of Rice at Pantry');
    expect(eventSentence(ev('StockRemoved', { itemId: 'c', quantity: 1 }), lookup)).toBe('Removed 1 pc of Screws (unassigned)');
  });
  it('says what changed, for history rows', () => {
    expect(changeLine(ev('StockAdded', { itemId: 's', quantity: 3, location: 'Shelf A', reason: 'purchase', note: 'gift' }))).toBe('+3 at Shelf A (purchase) — gift');
    expect(changeLine(ev('StockAdded', { itemId: 's', quantity: 1, attributes: { origin: 'castle', magic: true } }))).toBe('+1 unassigned · origin: castle, magic: yes');
    expect(changeLine(ev('StockRemoved', { itemId: 's', quantity: 2 }))).toBe('−2 unassigned');
    expect(changeLine(ev('StockCounted', { itemId: 's', counted: 5, expected: 7, location: 'Shelf A' }))).toBe('Counted 5 at Shelf A (expected 7, −2)');
    expect(changeLine(ev('ItemUpdated', { itemId: 's', changes: { name: { from: 'Sword', to: 'Long sword' }, sku: { to: 'S-1' } } }))).toBe('Name: Sword → Long sword · SKU: — → S-1');
    expect(changeLine(ev('EventsReverted', { eventIds: ['a', 'b'] }))).toBe('Undo of 2 changes');
  });
  it('shows codes in history rows: on creation, and as an edit from the old list to the new', () => {
    expect(changeLine(ev('ItemCreated', { itemId: 'p', name: 'Pencil', codes: ['4006381333931', 'QR:p'] }))).toBe('Created “Pencil” · Codes: 4006381333931, QR:p');
    expect(changeLine(ev('ItemUpdated', { itemId: 'p', changes: { codes: { from: ['4006381333931'] } } }))).toBe('Codes: 4006381333931 → —');
    expect(eventSentence(ev('ItemUpdated', { itemId: 'p', changes: { codes: { to: ['1'] } } }), lookup)).toMatch(/: codes$/);
  });
  it('writes history change lines with the item unit in the number the quantity takes', () => {
    expect(changeLine(ev('StockAdded', { itemId: 'p', quantity: 5, location: 'Pantry' }), 'pack')).toBe('+5 packs at Pantry');
    expect(changeLine(ev('StockRemoved', { itemId: 'c', quantity: 1, location: 'Bin' }), 'pcs')).toBe('−1 pc at Bin');
    expect(changeLine(ev('StockMoved', { itemId: 'p', quantity: 1, from: 'Pantry', to: 'Van' }), 'boxes')).toBe('Moved 1 box from Pantry to Van');
    expect(changeLine(ev('StockCounted', { itemId: 'k', counted: 2.5, location: 'Shed' }), 'kg')).toBe('Counted 2.5 kg at Shed');
  });
});
