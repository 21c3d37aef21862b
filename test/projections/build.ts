// Test events from a few lines: times advance a minute (or as told) per event, ids sort in creation order.
import type { EventDataMap, EventType, InventoryEvent } from '../../src/domain/events';

export function eventLog(start = '2026-03-01T09:00:00.000Z') {
  let t = Date.parse(start);
  let n = 0;
  const events: InventoryEvent[] = [];
  const at = <T extends EventType>(time: string | undefined, type: T, data: EventDataMap[T]): InventoryEvent => {
    if (time) t = Date.parse(time);
    else t += 60_000;
    const e = {
      specversion: '1.0',
      id: `e${String(++n).padStart(5, '0')}`,
      source: 'eventory:device:test',
      type,
      time: new Date(t).toISOString(),
      dataversion: 1,
      data,
    } as InventoryEvent;
    events.push(e);
    return e;
  };
  return {
    events,
    /** Appends an event a minute after the previous one. */
    add: <T extends EventType>(type: T, data: EventDataMap[T]) => at(undefined, type, data),
    /** Appends an event at `time`. */
    at,
  };
}
