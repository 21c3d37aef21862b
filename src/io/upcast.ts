// The legacy tutorial list (data version 0) as current events. Versions >= 1 are upcast by the one chain in
// src/domain/upcast.ts, which the store's reads use too.
import { upcastEvent, type VersionedEvent } from '../domain/upcast';
import { legacyToV1, type LegacyOptions, type LegacyResult } from './legacy';

export { upcastEvent, type VersionedEvent };

/** A legacy list (data version 0) as current events. */
export async function upcastLegacy(entries: readonly unknown[], opts?: LegacyOptions): Promise<LegacyResult> {
  const res = await legacyToV1(entries, opts);
  return res.ok ? { ok: true, events: res.events.map((e) => upcastEvent(e)) } : res;
}
