import { describe, expect, it } from 'vitest';
import { labelsPath, parseLabelsView, sheetOf, type LabelsView } from '../../src/labels/selection';

const parse = (query: string) => parseLabelsView(new URLSearchParams(query));

describe('parseLabelsView', () => {
  it('reads chosen items, in order, once each', () => {
    expect(parse('item=b&item=a&item=b').choice).toEqual({ kind: 'items', ids: ['b', 'a'] });
  });
  it('reads ids holding commas or spaces whole', () => {
    expect(parse(`item=${encodeURIComponent('a,b c')}`).choice).toEqual({ kind: 'items', ids: ['a,b c'] });
  });
  it('reads `item=` alone as a choice of nothing, not of everything', () => {
    expect(parse('item=').choice).toEqual({ kind: 'items', ids: [] });
  });
  it('reads location labels, one or all', () => {
    expect(parse('location=Shelf%201&location=Van').choice).toEqual({ kind: 'locations', names: ['Shelf 1', 'Van'] });
    expect(parse('locations=all').choice).toEqual({ kind: 'allLocations' });
  });
  it('reads anything else as the inventory’s filter, keeping only its own keys', () => {
    expect(parse('q=rice&loc=Pantry&low=1&at=2026-01-01T00:00:00Z&value=1').choice).toEqual({
      kind: 'filter',
      filter: [
        ['q', 'rice'],
        ['loc', 'Pantry'],
        ['low', '1'],
      ],
    });
    expect(parse('').choice).toEqual({ kind: 'filter', filter: [] });
  });
  it('reads the sheet and the labels to skip, ignoring unknown or nonsense values', () => {
    expect(parse('sheet=letter-2x5&skip=3')).toMatchObject({ sheet: 'letter-2x5', skip: 3 });
    expect(parse('sheet=a3&skip=-2')).toMatchObject({ sheet: undefined, skip: 0 });
    expect(parse('skip=abc').skip).toBe(0);
  });
});

describe('labelsPath', () => {
  const view = (v: Partial<LabelsView>): LabelsView => ({ choice: { kind: 'filter', filter: [] }, search: '', sheet: undefined, skip: 0, ...v });
  it('gives back every choice it is given (parse ∘ path = identity)', () => {
    const views: LabelsView[] = [
      view({ choice: { kind: 'items', ids: ['a,b', 'c d'] }, search: 'ro', sheet: 'roll-62x29' }),
      view({ choice: { kind: 'items', ids: [] } }),
      view({ choice: { kind: 'locations', names: ['Shelf 1', '&?='] }, sheet: 'a4-3x8', skip: 5 }),
      view({ choice: { kind: 'allLocations' } }),
      view({ choice: { kind: 'filter', filter: [['q', 'nails'], ['cat', 'Hardware']] }, search: 'nails', sheet: 'letter-2x5', skip: 9 }),
    ];
    for (const v of views) expect(parse(labelsPath(v, 'en-GB').split('?')[1] ?? '')).toEqual(v);
  });
  it('writes nothing for the defaults', () => {
    expect(labelsPath(view({}), 'en-GB')).toBe('/labels');
  });
  it('keeps a skip only as far as the sheet has labels', () => {
    expect(labelsPath(view({ sheet: 'letter-2x5', skip: 40 }), 'en-GB')).toBe('/labels?sheet=letter-2x5&skip=9');
    expect(labelsPath(view({ sheet: 'roll-62x29', skip: 4 }), 'en-GB')).toBe('/labels?sheet=roll-62x29');
  });
  it('offers Letter where Letter paper is usual, else A4, until a sheet is chosen', () => {
    expect(sheetOf(view({}), 'en-US').id).toBe('letter-2x5');
    expect(sheetOf(view({}), 'fr-CA').id).toBe('letter-2x5');
    expect(sheetOf(view({}), 'de-DE').id).toBe('a4-3x8');
    expect(sheetOf(view({}), 'en').id).toBe('a4-3x8');
    expect(sheetOf(view({ sheet: 'a4-3x8' }), 'en-US').id).toBe('a4-3x8');
  });
});
