import { describe, expect, it } from 'vitest';
import type { InventoryState, Item } from '../../src/domain/inventory';
import { chosenLabels, itemLabel, locationLabel } from '../../src/labels/content';

const item = (id: string, name: string, extra: Partial<Item> = {}): Item => ({ id, name, known: true, archived: false, updatedAt: '2026-01-01T00:00:00Z', stock: {}, eventCount: 1, ...extra });
const state = (...items: Item[]) => ({ items: new Map(items.map((i) => [i.id, i])) }) as unknown as InventoryState;

const flour = item('flour', 'Flour', { sku: 'FL-1', stock: { Pantry: 3 } });
const rope = item('rope', 'Rope', { stock: { '': 2 } });
const nails = item('nails', 'Nails', { stock: { 'Bin 2': 1, 'Bin 10': 4, Van: 1, Attic: 2 } });
const lamp = item('lamp', 'Lamp', { archived: true, stock: { Attic: 1 } });
const s = state(flour, rope, nails, lamp);
const titles = (c: ReturnType<typeof chosenLabels>) => c.labels.map((l) => l.title);

describe('itemLabel', () => {
  it('names the item, its SKU and where it is kept', () => {
    expect(itemLabel(flour)).toEqual({ key: 'item:flour', target: { kind: 'item', id: 'flour' }, title: 'Flour', details: ['SKU FL-1', 'Pantry'] });
  });
  it('names two places at most, then how many more', () => {
    expect(itemLabel(nails).details).toEqual(['Attic, Bin 2 +2']);
  });
  it('says nothing of a place for unassigned stock', () => {
    expect(itemLabel(rope).details).toEqual([]);
  });
  it('names the place being labelled when printing a location’s items', () => {
    expect(itemLabel(nails, 'Van').details).toEqual(['Van']);
  });
});

describe('chosenLabels', () => {
  const noFilter = () => {
    throw new Error('not a filter');
  };
  it('gives the chosen items in the order chosen, archived ones too, and names those not on this device', () => {
    const c = chosenLabels(s, { kind: 'items', ids: ['nails', 'gone', 'lamp'] }, noFilter);
    expect(titles(c)).toEqual(['Nails', 'Lamp']);
    expect(c.missing).toEqual(['gone']);
  });
  it('gives every named location with stock for all locations, never the unassigned bucket, archived items left out', () => {
    expect(titles(chosenLabels(s, { kind: 'allLocations' }, noFilter))).toEqual(['Attic', 'Bin 2', 'Bin 10', 'Pantry', 'Van']);
  });
  it('labels a chosen location that holds nothing yet', () => {
    expect(chosenLabels(s, { kind: 'locations', names: ['New shelf'] }, noFilter).labels).toEqual([locationLabel('New shelf')]);
  });
  it('lists a filter with the function given, and a location filter names that place on each label', () => {
    const seen: [string, string][][] = [];
    const c = chosenLabels(s, { kind: 'filter', filter: [['loc', 'Van']] }, (f) => (seen.push(f), [nails]));
    expect(seen).toEqual([[['loc', 'Van']]]);
    expect(c.labels.map((l) => l.details)).toEqual([['Van']]);
  });
});
