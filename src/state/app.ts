// The one place the UI talks to: signals to read and functions to call. Wires the engine to IndexedDB, the
// clock, ids, and other tabs (BroadcastChannel); components never import the store.
import { computed, signal, type ReadonlySignal } from '@preact/signals';
import type { Command } from '../domain/commands';
import { DATA_VERSION, type EventType, type InventoryEvent } from '../domain/events';
import { historyKey, keyAtTime, timeKey } from '../domain/history';
import { uuidv7Generator } from '../domain/ids';
import { emptyState, type InventoryState } from '../domain/inventory';
import { itemIdOf } from '../domain/touches';
import { SCHEMA_VERSION } from '../store/constants';
import type { EventStore } from '../store/eventStore';
import { makeYielder, yieldToMain } from '../lib/yieldToMain';
import { Engine, preloadCommandRules, type ExecResult, type HeadState } from './engine';
import type { FutureDated, ImportOptions, ImportResult } from './importer';
import type { StorageProblem } from './storageErrors';
import { loadOnce } from '../lib/loadOnce';

// The words for storage failures load with the first failure.
const storageErrors = loadOnce(() => import('./storageErrors'));

export type { ExecResult, FutureDated, ImportOptions, ImportResult };
export type AppStatus = { kind: 'loading' } | { kind: 'ready' } | { kind: 'error'; message: string };

const status$ = signal<AppStatus>({ kind: 'loading' });
const problem$ = signal<StorageProblem | undefined>(undefined);
const engine$ = signal<Engine | undefined>(undefined);
/** The started engine, once there is one (for state/projections.ts). */
export const engineSignal: ReadonlySignal<Engine | undefined> = engine$;

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

/**
 * The database code (Dexie is most of the script the start needs) is a chunk of its own, requested at once: the
 * shell's first render does not wait for it to load, nor share a task with its evaluation.
 */
const storeModule = loadOnce(() => import('../store/open'));

const CODE_MISSING = 'Eventory could not load the code that opens your inventory. Check the connection and reload the page; nothing is lost.';

async function open(dbName?: string): Promise<void> {
  // Start-up is several tasks, not one (a phone's main thread stays responsive): the shell's first render, then
  // opening the database and reading, then the first render of the state.
  const { EventoryDB, EventStore } = await storeModule().catch((err: unknown) => {
    starting = undefined;
    status$.value = { kind: 'error', message: CODE_MISSING };
    throw err;
  });
  await yieldToMain();
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
    const store = new EventStore(db, inBackground);
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
      if (ev.data?.type === 'appended' && ev.data.version > engine.head.version) inBackground(engine.catchUp(), 'catching up with another tab');
    });
    // The next start loads a snapshot and folds the events after it: leaving one at the head when the tab is
    // hidden (switched away, closed, phone locked) keeps that tail short.
    if (typeof document !== 'undefined') {
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'hidden' && problem$.peek()?.kind !== 'outdated') inBackground(engine.snapshotHead(), 'saving a snapshot');
      });
    }
    await yieldToMain();
    engine$.value = engine;
    status$.value = { kind: 'ready' };
    performance.mark?.('eventory:state-ready');
    // Benchmarks (bench/) drive the engine directly; only with ?bench in the URL.
    if (typeof location !== 'undefined' && new URLSearchParams(location.search).has('bench')) {
      (globalThis as { __eventory?: unknown }).__eventory = { engine, stateAt, rebuild, importEvents, exportEvents: () => engine.store.readRange('', '\uffff', 4) };
    }
    if (problem$.value?.kind === 'blocked') problem$.value = undefined;
  } catch (err) {
    starting = undefined;
    // The code that opens the log (or words its failure) may not have loaded: offline, before the service worker
    // serves the app.
    const message = await storageErrors().then((m) => m.describeOpenError(err), () => CODE_MISSING);
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

/**
 * Work that no user action waits for must still fail visibly: the storage problem banner says what and why.
 * Such work writes no event, so nothing is lost; a reload starts it afresh.
 */
export function inBackground(work: Promise<unknown>, what: string): void {
  work.catch((err: unknown) => reportBackgroundFailure(err, what));
}

/** Shows a failure of background work (`what` failed) in the storage problem banner. */
export async function reportBackgroundFailure(err: unknown, what: string): Promise<void> {
  console.error(err);
  const { describeOpenError } = await storageErrors();
  // A tab outdated by a newer one has already said why everything stops.
  if (problem$.peek()?.kind === 'outdated') return;
  problem$.value = { kind: 'background', message: `Something Eventory does in the background failed (${what}): ${describeOpenError(err)} Nothing you saved is lost; reload the page to try again.` };
}

/** The started engine (for state/logReads.ts); throws before start(). */
export function engine(): Engine {
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
    const { describeOpenError, isQuotaError } = await storageErrors();
    const message = describeOpenError(err);
    if (isQuotaError(err)) problem$.value = { kind: 'quota', message };
    return { ok: false, error: message };
  }
}

export const execute = (cmd: Command): Promise<ExecResult> => guarded(() => engine().execute(cmd));
/** Fetches what a first command needs, and the words of a storage failure, ahead of it (src/ui/shell/App.tsx). */
export const preloadCommands = (): Promise<unknown> => {
  const engine = engine$.peek();
  return Promise.all([engine && preloadCommandRules(engine.store), storageErrors()]);
};
export const undo = (eventIds: string[], reason?: string): Promise<ExecResult> => guarded(() => engine().undo(eventIds, reason));
/** Undo every event of one user action (events sharing a `correlationid`). */
export const undoGroup = (correlationId: string): Promise<ExecResult> => guarded(() => engine().undoGroup(correlationId));
/** Undo everything an import added, in one step. */
export const undoImport = (importId: string): Promise<ExecResult> => guarded(() => engine().undoImport(importId));
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
      if (q.itemId !== undefined && itemIdOf(e) !== q.itemId) continue;
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


export async function importEvents(events: InventoryEvent[], opts?: ImportOptions): Promise<ImportResult> {
  if (problem$.value?.kind === 'outdated') return { ok: false, error: problem$.value.message };
  try {
    const { importEvents: importInto } = await import('./importer');
    const result = await importInto(engine(), events, opts);
    if (result.ok && problem$.value?.kind === 'quota') problem$.value = undefined;
    return result;
  } catch (err) {
    const { describeOpenError, isQuotaError } = await storageErrors();
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
