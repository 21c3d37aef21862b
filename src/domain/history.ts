// History order: by `time`, ties broken by `id` in plain code-unit order. Events carry RFC 3339
// times that may differ in precision or offset, so order is decided on a normalised key, never on `time` itself.
import type { InventoryEvent } from './events';

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?([Zz]|[+-]\d{2}:\d{2})$/;

/** Width of the normalised time prefix of a history key. Stored keys depend on it: changing it needs a migration. */
export const TIME_KEY_LENGTH = 29;

/**
 * `YYYY-MM-DDTHH:MM:SS.fffffffff` in UTC (fixed width, so string order is time order), or undefined when `time`
 * is not an RFC 3339 date-time.
 */
export function timeKey(time: string): string | undefined {
  // The app's own format (toISOString) is by far the most common: read it by character codes, with no regexp,
  // substring or Date (measured: a third of the cost of matching and slicing; a million keys per import).
  const fast = isoTimeKey(time);
  if (fast !== NOT_ISO) return fast;
  const m = RFC3339.exec(time);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac = '', zone] = (m as unknown as string[]).map((x) => x ?? '');
  if (+mo! < 1 || +mo! > 12 || +d! < 1 || +h! > 23 || +mi! > 59 || +s! > 60) return undefined;
  if (zone!.length === 6 && (+zone!.slice(1, 3) > 23 || +zone!.slice(4, 6) > 59)) return undefined;
  const offsetMin = zone === 'Z' || zone === 'z' ? 0 : (zone![0] === '-' ? -1 : 1) * (+zone!.slice(1, 3) * 60 + +zone!.slice(4, 6));
  // Date.UTC maps years 0..99 to 1900..1999, so the year is set separately.
  const local = new Date(Date.UTC(2000, +mo! - 1, +d!, +h!, +mi!, +s!));
  local.setUTCFullYear(+y!);
  if (local.getUTCDate() !== +d! && +s! !== 60) return undefined; // Feb 30 rolled over into March
  const iso = new Date(local.getTime() - offsetMin * 60_000).toISOString();
  if (iso.length !== 24) return undefined;
  return `${iso.slice(0, 19)}.${frac.padEnd(9, '0')}`;
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const daysInMonth = (y: number, mo: number) => (mo === 2 && isLeap(y) ? 29 : DAYS[mo - 1]!);

/** The number written by the `n` digits at `i`, or -1 when one of them is not a digit. */
function digits(t: string, i: number, n: number): number {
  let v = 0;
  for (let k = i; k < i + n; k++) {
    const c = t.charCodeAt(k) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

const NOT_ISO = 'not in toISOString form';
// Character codes of the separators.
const DASH = 45;
const COLON = 58;
const DOT = 46;
const T = 84;
const Z = 90;

/**
 * The key of a time in exactly the form of `Date.prototype.toISOString` (`2026-11-23T09:58:00.000Z`): undefined
 * when it names no real instant (Feb 30, 24:00), NOT_ISO for any other form. A leap second (:60) is NOT_ISO too:
 * the general path folds it into the next minute whatever its precision.
 */
function isoTimeKey(t: string): string | undefined {
  if (t.length !== 24 || t.charCodeAt(4) !== DASH || t.charCodeAt(7) !== DASH || t.charCodeAt(10) !== T) return NOT_ISO;
  if (t.charCodeAt(13) !== COLON || t.charCodeAt(16) !== COLON || t.charCodeAt(19) !== DOT || t.charCodeAt(23) !== Z) return NOT_ISO;
  const y = digits(t, 0, 4);
  const mo = digits(t, 5, 2);
  const d = digits(t, 8, 2);
  const h = digits(t, 11, 2);
  const mi = digits(t, 14, 2);
  const s = digits(t, 17, 2);
  if (y < 0 || mo < 0 || d < 0 || h < 0 || mi < 0 || s < 0 || s === 60 || digits(t, 20, 3) < 0) return NOT_ISO;
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return undefined;
  if (d > 28 && d > daysInMonth(y, mo)) return undefined;
  return `${t.slice(0, 23)}000000`;
}

/**
 * How far ahead of this device's clock an event may be dated and still count as "now" (clocks of devices set
 * right, in any time zone, differ by much less). A command follows such a head; events further ahead are
 * future-dated: an import warns of them, and commands are stamped by the clock, before them.
 */
export const FUTURE_MS = 86_400_000;

/** Sort key of an event in history: normalised time, then id. */
export function historyKey(e: Pick<InventoryEvent, 'time' | 'id'>): string {
  const t = timeKey(e.time);
  if (t === undefined) throw new Error(`Event ${e.id} has an invalid time ${e.time}`);
  return t + e.id;
}

/** The longest event id a file may hold. Stored keys depend on it (END_OF_INSTANT): raising it needs a migration. */
export const MAX_ID_LENGTH = 200;

/**
 * Appended to a time key, sorts after that time joined to any id of up to MAX_ID_LENGTH code units: ids are
 * compared by code unit, and U+FFFF is the largest, so an id made of U+FFFFs is a prefix of this, hence smaller.
 */
const END_OF_INSTANT = '\uffff'.repeat(MAX_ID_LENGTH + 1);

/** History key of "everything at or before this instant": sorts after every event with this time. */
export function keyAtTime(time: string | Date): string {
  const iso = typeof time === 'string' ? time : time.toISOString();
  const t = timeKey(iso);
  if (t === undefined) throw new Error(`Invalid time ${iso}`);
  return t + END_OF_INSTANT;
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
 * Ids treated as never having happened at the instant `atKey`: those named by the reverts up to
 * `atKey` that count. A revert counts unless a revert that counts names it (an undo of an undo is a redo),
 * whatever their order in history: a redo recorded by a device whose clock was behind can precede its target.
 */
export function revertedAt(reverts: readonly RevertRecord[], atKey: string): Set<string> {
  const upTo = reverts.filter((r) => r.key <= atKey);
  const byId = new Map(upTo.map((r) => [r.id, r]));
  // Usually every revert that names a revert comes after it: then, newest first, each one's fate is known
  // before it is met (the latest word wins).
  let backward = true;
  for (const r of upTo) for (const id of r.eventIds) if ((byId.get(id)?.key ?? '') >= r.key) backward = false;
  const byKey = backward ? upTo.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)) : upTo;
  const cancelled = new Set<string>();
  const counts = backward ? (r: RevertRecord) => !cancelled.has(r.id) : countsAnyOrder(upTo, byId);
  for (let i = byKey.length - 1; i >= 0; i--) {
    const r = byKey[i]!;
    if (counts(r)) for (const id of r.eventIds) cancelled.add(id);
  }
  return cancelled;
}

/**
 * Whether each revert counts, for reverts that may name later ones. A cycle (only a forged file can make one)
 * is cut where the search meets it again: that namer does not count for the one it names.
 */
function countsAnyOrder(reverts: readonly RevertRecord[], byId: ReadonlyMap<string, RevertRecord>): (r: RevertRecord) => boolean {
  const namers = new Map<string, RevertRecord[]>();
  for (const r of reverts) for (const id of r.eventIds) if (byId.has(id)) namers.set(id, [...(namers.get(id) ?? []), r]);
  const fate = new Map<string, boolean | 'open'>();
  const counts = (r: RevertRecord): boolean => {
    const known = fate.get(r.id);
    if (known === 'open') return false;
    if (known !== undefined) return known;
    fate.set(r.id, 'open');
    const v = !(namers.get(r.id) ?? []).some(counts);
    fate.set(r.id, v);
    return v;
  };
  return counts;
}
