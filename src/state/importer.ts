// Merging validated events into the log (README, "Files and merging"): skip what is already there, reject conflicting ids and
// dangling item ids, and write everything else in one transaction — or nothing.
import type { InventoryEvent } from '../domain/events';
import { canonical } from '../domain/canonical';
import { FUTURE_MS, historyKey, timeKey } from '../domain/history';
import type { AppendOptions, ImportedFile, PageText } from '../store/types';
import type { Engine } from './engine';

export interface ImportOptions {
  /** File name, kept with the import record. */
  name?: string;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  /** The file's own text of the events, for the pages (AppendOptions.textOf). */
  textOf?: PageText;
  /** The file itself, which pages may refer to (AppendOptions.file). */
  file?: ImportedFile;
}
/** Events dated more than FUTURE_MS after this device's clock: valid, kept, and worth a warning. */
export interface FutureDated {
  count: number;
  /** The latest such time, as the event wrote it. */
  latest: string;
  /** Up to three of their ids, to find them in History. */
  ids: string[];
}
export type ImportResult = { ok: true; added: number; skipped: number; future?: FutureDated } | { ok: false; error: string };


// Events are counted from 1 in messages, as in src/io/describe.ts.
const describe = (i: number, e: InventoryEvent) => `Event ${i + 1} (id "${e.id}")`;

export async function importEvents(engine: Engine, events: InventoryEvent[], opts: ImportOptions = {}): Promise<ImportResult> {
  let added = 0;
  let skipped = 0;
  const res = await engine.appendPrepared(async () => {
    if (opts.signal?.aborted) return { ok: false as const, error: 'Import cancelled; nothing was changed.' };
    opts.onProgress?.(0, events.length);
    // Only a log that already holds events is searched for the file's ids (and those its undos name): into an
    // empty log, no set of a million ids is built.
    const existing = await findWithProgress(engine, () => idsToLookUp(events), opts);
    if (opts.signal?.aborted) return { ok: false as const, error: 'Import cancelled; nothing was changed.' };

    // When the log holds none of them (always, for an empty log), every event is new: no copy of a million.
    const fresh: InventoryEvent[] = existing.size === 0 ? events : [];
    skipped = 0;
    for (let i = 0; fresh !== events && i < events.length; i++) {
      const e = events[i]!;
      const old = existing.get(e.id);
      if (!old) {
        fresh.push(e);
        continue;
      }
      // Exports keep key order, so the cheap comparison almost always decides; canonical() handles the rest.
      if (JSON.stringify(old) !== JSON.stringify(e) && canonical(old) !== canonical(e)) {
        return { ok: false as const, error: `${describe(i, e)} has the same id as an event already in the log, but different content. The file was not imported.` };
      }
      skipped++;
    }
    const dangling = await danglingItem(engine, fresh);
    if (dangling) {
      const i = events.indexOf(dangling);
      return { ok: false as const, error: `${describe(i, dangling)}: "itemId" names item "${dangling.data.itemId}", which neither the file nor this log creates. The file was not imported.` };
    }
    added = fresh.length;
    if (fresh.length === 0) return { ok: false as const, error: '' };
    const keys = new Map<string, string>();
    for (const e of existing.values()) keys.set(e.id, historyKey(e));
    opts.onProgress?.(0, fresh.length);
    const importRecord = { id: engine.newId(), at: engine.now().toISOString(), name: opts.name ?? 'file', added: fresh.length, skipped };
    // The store reports each slice of pages it writes, so a long write shows progress too.
    const appendOpts: AppendOptions = { targetKey: (id: string) => keys.get(id), bulk: fresh.length > 200, importRecord, onProgress: opts.onProgress, textOf: opts.textOf, file: opts.file };
    return { ok: true as const, events: fresh, opts: appendOpts };
  });
  if (res.ok) {
    const future = await futureDated(engine);
    return future ? { ok: true, added, skipped, future } : { ok: true, added, skipped };
  }
  // Nothing new is not an error: importing the same file twice adds nothing the second time.
  if (res.error === '') return { ok: true, added: 0, skipped };
  return { ok: false, error: res.error };
}

/**
 * The log's events dated more than FUTURE_MS after the clock (a device whose clock was wrong). They sort last in
 * history, so only they are read, newest first; a log with none reads nothing.
 */
async function futureDated(engine: Engine): Promise<FutureDated | undefined> {
  const limit = timeKey(new Date(engine.now().getTime() + FUTURE_MS).toISOString())!;
  if (engine.head.lastKey.slice(0, limit.length) <= limit) return undefined;
  const found: FutureDated = { count: 0, latest: '', ids: [] };
  for await (const chunk of engine.store.readBackward()) {
    for (const e of chunk) {
      if (historyKey(e).slice(0, limit.length) <= limit) return found;
      if (found.count++ === 0) found.latest = e.time;
      if (found.ids.length < 3) found.ids.push(e.id);
    }
  }
  return found;
}

type StockEvent = Exclude<InventoryEvent, { type: 'EventsReverted' }>;

/**
 * The first of `fresh` that names an item created neither in `fresh` nor anywhere in the log (an undone
 * creation still creates: the log holds it, and the item is back as soon as that undo is itself undone).
 */
async function danglingItem(engine: Engine, fresh: readonly InventoryEvent[]): Promise<StockEvent | undefined> {
  const state = engine.state.value;
  const created = new Set<string>();
  for (const e of fresh) if (e.type === 'ItemCreated') created.add(e.data.itemId);
  // Items the head lists are created (or already in conflict); the log is searched only for the others.
  const unknown = new Map<string, StockEvent>();
  for (const e of fresh) {
    if (e.type === 'EventsReverted' || created.has(e.data.itemId) || state.items.has(e.data.itemId)) continue;
    if (!unknown.has(e.data.itemId)) unknown.set(e.data.itemId, e);
  }
  if (unknown.size === 0) return undefined;
  for await (const chunk of engine.store.readBackward()) {
    for (const e of chunk) if (e.type === 'ItemCreated') unknown.delete(e.data.itemId);
    if (unknown.size === 0) return undefined;
  }
  for (const e of fresh) if (e.type !== 'EventsReverted' && unknown.has(e.data.itemId)) return e;
  return undefined;
}

/** The file's ids and the ids its undos name, as one set to search the log for. */
function idsToLookUp(events: readonly InventoryEvent[]): Set<string> {
  const ids = new Set<string>();
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    ids.add(e.id);
    if (e.type === 'EventsReverted') for (const id of e.data.eventIds) ids.add(id);
  }
  return ids;
}

async function findWithProgress(engine: Engine, ids: () => Set<string>, opts: ImportOptions): Promise<Map<string, InventoryEvent>> {
  const found = new Map<string, InventoryEvent>();
  const total = engine.eventCount.value;
  // An empty log holds none of them: no set of a million ids to build.
  if (total === 0) return found;
  const wanted = ids();
  let scanned = 0;
  if (wanted.size === 0) return found;
  for await (const chunk of engine.store.readBackward()) {
    for (const e of chunk) if (wanted.has(e.id)) found.set(e.id, e);
    scanned += chunk.length;
    opts.onProgress?.(scanned, total);
    if (opts.signal?.aborted || found.size === wanted.size) break;
  }
  return found;
}
