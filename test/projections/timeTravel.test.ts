// Time travel through the app's API over fake-indexeddb: the moment viewed, its state, latest-wins seeking,
// and the property that the state at T is the fold of the events up to T with the reverts up to T applied.
import { effect } from '@preact/signals';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InventoryEvent } from '../../src/domain/events';
import { importEvents, resetForTests, start } from '../../src/state/app';
import { historyBounds, inPast, parseMoment, pastError, pastState, pastStateAt, setViewAt, viewAt } from '../../src/state/timeTravel';
import { replay } from '../support/oracle';
import { history } from './arbitraries';

async function until(check: () => boolean, what: string, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 2));
  }
}

const creations = (['a', 'b', 'c'] as const).map(
  (id): InventoryEvent => ({ specversion: '1.0', id: `c-${id}`, source: 'eventory:device:prop', type: 'ItemCreated', time: '2026-01-01T00:00:00.000Z', dataversion: 1, data: { itemId: id, name: id } }),
);

const plain = (s: { items: ReadonlyMap<string, unknown> } | undefined) => (s ? [...s.items].sort(([a], [b]) => (a < b ? -1 : 1)) : s);

let dbCount = 0;
async function freshApp(events: InventoryEvent[]) {
  setViewAt(undefined);
  resetForTests();
  await start(`eventory-timetravel-${Date.now()}-${dbCount++}`);
  const res = await importEvents(events);
  if (!res.ok) throw new Error(res.error);
}

describe('parseMoment', () => {
  it('normalises RFC 3339 times to UTC milliseconds and explains anything else', () => {
    expect(parseMoment('2026-03-01T10:00:00+01:00')).toEqual({ ok: true, time: '2026-03-01T09:00:00.000Z' });
    expect(parseMoment('2026-03-01T10:00:00 01:00')).toEqual({ ok: true, time: '2026-03-01T09:00:00.000Z' });
    expect(parseMoment('2026-03-01T10:00:00.123456Z')).toEqual({ ok: true, time: '2026-03-01T10:00:00.123Z' });
    const bad = parseMoment('yesterday');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.message).toContain('“yesterday” is not a valid time');
    expect(parseMoment('2026-02-30T00:00:00Z').ok).toBe(false);
  });
});

describe('time travel', () => {
  let stopWatching: () => void;
  beforeAll(() => {
    stopWatching = effect(() => void historyBounds.value);
  });
  afterAll(() => {
    stopWatching();
    setViewAt(undefined);
    resetForTests();
  });

  it('shows the state at T as the fold of the events up to T, reverts up to T applied, for any history', async () => {
    await fc.assert(
      fc.asyncProperty(history, fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), async ({ events }, cuts) => {
        const log = [...creations, ...events];
        await freshApp(log);
        for (const c of cuts) {
          const e = log[c % log.length]!;
          // Exactly at an event's time, and a millisecond before it.
          for (const t of [e.time, new Date(Date.parse(e.time) - 1).toISOString()]) {
            setViewAt(t);
            expect(inPast.value).toBe(true);
            await until(() => pastStateAt.value === t && viewAt.value === t, `state at ${t}`);
            expect(pastError.value).toBeUndefined();
            expect(plain(pastState.value)).toEqual(plain(replay(log, { time: t })));
          }
        }
        setViewAt(undefined);
        expect(pastState.value).toBeUndefined();
        expect(inPast.value).toBe(false);
      }),
      { numRuns: 25 },
    );
  });

  it('latest request wins: moments passed over while a seek runs are never shown', async () => {
    const log = [...creations, ...Array.from({ length: 50 }, (_, i): InventoryEvent => ({ specversion: '1.0', id: `s-${String(i).padStart(3, '0')}`, source: 'eventory:device:prop', type: 'StockAdded', time: new Date(Date.parse('2026-02-01T00:00:00Z') + i * 3_600_000).toISOString(), dataversion: 1, data: { itemId: 'a', quantity: 1 } }))];
    await freshApp(log);
    const shown: (string | undefined)[] = [];
    const stop = effect(() => void shown.push(pastStateAt.value));
    const times = log.slice(3).map((e) => e.time);
    for (const t of times) setViewAt(t);
    const last = times[times.length - 1]!;
    await until(() => pastStateAt.value === last, 'the last moment');
    stop();
    const seen = shown.filter((t): t is string => t !== undefined);
    // The first seek started at once; everything between it and the last was superseded.
    expect(seen).toEqual([times[0], last]);
    const a = pastState.value!.items.get('a')!;
    expect(a.stock['']).toBe(50);
  });

  it('knows the span of the history for the scrubber', async () => {
    const log = [...creations, { ...creations[0]!, id: 'late', type: 'StockAdded', time: '2026-05-05T05:05:05.000Z', data: { itemId: 'a', quantity: 1 } } as InventoryEvent];
    await freshApp(log);
    await until(() => historyBounds.value?.last === Date.parse('2026-05-05T05:05:05.000Z'), 'history bounds');
    expect(historyBounds.value).toEqual({ first: Date.parse('2026-01-01T00:00:00.000Z'), last: Date.parse('2026-05-05T05:05:05.000Z') });
  });
});
