// Storage version 2 keeps each page's events as the export writes them (src/store/pages/codec.ts): what is read
// back is what was written, an export is the stored text as it is, and a page that is not such text is an
// error rather than a page without events.
import { afterEach, describe, expect, it } from 'vitest';
import { buildExport } from '../../src/io/exportFormat';
import { PAGE_SIZE } from '../../src/store/db';
import { decodeEvents, encodePage } from '../../src/store/pages/codec';
import type { TextPage } from '../../src/store/types';
import { added, created, ev, reverted } from '../support/events';
import { closeStores, collect, openStore, series } from '../support/store';

afterEach(closeStores);

const EXPORTED_AT = new Date('2026-12-05T00:00:00.000Z');
const fileText = async (chunks: Parameters<typeof buildExport>[0]) => {
  const r = await buildExport(chunks, { exportedAt: EXPORTED_AT });
  if (!r.ok) throw new Error(r.error);
  return r.blob.text();
};

describe('pages stored as export text', () => {
  it('give back every event as it was appended: fields, key order, decimals, unicode, attributes', async () => {
    const store = await openStore();
    const odd = [
      ev('ItemCreated', { itemId: 'i1', name: 'Säge “Ω” \u2028 🪚', attributes: { z: 1, a: true, note: 'x\u0000y', tiny: -2.5e-7 } }, { time: '2026-01-01T00:00:00.000Z' }),
      added({ item: 'i1', quantity: 0.30000000000000004, at: 1, location: 'Shelf "A"\n2' }),
      reverted({ events: ['x'], at: 2 }),
    ];
    await store.append(odd, 0);
    const back = await collect(store.readRange('', '\uffff'));
    expect(back.map((e) => JSON.stringify(e))).toEqual(odd.map((e) => JSON.stringify(e)));
  });

  it('hold a page as its event count and the export lines of its events', () => {
    const events = series(3, 0);
    const row = encodePage({ lo: '', events }) as TextPage;
    expect(row).toEqual({ lo: '', n: 3, text: events.map((e) => JSON.stringify(e)).join(',\n') });
    expect(decodeEvents(row)).toEqual(events);
    expect(decodeEvents(encodePage({ lo: 'k', events: [] }) as TextPage)).toEqual([]);
  });

  it('export the stored text unchanged: the same file as stringifying every event read back', async () => {
    const store = await openStore();
    await store.append([created({ item: 'i1', name: 'Bolt' }), ...series(PAGE_SIZE * 2 + 7, 1, 2)], 0);
    // Late events land inside the first pages, and small tail pages follow the full ones.
    await store.append(series(300, 2, 4), 1);
    for (let i = 0; i < 5; i++) await store.append(series(1, PAGE_SIZE * 5 + i), 2 + i);
    const fromText = await fileText(store.readTexts(3));
    expect(fromText).toBe(await fileText(store.readRange('', '\uffff')));
    expect(JSON.parse(fromText).eventCount).toBe(1 + PAGE_SIZE * 2 + 7 + 300 + 5);
  });

  it('export an empty log as an empty list', async () => {
    const store = await openStore();
    expect(JSON.parse(await fileText(store.readTexts())).events).toEqual([]);
  });

  it('refuse to read a page that holds no event text, naming it, instead of reading it as empty', async () => {
    const store = await openStore();
    await store.append(series(10, 0), 0);
    await store.db.pages.put({ lo: '', events: [] } as never);
    await expect(collect(store.readRange('', '\uffff'))).rejects.toThrow(/A page of the log is damaged \(at ""\)/);
    await expect(collect(store.readTexts() as never)).rejects.toThrow(/damaged/);
  });
});
