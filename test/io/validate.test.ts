// Every rejection of spec §4 that the file alone decides, each with a message naming event, id and field.
import { describe, expect, it } from 'vitest';
import { clone, logText, parseOk, rejects, sampleEvents } from './fixtures';

const withEvent = (i: number, change: (e: Record<string, any>) => void) => {
  const events = clone(sampleEvents()) as Record<string, any>[];
  change(events[i]!);
  return logText(events);
};

describe('a valid file', () => {
  it('is accepted with its events as they are in the file', async () => {
    const r = await parseOk(logText(sampleEvents()));
    expect(r.events).toEqual(sampleEvents());
    expect(r.duplicates).toBe(0);
    expect(r.legacy).toBe(false);
  });

  it('accepts an empty log', async () => {
    expect((await parseOk(logText([]))).events).toEqual([]);
  });

  it('accepts every event type of data version 1 with all optional fields', async () => {
    const base = { specversion: '1.0', source: 'eventory:device:x', time: '2026-01-01T00:00:00Z', dataversion: 1 };
    const events = [
      { ...base, id: '1', type: 'ItemCreated', data: { itemId: 'i', name: 'N', sku: 'S', category: 'C', unit: 'kg', minQuantity: 0, notes: '', attributes: { a: 1 } } },
      { ...base, id: '2', type: 'ItemUpdated', data: { itemId: 'i', changes: { name: { from: 'N', to: 'M' }, sku: { to: 'T' }, minQuantity: { from: 0 }, attributes: { from: { a: 1 }, to: { b: true } } } } },
      { ...base, id: '3', type: 'StockAdded', data: { itemId: 'i', quantity: 1e-3, location: 'L', reason: 'purchase', unitCost: 0, note: 'n', attributes: {} } },
      { ...base, id: '4', type: 'StockRemoved', data: { itemId: 'i', quantity: 1, location: 'L', reason: 'sold', note: 'n' } },
      { ...base, id: '5', type: 'StockMoved', data: { itemId: 'i', quantity: 1, from: 'L', to: 'M' } },
      { ...base, id: '6', type: 'StockCounted', data: { itemId: 'i', counted: 0, expected: -2, location: 'M' } },
      { ...base, id: '7', type: 'ItemArchived', data: { itemId: 'i' } },
      { ...base, id: '8', type: 'ItemRestored', data: { itemId: 'i' } },
      { ...base, id: '9', type: 'EventsReverted', datacontenttype: 'application/json', correlationid: 'c', data: { eventIds: ['3', '4'], reason: 'oops' } },
    ];
    expect((await parseOk(logText(events))).events).toHaveLength(9);
  });

  it('keeps CloudEvents extension attributes untouched', async () => {
    const text = withEvent(0, (e) => {
      e.subject = 'sword';
      e.traceparent = '00-abc';
      e.priority = 2;
    });
    const r = await parseOk(text);
    expect(r.events[0]).toMatchObject({ subject: 'sword', traceparent: '00-abc', priority: 2 });
  });
});

describe('rejections of the file as a whole', () => {
  it('not JSON', () => rejects('hello, world', 'not valid JSON'));
  it('not JSON, with where when the parser says', () => rejects('{"a":1}\n}', 'not valid JSON (error at line 2, column 1)'));
  it('truncated', () => rejects(logText(sampleEvents()).slice(0, 200), 'truncated'));
  it('truncated inside a string', () => rejects('{"format":"eventory.event-log","events":[{"id":"ab', 'truncated'));
  it('an empty file', () => rejects('  \n', 'empty'));
  it('a JSON value that is not an object', () => rejects('42', 'not an Eventory event log', '42'));
  it('no format', () => rejects('{"events":[]}', 'no "format"'));
  it('wrong format', () => rejects(logText([], { format: 'acme.log' }), '"acme.log"', 'eventory.event-log'));
  it('a newer formatVersion', () => rejects(logText([], { formatVersion: 2 }), 'format version 2', 'Update Eventory'));
  it('an unsupported formatVersion', () => rejects(logText([], { formatVersion: 0 }), '"formatVersion" 0 is not supported'));
  it('formatVersion as a string', () => rejects(logText([], { formatVersion: '1' }), '"formatVersion" must be a whole number, got "1"'));
  it('events not a list', () => rejects('{"format":"eventory.event-log","formatVersion":1,"eventCount":0,"events":{}}', '"events" must be a list'));
  it('eventCount missing', () => rejects('{"format":"eventory.event-log","formatVersion":1,"events":[]}', '"eventCount" is missing'));
  it('eventCount that lies', () => rejects(logText(sampleEvents(), { eventCount: 5 }), 'holds 5 events', 'contains 4 events'));
  it('eventCount that lies low', () => rejects(logText(sampleEvents(), { eventCount: 0 }), 'holds 0 events'));
});

describe('rejections of one event name its position, id and field', () => {
  it('a missing required attribute', () =>
    rejects(withEvent(1, (e) => delete e.data.quantity), 'Event 2 (id "id-b"): "quantity" is missing'));
  it('a missing envelope attribute', () => rejects(withEvent(2, (e) => delete e.time), 'Event 3 (id "id-c"): "time" is missing'));
  it('a missing id', () => rejects(withEvent(0, (e) => delete e.id), 'Event 1: "id" is missing'));
  it('a number given as a string', () =>
    rejects(withEvent(1, (e) => (e.data.quantity = '3')), 'Event 2 (id "id-b"): "quantity" must be a number greater than 0, got "3"'));
  it('a quantity of 0', () => rejects(withEvent(1, (e) => (e.data.quantity = 0)), '"quantity" must be a number greater than 0, got 0'));
  it('a negative count', () =>
    rejects(
      withEvent(1, (e) => {
        e.type = 'StockCounted';
        e.data = { itemId: 'i-1', counted: -1 };
      }),
      '"counted" must be a number, 0 or more, got -1',
    ));
  it('a wrong type of envelope value', () => rejects(withEvent(0, (e) => (e.dataversion = '1')), '"dataversion" must be a whole number'));
  it('an unknown type', () =>
    rejects(withEvent(3, (e) => (e.type = 'StockSold')), 'Event 4 (id "id-d"): "type" must be an event type this version of Eventory knows', 'got "StockSold"'));
  it('a newer dataversion', () => rejects(withEvent(0, (e) => (e.dataversion = 3)), 'Event 1 (id "id-a")', '"dataversion" is 3', 'data version 2 at most', 'Update Eventory'));
  it('a wrong specversion', () => rejects(withEvent(0, (e) => (e.specversion = '0.3')), '"specversion" must be "1.0"'));
  it('a time that is not RFC 3339', () => rejects(withEvent(0, (e) => (e.time = '2026-01-01 10:00')), '"time" must be a date and time in RFC 3339 form'));
  it('an impossible date', () => rejects(withEvent(0, (e) => (e.time = '2026-02-30T10:00:00Z')), '"time" must be'));
  it('an impossible date written with milliseconds', () => rejects(withEvent(0, (e) => (e.time = '2026-02-30T10:00:00.000Z')), '"time" must be'));
  it('an empty source', () => rejects(withEvent(0, (e) => (e.source = '')), '"source" must be text of 1 to'));
  it('a wrong datacontenttype', () => rejects(withEvent(0, (e) => (e.datacontenttype = 'text/plain')), '"datacontenttype" must be "application/json"'));
  it('data that is not an object', () => rejects(withEvent(0, (e) => (e.data = [])), '"data" must be an object, got a list'));
  it('an event that is not an object', () => rejects(logText([1]), 'Event 1 must be an object, got 1'));
  it('an unknown data field (a typo)', () =>
    rejects(withEvent(1, (e) => (e.data.quantiy = 1)), '"quantiy" is not a field of StockAdded events'));
  it('an unknown top-level key that is not a CloudEvents attribute', () => rejects(withEvent(0, (e) => (e.Extra = 1)), '"Extra" is not a CloudEvents attribute'));
  it('an extension attribute holding an object', () => rejects(withEvent(0, (e) => (e.meta = {})), '"meta" is an extension attribute'));
  it('a name over 200 characters', () => rejects(withEvent(0, (e) => (e.data.name = 'x'.repeat(201))), '"name" must be a name of 1 to 200', '(201 characters)'));
  it('a blank name', () => rejects(withEvent(0, (e) => (e.data.name = '   ')), '"name" must be a name'));
  it('an itemId over 100 characters', () => rejects(withEvent(0, (e) => (e.data.itemId = 'i'.repeat(101))), '"itemId" must be text of 1 to 100'));
  it('a location over 100 characters', () => rejects(withEvent(1, (e) => (e.data.location = 'l'.repeat(101))), '"location" must be text of 1 to 100'));
  it('a note over 1000 characters', () => rejects(withEvent(2, (e) => (e.data.note = 'n'.repeat(1001))), '"note" must be text of at most 1,000'));
  it('a quantity too large for a number', () =>
    rejects(withEvent(1, (e) => (e.data.quantity = 12345)).replace('12345', '1e400'), '"quantity" must be a number greater than 0, got Infinity'));
  it('a nested attribute', () => rejects(withEvent(1, (e) => (e.data.attributes.x = { y: 1 })), '"attributes.x" must be text', 'got an object'));
  it('an attribute that is null', () => rejects(withEvent(1, (e) => (e.data.attributes.x = null)), '"attributes.x"', 'got null'));
  it('a rename without the new name', () =>
    rejects(
      withEvent(0, (e) => {
        e.type = 'ItemUpdated';
        e.data = { itemId: 'i-1', changes: { name: { from: 'Sword' } } };
      }),
      '"changes.name.to" is missing',
    ));
  it('an unknown field in changes', () =>
    rejects(
      withEvent(0, (e) => {
        e.type = 'ItemUpdated';
        e.data = { itemId: 'i-1', changes: { colour: { to: 'red' } } };
      }),
      '"changes.colour" is not a field',
    ));
  it('a revert of no events', () =>
    rejects(
      withEvent(3, (e) => {
        e.type = 'EventsReverted';
        e.data = { eventIds: [] };
      }),
      '"eventIds" must be a list of 1 to 10,000 event ids',
    ));
  it('a revert naming a number', () =>
    rejects(
      withEvent(3, (e) => {
        e.type = 'EventsReverted';
        e.data = { eventIds: ['id-a', 7] };
      }),
      '"eventIds[1]"',
      'got 7',
    ));
});

describe('repeated ids inside one file', () => {
  it('keeps one copy of an exact repeat, even with keys in another order', async () => {
    const events = sampleEvents();
    const again = Object.fromEntries(Object.entries(events[1]!).reverse());
    expect(JSON.stringify(again)).not.toBe(JSON.stringify(events[1]));
    const r = await parseOk(logText([...events, again]));
    expect(r.events).toHaveLength(4);
    expect(r.duplicates).toBe(1);
  });

  it('rejects the same id with other content, naming both events', async () => {
    const events = clone(sampleEvents()) as Record<string, any>[];
    events.push({ ...events[1], data: { itemId: 'i-1', quantity: 7 } });
    await rejects(logText(events), 'Event 5 (id "id-b") has the same id as event 2 but different content');
  });
});
