// Every revert row as one JSON text, kept in meta under REVERTS_KEY and read at every start in place of the
// reverts table. Apart from settle.ts, which loads with the write path.
import type { RevertRow } from '../types';

/**
 * The meta row whose value is revertsText() of every row of the reverts table, written in the transaction that
 * changes the table: one record reads many times faster than thousands of rows at a cold start. The table
 * stays, for its eventIds index (does a command name an event some revert names?). Absent in a log that never
 * had a revert.
 */
export const REVERTS_KEY = 'reverts';

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
