import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../../src/domain/projections/time';
import type { Item } from '../../src/domain/inventory';
import { dayName } from '../../src/ui/analytics/wording';
import { dayBoundary, locationBreakdown, qty, quickAddLocation, quickRemoveLocation, signed, when } from '../../src/ui/format';

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
  it('writes every date in one style: a day bucket reads as the date part of a time on that day', () => {
    const noon = new Date(2026, 2, 5, 12, 34, 56).toISOString();
    const day = dayName(Date.UTC(2026, 2, 5) / DAY_MS);
    expect(day).toMatch(/2026/);
    expect(day).not.toMatch(/\d:\d/);
    expect(when(noon).startsWith(day)).toBe(true);
    expect(when(noon, true).startsWith(day)).toBe(true);
    expect(when(noon, true)).toMatch(/34:56/);
    expect(when(noon)).not.toMatch(/34:56/);
    expect(when('not a time')).toBe('not a time');
  });
});
