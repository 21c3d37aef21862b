// What this device has not pushed yet. Not "events after the last push in history": an event imported from a
// file or back-dated takes its place in the past. The log's version counts writes instead, so the events written
// after the version last pushed are exactly what is new here, and the journal holds them for recent commands.
// The journal cannot say what a bulk write (a large import) held, and keeps only recent writes; then the whole
// log is read and compared with what is known to be on the server (ids pushed, and ids pulled from it).
import type { InventoryEvent } from '../domain/events';
import { exportEvents, importedIdParts, journalAfter, listImports } from '../state/logReads';
import { pushedIdParts, type SyncState } from './ledger';

/** The name of the import that a pull makes: how a later full comparison knows which imports came from the server. */
export const pullImportName = (url: string): string => `Sync from ${url}`;

export interface Outbox {
  events: InventoryEvent[];
  /** The log's version these events bring the server up to. */
  upTo: number;
  /** True when the whole log had to be compared (the journal could not tell). */
  scanned: boolean;
}

export async function unpushed(state: SyncState): Promise<Outbox> {
  const from = state.pushedVersion;
  const { head, rows } = await journalAfter(from);
  if (head.version <= from) return { events: [], upTo: head.version, scanned: false };
  const fromJournal = journalEvents(rows, from, head.version, new Set(state.pullVersions));
  if (fromJournal) return { events: fromJournal, upTo: head.version, scanned: false };
  return { events: await notOnServer(state), upTo: head.version, scanned: true };
}

/** The events of the writes in (from, to] that were not pulls, or undefined when the journal lacks any of them. */
function journalEvents(rows: readonly { version: number; events?: InventoryEvent[] }[], from: number, to: number, pulls: ReadonlySet<number>): InventoryEvent[] | undefined {
  const events: InventoryEvent[] = [];
  let expected = from + 1;
  for (const row of rows) {
    if (row.version > to) break;
    if (row.version !== expected) return undefined;
    expected++;
    if (pulls.has(row.version)) continue;
    if (!row.events) return undefined;
    for (const e of row.events) events.push(e);
  }
  return expected === to + 1 ? events : undefined;
}

/** Every event of the log that is neither pushed nor pulled from this server, in history order. */
async function notOnServer(state: SyncState): Promise<InventoryEvent[]> {
  const known = new Set<string>();
  for await (const part of pushedIdParts(state)) for (const id of part) known.add(id);
  const pulledName = pullImportName(state.url);
  for (const imp of await listImports()) {
    if (imp.name !== pulledName) continue;
    for await (const part of importedIdParts(imp.id)) for (const id of part) known.add(id);
  }
  const out: InventoryEvent[] = [];
  for await (const page of exportEvents()) for (const e of page) if (!known.has(e.id)) out.push(e);
  return out;
}
