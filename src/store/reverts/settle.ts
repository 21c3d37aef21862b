// Revert rows of a write: what each undo names and the earliest history key it changes (RevertRow.minTargetKey),
// settled with the rows already in the log. Loads with the write path (append.ts).
import type { EventOf } from '../../domain/events';
import type { Keyed, RevertRow } from '../types';

/**
 * New revert rows plus the existing ones whose `minTargetKey` drops: a revert's history changes from the earliest
 * event it affects — what it names, and, through a revert it names (redo), what that one named. An event that
 * arrives after a revert naming it (merges bring events in any order) lowers that revert's key too.
 */
export function settleReverts(existing: RevertRow[], added: RevertRow[], keyed: readonly Keyed[], inBatch?: ReadonlyMap<string, string>): RevertRow[] {
  if (existing.length === 0 && added.length === 0) return [];
  const all = new Map(existing.map((r) => [r.id, r]));
  for (const r of added) all.set(r.id, r);
  if (!inBatch) {
    const keys = new Map<string, string>();
    keysOf(keyed, namedBy([...all.values()]), keys, 0, keyed.length);
    inBatch = keys;
  }
  const changed = new Set(added.map((r) => r.id));
  for (let again = true; again; ) {
    again = false;
    for (const r of all.values()) {
      let m = r.minTargetKey;
      for (const id of r.eventIds) {
        const k = inBatch.get(id);
        if (k !== undefined && k < m) m = k;
        const sub = all.get(id);
        if (sub && sub.minTargetKey < m) m = sub.minTargetKey;
      }
      if (m < r.minTargetKey) {
        all.set(r.id, { ...r, minTargetKey: m });
        changed.add(r.id);
        again = true;
      }
    }
  }
  return [...changed].map((id) => all.get(id)!);
}

const namedBy = (reverts: readonly { eventIds: readonly string[] }[]) => new Set(reverts.flatMap((r) => r.eventIds));

/**
 * Adds to `out` the history keys of `keyed[from..to)` that `named` holds. Only those: reverts name a few
 * thousand ids at most, while a map of every id of a million-event import would be a long task of its own.
 */
function keysOf(keyed: readonly Keyed[], named: ReadonlySet<string>, out: Map<string, string>, from: number, to: number): void {
  if (named.size === 0) return;
  // Indexed loops: destructuring a million tuples through the iterator protocol costs several times more.
  for (let i = from; i < to; i++) {
    const id = keyed[i]![1].id;
    if (named.has(id)) out.set(id, keyed[i]![0]);
  }
}

/** History keys of the batch's events that `reverts` name, for settleReverts; in slices, outside a transaction. */
export async function batchKeys(keyed: readonly Keyed[], reverts: readonly { eventIds: readonly string[] }[], pause?: () => Promise<void> | undefined): Promise<Map<string, string>> {
  const named = namedBy(reverts);
  const out = new Map<string, string>();
  for (let i = 0; i < keyed.length && named.size > 0; i += 8192) {
    keysOf(keyed, named, out, i, Math.min(i + 8192, keyed.length));
    await pause?.();
  }
  return out;
}

/** The revert rows of a batch; `pause` is awaited now and then, as a batch may hold a million events. */
export async function revertRows(
  keyed: readonly Keyed[],
  targetKey?: (id: string) => string | undefined,
  pause?: () => Promise<void> | undefined,
): Promise<{ rows: RevertRow[]; /** batchKeys of these rows */ inBatch: Map<string, string> }> {
  const own: [string, EventOf<'EventsReverted'>][] = [];
  for (let i = 0; i < keyed.length; i++) {
    const e = keyed[i]![1];
    if (e.type === 'EventsReverted') own.push([keyed[i]![0], e]);
    if ((i & 8191) === 8191) await pause?.();
  }
  if (own.length === 0) return { rows: [], inBatch: new Map() };
  const inBatch = await batchKeys(
    keyed,
    own.map((k) => k[1].data),
    pause,
  );
  const rows: RevertRow[] = [];
  for (const [key, e] of own) {
    let minTargetKey = key;
    for (const id of e.data.eventIds) {
      const t = targetKey?.(id) ?? inBatch.get(id);
      if (t !== undefined && t < minTargetKey) minTargetKey = t;
    }
    rows.push({ id: e.id, key, eventIds: e.data.eventIds, minTargetKey });
  }
  return { rows, inBatch };
}

/** `existing` with `changed` put in (by id, as the table's bulkPut does). */
export function withChanged(existing: readonly RevertRow[], changed: readonly RevertRow[]): RevertRow[] {
  const all = new Map(existing.map((r) => [r.id, r]));
  for (const r of changed) all.set(r.id, r);
  return [...all.values()];
}

