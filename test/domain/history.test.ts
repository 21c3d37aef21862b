import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareEvents, historyKey, keyAtTime, revertedAt, sortHistory, timeKey, type RevertRecord } from '../../src/domain/history';
import type { EventOf } from '../../src/domain/events';
import { added, at, ev, reverted } from '../support/events';

describe('timeKey', () => {
  it('pads a millisecond UTC time to nanoseconds', () => {
    expect(timeKey('2026-03-04T05:06:07.089Z')).toBe('2026-03-04T05:06:07.089000000');
  });

  it('normalises a positive offset to UTC', () => {
    expect(timeKey('2026-01-01T01:00:00+01:00')).toBe(timeKey('2026-01-01T00:00:00.000Z'));
  });

  it('normalises a negative offset that crosses midnight and the year', () => {
    expect(timeKey('2025-12-31T19:30:00-04:30')).toBe('2026-01-01T00:00:00.000000000');
  });

  it('gives the same key to one instant written with different precision', () => {
    const keys = ['2026-01-01T00:00:00.5Z', '2026-01-01T00:00:00.500Z', '2026-01-01T00:00:00.500000000Z', '2026-01-01T01:00:00.50+01:00'].map(timeKey);
    expect(new Set(keys)).toEqual(new Set(['2026-01-01T00:00:00.500000000']));
  });

  it('treats a time without fraction as .000000000', () => {
    expect(timeKey('2026-01-01T00:00:00Z')).toBe('2026-01-01T00:00:00.000000000');
  });

  it('keeps sub-millisecond precision so that nanoseconds still order', () => {
    expect(timeKey('2026-01-01T00:00:00.0000001Z')! > timeKey('2026-01-01T00:00:00Z')!).toBe(true);
    expect(timeKey('2026-01-01T00:00:00.000999999Z')! < timeKey('2026-01-01T00:00:00.001Z')!).toBe(true);
  });

  it('accepts lower-case t and z', () => {
    expect(timeKey('2026-01-01t00:00:00z')).toBe('2026-01-01T00:00:00.000000000');
  });

  it.each(['yesterday', '2026-01-01', '2026-01-01T00:00:00', '2026-01-01 00:00:00Z', '2026-01-01T24:00:00Z', '2026-13-01T00:00:00Z', '2026-02-30T00:00:00Z', '2026-01-01T00:60:00Z'])(
    'rejects %s',
    (t) => {
      expect(timeKey(t)).toBeUndefined();
    },
  );

  it.each(['2026-02-30T00:00:00.000Z', '2026-13-01T00:00:00.000Z', '2026-01-01T25:00:00.000Z'])('rejects the impossible date-time %s written with milliseconds', (t) => {
    expect(timeKey(t)).toBeUndefined();
  });

  it('gives a leap second one key whatever its precision', () => {
    expect(timeKey('2026-12-31T23:59:60.000Z')).toBe(timeKey('2026-12-31T23:59:60Z'));
  });

  it('accepts February 29 in a leap year only', () => {
    expect(timeKey('2028-02-29T00:00:00.000Z')).toBe('2028-02-29T00:00:00.000000000');
    expect(timeKey('2026-02-29T00:00:00.000Z')).toBeUndefined();
  });

  it('reads a year below 100 as that year, not as 19xx', () => {
    expect(timeKey('0050-01-01T00:00:00Z')).toBe('0050-01-01T00:00:00.000000000');
  });

  it('rejects an offset beyond 23:59', () => {
    expect(timeKey('2026-01-01T00:00:00+24:00')).toBeUndefined();
  });

  it('rejects an impossible date written with an offset', () => {
    expect(timeKey('2026-02-30T12:00:00+01:00')).toBeUndefined();
  });
});

describe('timeKey: the toISOString fast path', () => {
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  // Every field may be out of range (month 13, day 31 of a 30-day month, hour 24, second 60), so impossible
  // date-times are drawn as often as real ones.
  const isoLike = fc
    .tuple(fc.integer({ min: 0, max: 9999 }), fc.nat(14), fc.nat(32), fc.nat(25), fc.nat(61), fc.nat(61), fc.nat(999))
    .map(([y, mo, d, h, mi, s, ms]) => `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}T${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}.${pad(ms, 3)}`);

  it('gives the key (or the refusal) of the general path, which reads the same instant written "+00:00"', () => {
    fc.assert(
      fc.property(isoLike, (t) => {
        expect(timeKey(`${t}Z`)).toBe(timeKey(`${t}+00:00`));
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with Date on every real instant', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('0000-01-01T00:00:00.000Z'), max: new Date('9999-12-31T23:59:59.999Z'), noInvalidDate: true }), (d) => {
        const iso = d.toISOString();
        if (iso.length !== 24) return;
        expect(timeKey(iso)).toBe(`${iso.slice(0, 23)}000000`);
      }),
    );
  });
});

describe('history order', () => {
  it('orders by time before id', () => {
    const early = added({ item: 'i1', quantity: 1, at: 1, id: 'zzz' });
    const late = added({ item: 'i1', quantity: 1, at: 2, id: 'aaa' });
    expect(sortHistory([late, early])).toEqual([early, late]);
  });

  it('breaks ties in time by id in code-unit order', () => {
    const a = added({ item: 'i1', quantity: 1, at: 1, id: 'B' });
    const b = added({ item: 'i1', quantity: 1, at: 1, id: 'a' });
    expect(sortHistory([b, a]).map((e) => e.id)).toEqual(['B', 'a']);
  });

  it('compares instants, not strings: an offset time sorts where its UTC instant is', () => {
    const utc = ev('StockAdded', { itemId: 'i1', quantity: 1 }, { time: '2026-01-01T00:30:00Z', id: 'a' });
    const offset = ev('StockAdded', { itemId: 'i1', quantity: 1 }, { time: '2026-01-01T01:00:00+01:00', id: 'b' });
    expect(compareEvents(offset, utc)).toBeLessThan(0);
  });

  it('ties one instant written with different precision and then uses the id', () => {
    const a = ev('StockAdded', { itemId: 'i1', quantity: 1 }, { time: '2026-01-01T00:00:00.5Z', id: 'b' });
    const b = ev('StockAdded', { itemId: 'i1', quantity: 1 }, { time: '2026-01-01T00:00:00.500Z', id: 'a' });
    expect(sortHistory([a, b]).map((e) => e.id)).toEqual(['a', 'b']);
  });

  it('historyKey throws for an event whose time is not RFC 3339 (a bug, not a user error)', () => {
    expect(() => historyKey({ id: 'x', time: 'soon' })).toThrow(/invalid time/);
  });

  it('keyAtTime sorts after every event at that instant and before the next nanosecond', () => {
    const k = keyAtTime('2026-01-01T00:00:00.000Z');
    expect(historyKey({ id: '\uffef-any-id', time: '2026-01-01T00:00:00Z' }) < k).toBe(true);
    expect(historyKey({ id: '0', time: '2026-01-01T00:00:00.000000001Z' }) > k).toBe(true);
  });

  it('keyAtTime accepts a Date', () => {
    expect(keyAtTime(new Date(Date.parse(at(3))))).toBe(keyAtTime(at(3)));
  });

  it('keyAtTime throws for an invalid time', () => {
    expect(() => keyAtTime('not a time')).toThrow();
  });
});

const record = (e: EventOf<'EventsReverted'>, keys: Map<string, string> = new Map()): RevertRecord => ({
  id: e.id,
  key: historyKey(e),
  eventIds: e.data.eventIds,
  minTargetKey: e.data.eventIds.map((id) => keys.get(id) ?? historyKey(e)).sort()[0]!,
});

describe('revertedAt', () => {
  const a = added({ item: 'i1', quantity: 1, at: 1, id: 'A' });
  const b = added({ item: 'i1', quantity: 1, at: 2, id: 'B' });
  const u1 = reverted({ events: ['A'], at: 3, id: 'U1' });
  const u2 = reverted({ events: ['U1'], at: 4, id: 'U2' });
  const u3 = reverted({ events: ['U2'], at: 5, id: 'U3' });
  const all = [u1, u2, u3].map((r) => record(r));

  it('names the events of a revert at or before the instant', () => {
    expect(revertedAt([record(u1)], historyKey(u1))).toEqual(new Set(['A']));
  });

  it('ignores a revert after the instant: time travel before an undo still shows the event', () => {
    expect(revertedAt([record(u1)], historyKey(b))).toEqual(new Set());
  });

  it('applies independent reverts together', () => {
    const ub = reverted({ events: ['B'], at: 6, id: 'UB' });
    expect(revertedAt([record(u1), record(ub)], keyAtTime(at(6)))).toEqual(new Set(['A', 'B']));
  });

  it('undo then redo: the redo cancels the undo, so the event counts again', () => {
    const s = revertedAt(all, historyKey(u2));
    expect(s.has('A')).toBe(false);
    expect(s.has('U1')).toBe(true);
  });

  it('undo, redo, undo: the latest word wins and the event is undone again', () => {
    const s = revertedAt(all, historyKey(u3));
    expect(s.has('A')).toBe(true);
    expect(s.has('U2')).toBe(true);
  });

  it('undo, redo, then a fresh undo of the same event undoes it again', () => {
    const again = reverted({ events: ['A'], at: 6, id: 'U4' });
    expect(revertedAt([...all.slice(0, 2), record(again)], historyKey(again)).has('A')).toBe(true);
  });

  it('does not depend on the order of the records it is given', () => {
    expect(revertedAt([...all].reverse(), historyKey(u3))).toEqual(revertedAt(all, historyKey(u3)));
  });
});
