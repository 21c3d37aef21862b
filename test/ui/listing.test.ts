import { describe, expect, it } from 'vitest';
import type { Item } from '../../src/domain/inventory';
import { DEFAULT_LIST, listItems, optionsFromParams, paramsFromOptions } from '../../src/ui/inventory/listing';

const item = (id: string, name: string, extra: Partial<Item> = {}): Item => ({ id, name, known: true, archived: false, updatedAt: '2026-01-01T00:00:00Z', stock: {}, eventCount: 1, ...extra });

const sword = item('1', 'Sword', { category: 'Weapons', stock: { 'Shelf A': 3 } });
const rope = item('2', 'Rope', { sku: 'RP-10', category: 'Gear', unit: 'm', stock: { '': 12 } });
const lamp = item('3', 'Lämp', { notes: 'needs oil', stock: {} });
const old = item('4', 'Old shield', { archived: true, stock: { Van: 1 } });
const all = [sword, rope, lamp, old];
const names = (items: Item[]) => items.map((i) => i.name);

describe('listItems', () => {
  it('lists unarchived items by name by default', () => {
    expect(names(listItems(all, DEFAULT_LIST))).toEqual(['Lämp', 'Rope', 'Sword']);
  });
  it('searches name, SKU, category and notes, ignoring case and accents, every word', () => {
    expect(names(listItems(all, { ...DEFAULT_LIST, query: 'rp-10' }))).toEqual(['Rope']);
    expect(names(listItems(all, { ...DEFAULT_LIST, query: 'WEAP' }))).toEqual(['Sword']);
    expect(names(listItems(all, { ...DEFAULT_LIST, query: 'lamp oil' }))).toEqual(['Lämp']);
    expect(names(listItems(all, { ...DEFAULT_LIST, query: 'lamp sword' }))).toEqual([]);
  });
  it('searches codes too: any part of any code, ignoring case (spec §6)', () => {
    const pencil = item('5', 'Pencil', { codes: ['4006381333931', 'QR:Pencil-HB'] });
    expect(names(listItems([...all, pencil], { ...DEFAULT_LIST, query: '63813' }))).toEqual(['Pencil']);
    expect(names(listItems([...all, pencil], { ...DEFAULT_LIST, query: 'qr:pencil-hb' }))).toEqual(['Pencil']);
    expect(names(listItems([...all, pencil], { ...DEFAULT_LIST, query: '4006381333931' }))).toEqual(['Pencil']);
  });
  it('filters to items in stock and shows archived ones on request', () => {
    expect(names(listItems(all, { ...DEFAULT_LIST, inStockOnly: true }))).toEqual(['Rope', 'Sword']);
    expect(names(listItems(all, { ...DEFAULT_LIST, showArchived: true }))).toContain('Old shield');
  });
  it('sorts by quantity both ways and keeps items without a category last', () => {
    expect(names(listItems(all, { ...DEFAULT_LIST, sort: 'quantity', dir: 'desc' }))).toEqual(['Rope', 'Sword', 'Lämp']);
    expect(names(listItems(all, { ...DEFAULT_LIST, sort: 'category', dir: 'asc' }))).toEqual(['Rope', 'Sword', 'Lämp']);
    expect(names(listItems(all, { ...DEFAULT_LIST, sort: 'category', dir: 'desc' }))).toEqual(['Sword', 'Rope', 'Lämp']);
  });
});

describe('list options in the URL', () => {
  it('round-trips and leaves defaults out of the URL', () => {
    const o = { query: 'sw', belowMin: false, inStockOnly: true, showArchived: false, showValue: false, sort: 'quantity' as const, dir: 'desc' as const };
    const params = paramsFromOptions(o);
    expect(params).toEqual({ q: 'sw', instock: '1', archived: undefined, sort: 'quantity', dir: 'desc' });
    const q = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined));
    expect(optionsFromParams(q)).toEqual(o);
    expect(paramsFromOptions(DEFAULT_LIST)).toEqual({ q: undefined, instock: undefined, archived: undefined, sort: undefined, dir: undefined });
  });
  it('ignores an unknown sort key', () => {
    expect(optionsFromParams(new URLSearchParams('sort=evil')).sort).toBe('name');
  });
});

describe('search and filters over locations and categories', () => {
  const garage = item('5', 'Drill', { stock: { Garage: 1, '': 2 } });
  const low = item('6', 'Rice', { category: 'Food', minQuantity: 5, stock: { Pantry: 2 } });
  const items = [sword, rope, lamp, garage, low];
  it('finds items by a location they are stored at, ignoring case', () => {
    expect(names(listItems(items, { ...DEFAULT_LIST, query: 'garage' }))).toEqual(['Drill']);
    expect(names(listItems(items, { ...DEFAULT_LIST, query: 'SHELF' }))).toEqual(['Sword']);
  });
  it('filters by location, the unassigned bucket, category and "below minimum"', () => {
    expect(names(listItems(items, { ...DEFAULT_LIST, location: 'Garage' }))).toEqual(['Drill']);
    expect(names(listItems(items, { ...DEFAULT_LIST, location: '' }))).toEqual(['Drill', 'Rope']);
    expect(names(listItems(items, { ...DEFAULT_LIST, category: 'Food' }))).toEqual(['Rice']);
    expect(names(listItems(items, { ...DEFAULT_LIST, belowMin: true }))).toEqual(['Rice']);
  });
  it('holds the filters in the URL and reads them back', () => {
    const o = { ...DEFAULT_LIST, query: 'x', location: 'Garage', category: 'Food', belowMin: true };
    const params = new URLSearchParams(Object.entries(paramsFromOptions(o)).filter((e): e is [string, string] => e[1] !== undefined));
    expect(params.toString()).toBe('q=x&loc=Garage&cat=Food&low=1');
    expect(optionsFromParams(params)).toEqual(o);
    const unassigned = optionsFromParams(new URLSearchParams(paramsFromOptions({ ...DEFAULT_LIST, location: '' }) as Record<string, string>));
    expect(unassigned.location).toBe('');
  });
});
