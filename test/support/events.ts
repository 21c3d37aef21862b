// Hand-built events for "given these events, expect this" tests: readable ids and times, no engine involved.
// Each builder takes the event's own data fields by name, `item` for the item id, `at` for the minute after T0
// (0 when absent) and an optional `id`: added({ item: 'i1', quantity: 5, location: 'A', at: 1 }).
import type { DecideContext } from '../../src/domain/commands';
import type { EventDataMap, EventOf, EventType, InventoryEvent } from '../../src/domain/events';

export const T0 = Date.parse('2026-01-01T00:00:00.000Z');

/** The time `minutes` after T0, in canonical RFC 3339 UTC. */
export const at = (minutes: number): string => new Date(T0 + minutes * 60_000).toISOString();

let counter = 0;

/** An event with the given data; `time` defaults to T0, `id` to a fresh `e-NNNNNN`. */
export function ev<T extends EventType>(type: T, data: EventDataMap[T], opts: { time?: string; id?: string } = {}): EventOf<T> {
  return {
    specversion: '1.0',
    id: opts.id ?? `e-${String(++counter).padStart(6, '0')}`,
    source: 'eventory:device:test',
    type,
    time: opts.time ?? at(0),
    dataversion: 1,
    datacontenttype: 'application/json',
    data,
  };
}

/** When an event happened (minutes after T0) and its id, both optional. */
export interface Stamp {
  at?: number;
  id?: string;
}

type ItemEventType = Exclude<EventType, 'EventsReverted'>;
/** The fields of an item event's builder: its data, with `item` for `itemId`. */
export type Named<T extends ItemEventType> = Omit<EventDataMap[T], 'itemId'> & { item: string } & Stamp;

/** A builder for one item event type; fields left undefined are left out of the data, as decide() does. */
function itemEvent<T extends ItemEventType>(type: T) {
  return (fields: Named<T>): EventOf<T> => {
    const { item, at: minute = 0, id, ...rest } = fields;
    const data = Object.fromEntries(Object.entries({ itemId: item, ...rest }).filter(([, v]) => v !== undefined));
    return ev(type, data as EventDataMap[T], { time: at(minute), id });
  };
}

/** ItemCreated: created({ item: 'i1', name: 'Sword', at: 2, minQuantity: 3 }). */
export const created = itemEvent('ItemCreated');
/** StockAdded: added({ item: 'i1', quantity: 5, location: 'A', at: 1 }); no location means unassigned. */
export const added = itemEvent('StockAdded');
/** StockRemoved: removed({ item: 'i1', quantity: 2, location: 'A', at: 3 }). */
export const removed = itemEvent('StockRemoved');
/** StockCounted: counted({ item: 'i1', counted: 7, location: 'A', at: 4 }). */
export const counted = itemEvent('StockCounted');
export const edited = itemEvent('ItemUpdated');
export const moved = itemEvent('StockMoved');
export const archived = itemEvent('ItemArchived');
export const restored = itemEvent('ItemRestored');

/** EventsReverted (an undo, or a redo when it names an undo): reverted({ events: ['e1'], at: 3, id: 'u1' }). */
export function reverted(f: { events: string[]; reason?: string } & Stamp): EventOf<'EventsReverted'> {
  const data = f.reason === undefined ? { eventIds: f.events } : { eventIds: f.events, reason: f.reason };
  return ev('EventsReverted', data, { time: at(f.at ?? 0), id: f.id });
}

/** A decide() context with a fixed time and ids `id-1`, `id-2`, ... */
export function fixedContext(now = at(0)): DecideContext {
  let n = 0;
  return { now, newId: () => `id-${++n}`, source: 'eventory:device:test' };
}

export type { InventoryEvent };
