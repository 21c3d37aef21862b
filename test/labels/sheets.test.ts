import { describe, expect, it } from 'vitest';
import { clampSkip, labelsPerSheet, layoutSheets, sheetById, SHEETS, slotPosition, toCssPx, usedArea, type SheetSpec } from '../../src/labels/sheets';

const sheet = (id: string): SheetSpec => sheetById(id)!;
const a4 = sheet('a4-3x8');
const letter = sheet('letter-2x5');
const roll = sheet('roll-62x29');

describe('the sheets', () => {
  it('fit their labels on the page, within a hundredth of their unit', () => {
    for (const s of SHEETS) {
      const used = usedArea(s);
      expect(used.width, s.id).toBeLessThanOrEqual(s.page.width + 0.01);
      expect(used.height, s.id).toBeLessThanOrEqual(s.page.height + 0.01);
    }
  });
  it('centre the products’ labels as published: A4 3 × 8 of 70 × 37 mm, Avery 5163 on Letter', () => {
    expect(labelsPerSheet(a4)).toBe(24);
    expect(usedArea(a4)).toEqual({ width: 210, height: 296.5 });
    expect(slotPosition(a4, 4)).toEqual({ top: 37.5, left: 70 });
    expect(labelsPerSheet(letter)).toBe(10);
    // Side margins equal: 5/32 in on the left, 8.5 − 8.34375 on the right.
    expect(8.5 - usedArea(letter).width).toBeCloseTo(letter.offset.left, 9);
    expect(slotPosition(letter, 3)).toEqual({ top: 2.5, left: 4.34375 });
    expect(labelsPerSheet(roll)).toBe(1);
  });
  it('convert their unit to CSS pixels (96 per inch)', () => {
    expect(toCssPx(letter, 8.5)).toBe(816);
    expect(toCssPx(a4, 25.4)).toBeCloseTo(96, 9);
  });
});

describe('layoutSheets', () => {
  it('fills a sheet row by row and leaves the rest of the last one blank', () => {
    const pages = layoutSheets(12, letter);
    expect(pages).toHaveLength(2);
    expect(pages[0]).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(pages[1]).toEqual([10, 11, null, null, null, null, null, null, null, null]);
  });
  it('leaves the skipped labels of a partly used first sheet blank and carries on over the next', () => {
    const pages = layoutSheets(8, letter, 7);
    expect(pages[0]).toEqual([null, null, null, null, null, null, null, 0, 1, 2]);
    expect(pages[1]).toEqual([3, 4, 5, 6, 7, null, null, null, null, null]);
  });
  it('puts each label of a roll on its own page, skipping nothing', () => {
    expect(layoutSheets(3, roll, 5)).toEqual([[0], [1], [2]]);
  });
  it('makes no page for no labels, and exactly full sheets for a multiple of a sheet', () => {
    expect(layoutSheets(0, a4)).toEqual([]);
    expect(layoutSheets(48, a4)).toHaveLength(2);
    expect(layoutSheets(48, a4, 1)).toHaveLength(3);
  });
});

describe('clampSkip', () => {
  it('keeps a whole number of labels, at most one less than a sheet', () => {
    expect(clampSkip(a4, 5.7)).toBe(5);
    expect(clampSkip(a4, -1)).toBe(0);
    expect(clampSkip(a4, 99)).toBe(23);
    expect(clampSkip(a4, Number.NaN)).toBe(0);
    expect(clampSkip(roll, 3)).toBe(0);
  });
});
