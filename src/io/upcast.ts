// Upcasting, in one place: every older shape of an event is brought to DATA_VERSION here, step by step, so a
// reader of the rest of the app only ever sees current events.
//
// The chain: version 0 is the legacy tutorial list (a whole file, see legacy.ts); versions >= 1 are
// CloudEvents whose `dataversion` says the version of `data`. When data version 2 comes:
//   1. add its schemas to validate.ts (DATA_SCHEMAS[2]) and bump DATA_VERSION in src/domain/events.ts;
//   2. add EVENT_STEPS[1], turning a version-1 event into a version-2 one (a pure function of the event).
// Old files then validate against their own version's schema and arrive here to be brought up to date.
import { DATA_VERSION, type InventoryEvent } from '../domain/events';
import { legacyToV1, type LegacyOptions, type LegacyResult } from './legacy';

/** An event of some data version, already checked against that version's schema. */
export type VersionedEvent = InventoryEvent & { dataversion: number };

/** EVENT_STEPS[v] turns an event of data version v into data version v + 1. None yet: 1 is the first. */
const EVENT_STEPS: Record<number, (e: VersionedEvent) => VersionedEvent> = {};

/** Brings one event to DATA_VERSION. Events already current are returned as they are (same object). */
export function upcastEvent(e: VersionedEvent): InventoryEvent {
  let cur = e;
  while (cur.dataversion < DATA_VERSION) {
    const step = EVENT_STEPS[cur.dataversion];
    // validate.ts only accepts versions it has schemas for, so a gap here is a bug, not a bad file.
    if (!step) throw new Error(`No upcaster from data version ${cur.dataversion}`);
    cur = step(cur);
  }
  return cur;
}

/** A legacy list (data version 0) as current events. */
export async function upcastLegacy(entries: readonly unknown[], opts?: LegacyOptions): Promise<LegacyResult> {
  const res = await legacyToV1(entries, opts);
  return res.ok ? { ok: true, events: res.events.map(upcastEvent) } : res;
}
