// The running list of a scan-to-count: each scan +1, −/+ to fix it, unknown codes kept, and the command that
// records it; read back from sessionStorage only when it is a session.
import { describe, expect, it } from 'vitest';
import { addScan, adjust, emptySession, lineKey, parseSession, removeLine, resolveCodes, sessionCommand } from '../../src/scan/session';

const rice = { itemId: 'i1' };
const beans = { itemId: 'i2' };

describe('scan session', () => {
  it('adds 1 per scan and puts the line just scanned first', () => {
    let s = emptySession('count', 'Shelf A');
    s = addScan(s, rice);
    s = addScan(s, beans);
    s = addScan(s, rice);
    expect(s.lines).toEqual([
      { kind: 'item', itemId: 'i1', count: 2 },
      { kind: 'item', itemId: 'i2', count: 1 },
    ]);
  });

  it('lists an unknown code as such, counted like an item', () => {
    const s = addScan(addScan(emptySession('count'), { code: '4006381333931' }), { code: '4006381333931' });
    expect(s.lines).toEqual([{ kind: 'unknown', code: '4006381333931', count: 2 }]);
  });

  it('corrects a line with − and +, never below 0, and takes a line off the list', () => {
    let s = addScan(addScan(emptySession('add'), rice), beans);
    const key = lineKey({ kind: 'item', itemId: 'i1', count: 0 });
    s = adjust(s, key, 1);
    expect(s.lines.find((l) => lineKey(l) === key)?.count).toBe(2);
    s = adjust(adjust(adjust(s, key, -1), key, -1), key, -1);
    expect(s.lines.find((l) => lineKey(l) === key)?.count).toBe(0);
    s = removeLine(s, key);
    expect(s.lines).toEqual([{ kind: 'item', itemId: 'i2', count: 1 }]);
  });

  it('turns an unknown code into its item once the item exists, merging with scans of the item', () => {
    let s = addScan(addScan(emptySession('count'), { code: 'X-1' }), rice);
    s = addScan(s, { code: 'Z-9' });
    const resolved = resolveCodes(s, (code) => (code === 'X-1' ? 'i1' : undefined));
    expect(resolved.lines).toEqual([
      { kind: 'unknown', code: 'Z-9', count: 1 },
      { kind: 'item', itemId: 'i1', count: 2 },
    ]);
    expect(resolveCodes(resolved, () => undefined)).toBe(resolved);
  });

  it('finishes as one recordScans command of its items at its location (unknown codes left out)', () => {
    let s = addScan(addScan(addScan(emptySession('count', ' Shelf A '), rice), rice), { code: 'nope' });
    s = addScan(s, beans);
    expect(sessionCommand(s)).toEqual({ type: 'recordScans', mode: 'count', location: 'Shelf A', lines: [{ itemId: 'i2', quantity: 1 }, { itemId: 'i1', quantity: 2 }] });
  });

  it('records as 0 the items a count asks for that were not scanned, and no location for the unassigned bucket', () => {
    const s = addScan(emptySession('count'), rice);
    expect(sessionCommand(s, ['i1', 'i3'])).toEqual({ type: 'recordScans', mode: 'count', lines: [{ itemId: 'i1', quantity: 1 }, { itemId: 'i3', quantity: 0 }] });
  });

  it('reads back what it stored, and nothing from text that is not a session', () => {
    const s = addScan(addScan(emptySession('add', 'Garage'), rice), { code: 'c' });
    expect(parseSession(JSON.stringify(s))).toEqual(s);
    for (const bad of [null, '', '{', '[]', '{"mode":"steal","location":"","lines":[]}', '{"mode":"count","location":"","lines":[{"kind":"item","itemId":"i1","count":-1}]}', '{"mode":"count","location":"","lines":[{"kind":"unknown","count":1}]}']) {
      expect(parseSession(bad)).toBeUndefined();
    }
  });
});
