import { afterEach, describe, expect, it } from 'vitest';
import { JOURNAL_KEEP } from '../../src/store/db';
import { JOURNAL_TRIM_EVERY } from '../../src/store/append';
import { freshDbName } from '../support/engine';
import { reverted } from '../support/events';
import { closeStores, collect, openStore as makeStore, series } from '../support/store';

afterEach(closeStores);

describe('EventStore.journalSince', () => {
  it('returns what each later write added, in order', async () => {
    const store = await makeStore();
    const a = series(2, 0);
    const b = series(1, 5);
    await store.append(a, 0);
    await store.append(b, 1);
    const rows = await store.journalSince(0);
    expect(rows !== 'gap' && rows.map((r) => [r.version, r.events])).toEqual([[1, a], [2, b]]);
    expect(await store.journalSince(2)).toEqual([]);
  });

  it('reports a gap across a bulk write (an import), and none after it', async () => {
    const store = await makeStore();
    await store.append(series(2, 0), 0);
    await store.append(series(300, 5), 1, { bulk: true });
    await store.append(series(1, 400), 2);
    expect(await store.journalSince(1)).toBe('gap');
    const after = await store.journalSince(2);
    expect(after !== 'gap' && after.map((r) => r.version)).toEqual([3]);
  });

  it('keeps the last JOURNAL_KEEP entries and reports a gap to a tab that needs a trimmed one', async () => {
    const store = await makeStore();
    // Stand in for JOURNAL_KEEP earlier writes (one real append each would take seconds on fake-indexeddb); the
    // append makes a version at which the journal is trimmed.
    const v = JOURNAL_KEEP + 2 * JOURNAL_TRIM_EVERY - 1;
    await store.db.journal.bulkAdd(Array.from({ length: v }, (_, i) => ({ version: i + 1, minKey: '', events: [] })));
    await store.setMeta('head', { version: v, count: 0, lastKey: '' });
    await store.append(series(1, 0), v);
    const versions = (await store.db.journal.toCollection().primaryKeys()) as number[];
    expect(versions).toHaveLength(JOURNAL_KEEP);
    expect(versions[0]).toBe(v + 1 - JOURNAL_KEEP + 1);
    expect(await store.journalSince(v - JOURNAL_KEEP)).toBe('gap');
    const oldestKept = await store.journalSince(v + 1 - JOURNAL_KEEP);
    expect(oldestKept !== 'gap' && oldestKept.length).toBe(JOURNAL_KEEP);
  });
});

describe('EventStore journal trimming', () => {
  async function journalAt(v: number) {
    const store = await makeStore();
    await store.db.journal.bulkAdd(Array.from({ length: v }, (_, i) => ({ version: i + 1, minKey: '', events: [] })));
    await store.setMeta('head', { version: v, count: 0, lastKey: '' });
    return store;
  }

  it('trims only every JOURNAL_TRIM_EVERY versions, keeping at least JOURNAL_KEEP rows in between', async () => {
    const start = JOURNAL_KEEP + JOURNAL_TRIM_EVERY;
    const store = await journalAt(start);
    const sizes: number[] = [];
    for (let v = start; v < start + JOURNAL_TRIM_EVERY + 2; v++) {
      await store.append(series(1, v), v);
      sizes.push(await store.db.journal.count());
    }
    // Versions start+1 .. start+49 add a row each; start+50 is a multiple of JOURNAL_TRIM_EVERY and trims.
    expect(sizes.slice(0, JOURNAL_TRIM_EVERY - 1)).toEqual(Array.from({ length: JOURNAL_TRIM_EVERY - 1 }, (_, i) => start + i + 1));
    expect(sizes[JOURNAL_TRIM_EVERY - 1]).toBe(JOURNAL_KEEP);
    expect(sizes[JOURNAL_TRIM_EVERY]).toBe(JOURNAL_KEEP + 1);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(JOURNAL_KEEP);
  });

  it('answers a reader behind by less than JOURNAL_KEEP versions between trims, and only with rows after its version', async () => {
    const store = await journalAt(JOURNAL_KEEP + JOURNAL_TRIM_EVERY);
    const v = JOURNAL_KEEP + JOURNAL_TRIM_EVERY;
    const a = series(2, 0);
    await store.append(a, v);
    const rows = await store.journalSince(v);
    expect(rows !== 'gap' && rows.map((r) => [r.version, r.events])).toEqual([[v + 1, a]]);
    const old = await store.journalSince(v + 1 - JOURNAL_KEEP);
    expect(old !== 'gap' && old.length).toBe(JOURNAL_KEEP);
  });
});

describe('EventStore on reopen', () => {
  it('a second connection to the same database reads the same head, events and reverts', async () => {
    const name = freshDbName();
    const store = await makeStore(name);
    const evs = series(1200, 0);
    await store.append(evs, 0);
    await store.append([reverted({ events: [evs[3]!.id], at: 2000 })], 1);
    const again = await makeStore(name);
    expect(await again.readHead()).toEqual(await store.readHead());
    expect(await collect(again.readRange('', '\uffff'))).toEqual(await collect(store.readRange('', '\uffff')));
    expect(await again.reverts()).toEqual(await store.reverts());
  });
});
