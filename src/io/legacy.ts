// Legacy files ("data version 0"): the Python tutorial's list of `Event(type, data, timestamp)`.
// The tutorial names items, not ids, and has no event ids, so both are derived from content:
// - An item's id comes from its name alone, so every legacy file that names "sword" speaks of one item.
// - An event's id is `legacy-<position><a|b>-<hash>`, where the hash chains the content of every entry up to
//   and including this one. Importing the same file twice adds nothing; importing a later copy of a log that
//   kept growing adds only the new entries (its first entries, and so their ids, are the same). The position
//   comes first so that entries with equal timestamps keep the file's order (history breaks time ties by id).
import type { InventoryEvent } from '../domain/events';
import { timeKey } from '../domain/history';
import * as v from 'valibot';
import { CANCELLED, forbiddenKeyPath, formatCount, formatPath, isPlainObject, show } from './describe';
import { canHash, sha256Hex } from './hash';
import { describeIssue } from './issues';
import { LEGACY_ENTRY, LEGACY_NAME, LEGACY_OBJECT } from './schema';
import { timeSlicer } from '../lib/yieldToMain';

export const LEGACY_SOURCE = 'eventory:legacy-import';
const CHAIN_SEED = 'eventory-legacy-v1';

export type LegacyResult = { ok: true; events: InventoryEvent[] } | { ok: false; error: string };
export interface LegacyOptions {
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

const LEGACY_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?([Zz]|[+-]\d{2}:?\d{2})?$/;

/**
 * A tutorial timestamp (Python's `datetime.isoformat()`, or `str(datetime)` with a space) as an RFC 3339 UTC
 * time. Without a zone it is local time, as Python's naive datetimes are. Sub-millisecond digits are kept.
 */
export function legacyTime(ts: string): string | undefined {
  const m = LEGACY_TIME.exec(ts);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map((x) => Number(x ?? 0)) as [number, number, number, number, number, number];
  const frac = m[7] ?? '';
  const zone = m[8];
  if (mo < 1 || mo > 12 || h > 23 || mi > 59 || s > 59) return undefined;
  let ms: number;
  if (zone) {
    const off = zone === 'Z' || zone === 'z' ? 0 : (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(-2)));
    ms = Date.UTC(y, mo - 1, d, h, mi, s) - off * 60_000;
    if (new Date(Date.UTC(y, mo - 1, d)).getUTCDate() !== d) return undefined;
  } else {
    const local = new Date(y, mo - 1, d, h, mi, s);
    // Rejects Feb 30 (rolled over to March) and years below 100 (which Date reads as 19xx).
    if (local.getFullYear() !== y || local.getMonth() !== mo - 1 || local.getDate() !== d) return undefined;
    ms = local.getTime();
  }
  const iso = new Date(ms).toISOString();
  if (iso.length !== 24) return undefined;
  const time = `${iso.slice(0, 19)}.${frac.padEnd(3, '0')}Z`;
  return timeKey(time) === undefined ? undefined : time;
}

interface Entry {
  type: 'ITEM_ADDED' | 'ITEM_REMOVED';
  name: string;
  attributes?: Record<string, string | number | boolean>;
  time: string;
  /** Content that identifies the entry, independent of the file's formatting and key order. */
  canonical: string;
}

/** Checks one raw entry; the message names the entry (counted from 1) and the field. */
function readEntry(raw: unknown, index: number): Entry | string {
  const label = `Event ${formatCount(index + 1)}`;
  if (!isPlainObject(raw)) return `${label} must be an object with "type", "data" and "timestamp", got ${show(raw)}.`;
  const bad = forbiddenKeyPath(raw, 3);
  if (bad) return `${label}: "${formatPath(bad)}" is not allowed as a field name.`;
  const entry = v.safeParse(LEGACY_ENTRY, raw, { abortEarly: true });
  if (!entry.success) return `${label}: ${describeIssue(entry.issues[0], { fieldsOf: 'of a legacy event ("type", "data", "timestamp")' })}.`;
  const { data, timestamp } = entry.output;
  // One spelling from here on: the enum's names and values give the same ids.
  const type = entry.output.type.toUpperCase() as Entry['type'];
  const time = legacyTime(timestamp);
  if (!time) return `${label}: "timestamp" must be a date and time like "2025-06-01T12:00:00", got ${show(timestamp)}.`;
  // str(datetime) and datetime.isoformat() differ only here: one store serialised either way gives the same ids.
  const stamp = timestamp[10] === ' ' ? `${timestamp.slice(0, 10)}T${timestamp.slice(11)}` : timestamp;
  if (typeof data === 'string') {
    const name = v.safeParse(LEGACY_NAME, data);
    if (!name.success) return `${label}: ${describeIssue(name.issues[0], { base: ['data'] })}.`;
    return { type, name: data, time, canonical: JSON.stringify([type, data, stamp]) };
  }
  const obj = v.safeParse(LEGACY_OBJECT, data, { abortEarly: true });
  if (!obj.success) return `${label}: ${describeIssue(obj.issues[0], { base: ['data'] })}.`;
  const { name, ...rest } = data as Record<string, string | number | boolean> & { name: string };
  const sorted = Object.keys(rest).sort().map((k) => [k, rest[k]]);
  return {
    type,
    name,
    ...(Object.keys(rest).length > 0 ? { attributes: rest } : {}),
    time,
    canonical: JSON.stringify([type, name, sorted, stamp]),
  };
}

function event(id: string, type: InventoryEvent['type'], time: string, data: object): InventoryEvent {
  return { specversion: '1.0', id, source: LEGACY_SOURCE, type, time, dataversion: 1, datacontenttype: 'application/json', data } as InventoryEvent;
}

/** Upcasts a legacy list to data version 1 events, or says which entry is wrong. */
export async function legacyToV1(entries: readonly unknown[], opts: LegacyOptions = {}): Promise<LegacyResult> {
  if (!canHash()) return { ok: false, error: 'Legacy files can only be imported when Eventory is opened over a secure connection (https).' };
  const out: InventoryEvent[] = [];
  const itemIds = new Map<string, string>();
  const left = new Map<string, number>();
  const slicer = timeSlicer();
  let chain = CHAIN_SEED;
  for (let i = 0; i < entries.length; i++) {
    if (opts.signal?.aborted) return { ok: false, error: CANCELLED };
    const entry = readEntry(entries[i], i);
    if (typeof entry === 'string') return { ok: false, error: entry };
    chain = await sha256Hex(`${chain}\n${entry.canonical}`);
    const idOf = (part: 'a' | 'b') => `legacy-${String(i).padStart(8, '0')}${part}-${chain.slice(0, 32)}`;
    let itemId = itemIds.get(entry.name);
    if (entry.type === 'ITEM_ADDED') {
      if (itemId === undefined) {
        itemId = `legacy-${(await sha256Hex(`eventory-legacy-item\n${entry.name}`)).slice(0, 32)}`;
        itemIds.set(entry.name, itemId);
        out.push(event(idOf('a'), 'ItemCreated', entry.time, { itemId, name: entry.name }));
      }
      const attributes = entry.attributes ? { attributes: entry.attributes } : {};
      out.push(event(idOf('b'), 'StockAdded', entry.time, { itemId, quantity: 1, ...attributes }));
      left.set(entry.name, (left.get(entry.name) ?? 0) + 1);
    } else {
      const have = left.get(entry.name) ?? 0;
      if (itemId === undefined || have === 0) {
        return {
          ok: false,
          error: `Event ${formatCount(i + 1)}: removes ${show(entry.name)}, but the file has no ${show(entry.name)} left at that point (an item must be added before it is removed).`,
        };
      }
      left.set(entry.name, have - 1);
      out.push(event(idOf('b'), 'StockRemoved', entry.time, { itemId, quantity: 1 }));
    }
    if (i % 256 === 0) opts.onProgress?.(i, entries.length);
    await slicer.maybeYield();
  }
  opts.onProgress?.(entries.length, entries.length);
  return { ok: true, events: out };
}
