// Every revert row as one JSON text: the record (db.ts REVERTS_KEY) read at start in place of the reverts table.
// Apart from revertRows.ts, which loads with the write path: this is read at every start.
import type { RevertRow } from './db';

/**
 * Revert rows as one JSON text, each row an array `[id, key, minTargetKey, eventIds]` (a third smaller than
 * objects).
 */
export function revertsText(rows: Iterable<RevertRow>): string {
  const out: [string, string, string, string[]][] = [];
  for (const r of rows) out.push([r.id, r.key, r.minTargetKey, r.eventIds]);
  return JSON.stringify(out);
}

export function parseReverts(text: string): RevertRow[] {
  return (JSON.parse(text) as [string, string, string, string[]][]).map(([id, key, minTargetKey, eventIds]) => ({ id, key, eventIds, minTargetKey }));
}
