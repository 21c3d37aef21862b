// What a scanned text names: the app's own label URLs open their page; anything else is a code to look up,
// unless it cannot be a code at all.
import { describe, expect, it } from 'vitest';
import { emptyState, fold } from '../../src/domain/inventory';
import { lookUp, recognize } from '../../src/scan/recognize';
import { archived, created } from '../support/events';

const app = { origin: 'https://inv.example.org', base: '' };
const sub = { origin: 'https://example.org', base: '/eventory' };

describe('recognize', () => {
  it('reads an item label URL as the item, decoding its id', () => {
    expect(recognize('https://inv.example.org/item/0193a7c2-5d0e', app)).toEqual({ kind: 'item', id: '0193a7c2-5d0e' });
    expect(recognize('https://inv.example.org/item/a%2Fb%20c', app)).toEqual({ kind: 'item', id: 'a/b c' });
  });

  it('reads a location label URL as the location', () => {
    expect(recognize('https://inv.example.org/locations/Shelf%20A', app)).toEqual({ kind: 'location', name: 'Shelf A' });
  });

  it('honours the path the app is served under', () => {
    expect(recognize('https://example.org/eventory/item/i1', sub)).toEqual({ kind: 'item', id: 'i1' });
    expect(recognize('https://example.org/item/i1', sub)).toEqual({ kind: 'code', code: 'https://example.org/item/i1' });
  });

  it('takes another site’s URL, another page of the app and a broken escape as a plain code', () => {
    for (const text of ['https://evil.example/item/i1', 'https://inv.example.org/history', 'https://inv.example.org/item/%E0%A4%A', 'https://inv.example.org.evil.example/item/i1']) {
      expect(recognize(text, app)).toEqual({ kind: 'code', code: text });
    }
  });

  it('trims what a scanner adds around a code', () => {
    expect(recognize('  4006381333931 ', app)).toEqual({ kind: 'code', code: '4006381333931' });
  });

  it('refuses an empty text and one with control characters, with a message', () => {
    expect(recognize('   ', app)).toMatchObject({ kind: 'problem', message: expect.stringMatching(/empty/) });
    expect(recognize('0104006381\u001d333931', app)).toMatchObject({ kind: 'problem', message: expect.stringMatching(/control characters/) });
  });
});

describe('lookUp', () => {
  const items = fold(emptyState(), [created({ item: 'i1', name: 'Lamp', codes: ['4006381333931'] }), created({ item: 'i2', name: 'Old', codes: ['OLD-1'] }), archived({ item: 'i2', at: 1 })]).items;

  it('finds the listed item that has the code, exactly', () => {
    expect(lookUp('4006381333931', app, items.values())).toEqual({ kind: 'item', id: 'i1' });
    expect(lookUp('400638133393', app, items.values())).toEqual({ kind: 'unknown', code: '400638133393' });
  });

  it('does not find an archived item by its code', () => {
    expect(lookUp('OLD-1', app, items.values())).toEqual({ kind: 'unknown', code: 'OLD-1' });
  });

  it('passes label URLs and problems through', () => {
    expect(lookUp('https://inv.example.org/locations/Garage', app, items.values())).toEqual({ kind: 'location', name: 'Garage' });
    expect(lookUp('', app, items.values())).toMatchObject({ kind: 'problem' });
  });
});
