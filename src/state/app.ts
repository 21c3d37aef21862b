// The one place the UI talks to: signals to read and functions to call. Wires the engine to IndexedDB, the
// clock, ids, and other tabs (BroadcastChannel); components never import the store.
import { computed, signal, type ReadonlySignal } from '@preact/signals';
import type { Command } from '../domain/commands';
import { DATA_VERSION, type EventType, type InventoryEvent } from '../domain/events';
import { historyKey, keyAtTime, timeKey } from '../domain/history';
import { uuidv7Generator } from '../domain/ids';
import { emptyState, type InventoryState } from '../domain/inventory';
import { EventoryDB, SCHEMA_VERSION } from '../store/db';
import { EventStore } from '../store/eventStore';
import { makeYielder } from '../store/yieldToMain';
import { Engine, type ExecResult, type HeadState } from './engine';
import type { ImportOptions, ImportResult } from './importer';
import { describeOpenError, isQuotaError, type StorageProblem } from './storageErrors';
import type { ProjectionCache } from './projections';
import type { Projection } from '../domain/projections/projection';

export type { ExecResult, ImportOptions, ImportResult };
export type AppStatus = { kind: 'loading' } | { kind: 'ready' } | { kind: 'error'; message: string };

const status$ = signal<AppStatus>({ kind: 'loading' });
const problem$ = signal<StorageProblem | undefined>(undefined);
const engine$ = signal<Engine | undefined>(undefined);

export const status: ReadonlySignal<AppStatus> = status$;
/** A storage problem that needs the user (blocked upgrade, another tab updated the app, quota). */
export const storageProblem: ReadonlySignal<StorageProblem | undefined> = problem$;
export const inventory: ReadonlySignal<InventoryState> = computed(() => engine$.value?.state.value ?? emptyState());
export const logVersion: ReadonlySignal<number> = computed(() => engine$.value?.version.value ?? 0);
export const revertedIds: ReadonlySignal<ReadonlySet<string>> = computed(() => engine$.value?.revertedIds.value ?? new Set<string>());
export const eventCount: ReadonlySignal<number> = computed(() => engine$.value?.eventCount.value ?? 0);
/** True while the inventory shows a change whose write has not committed yet (a few ms; longer on a busy disk). */
export const savingChange: ReadonlySignal<boolean> = computed(() => engine$.value?.saving.value ?? false);

const CHANNEL = 'eventory';
let starting: Promise<void> | undefined;
/** The open database and this device's source, for the import worker (src/io/importWorker.ts). */
let opened: { dbName: string; source: string } | undefined;

function randomBytes(n: number): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(n));
}

/** Opens the database and loads the state. Safe to call more than once. */
export function start(dbName?: string): Promise<void> {
  starting ??= open(dbName);
  return starting;
}

async function open(dbName?: string): Promise<void> {
  const db = new EventoryDB(dbName);
  db.on('blocked', () => {
    problem$.value = { kind: 'blocked', message: 'Eventory is updating its storage, but another open Eventory tab is using the old version. Close the other Eventory tabs (or reload them) to continue.' };
  });
  db.on('versionchange', () => {
    // A newer version of the app wants to upgrade the database: step aside so it can, and stop writing.
    db.close();
    problem$.value = { kind: 'outdated', message: 'Eventory was updated in another tab. Reload this tab to keep working; nothing you saved is lost.' };
    status$.value = { kind: 'error', message: problem$.value.message };
    return false;
  });
  try {
    await db.open();
    // Dexie opens a database that a newer release upgraded without complaint (it keeps its own version); an
    // older release writing there could append events the newer one misreads. Dexie stores version × 10.
    if (db.backendDB().version > SCHEMA_VERSION * 10) {
      db.close();
      throw Object.assign(new Error('The database was upgraded by a newer version of Eventory.'), { name: 'VersionError' });
    }
    const store = new EventStore(db);
    await checkDataVersion(store);
    const source = await deviceSource(store);
    const channel = typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(CHANNEL);
    const engine = new Engine({
      store,
      clock: () => new Date(),
      newId: uuidv7Generator(() => Date.now(), randomBytes),
      source,
      announce: (version) => channel?.postMessage({ type: 'appended', version }),
    });
    await engine.load();
    opened = { dbName: db.name, source };
    channel?.addEventListener('message', (ev: MessageEvent<{ type: string; version: number }>) => {
      if (ev.data?.type === 'appended' && ev.data.version > engine.head.version) void engine.catchUp();
    });
    // The next start loads a snapshot and folds the events after it: leaving one at the head when the tab is
    // hidden (switched away, closed, phone locked) keeps that tail short.
    if (typeof document !== 'undefined') {
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'hidden' && problem$.peek()?.kind !== 'outdated') void engine.snapshotHead();
      });
    }
    engine$.value = engine;
    status$.value = { kind: 'ready' };
    performance.mark?.('eventory:state-ready');
    // Benchmarks (bench/) drive the engine directly; only with ?bench in the URL.
    if (typeof location !== 'undefined' && new URLSearchParams(location.search).has('bench')) {
      (globalThis as { __eventory?: unknown }).__eventory = { engine, stateAt, rebuild, importEvents, exportEvents };
    }
    if (problem$.value?.kind === 'blocked') problem$.value = undefined;
  } catch (err) {
    starting = undefined;
    const message = describeOpenError(err);
    status$.value = { kind: 'error', message };
    throw err;
  }
}

/**
 * A tab of an older release must not write into a log that a newer release has written: it could not read the
 * newer events and would append ones the newer release misreads. The newest data version ever written is kept.
 */
async function checkDataVersion(store: EventStore): Promise<void> {
  const seen = (await store.getMeta<number>('dataVersion')) ?? 0;
  if (seen > DATA_VERSION) {
    problem$.value = { kind: 'outdated', message: 'This data was saved by a newer version of Eventory. Reload the page to get the newer version; until then this tab will not change anything.' };
  } else if (seen < DATA_VERSION) await store.setMeta('dataVersion', DATA_VERSION);
}

async function deviceSource(store: EventStore): Promise<string> {
  const known = await store.getMeta<string>('source');
  if (known) return known;
  const hex = Array.from(randomBytes(4), (b) => b.toString(16).padStart(2, '0')).join('');
  const source = `eventory:device:${hex}`;
  await store.setMeta('source', source);
  return source;
}

function engine(): Engine {
  const e = engine$.value;
  if (!e) throw new Error('Eventory is not started: call start() first');
  return e;
}

async function guarded(run: () => Promise<ExecResult>): Promise<ExecResult> {
  if (problem$.value?.kind === 'outdated') return { ok: false, error: problem$.value.message };
  try {
    const result = await run();
    if (result.ok && problem$.value?.kind === 'quota') problem$.value = undefined;
    return result;
  } catch (err) {
    const message = describeOpenError(err);
    if (isQuotaError(err)) problem$.value = { kind: 'quota', message };
    return { ok: false, error: message };
  }
}

export const execute = (cmd: Command): Promise<ExecResult> => guarded(() => engine().execute(cmd));
export const undo = (eventIds: string[], reason?: string): Promise<ExecResult> => guarded(() => engine().undo(eventIds, reason));
/** Undo every event of one user action (events sharing a `correlationid`). */
export const undoGroup = (correlationId: string): Promise<ExecResult> => guarded(() => engine().undoGroup(correlationId));
/** Undo everything an import added, in one step. */
export const undoImport = (importId: string): Promise<ExecResult> => guarded(() => engine().undoImport(importId));
/** Past imports, newest first (id, at, name, added, skipped). */
export const listImports = () => engine().store.imports();
export type ImportStatus = 'active' | 'undone' | 'partly' | 'unknown';
/**
 * Statuses by the undone set they were counted against. An import's ids never change and the engine keeps the
 * same set object until an undo or redo changes it, so a command or another import does not count again (the
 * list of past imports is re-read at every change of the log: at 1M events a count is 1M lookups).
 */
const statusCache = new WeakMap<ReadonlySet<string>, Map<string, Promise<ImportStatus>>>();

/** Whether the events an import added are in effect now, all undone, or partly undone. */
export function importStatus(importId: string): Promise<ImportStatus> {
  const undone = revertedIds.peek();
  let known = statusCache.get(undone);
  if (!known) statusCache.set(undone, (known = new Map()));
  let status = known.get(importId);
  if (!status) {
    status = countUndone(importId, undone);
    known.set(importId, status);
    // Neither a failed read nor an import not (yet) there is remembered.
    status.then(
      (s) => s === 'unknown' && known.delete(importId),
      () => known.delete(importId),
    );
  }
  return status;
}

async function countUndone(importId: string, undone: ReadonlySet<string>): Promise<ImportStatus> {
  // Nothing is undone (the usual case): no need to read the import's ids (40 MB for a million events).
  if (undone.size === 0) return (await engine().store.hasImport(importId)) ? 'active' : 'unknown';
  // A log exported after an undo brings that undo along: what it undid was undone in the file already, not
  // here, so it does not make the import "partly undone". The undos are few: their rows are read whole.
  const [, reverts] = await engine().store.readHeadAndReverts();
  const revertById = new Map(reverts.map((r) => [r.id, r]));
  const own: string[] = [];
  const pass = (visit: (id: string) => void) => countIds(importId, visit);
  let n = 0;
  const total = await pass((id) => {
    if (undone.has(id)) n++;
    if (revertById.has(id) && !undone.has(id)) own.push(id);
  });
  if (total === 0) return 'unknown';
  // The import's own undos in effect: the undone events they name do not count (a second pass, only for them).
  const ownTargets = new Set(own.flatMap((id) => revertById.get(id)!.eventIds));
  let ownUndone = 0;
  if (ownTargets.size > 0) await pass((id) => ownTargets.has(id) && undone.has(id) && ownUndone++);
  const effective = n - ownUndone;
  return effective === 0 ? 'active' : effective === total - ownUndone ? 'undone' : 'partly';
}

/** Visits every id an import added, a part at a time and in slices, so the page stays responsive; the count. */
async function countIds(importId: string, visit: (id: string) => void): Promise<number> {
  // A million ids for a large import: read a part at a time and counted in slices.
  const pause = makeYielder();
  let total = 0;
  for await (const ids of engine().store.importedIdParts(importId)) {
    for (let i = 0; i < ids.length; i++) {
      visit(ids[i]!);
      if ((i & 16383) === 16383) await pause();
    }
    total += ids.length;
    await pause();
  }
  return total;
}
/** Drops every snapshot and folds the whole log again. */
export const rebuild = (): Promise<void> => engine().rebuild();

export interface HistoryQuery {
  itemId?: string;
  types?: EventType[];
  from?: string;
  to?: string;
  cursor?: string;
  limit: number;
}

/** Events newest first, filtered; pass the returned cursor back for the next page. */
export async function readHistory(q: HistoryQuery): Promise<{ events: InventoryEvent[]; cursor?: string }> {
  const fromKey = q.from ? timeKey(q.from) : undefined;
  const upper = q.cursor ?? (q.to ? keyAtTime(q.to) : '\uffff');
  const types = q.types?.length ? new Set(q.types) : undefined;
  const out: InventoryEvent[] = [];
  for await (const chunk of engine().store.readBackward(upper)) {
    for (const e of chunk) {
      const key = historyKey(e);
      if (fromKey !== undefined && key < fromKey) return { events: out };
      if (types && !types.has(e.type)) continue;
      if (q.itemId !== undefined && (e.type === 'EventsReverted' || e.data.itemId !== q.itemId)) continue;
      out.push(e);
      if (out.length === q.limit) return { events: out, cursor: key };
    }
  }
  return { events: out };
}

/** The inventory as it was at `time` (RFC 3339). */
export function stateAt(time: string): Promise<InventoryState> {
  return engine().stateAtKey(keyAtTime(time));
}

/** Time of the first event in history (one page read), or undefined for an empty log. */
export async function firstEventTime(): Promise<string | undefined> {
  for await (const chunk of engine().store.readRange('', '\uffff', 1)) if (chunk.length) return chunk[0]!.time;
  return undefined;
}

/** The whole log in history order, a page at a time. */
export async function* exportEvents(): AsyncGenerator<InventoryEvent[]> {
  yield* engine().store.readRange('', '\uffff', 4);
}

/** The whole log as the export writes it: each page's stored text (no event is parsed or stringified). */
export function exportText(): AsyncGenerator<{ n: number; text: string | Blob }> {
  return engine().store.readTexts();
}

export async function importEvents(events: InventoryEvent[], opts?: ImportOptions): Promise<ImportResult> {
  if (problem$.value?.kind === 'outdated') return { ok: false, error: problem$.value.message };
  try {
    const { importEvents: importInto } = await import('./importer');
    const result = await importInto(engine(), events, opts);
    if (result.ok && problem$.value?.kind === 'quota') problem$.value = undefined;
    return result;
  } catch (err) {
    if (isQuotaError(err)) problem$.value = { kind: 'quota', message: describeOpenError(err) };
    return { ok: false, error: `${describeOpenError(err)} The file was not imported; the log is unchanged.` };
  }
}

/** Where an import worker merges: this tab's database, as this device; a refusal when this tab must not write. */
export function importTarget(): { ok: true; dbName: string; source: string } | { ok: false; error: string } | undefined {
  if (problem$.value?.kind === 'outdated') return { ok: false, error: problem$.value.message };
  return engine$.value && opened ? { ok: true, ...opened } : undefined;
}

/**
 * After an import in a worker: take over the head it folded (or, without one, load what it wrote) and track
 * quota.
 */
export async function afterWorkerImport(outcome: { result: ImportResult; quota?: string; committed: boolean; head?: HeadState }): Promise<void> {
  if (outcome.quota) problem$.value = { kind: 'quota', message: outcome.quota };
  else if (outcome.result.ok && problem$.value?.kind === 'quota') problem$.value = undefined;
  const engine = engine$.value;
  if (!engine || !outcome.committed) return;
  try {
    await (outcome.head ? engine.adopt(outcome.head) : engine.catchUp());
  } catch {
    await engine.catchUp().catch(() => undefined);
  }
}

export const getMeta = <T>(key: string): Promise<T | undefined> => engine().store.getMeta<T>(key);
export const setMeta = (key: string, value: unknown): Promise<void> => engine().store.setMeta(key, value);

/** For tests: forget the started engine (the next start() opens again). */
export function resetForTests(): void {
  engine$.value?.store.close();
  engine$.value = undefined;
  opened = undefined;
  starting = undefined;
  status$.value = { kind: 'loading' };
  problem$.value = undefined;
}

// The projection machinery loads with the first page that asks for a projection (analytics, an item's chart),
// not with the inventory: until it has loaded, every projection reads as "not folded yet" (undefined).
const projectionCaches = new WeakMap<Engine, ProjectionCache>();
const projectionsLoaded = signal<typeof import('./projections') | undefined>(undefined);
let loadingProjections: Promise<unknown> | undefined;
function cacheOf(e: Engine): ProjectionCache | undefined {
  const mod = projectionsLoaded.value;
  if (!mod) {
    loadingProjections ??= import('./projections').then(
      (m) => (projectionsLoaded.value = m),
      (err: unknown) => {
        loadingProjections = undefined; // the next render asks again
        console.error('Could not load the projections', err);
      },
    );
    return undefined;
  }
  let c = projectionCaches.get(e);
  if (!c) projectionCaches.set(e, (c = new mod.ProjectionCache(e)));
  return c;
}
/** The memoized answer of a projection over the whole log (undefined until first folded). */
export const projection = <S>(p: Projection<S>): ReadonlySignal<S | undefined> => computed(() => cacheOf(engine())?.get(p).value);
/** Number of projections being folded from scratch (show a spinner while > 0). */
export const projectionsComputing: ReadonlySignal<number> = computed(() => {
  const e = engine$.value;
  const c = e && projectionsLoaded.value ? cacheOf(e) : undefined;
  return c ? c.computing.value : 0;
});
