// "Download inventory as CSV": RFC 4180 quoting, protection against formula injection, columns per location.
import { describe, expect, it } from 'vitest';
import { sortHistory } from '../../src/domain/history';
import { emptyState, fold } from '../../src/domain/inventory';
import { csvCell, inventoryCsv } from '../../src/io/csv';
import { added, created, ev, removed } from '../support/events';

/** A minimal RFC 4180 reader, to check that what we write reads back as the same cells. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += c;
  }
  return rows;
}

describe('csvCell', () => {
  it('quotes only when needed, doubling quotes', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('cr\rhere')).toBe('"cr\rhere"');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(2.5)).toBe('2.5');
    expect(csvCell(0.1 + 0.2)).toBe('0.3');
    expect(csvCell(-3)).toBe('-3');
  });

  it('keeps text that a spreadsheet would run as a formula as text', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+SUM(A1)')).toBe("'+SUM(A1)");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@cmd')).toBe("'@cmd");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell('a=b')).toBe('a=b');
  });
});

describe('inventoryCsv', () => {
  const state = () =>
    fold(
      emptyState(),
      sortHistory([
        created({ item: 'i-1', name: 'Rope, long' }),
        ev('ItemCreated', { itemId: 'i-2', name: '=cmd|"/c calc"', sku: 'S-2', category: 'Tools', unit: 'pcs', minQuantity: 5 }, { time: '2026-01-01T00:00:30.000Z' }),
        created({ item: 'i-3', name: 'Épée' }),
        added({ item: 'i-1', quantity: 3, at: 1, location: 'Shelf B' }),
        added({ item: 'i-1', quantity: 2, at: 2 }),
        added({ item: 'i-2', quantity: 1, at: 3, location: 'Shelf A' }),
        removed({ item: 'i-3', quantity: 1, at: 4 }),
        ev('ItemArchived', { itemId: 'i-3' }, { time: '2026-01-01T00:05:00.000Z' }),
      ]),
    );

  it('lists the listed items by name with a column per location, CRLF, and reads back', () => {
    const text = inventoryCsv(state());
    expect(text.endsWith('\r\n')).toBe(true);
    expect(readCsv(text)).toEqual([
      ['Name', 'SKU', 'Category', 'Unit', 'Quantity', 'Location: Shelf A', 'Location: Shelf B', 'Unassigned', 'Min quantity', 'Low stock'],
      ["'=cmd|\"/c calc\"", 'S-2', 'Tools', 'pcs', '1', '1', '', '', '5', 'yes'],
      ['Rope, long', '', '', '', '5', '', '3', '2', '', 'no'],
    ]);
  });

  it('writes the rows it is given (as shown), with an Archived column when one is archived', () => {
    const s = state();
    const rows = readCsv(inventoryCsv(s, [s.items.get('i-3')!]));
    expect(rows).toEqual([
      ['Name', 'SKU', 'Category', 'Unit', 'Quantity', 'Min quantity', 'Low stock', 'Archived'],
      ['Épée', '', '', '', "-1", '', 'no', 'yes'],
    ]);
  });

  it('adds a Codes column when an item has codes, one code per line in its cell', () => {
    const s = fold(emptyState(), [created({ item: 'p', name: 'Pencil', codes: ['4006381333931', 'QR:p'] }), created({ item: 'q', name: 'Pen' })]);
    expect(readCsv(inventoryCsv(s))).toEqual([
      ['Name', 'SKU', 'Codes', 'Category', 'Unit', 'Quantity', 'Min quantity', 'Low stock'],
      ['Pen', '', '', '', '', '0', '', 'no'],
      ['Pencil', '', '4006381333931\nQR:p', '', '', '0', '', 'no'],
    ]);
  });

  it('writes only the header for an empty inventory', () => {
    expect(inventoryCsv(emptyState())).toBe('Name,SKU,Category,Unit,Quantity,Min quantity,Low stock\r\n');
  });
});

describe('inventoryCsv with costs', () => {
  it('adds each item\'s average unit cost and the value of its stock, in the currency named in the header', () => {
    const state = fold(emptyState(), sortHistory([created({ item: 'a', name: 'Rice' }), created({ item: 'b', name: 'Salt' }), added({ item: 'a', quantity: 4 }), added({ item: 'b', quantity: 1 })]));
    const rows = readCsv(inventoryCsv(state, undefined, { avgCost: new Map([['a', 2.495]]), currency: 'EUR' }));
    expect(rows[0]!.slice(-2)).toEqual(['Unit cost (average, EUR)', 'Value (EUR)']);
    expect(rows[1]!.slice(-2)).toEqual(['2.495', '9.98']);
    expect(rows[2]!.slice(-2)).toEqual(['', '']);
  });
});
