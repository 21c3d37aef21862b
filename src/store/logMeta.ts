// Reads of the log's own state, kept in the meta table: its head, and every revert row as one JSON text
// (reverts/record.ts). Both are read at every start, in one transaction.
import { EMPTY_HEAD, HEAD_KEY, type EventoryDB } from './db';
import { parseReverts, REVERTS_KEY } from './reverts/record';
import type { HeadRow, RevertRow } from './types';

export async function readHead(db: EventoryDB): Promise<HeadRow> {
  return ((await db.meta.get(HEAD_KEY))?.value as HeadRow | undefined) ?? EMPTY_HEAD;
}

/** Every revert row. Inside a transaction that includes meta and reverts, or on its own. */
export async function readReverts(db: EventoryDB): Promise<RevertRow[]> {
  const row = await db.meta.get(REVERTS_KEY);
  // No record: no revert was ever written by this schema version, nor by an older one (the upgrade to version
  // 3 wrote it), so the table is empty; read it all the same, as it costs one request when it is.
  return row ? parseReverts(row.value as string) : db.reverts.toArray();
}
