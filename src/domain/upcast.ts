// Upcasting, in one place: every older data version of an event is brought to DATA_VERSION here, step by step,
// so the rest of the app only ever reads current events. The import (src/io/parseLog.ts) and the store's reads
// (src/store/pages/codec.ts) both come through here.
//
// The chain: version 0 is the legacy tutorial list (a whole file, src/io/legacy.ts, which makes version 1
// events); versions >= 1 are CloudEvents whose `dataversion` says the version of `data`. A new data version:
//   1. add its schemas to src/io/schema.ts + validate.ts (and certainlyValid.ts) and bump DATA_VERSION;
//   2. add EVENT_STEPS[v - 1], turning a version v - 1 event into a version v one.
//
// A step returns the event itself when the new version reads it the same way. It must do so for every event it
// does not change: the fold of a million events passes here, and a new object per event would cost it dearly.
// Hazard for a step that does return a new object: the stored and exported text of an event is the text that came
// in (pages keep it, see src/io/sourceText.ts, which finds it by object identity), so an imported event must reach
// the store as parsed, and be upcast again when read back.
import { DATA_VERSION, type InventoryEvent } from './events';

/** An event of some data version, already checked against that version's schema. */
export type VersionedEvent = InventoryEvent & { dataversion: number };

type Step = (e: VersionedEvent) => VersionedEvent;

/**
 * 1 -> 2 (item codes, README "Files and merging"): version 2 adds only the optional `codes` of ItemCreated and
 * of ItemUpdated's changes, and an absent `codes` means "no codes" (a version 1 ItemCreated has `codes: []`, as
 * the spec says, read as absent). So every version 1 event reads as version 2 as it is: nothing to copy.
 */
export const v1ToV2: Step = (e) => e;

/** EVENT_STEPS[v] turns an event of data version v into data version v + 1. */
export const EVENT_STEPS: Readonly<Record<number, Step>> = { 1: v1ToV2 };

/**
 * Brings one event to DATA_VERSION. The version is tracked here, not written into the event: a step that
 * changes nothing returns the same object, whose `dataversion` stays the one it was stored with.
 */
export function upcastEvent(e: VersionedEvent, steps: Readonly<Record<number, Step>> = EVENT_STEPS, to: number = DATA_VERSION): InventoryEvent {
  let cur = e;
  for (let v = e.dataversion; v < to; v++) {
    const step = steps[v];
    // Validation only accepts versions it has schemas for, and the store holds only validated events, so a gap
    // here is a bug, not a bad file.
    if (!step) throw new Error(`No upcaster from data version ${v}`);
    cur = step(cur);
  }
  return cur;
}

/**
 * Events of this data version or later read as current: every step from it on returns the event as it is. The
 * store's reads (the fold of a million events) skip the chain for them.
 */
const UPCAST_BELOW = ((): number => {
  let v = DATA_VERSION;
  while (v > 1 && EVENT_STEPS[v - 1] === v1ToV2) v--;
  return v;
})();

/** Upcasts `events` in place (an element is replaced only when its step made a new object); returns `events`. */
export function upcastAll<E extends InventoryEvent>(events: E[]): E[] {
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    if (e.dataversion < UPCAST_BELOW) {
      const up = upcastEvent(e);
      if (up !== e) events[i] = up as E;
    }
  }
  return events;
}
