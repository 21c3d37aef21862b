// Legacy files (spec §4): the Python tutorial's event list, upcast to data version 1.
import { describe, expect, it } from 'vitest';
import type { InventoryEvent } from '../../src/domain/events';
import { sortHistory } from '../../src/domain/history';
import { fold, emptyState, quantityOf } from '../../src/domain/inventory';
import { legacyTime } from '../../src/io/legacy';
import { checkEvent } from '../../src/io/validate';
import { parseOk, rejects } from './fixtures';

const entry = (type: 'ITEM_ADDED' | 'ITEM_REMOVED', data: unknown, timestamp = '2025-06-01T12:00:00') => ({ type, data, timestamp });
const local = (y: number, mo: number, d: number, h: number, mi: number, s = 0) => new Date(y, mo - 1, d, h, mi, s).toISOString();

const tutorial = [
  entry('ITEM_ADDED', 'sword'),
  entry('ITEM_ADDED', { name: 'shield', rarity: 'rare', origin: 'castle', weight: 4.5, magic: false }, '2025-06-01T12:01:00'),
  entry('ITEM_ADDED', 'sword', '2025-06-01T12:02:00'),
  entry('ITEM_REMOVED', { name: 'sword', rarity: 'rare' }, '2025-06-01T12:05:00'),
];

async function upcast(entries: unknown[]): Promise<InventoryEvent[]> {
  return (await parseOk(JSON.stringify(entries))).events;
}

describe('legacy upcasting', () => {
  it('turns the string and object forms into items and stock', async () => {
    const events = await upcast(tutorial);
    expect(events.map((e) => e.type)).toEqual(['ItemCreated', 'StockAdded', 'ItemCreated', 'StockAdded', 'StockAdded', 'StockRemoved']);
    const [swordCreated, , shieldCreated, shieldAdded] = events;
    expect(swordCreated!.data).toEqual({ itemId: expect.stringMatching(/^legacy-/), name: 'sword' });
    expect(shieldCreated!.data).toEqual({ itemId: expect.any(String), name: 'shield' });
    expect(shieldAdded!.data).toEqual({ itemId: (shieldCreated!.data as { itemId: string }).itemId, quantity: 1, attributes: { rarity: 'rare', origin: 'castle', weight: 4.5, magic: false } });
    expect(events[5]!.data).toEqual({ itemId: (swordCreated!.data as { itemId: string }).itemId, quantity: 1 });
    const state = fold(emptyState(), sortHistory(events));
    const byName = new Map([...state.items.values()].map((i) => [i.name, quantityOf(i)]));
    expect(byName).toEqual(new Map([['sword', 1], ['shield', 1]]));
  });

  it('produces valid version-1 events', async () => {
    const events = await upcast(tutorial);
    events.forEach((e, i) => expect(checkEvent(e, i)).toBeUndefined());
    expect(events.every((e) => e.dataversion === 1 && e.source === 'eventory:legacy-import')).toBe(true);
  });

  it('reads timestamps without a zone as local time', async () => {
    const events = await upcast([entry('ITEM_ADDED', 'sword', '2025-06-01T12:00:00'), entry('ITEM_ADDED', 'sword', '2025-12-24 18:30:15.123456')]);
    expect(events[0]!.time).toBe(local(2025, 6, 1, 12, 0));
    expect(events[2]!.time).toBe(local(2025, 12, 24, 18, 30, 15).replace('.000Z', '.123456Z'));
  });

  it('reads them in the zone of the device, whatever it is', () => {
    const saved = process.env.TZ;
    try {
      process.env.TZ = 'Asia/Tokyo';
      expect(legacyTime('2025-06-01 12:00:00.123456')).toBe('2025-06-01T03:00:00.123456Z');
      process.env.TZ = 'America/New_York';
      expect(legacyTime('2025-06-01T12:00:00')).toBe('2025-06-01T16:00:00.000Z');
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('honours a zone when there is one', () => {
    expect(legacyTime('2025-06-01T12:00:00+02:00')).toBe('2025-06-01T10:00:00.000Z');
    expect(legacyTime('2025-06-01T12:00:00Z')).toBe('2025-06-01T12:00:00.000Z');
    expect(legacyTime('2025-02-30T12:00:00')).toBeUndefined();
    expect(legacyTime('0099-01-01T00:00:00')).toBeUndefined();
    expect(legacyTime('yesterday')).toBeUndefined();
  });

  it('accepts the tutorial’s own serialisation: the StrEnum values, str(datetime) and asdict(Item)', async () => {
    const own = [
      { type: 'item_added', data: { name: 'sword', rarity: 'rare', origin: 'castle' }, timestamp: '2025-06-01 12:00:00.499168' },
      { type: 'item_added', data: 'sword', timestamp: '2025-06-01 12:00:00.499168' },
      { type: 'item_removed', data: { name: 'sword', rarity: 'rare', origin: 'castle' }, timestamp: '2025-06-01 12:00:00.499168' },
    ];
    const events = await upcast(own);
    expect(events.map((e) => e.type)).toEqual(['ItemCreated', 'StockAdded', 'StockAdded', 'StockRemoved']);
    expect(events[1]!.data).toMatchObject({ quantity: 1, attributes: { rarity: 'rare', origin: 'castle' } });
    expect(events[3]!.time).toBe(local(2025, 6, 1, 12, 0).replace('.000Z', '.499168Z'));
  });

  it('gives the same ids whichever spelling of the type and separator of the timestamp the file uses', async () => {
    const spelt = tutorial.map((e) => ({ ...e, type: e.type.toLowerCase(), timestamp: e.timestamp.replace('T', ' ') }));
    expect(await upcast(spelt)).toEqual(await upcast(tutorial));
  });

  it('derives the same ids from the same file, whatever its formatting', async () => {
    const a = await upcast(tutorial);
    const b = (await parseOk(JSON.stringify(tutorial, null, 4).replace(/\n/g, '\r\n'))).events;
    expect(b).toEqual(a);
  });

  it('keeps the ids of a log that kept growing, so only the new entries are new', async () => {
    const first = await upcast(tutorial.slice(0, 2));
    const later = await upcast(tutorial);
    expect(later.slice(0, first.length)).toEqual(first);
  });

  it('gives another file other ids, but the same item for the same name', async () => {
    const a = await upcast([entry('ITEM_ADDED', 'sword')]);
    const b = await upcast([entry('ITEM_ADDED', 'sword', '2025-07-01T00:00:00')]);
    expect(a[1]!.id).not.toBe(b[1]!.id);
    expect(a[1]!.data).toEqual(b[1]!.data);
  });

  it('keeps the file order for equal timestamps', async () => {
    const same = '2025-06-01T12:00:00';
    const events = await upcast([entry('ITEM_ADDED', 'b', same), entry('ITEM_ADDED', 'a', same), entry('ITEM_REMOVED', 'b', same), entry('ITEM_ADDED', 'c', same)]);
    expect(sortHistory(events)).toEqual(events);
    const many = await upcast(Array.from({ length: 120 }, (_, i) => entry(i % 2 ? 'ITEM_REMOVED' : 'ITEM_ADDED', 'x', same)));
    expect(sortHistory(many).map((e) => e.id)).toEqual(many.map((e) => e.id));
  });

  it('accepts an empty list', async () => {
    expect(await upcast([])).toEqual([]);
  });
});

describe('legacy rejections', () => {
  it('a removal of a name never added', () => rejects(JSON.stringify([entry('ITEM_REMOVED', 'sword')]), 'Event 1: removes "sword"', 'no "sword" left'));
  it('a removal of a name with none left', () =>
    rejects(JSON.stringify([entry('ITEM_ADDED', 'sword'), entry('ITEM_REMOVED', 'sword'), entry('ITEM_REMOVED', { name: 'sword' })]), 'Event 3: removes "sword"'));
  it('an unknown type', () => rejects(JSON.stringify([entry('ITEM_SOLD' as 'ITEM_ADDED', 'sword')]), 'Event 1: "type" must be "item_added" or "item_removed" (or "ITEM_ADDED", "ITEM_REMOVED"), got "ITEM_SOLD"'));
  it('a type in other letters than the enum’s names or values', () => rejects(JSON.stringify([entry('Item_Added' as 'ITEM_ADDED', 'sword')]), 'got "Item_Added"'));
  it('more than 9 fractional digits', () => rejects(JSON.stringify([entry('ITEM_ADDED', 'sword', '2025-06-01 12:00:00.1234567890')]), '"timestamp" must be a date and time'));
  it('a bad timestamp', () => rejects(JSON.stringify([entry('ITEM_ADDED', 'sword', 'noon')]), 'Event 1: "timestamp" must be a date and time like', 'got "noon"'));
  it('an object without a name', () => rejects(JSON.stringify([entry('ITEM_ADDED', { rarity: 'rare' })]), 'Event 1: "data.name" is missing'));
  it('a number as the name', () => rejects(JSON.stringify([entry('ITEM_ADDED', 42)]), '"data" must be an item name or an object with a "name", got 42'));
  it('a nested field', () => rejects(JSON.stringify([entry('ITEM_ADDED', { name: 'x', stats: { a: 1 } })]), '"data" may hold only text', '"stats" does not'));
  it('a missing timestamp', () => rejects(JSON.stringify([{ type: 'ITEM_ADDED', data: 'x' }]), '"timestamp" is missing'));
  it('an extra field', () => rejects(JSON.stringify([{ ...entry('ITEM_ADDED', 'x'), user: 'bob' }]), '"user" is not a field of a legacy event'));
  it('an entry that is not an object', () => rejects('["sword"]', 'Event 1 must be an object'));
});
