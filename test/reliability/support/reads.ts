// What the reliability tests compare before and after a fault: the app's whole log and every table of its
// database.
import type { InventoryEvent } from '../../../src/domain/events';
import { exportEvents } from '../../../src/state/logReads';
import { EventoryDB } from '../../../src/store/db';

/** The whole log, as the app exports it (history order). */
export async function readLog(): Promise<InventoryEvent[]> {
  const out: InventoryEvent[] = [];
  for await (const chunk of exportEvents()) out.push(...chunk);
  return out;
}

/** Every table of database `name`, read through a second connection (as another tab would see it). */
export async function readTables(name: string): Promise<Record<string, unknown[]>> {
  const db = new EventoryDB(name);
  await db.open();
  try {
    const out: Record<string, unknown[]> = {};
    for (const t of db.tables) out[t.name] = await t.toArray();
    return out;
  } finally {
    db.close();
  }
}
