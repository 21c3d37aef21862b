import { beforeEach, describe, expect, it } from 'vitest';
import { forgetRowHeights, meanRowHeight, recordRowHeight, rowHeight } from '../../src/ui/inventory/rowHeights';
import { nextRange, offsetsOf, rowAt, rowsBetween } from '../../src/ui/inventory/windowing';

// 100 rows of 50 px: row i spans [50i, 50i + 50).
const even = offsetsOf(100, () => 50);
const opts = { overscan: 200, margin: 100 };

describe('offsets and rows', () => {
  it('adds up the heights', () => {
    const o = offsetsOf(3, (i) => [10, 20, 30][i]!);
    expect([...o]).toEqual([0, 10, 30, 60]);
  });
  it('finds the row at a height, clamped to the rows there are', () => {
    expect(rowAt(even, 0)).toBe(0);
    expect(rowAt(even, 49.9)).toBe(0);
    expect(rowAt(even, 50)).toBe(1);
    expect(rowAt(even, -500)).toBe(0);
    expect(rowAt(even, 1e9)).toBe(99);
    expect(rowAt(offsetsOf(0, () => 50), 10)).toBe(0);
  });
  it('lists the rows that intersect a span', () => {
    expect(rowsBetween(even, 0, 100)).toEqual({ start: 0, end: 2 });
    expect(rowsBetween(even, 75, 130)).toEqual({ start: 1, end: 3 });
    expect(rowsBetween(even, 4900, 9999)).toEqual({ start: 98, end: 100 });
    expect(rowsBetween(offsetsOf(0, () => 50), 0, 100)).toEqual({ start: 0, end: 0 });
  });
});

describe('nextRange', () => {
  it('renders the view and the overscan around it', () => {
    expect(nextRange({ start: 0, end: 0 }, even, 1000, 1500, opts)).toEqual({ start: 16, end: 34 });
  });
  it('keeps the range while it covers the view with the margin to spare', () => {
    const r = nextRange({ start: 0, end: 0 }, even, 1000, 1500, opts);
    expect(nextRange(r, even, 1050, 1550, opts)).toEqual(r);
    // 1650 + 100 of margin passes the end of row 33 (1700): time to move.
    expect(nextRange(r, even, 1150, 1650, opts)).toEqual({ start: 19, end: 37 });
  });
  it('moves at once to a far view, and shrinks a range grown far beyond it', () => {
    expect(nextRange({ start: 10, end: 30 }, even, 4000, 4500, opts)).toEqual({ start: 76, end: 94 });
    expect(nextRange({ start: 0, end: 100 }, even, 1000, 1500, opts)).toEqual({ start: 16, end: 34 });
  });
  it('keeps the kept row, wherever it is', () => {
    expect(nextRange({ start: 0, end: 0 }, even, 1000, 1500, { ...opts, keep: 90 })).toEqual({ start: 16, end: 91 });
    expect(nextRange({ start: 0, end: 0 }, even, 1000, 1500, { ...opts, keep: 2 })).toEqual({ start: 2, end: 34 });
    expect(nextRange({ start: 0, end: 0 }, even, 1000, 1500, { ...opts, keep: -1 })).toEqual({ start: 16, end: 34 });
  });
  it('clamps to a list that became shorter', () => {
    const short = offsetsOf(10, () => 50);
    expect(nextRange({ start: 40, end: 60 }, short, 0, 500, opts)).toEqual({ start: 0, end: 10 });
  });
});

describe('row heights', () => {
  beforeEach(forgetRowHeights);
  it('estimates unmeasured rows by the mean of the measured ones', () => {
    expect(rowHeight('a')).toBe(meanRowHeight());
    expect(recordRowHeight('a', 800, 40)).toBe(true);
    expect(recordRowHeight('b', 800, 60)).toBe(true);
    expect(rowHeight('a')).toBe(40);
    expect(rowHeight('zzz')).toBe(50);
  });
  it('reports only changes, and starts over at a new width', () => {
    recordRowHeight('a', 800, 40);
    expect(recordRowHeight('a', 800, 40.2)).toBe(false);
    expect(recordRowHeight('a', 800, 44)).toBe(true);
    recordRowHeight('b', 800, 90);
    expect(recordRowHeight('a', 390, 150)).toBe(true);
    expect(rowHeight('b')).toBe(150);
  });
});
