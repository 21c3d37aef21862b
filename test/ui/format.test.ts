import { describe, expect, it } from 'vitest';
import type { Item } from '../../src/domain/inventory';
import { dayBoundary, locationBreakdown, qty, quickAddLocation, quickRemoveLocation, signed } from '../../src/ui/format';

const withStock = (stock: Record<string, number>): Item => ({ id: 'i', name: 'Sword', known: true, archived: false, updatedAt: '', stock, eventCount: 1 });

describe('format', () => {
  it('writes quantities as plain numbers without float noise', () => {
    expect(qty(0.1 + 0.2)).toBe('0.3');
    expect(qty(1234)).toBe('1234');
    expect(signed(3)).toBe('+3');
    expect(signed(-2)).toBe('−2');
  });
  it('breaks stock down by location, unassigned last', () => {
    expect(locationBreakdown({ '': 1, Van: 2, 'Shelf A': 3 })).toBe('Shelf A 3 · Van 2 · Unassigned 1');
    expect(locationBreakdown({})).toBe('');
  });
  it('takes a quick −1 from unassigned stock first, else from the largest location', () => {
    expect(quickRemoveLocation(withStock({ '': 1, Van: 5 }))).toBe('');
    expect(quickRemoveLocation(withStock({ Van: 2, 'Shelf A': 5 }))).toBe('Shelf A');
    expect(quickRemoveLocation(withStock({}))).toBeUndefined();
    expect(quickAddLocation(withStock({ Van: 2 }))).toBe('Van');
    expect(quickAddLocation(withStock({}))).toBe('');
  });
  it('turns a local calendar day into an inclusive UTC range', () => {
    const from = new Date(dayBoundary('2026-03-01', false)!);
    const to = new Date(dayBoundary('2026-03-01', true)!);
    expect([from.getFullYear(), from.getMonth(), from.getDate(), from.getHours(), from.getMinutes()]).toEqual([2026, 2, 1, 0, 0]);
    expect([to.getDate(), to.getHours(), to.getMinutes(), to.getSeconds(), to.getMilliseconds()]).toEqual([1, 23, 59, 59, 999]);
    expect(dayBoundary('garbage', false)).toBeUndefined();
  });
});
