// The engine keeps the folded state at the head of history and advances it as events are appended: an event at
// the end of history is folded onto the current state; a late event (back-dated or merged) or an undo refolds
// from the nearest snapshot before the earliest change. It runs one operation at a time (serial), so appends,
// catch-ups and folds never interleave. Its parts: fold/ (folding history, snapshots, the undo index, seeks) and
// checks.ts (what commands and undos read from the log before they are decided).
import { batch, signal, type ReadonlySignal } from '@preact/signals';
import type { Command, Refusal } from '../domain/commands';
import type { InventoryEvent } from '../domain/events';
import { historyKey } from '../domain/history';
import { emptyState, fold, type InventoryState } from '../domain/inventory';
import { loadOnce } from '../lib/loadOnce';
import { EMPTY_HEAD } from '../store/constants';
import type { EventStore } from '../store/eventStore';
import type { AppendOptions, HeadRow, Keyed, RevertRow } from '../store/types';
import { foldAhead, type Ahead } from './fold/ahead';
import type { EarlyFold } from './fold/earlyFold';
import { FOLD_SLICE, foldHistory, foldInSlices, type FoldDeps } from './fold/foldHistory';
import { stateAtKey } from './fold/seek';
import { SNAPSHOT_EVERY, SnapshotWriter } from './fold/snapshotWriter';
import { UndoIndex } from './fold/undoIndex';
import type { EngineDeps, ExecResult, HeadState, LogChange, Made } from './engineTypes';

export { SNAPSHOT_EVERY };
export type { EngineDeps, ExecResult, HeadState, LogChange };

const refuse = (error: string): Refusal => ({ ok: false, error });
// Loaded with the first command or undo, not at start (initial JavaScript); kept, so a command pays for the
// dynamic import once.
const decisions = loadOnce(() => import('./decisions'));
/** Fetches the command rules and the store's write path ahead of the first command (so it works should the network drop before it). */
export const preloadCommandRules = (store: EventStore): Promise<unknown> => Promise.all([decisions(), store.preloadWrites()]);
// Only an import into an empty log folds while it commits.
const earlyFold = loadOnce(() => import('./fold/earlyFold'));

const MAX_ATTEMPTS = 8;

export class Engine {
  private readonly head$ = signal<InventoryState>(emptyState());
  private readonly version$ = signal(0);
  private readonly reverted$ = signal<ReadonlySet<string>>(new Set());
  private readonly count$ = signal(0);
  private readonly saving$ = signal(false);
  private headRow: HeadRow = EMPTY_HEAD;
  private readonly undos = new UndoIndex();
  private readonly snapshots: SnapshotWriter;
  private readonly folds: FoldDeps;
  /** The fold of an import into an empty log, begun while its transaction commits. */
  private early: EarlyFold | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly listeners = new Set<(c: LogChange) => void>();

  readonly state: ReadonlySignal<InventoryState> = this.head$;
  readonly version: ReadonlySignal<number> = this.version$;
  readonly revertedIds: ReadonlySignal<ReadonlySet<string>> = this.reverted$;
  readonly eventCount: ReadonlySignal<number> = this.count$;
  /** True while the head shows a command whose write has not committed yet (foldAhead). */
  readonly saving: ReadonlySignal<boolean> = this.saving$;

  constructor(private readonly deps: EngineDeps) {
    this.snapshots = new SnapshotWriter(deps.store, deps.snapshotEvery ?? SNAPSHOT_EVERY, deps.onSnapshots);
    this.folds = { store: deps.store, undos: this.undos, snapshots: this.snapshots, ...(deps.onFold ? { onFold: deps.onFold } : {}) };
  }

  /** Called after every change of the head, with the events when they were folded incrementally. */
  onChange(listener: (c: LogChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(c: LogChange): void {
    for (const l of this.listeners) l(c);
  }

  get store(): EventStore {
    return this.deps.store;
  }

  /** Runs `fn` after every earlier engine operation: appends and catch-ups never interleave. */
  serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  load(): Promise<void> {
    return this.serial(() => this.reload());
  }

  private async reload(): Promise<void> {
    const [head, reverts] = await this.store.readHeadAndReverts();
    this.undos.set(reverts);
    this.show(await foldHistory(this.folds, head), head);
  }

  /** Publishes `state` as the head at `head` and tells the listeners. */
  private show(state: InventoryState, head: HeadRow, appended?: InventoryEvent[]): void {
    this.headRow = head;
    // One update for whatever depends on several of these (computed values and effects run once).
    batch(() => {
      this.head$.value = state;
      this.reverted$.value = this.undos.undoneAt(head.lastKey);
      this.count$.value = head.count;
      this.version$.value = head.version;
    });
    this.emit(appended ? { version: head.version, appended } : { version: head.version });
  }

  /** The state at history key `toKey` (inclusive): nearest usable snapshot, then one fold of the tail. */
  stateAtKey(toKey: string): Promise<InventoryState> {
    return stateAtKey(this.folds, toKey);
  }

  /** Resolves once every snapshot write begun so far has ended (its outcome does not matter: they are caches). */
  settled(): Promise<void> {
    return this.snapshots.settled();
  }

  /** The head, its state and the reverts, for adopt() by another engine on the same database. */
  headState(): HeadState {
    // Not copied: the taker copies them into its own records (UndoIndex.set), and a worker's message is a clone.
    return { head: this.headRow, state: this.head$.peek(), reverts: this.undos.all };
  }

  /**
   * Takes over the head another engine on this database folded (an import worker), with no read. It is the log's
   * state at its version, so it is true whatever came after; anything later arrives as any other tab's write
   * does. Ignored when this engine is already there or beyond.
   */
  adopt(taken: HeadState): Promise<void> {
    return this.serial(async () => {
      if (taken.head.version <= this.headRow.version) return;
      this.undos.set(taken.reverts);
      // Its snapshot is the other engine's to write (an import worker has written it before it answers); the
      // next one here is due SNAPSHOT_EVERY events on.
      this.snapshots.startAt(taken.state);
      this.show(taken.state, taken.head);
    });
  }

  /**
   * Writes a snapshot of the head, so that the next start (or the tab that imported in a worker) loads it and
   * folds no tail. Called after an import, a rebuild, and when the tab is hidden.
   */
  snapshotHead(): Promise<void> {
    return this.serial(async () => {
      if (this.headRow.lastKey === this.snapshots.lastKey) return;
      this.snapshots.version = this.headRow.version;
      await this.snapshots.maybe(this.head$.value, true);
      await this.snapshots.settled();
    });
  }

  /** Advances the in-memory state after `sorted` were appended and the log is at `head`. */
  private async applyAppended(sorted: readonly Keyed[], head: HeadRow, wholeLog = false, ahead?: Ahead): Promise<void> {
    const oldKey = this.headRow.lastKey;
    this.snapshots.version = head.version;
    const events = sorted.map((s) => s[1]);
    if (wholeLog) {
      // An import into an empty log: the events in memory are the whole log, no need to read it back.
      const early = await this.early?.take(true);
      if (!early) this.undos.set(await this.store.reverts());
      return this.show(early ?? (await foldHistory(this.folds, head, events)), head);
    }
    const hasRevert = events.some((e) => e.type === 'EventsReverted');
    // Also when an event arrives after a revert that names it: the store lowered that revert's minTargetKey.
    if (hasRevert || events.some((e) => this.undos.names(e.id))) this.undos.set(await this.store.reverts());
    if (hasRevert || sorted.length === 0 || sorted[0]![0] <= oldKey) return this.show(await foldHistory(this.folds, head), head);
    // The fold shown ahead of the commit is this very fold (same head, same events in the same order, same undone
    // set: nothing after the newest undo changes it), unless something replaced the head meanwhile.
    const skip = this.undos.undoneAt(head.lastKey);
    let state: InventoryState;
    if (ahead && this.head$.peek() === ahead.state) state = ahead.state;
    else if (events.length > FOLD_SLICE) state = await foldInSlices(this.folds, this.takeBack(ahead), events, skip);
    else state = fold(this.takeBack(ahead), events, skip);
    this.show(state, head, events);
    await this.snapshots.maybe(state);
  }

  /** Brings this tab up to date with what other tabs appended. */
  catchUp(): Promise<void> {
    return this.serial(() => this.catchUpNow());
  }

  private async catchUpNow(): Promise<void> {
    const rows = await this.store.journalSince(this.headRow.version);
    if (rows === 'gap') return this.reload();
    for (const row of rows) {
      const head = { version: row.version, count: this.headRow.count + row.events!.length, lastKey: this.headRow.lastKey };
      for (const e of row.events!) {
        const k = historyKey(e);
        if (k > head.lastKey) head.lastKey = k;
      }
      // The journal holds each write's events in history order, as the store sorted them.
      await this.applyAppended(row.events!.map((e) => [historyKey(e), e] as const), head);
    }
  }

  /** What decide() needs besides the state: the command's time (checks.ts stamp), ids, this device. */
  private context(stamp: (now: Date, headKey: string) => string, correlationId?: string) {
    return { now: stamp(this.deps.clock(), this.headRow.lastKey), newId: this.deps.newId, source: this.deps.source, ...(correlationId ? { correlationId } : {}) };
  }

  /** The head as the checks of checks.ts read it. */
  private at() {
    return { store: this.store, undos: this.undos, head: this.headRow, state: this.head$.peek() };
  }

  /** Shows a command's events before they are written, when fold/ahead.ts says it may. */
  private foldAhead(events: readonly InventoryEvent[]): Ahead | undefined {
    const ahead = foldAhead(this.head$.peek(), this.headRow.lastKey, events, this.undos);
    if (ahead) this.head$.value = ahead.state;
    return ahead;
  }

  /** Puts the head back as it was before `ahead` was shown, if it still shows it; the head either way. */
  private takeBack(ahead: Ahead | undefined): InventoryState {
    if (ahead && this.head$.peek() === ahead.state) this.head$.value = ahead.before;
    return this.head$.peek();
  }

  /**
   * Appends events made by `make` against the latest state; retries when another tab appended in between
   * (optimistic concurrency: the store refuses a write made against an old version).
   */
  private async appendWithRetry(make: () => Promise<Made>): Promise<ExecResult> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const made = await make();
      if (!made.ok) {
        // A refusal must be about the latest log, not about what this tab last heard from the others.
        if ((await this.store.readHead()).version === this.headRow.version) return made;
        await this.catchUpNow();
        continue;
      }
      // Into an empty log, a large batch is folded while its transaction commits.
      let opts = made.opts;
      if (this.headRow.count === 0 && made.events.length > FOLD_SLICE) {
        const early = (this.early ??= new (await earlyFold()).EarlyFold(this.folds));
        const version = this.headRow.version + 1;
        opts = { ...opts, whileCommitting: (sorted: readonly Keyed[], reverts: readonly RevertRow[]) => early.begin(sorted, reverts, version) };
      }
      const ahead = this.headRow.count > 0 ? this.foldAhead(made.events) : undefined;
      if (ahead) this.saving$.value = true;
      let res;
      try {
        res = await this.store.append(made.events, this.headRow.version, opts);
      } catch (err) {
        this.takeBack(ahead);
        await this.early?.take(false);
        throw err;
      } finally {
        this.saving$.value = false;
      }
      if (!res.ok) {
        this.takeBack(ahead);
        await this.early?.take(false);
        await this.catchUpNow();
        continue;
      }
      // The store already keyed and sorted the events: a million-event import is not keyed twice.
      await this.applyAppended(res.sorted, res.head, res.wasEmpty, ahead);
      this.deps.announce?.(res.head.version);
      return { ok: true, events: made.events };
    }
    return refuse('Another tab kept changing the log; nothing was saved. Please try again.');
  }

  execute(cmd: Command): Promise<ExecResult> {
    return this.serial(() =>
      this.appendWithRetry(async () => {
        const { decide, refusalInPlace, stamp } = await decisions();
        const decided = decide(cmd, this.head$.value, this.context(stamp));
        return decided.ok ? ((await refusalInPlace(this.at(), decided.events)) ?? decided) : decided;
      }),
    );
  }

  /** Undo (or, for an EventsReverted, redo) the named events, refusing when later events depend on them. */
  undo(eventIds: string[], reason?: string): Promise<ExecResult> {
    return this.serial(() => this.appendWithRetry(() => this.decideUndo(eventIds, reason)));
  }

  /** Undo every event of one user action (a bulk edit, an import) in one step. */
  undoGroup(correlationId: string, reason?: string): Promise<ExecResult> {
    return this.serial(async () => {
      const ids = await this.store.idsOfGroup(correlationId);
      if (ids.length === 0) return refuse('No events belong to this group.');
      return this.appendWithRetry(() => this.decideUndo(ids, reason));
    });
  }

  /** Undo everything one import added. */
  undoImport(importId: string): Promise<ExecResult> {
    return this.serial(async () => {
      const ids = await this.store.importedIds(importId);
      if (!ids) return refuse('This import is not recorded in the log.');
      return this.appendWithRetry(() => this.decideUndo(ids, 'import undone'));
    });
  }

  private async decideUndo(eventIds: readonly string[], reason?: string): Promise<Made> {
    const { decideUndo, stamp } = await decisions();
    return decideUndo(this.at(), eventIds, reason, (correlationId) => this.context(stamp, correlationId), () => this.deps.newId());
  }

  /** Throws away every snapshot and folds the whole log again (repairs a damaged cache; used by benchmarks). */
  rebuild(): Promise<void> {
    return this.serial(async () => {
      await this.store.deleteSnapshots();
      await this.reload();
    });
  }

  /** Appends already-validated events from an import in one transaction (see importEvents in app.ts). */
  appendPrepared(prepare: () => Promise<{ ok: true; events: InventoryEvent[]; opts?: AppendOptions } | { ok: false; error: string }>): Promise<ExecResult> {
    return this.serial(() => this.appendWithRetry(prepare));
  }

  /** A fresh event id (UUIDv7). */
  newId(): string {
    return this.deps.newId();
  }

  /** The engine's clock. */
  now(): Date {
    return this.deps.clock();
  }

  get head(): HeadRow {
    return this.headRow;
  }

  /** Events undone as of the head (for folds over the whole log). */
  revertedNow(): ReadonlySet<string> {
    return this.reverted$.peek();
  }
}
