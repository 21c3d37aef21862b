import { describe, expect, it } from 'vitest';
import { codeProblem, findByCode, parseCodes } from '../../src/domain/codes';
import { emptyState, fold } from '../../src/domain/inventory';
import { archived, created, type InventoryEvent } from '../support/events';

describe('parseCodes', () => {
  it('splits on lines and commas, trims, drops empties and repeats, keeps order', () => {
    expect(parseCodes(' 4006381333931 ,\nABC-1\r\n\n, 4006381333931,x ')).toEqual(['4006381333931', 'ABC-1', 'x']);
  });

  it('reads blank text as no codes', () => {
    expect(parseCodes('  \n , ')).toEqual([]);
  });
});

describe('codeProblem', () => {
  it('accepts an ordinary code and one of exactly 200 characters', () => {
    expect(codeProblem('4006381333931')).toBeUndefined();
    expect(codeProblem('x'.repeat(200))).toBeUndefined();
  });

  it('refuses an empty code', () => {
    expect(codeProblem('')).toMatch(/empty/);
  });

  it('refuses a code over 200 characters', () => {
    expect(codeProblem('x'.repeat(201))).toMatch(/at most 200/);
  });

  it('refuses control characters', () => {
    expect(codeProblem('abc\tdef')).toMatch(/control characters/);
    expect(codeProblem('abc\u0085')).toMatch(/control characters/);
  });
});

describe('findByCode', () => {
  const items = (events: InventoryEvent[]) => fold(emptyState(), events).items.values();

  it('finds the listed item with exactly that code', () => {
    const found = findByCode(items([created({ item: 'i1', name: 'Pencil', codes: ['4006381333931'] }), created({ item: 'i2', name: 'Pen', codes: ['A1'] })]), 'A1');
    expect(found?.id).toBe('i2');
  });

  it('compares exactly: case and partial codes do not match', () => {
    const it1 = [created({ item: 'i1', name: 'Pencil', codes: ['Ab12'] })];
    expect(findByCode(items(it1), 'ab12')).toBeUndefined();
    expect(findByCode(items(it1), 'Ab1')).toBeUndefined();
  });

  it('ignores archived items', () => {
    expect(findByCode(items([created({ item: 'i1', name: 'Pencil', codes: ['A1'] }), archived({ item: 'i1', at: 1 })]), 'A1')).toBeUndefined();
  });
});
