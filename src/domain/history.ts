// History order (spec §3): by `time`, ties broken by `id` in plain code-unit order. Events carry RFC 3339
// times that may differ in precision or offset, so order is decided on a normalised key, never on `time` itself.
import type { InventoryEvent } from './events';

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?([Zz]|[+-]\d{2}:\d{2})$/;
const FAST = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** Width of the normalised time prefix of a history key. Stored keys depend on it: changing it needs a migration. */
export const TIME_KEY_LENGTH = 29;

/**
 * `YYYY-MM-DDTHH:MM:SS.fffffffff` in UTC (fixed width, so string order is time order), or undefined when `time`
 * is not an RFC 3339 date-time.
 */
export function timeKey(time: string): string | undefined {
  if (FAST.test(time)) return `${time.slice(0, 23)}000000`;
  const m = RFC3339.exec(time);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac = '', zone] = m as unknown as string[];
  const offsetMin =
    zone === 'Z' || zone === 'z' ? 0 : (zone![0] === '-' ? -1 : 1) * (Number(zone!.slice(1, 3)) * 60 + Number(zone!.slice(4, 6)));
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)) - offsetMin * 60_000;
  const date = new Date(ms);
  // Reject dates that Date silently rolled over (Feb 30) and years outside four digits.
  if (Number.isNaN(ms) || Number(mo) > 12 || Number(d) > 31 || Number(h) > 23 || Number(mi) > 59 || Number(s) > 60) return undefined;
  const iso = date.toISOString();
  if (iso.length !== 24) return undefined;
  if (offsetMin === 0 && iso.slice(8, 10) !== d) return undefined;
  return `${iso.slice(0, 19)}.${frac.padEnd(9, '0')}`;
}

/** Sort key of an event in history: normalised time, then id. */
export function historyKey(e: Pick<InventoryEvent, 'time' | 'id'>): string {
  const t = timeKey(e.time);
  if (t === undefined) throw new Error(`Event ${e.id} has an invalid time ${e.time}`);
  return t + e.id;
}

/** History key of "everything at or before this instant": sorts after every event with this time. */
export function keyAtTime(time: string | Date): string {
  const iso = typeof time === 'string' ? time : time.toISOString();
  const t = timeKey(iso);
  if (t === undefined) throw new Error(`Invalid time ${iso}`);
  return `${t}\uffff`;
}

export function compareEvents(a: InventoryEvent, b: InventoryEvent): number {
  const ka = historyKey(a);
  const kb = historyKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

export function sortHistory<E extends InventoryEvent>(events: E[]): E[] {
  const keyed = events.map((e) => [historyKey(e), e] as const);
  keyed.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return keyed.map((k) => k[1]);
}

/** A revert as the history engine needs it: when it happened and what it names. */
export interface RevertRecord {
  id: string;
  key: string;
  eventIds: readonly string[];
  /** Smallest history key among the events it names: the revert changes history from there on. */
  minTargetKey: string;
}

/**
 * Ids treated as never having happened at the instant `atKey` (spec §3). The latest word wins: a revert that is
 * itself reverted by a later revert in effect names nothing, which is how redo works.
 */
export function revertedAt(reverts: readonly RevertRecord[], atKey: string): Set<string> {
  const active = reverts.filter((r) => r.key <= atKey).sort((a, b) => (a.key < b.key ? 1 : a.key > b.key ? -1 : 0));
  const cancelled = new Set<string>();
  for (const r of active) {
    if (cancelled.has(r.id)) continue;
    for (const id of r.eventIds) cancelled.add(id);
  }
  return cancelled;
}
