// Revert rows: what each undo names and the earliest history key it changes (see RevertRow.minTargetKey).
import type { RevertRow } from './db';
import type { Keyed } from './sortKeyed';

/**
 * New revert rows plus the existing ones whose `minTargetKey` drops: a revert's history changes from the earliest
 * event it affects — what it names, and, through a revert it names (redo), what that one named. An event that
 * arrives after a revert naming it (merges bring events in any order) lowers that revert's key too.
 */
export function settleReverts(existing: RevertRow[], added: RevertRow[], keyed: readonly Keyed[]): RevertRow[] {
  if (existing.length === 0 && added.length === 0) return [];
  const all = new Map(existing.map((r) => [r.id, r]));
  for (const r of added) all.set(r.id, r);
  const inBatch = new Map<string, string>();
  for (const [k, e] of keyed) inBatch.set(e.id, k);
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

export function revertRows(keyed: readonly Keyed[], targetKey?: (id: string) => string | undefined): RevertRow[] {
  const inBatch = new Map<string, string>();
  for (const [k, e] of keyed) inBatch.set(e.id, k);
  const rows: RevertRow[] = [];
  for (const [key, e] of keyed) {
    if (e.type !== 'EventsReverted') continue;
    let minTargetKey = key;
    for (const id of e.data.eventIds) {
      const t = targetKey?.(id) ?? inBatch.get(id);
      if (t !== undefined && t < minTargetKey) minTargetKey = t;
    }
    rows.push({ id: e.id, key, eventIds: e.data.eventIds, minTargetKey });
  }
  return rows;
}
