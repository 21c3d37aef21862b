import { describe, expect, it } from 'vitest';
import type { Item } from '../../src/domain/inventory';
import { columnsFor, cssWidth } from '../../src/ui/inventory/columns';
import { dayOf, historyHref, locationLinks } from '../../src/ui/inventory/links';

const item = (id: string, name: string, extra: Partial<Item> = {}): Item => ({ id, name, known: true, archived: false, updatedAt: '2026-01-01T00:00:00Z', stock: {}, eventCount: 1, ...extra });

describe('history links of the table', () => {
  it('reads back as the history page expects', () => {
    const q = (href: string) => Object.fromEntries(new URLSearchParams(href.split('?')[1]));
    expect(q(historyHref('it 1&2', undefined, undefined))).toEqual({ item: 'it 1&2' });
    expect(q(historyHref('a', 'Shelf A/β+1', '2026-03-01'))).toEqual({ item: 'a', location: 'Shelf A/β+1', to: '2026-03-01' });
    expect(q(historyHref('a', '', undefined))).toEqual({ item: 'a', unassigned: '1' });
  });
  it('ends at the local day of the moment shown', () => {
    expect(dayOf(undefined)).toBeUndefined();
    const d = new Date(2026, 2, 1, 23, 30);
    expect(dayOf(d.toISOString())).toBe('2026-03-01');
  });
  it('lists locations in display order, computed once per item and day', () => {
    const lamp = item('l', 'Lamp', { stock: { '': 1, Van: 2, 'Shelf A': 3 } });
    const links = locationLinks(lamp, undefined);
    expect(links.map((l) => l.text)).toEqual(['Shelf A 3', 'Van 2', 'Unassigned 1']);
    expect(links[2]!.title).toBe('Changes of Lamp without a location');
    expect(locationLinks(lamp, undefined)).toBe(links);
    expect(locationLinks(lamp, '2026-03-01')[0]!.href).toBe('/history?item=l&location=Shelf%20A&to=2026-03-01');
    expect(locationLinks({ ...lamp }, undefined)).not.toBe(links);
  });
});

describe('columnsFor', () => {
  const rope = item('r', 'Rope', { category: 'Gear', unit: 'm', sku: 'RP-10', stock: { '': 12 } });
  const widths = (items: Item[], editable = true, sku = true) => Object.fromEntries(columnsFor(items, editable, sku).cols.map((c) => [c.key, c.width && cssWidth(c.width)]));

  it('has one column per header, locations taking what is left', () => {
    expect(Object.keys(widths([rope]))).toEqual(['name', 'quantity', 'locations', 'category', 'unit', 'sku', 'status', 'actions']);
    expect(Object.keys(widths([rope], false, false))).toEqual(['name', 'quantity', 'locations', 'category', 'unit', 'status']);
    expect(widths([rope]).locations).toBeUndefined();
  });
  it('sizes columns by their longest text, within bounds', () => {
    const long = item('x', 'A rather long name for an item that goes on', { category: 'Cleaning supplies and more' });
    expect(widths([rope]).name).toBe('calc(8ch + 1.5rem)');
    expect(widths([rope, long]).name).toBe('calc(22ch + 1.5rem)');
    expect(widths([rope, long]).category).toBe('calc(16ch + 1.5rem)');
  });
  it('makes room for the status a row needs', () => {
    const low = item('w', 'Wax', { minQuantity: 100, stock: { '': 1 } });
    const conflict = item('g', 'Ghost', { known: false, stock: { '': 1 } });
    expect(widths([rope]).status).toBe('calc(6ch + 1.5rem)');
    expect(widths([rope, low]).status).toBe('calc(15ch + 1.5rem)');
    expect(widths([rope, low, conflict]).status).toBe('calc(16ch + 1.5rem)');
  });
  it('sets a minimum width that keeps room for the locations', () => {
    const c = columnsFor([rope], true, true);
    expect(c.minWidth.ch).toBeGreaterThan(16);
  });
});
