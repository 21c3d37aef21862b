// Hand-built events for "given these events, expect this" tests: readable ids and times, no engine involved.
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

/** Shorthands for the common events, all at minute `m`. */
export const created = (itemId: string, name: string, m = 0, id?: string) => ev('ItemCreated', { itemId, name }, { time: at(m), id });
export const added = (itemId: string, quantity: number, m = 0, location?: string, id?: string) =>
  ev('StockAdded', location === undefined ? { itemId, quantity } : { itemId, quantity, location }, { time: at(m), id });
export const removed = (itemId: string, quantity: number, m = 0, location?: string, id?: string) =>
  ev('StockRemoved', location === undefined ? { itemId, quantity } : { itemId, quantity, location }, { time: at(m), id });
export const counted = (itemId: string, n: number, m = 0, location?: string, id?: string) =>
  ev('StockCounted', location === undefined ? { itemId, counted: n } : { itemId, counted: n, location }, { time: at(m), id });
export const reverted = (eventIds: string[], m = 0, id?: string) => ev('EventsReverted', { eventIds }, { time: at(m), id });

/** A decide() context with a fixed time and ids `id-1`, `id-2`, ... */
export function fixedContext(now = at(0)): DecideContext {
  let n = 0;
  return { now, newId: () => `id-${++n}`, source: 'eventory:device:test' };
}

export type { InventoryEvent };
