// The engine keeps the folded state at the head of history and advances it as events are appended. It never
// replays the whole log on an append: an event at the end of history is folded onto the current state; a late
// event (back-dated or merged) or an undo re-folds from the nearest snapshot before the earliest change.
import { batch, signal, type ReadonlySignal } from '@preact/signals';
import type { Command, Refusal } from '../domain/commands';
import { LIMITS, type InventoryEvent } from '../domain/events';
import { FUTURE_MS, historyKey, revertedAt, sortHistory, timeKey, TIME_KEY_LENGTH, type RevertRecord } from '../domain/history';
import { emptyState, fold, type InventoryState } from '../domain/inventory';
import type { FieldErrors } from '../domain/validation';
import { SNAPSHOT_FORMAT } from '../store/db';
import type { AppendOptions, HeadRow, Keyed, RevertRow, SnapshotRow } from '../store/types';
import { loadOnce } from '../lib/loadOnce';
import { makeYielder } from '../lib/yieldToMain';
import { Refold, revertIndex, type Checkpoint } from '../domain/refold';
import { EMPTY_HEAD, type EventStore } from '../store/eventStore';

const refuse = (error: string): Refusal => ({ ok: false, error });
// Loaded with the first command or undo, not at start (issue 6: initial JavaScript); the module is kept, so that a
// command does not pay for a dynamic import each time.
const decisions = loadOnce(() => import('./decisions'));

/**
 * Events folded between snapshots. Bounds the tail folded at startup and per time-travel seek. Issue 6: at 5,000 a
 * seek at 1M events read, decoded and folded up to 7 pages (p50 93 ms, p95 147 ms through the UI); at 3,000 it
 * reads up to 4. At 2,000 (since pages of an import refer to its file, whose text a seek reads after the page rows:
 * measured with the seek probe, p50 66 → 55 ms, p95 105–114 → 108–110 ms) it reads up to 3. A multiple of
 * PAGE_SIZE, so that a rebuild (which folds a page at a time) and an import's fold (WHOLE_CHUNK) snapshot the same
 * moments. The cost is disk: a snapshot of 400 items is ~140 KB, so 1M events keep ~70 MB of them (~46 MB at
 * 3,000), beside ~300 MB of pages.
 */
export const SNAPSHOT_EVERY = 2000;
const MAX_ATTEMPTS = 8;
/** 9999-12-31T23:59:59.999Z: the last instant an RFC 3339 time with a four-digit year can name. */
const LAST_MS = 253_402_300_799_999;
/** Events kept in memory behind the fold during a rebuild, so that undos of recent events refold cheaply. */
const CHECKPOINT_EVERY = 2000;
/** A rebuild that ends this many events past the last snapshot writes one at the head. */
const HEAD_SNAPSHOT_TAIL = 1000;
/** Events per fold call when a large batch lands after the head. */
const FOLD_SLICE = 1000;
/** A batch up to this size that lands after the head is shown before its write commits (foldAhead). */
const AHEAD_MAX = 100;
/**
 * Events per fold() call when an import into an empty log is folded from memory: fold copies each item it touches
 * once per call, so larger calls copy less; a call of 5,000 events takes ~10 ms. At 1M events the fold went from
 * 1.5–2.1 s to 1.5 s, within this machine's noise: a cheap change, not a measured win.
 */
const WHOLE_CHUNK = SNAPSHOT_EVERY;

/** A snapshot row as the exact state at its key. */
const positionedAt = (row: SnapshotRow): Checkpoint => ({ key: row.key, state: { items: new Map(row.items.map((i) => [i.id, i])), eventCount: row.eventCount, lastKey: row.key } });

/** A write whose outcome does not matter (snapshots are caches), as something to wait for. */
const quietly = (p: Promise<unknown>): Promise<void> => p.then(
  () => undefined,
  () => undefined,
);

/** The index of the first of `sorted` whose key is after `key` (binary search). */
function firstAfter(sorted: readonly Keyed[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]![0] <= key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export type ExecResult =
  | { ok: true; events: InventoryEvent[] }
  | { ok: false; error: string; fields?: FieldErrors; dependents?: InventoryEvent[] };

/** What changed in the log: the appended events when they all landed at the end of history, else a rebuild. */
export type LogChange = { version: number; appended?: InventoryEvent[] };

/**
 * An engine's head as another engine on the same database can take it over (adopt): the page takes the head an
 * import worker folded, with no read of the log or of a snapshot. Structured-cloneable.
 */
export interface HeadState {
  head: HeadRow;
  state: InventoryState;
  reverts: readonly RevertRecord[];
}

export interface EngineDeps {
  store: EventStore;
  clock: () => Date;
  newId: () => string;
  source: string;
  /** Called after this engine appended; tells other tabs. */
  announce?: (version: number) => void;
  /** Events folded between snapshots; SNAPSHOT_EVERY unless a test lowers it to exercise snapshots on small logs. */
  snapshotEvery?: number;
  /** Progress of a long fold (a rebuild, a large import): events folded so far, of about `total`. */
  onFold?: (done: number, total: number) => void;
}

type Positioned = Checkpoint;

/** A batch folded onto the head and shown before its write commits: `before` is what the head was. */
interface Ahead {
  before: InventoryState;
  state: InventoryState;
}

const EMPTY_KEY = '';

function* inChunks<T>(all: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < all.length; i += size) yield all.slice(i, i + size);
}

export class Engine {
  private readonly head$ = signal<InventoryState>(emptyState());
  private readonly version$ = signal(0);
  private readonly reverted$ = signal<ReadonlySet<string>>(new Set());
  private readonly count$ = signal(0);
  private readonly saving$ = signal(false);
  private headRow: HeadRow = EMPTY_HEAD;
  private reverts: RevertRecord[] = [];
  private lastSnapshotCount = 0;
  private lastSnapshotKey = '';
  private snapshotWrite: Promise<void> = Promise.resolve();
  /** The log version the fold under way describes: its snapshots are written only while the log is there. */
  private foldVersion = 0;
  /** While set, snapshots are collected here instead of written: their events are not committed yet. */
  private heldSnapshots: SnapshotRow[] | undefined;
  /** The fold of an import into an empty log, begun while its transaction commits (foldWhileCommitting). */
  private early: { run: Promise<InventoryState | undefined>; restore: () => void } | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly listeners = new Set<(c: LogChange) => void>();

  readonly state: ReadonlySignal<InventoryState> = this.head$;
  readonly version: ReadonlySignal<number> = this.version$;
  readonly revertedIds: ReadonlySignal<ReadonlySet<string>> = this.reverted$;
  readonly eventCount: ReadonlySignal<number> = this.count$;
  /** True while the head shows a command whose write has not committed yet (foldAhead). */
  readonly saving: ReadonlySignal<boolean> = this.saving$;

  constructor(private readonly deps: EngineDeps) {}

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
    this.setReverts(reverts);
    const state = await this.rebuildTo(head);
    this.publish(state, head);
    this.emit({ version: head.version });
  }

  private setReverts(rows: readonly RevertRecord[]): void {
    this.reverts = rows
      .map((r) => ({ id: r.id, key: r.key, eventIds: r.eventIds, minTargetKey: r.minTargetKey }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    this.named = undefined;
    this.undoneAfterAll = undefined;
  }

  private undoneAfterAll: Set<string> | undefined;
  /** revertedAt() for `key`; past the newest revert the answer is the same for every key, so it is kept. */
  private undoneAt(key: string): ReadonlySet<string> {
    const last = this.reverts[this.reverts.length - 1];
    if (!last || key < last.key) return revertedAt(this.reverts, key);
    return (this.undoneAfterAll ??= revertedAt(this.reverts, key));
  }

  private named: Set<string> | undefined;
  private namedByRevert(id: string): boolean {
    this.named ??= new Set(this.reverts.flatMap((r) => r.eventIds));
    return this.named.has(id);
  }

  private publish(state: InventoryState, head: HeadRow): void {
    this.headRow = head;
    // One update for whatever depends on several of these (computed values and effects run once).
    batch(() => {
      this.head$.value = state;
      this.reverted$.value = this.undoneAt(head.lastKey);
      this.count$.value = head.count;
      this.version$.value = head.version;
    });
  }

  /** The newest snapshot usable for the state at `toKey` (strictly before `below`, when given). */
  private async usableSnapshot(toKey: string, below?: string): Promise<Positioned> {
    for await (const row of this.store.snapshotsAtOrBefore(below !== undefined && below < toKey ? below : toKey)) {
      if (below !== undefined && row.key >= below) continue;
      if (row.key > toKey) continue;
      if (this.staleFor(row, toKey)) continue;
      return positionedAt(row);
    }
    return { key: EMPTY_KEY, state: emptyState() };
  }

  /** A revert after the snapshot that names an event at or before it changes the past the snapshot holds. */
  private staleFor(row: SnapshotRow, toKey: string): boolean {
    return this.reverts.some((r) => r.key > row.key && r.key <= toKey && r.minTargetKey <= row.key);
  }

  /** The state at history key `toKey` (inclusive): nearest usable snapshot, then one fold of the tail. */
  async stateAtKey(toKey: string): Promise<InventoryState> {
    // Usually one read (a time-travel seek): the snapshot and the few pages after it.
    const read = await this.store.readAt(toKey, (row) => !this.staleFor(row, toKey));
    if (read) {
      const skip = revertedAt(this.reverts, toKey);
      let state = read.snapshot ? positionedAt(read.snapshot).state : emptyState();
      for (const chunk of read.chunks) if (chunk.length) state = fold(state, chunk, skip);
      return state;
    }
    const start = await this.usableSnapshot(toKey);
    const skip = revertedAt(this.reverts, toKey);
    let state = start.state;
    for await (const chunk of this.store.readRange(start.key, toKey)) state = fold(state, chunk, skip);
    return state;
  }

  /**
   * The exact state at `toKey`, folded event by event from the nearest snapshot so that every intermediate
   * state is the true state at its key; snapshots are written along the way every SNAPSHOT_EVERY events.
   */
  private async rebuildTo(head: HeadRow, whole?: readonly InventoryEvent[], reread: (key: string) => Promise<InventoryState> = (key) => this.stateAtKey(key)): Promise<InventoryState> {
    const toKey = head.lastKey;
    this.foldVersion = head.version;
    const start = whole ? { key: EMPTY_KEY, state: emptyState() } : await this.usableSnapshot(toKey);
    const total = Math.max(0, head.count - start.state.eventCount);
    let done = 0;
    const pause = makeYielder();
    this.lastSnapshotCount = start.state.eventCount;
    this.lastSnapshotKey = start.key;
    const refold = new Refold(start, revertIndex(this.reverts), CHECKPOINT_EVERY);
    const chunks = whole ? inChunks(whole, WHOLE_CHUNK) : this.store.readRange(start.key, toKey);
    for await (const chunk of chunks) {
      let rest: readonly InventoryEvent[] = chunk;
      for (let stop = refold.fold(rest); stop; stop = refold.fold(rest)) {
        refold.resume(await reread(stop.key));
        rest = stop.rest;
      }
      this.deps.onFold?.((done = Math.min(total, done + chunk.length)), total);
      await this.maybeSnapshot(refold.state);
      await pause();
    }
    const state = refold.state;
    // A long tail at the head (a rebuild, an import) is snapshotted now, so the next start folds almost nothing.
    if (state.eventCount - this.lastSnapshotCount >= HEAD_SNAPSHOT_TAIL) await this.maybeSnapshot(state, true);
    await this.snapshotWrite;
    return state;
  }

  /** Resolves once every snapshot write begun so far has ended (its outcome does not matter: they are caches). */
  async settled(): Promise<void> {
    await this.snapshotWrite;
  }

  /** The head, its state and the reverts, for adopt() by another engine on the same database. */
  headState(): HeadState {
    // Not copied: the taker copies them into its own records (setReverts), and a worker's message is a clone.
    return { head: this.headRow, state: this.head$.peek(), reverts: this.reverts };
  }

  /**
   * Takes over the head another engine on this database folded (an import worker: issue 6, reading it back
   * from the snapshot the worker wrote took the page ~0.14 s at 1M events, 0.02 s this way). It is the
   * log's state at its version, so it is true whatever came after; anything later arrives as any other tab's
   * write does. Ignored when this engine is already there or beyond.
   */
  adopt(taken: HeadState): Promise<void> {
    return this.serial(async () => {
      if (taken.head.version <= this.headRow.version) return;
      this.setReverts(taken.reverts);
      // Its snapshot is the other engine's to write (an import worker has written it before it answers); the
      // next one here is due SNAPSHOT_EVERY events on.
      this.lastSnapshotCount = taken.state.eventCount;
      this.publish(taken.state, taken.head);
      this.emit({ version: taken.head.version });
    });
  }

  /**
   * Writes a snapshot of the head, so that the next start (or the tab that imported in a worker) loads it and
   * folds no tail. Called after an import, a rebuild, and when the tab is hidden.
   */
  snapshotHead(): Promise<void> {
    return this.serial(async () => {
      if (this.headRow.lastKey === this.lastSnapshotKey) return;
      this.foldVersion = this.headRow.version;
      await this.maybeSnapshot(this.head$.value, true);
      await this.snapshotWrite;
    });
  }

  private async maybeSnapshot(state: InventoryState, force = false): Promise<void> {
    if (state.lastKey === '') return;
    if (!force && state.eventCount - this.lastSnapshotCount < (this.deps.snapshotEvery ?? SNAPSHOT_EVERY)) return;
    this.lastSnapshotCount = state.eventCount;
    this.lastSnapshotKey = state.lastKey;
    const row: SnapshotRow = { key: state.lastKey, format: SNAPSHOT_FORMAT, eventCount: state.eventCount, items: [...state.items.values()] };
    if (this.heldSnapshots) {
      this.heldSnapshots.push(row);
      return;
    }
    // One write in flight while the fold goes on (a rebuild of 1M events writes 200); long folds wait for the
    // last one before they return, so a snapshot they made is there for the next start.
    await this.snapshotWrite;
    // A snapshot is a cache of the fold, not part of the log: failing to write one (a full disk) loses nothing
    // and must not turn a saved command into a failure. The next one is tried later.
    this.snapshotWrite = quietly(this.store.putSnapshots([row], this.foldVersion));
  }

  /** Advances the in-memory state after `events` were appended and the log is at `head`. */
  private async applyAppended(sorted: readonly Keyed[], head: HeadRow, wholeLog = false, ahead?: Ahead): Promise<void> {
    const oldKey = this.headRow.lastKey;
    this.foldVersion = head.version;
    const events = sorted.map((s) => s[1]);
    if (wholeLog) {
      // An import into an empty log: the events in memory are the whole log, no need to read it back.
      const early = await this.takeEarly(true);
      if (!early) this.setReverts(await this.store.reverts());
      const state = early ?? (await this.rebuildTo(head, events));
      this.publish(state, head);
      this.emit({ version: head.version });
      return;
    }
    const hasRevert = events.some((e) => e.type === 'EventsReverted');
    // Also when an event arrives after a revert that names it: the store lowered that revert's minTargetKey.
    if (hasRevert || (this.reverts.length && events.some((e) => this.namedByRevert(e.id)))) this.setReverts(await this.store.reverts());
    let state: InventoryState;
    if (!hasRevert && sorted.length > 0 && sorted[0]![0] > oldKey) {
      // The fold shown ahead of the commit is this very fold (same head, same events in the same order, same
      // undone set: nothing after the newest undo changes it), unless something replaced the head meanwhile.
      if (ahead && this.head$.peek() === ahead.state) state = ahead.state;
      else if (events.length > FOLD_SLICE) state = await this.foldInSlices(this.takeBack(ahead), events, this.undoneAt(head.lastKey));
      else state = fold(this.takeBack(ahead), events, this.undoneAt(head.lastKey));
      this.publish(state, head);
      this.emit({ version: head.version, appended: events });
      await this.maybeSnapshot(state);
      return;
    }
    state = await this.rebuildTo(head);
    this.publish(state, head);
    this.emit({ version: head.version });
  }

  /**
   * Begins the fold of a batch written into an empty log while IndexedDB commits it (issue 6: at 1M events the
   * commit is a ~1 s wait, the fold ~1.5 s of work). Its snapshots are held in memory until the commit is known
   * (takeEarly); an undo it cannot refold from its checkpoint is refolded from those held snapshots
   * (heldStateAt), since the log cannot be read before the commit. A fold that fails is thrown away and done again
   * after the commit.
   */
  private foldWhileCommitting(sorted: readonly Keyed[], reverts: readonly RevertRow[]): void {
    const before = { reverts: this.reverts, count: this.lastSnapshotCount, key: this.lastSnapshotKey };
    const restore = () => {
      this.reverts = before.reverts;
      this.named = undefined;
      this.undoneAfterAll = undefined;
      this.lastSnapshotCount = before.count;
      this.lastSnapshotKey = before.key;
      this.heldSnapshots = undefined;
    };
    this.heldSnapshots = [];
    this.setReverts([...reverts]);
    const head: HeadRow = { version: this.headRow.version + 1, count: sorted.length, lastKey: sorted[sorted.length - 1]![0] };
    const run = this.rebuildTo(head, sorted.map((k) => k[1]), (key) => Promise.resolve(this.heldStateAt(sorted, key))).catch(() => {
      restore();
      return undefined;
    });
    this.early = { run, restore };
  }

  /**
   * stateAtKey for the early fold, whose log is not committed yet: from the nearest held snapshot usable at
   * `toKey` (the same test as usableSnapshot), then the batch's events after it, from memory.
   */
  private heldStateAt(sorted: readonly Keyed[], toKey: string): InventoryState {
    const held = this.heldSnapshots ?? [];
    let start: Positioned = { key: EMPTY_KEY, state: emptyState() };
    for (let i = held.length - 1; i >= 0; i--) {
      const row = held[i]!;
      if (row.key > toKey || this.staleFor(row, toKey)) continue;
      start = positionedAt(row);
      break;
    }
    const from = firstAfter(sorted, start.key);
    const to = firstAfter(sorted, toKey);
    const events: InventoryEvent[] = new Array(to - from);
    for (let i = from; i < to; i++) events[i - from] = sorted[i]![1];
    return fold(start.state, events, revertedAt(this.reverts, toKey));
  }

  /**
   * The early fold's state once its batch committed (the newest held snapshot written, the others being written),
   * or undefined when
   * there was none or it gave up. `committed` false: the batch was not written, the fold is thrown away.
   */
  private async takeEarly(committed: boolean): Promise<InventoryState | undefined> {
    const early = this.early;
    if (!early) return undefined;
    this.early = undefined;
    const state = await early.run;
    const held = this.heldSnapshots ?? [];
    this.heldSnapshots = undefined;
    if (!committed) {
      early.restore();
      return undefined;
    }
    if (state && held.length) {
      // The newest first, awaited: a start (the page after a worker's import) loads it and folds little. The
      // others (~500 rows at 1M events) only speed up time travel: written meanwhile, and awaited by whoever
      // needs them all (settled(): an import worker, before it answers).
      const head = held.pop()!;
      const { foldVersion } = this;
      await quietly(this.store.putSnapshots([head], foldVersion));
      if (held.length) this.snapshotWrite = quietly(this.store.putSnapshots(held, foldVersion));
    }
    return state;
  }

  /**
   * Folds many events that all land after the head (a large import onto an existing log) in slices, with
   * progress and snapshots along the way: time travel into them then starts near its target, not before them.
   * Correct because such a batch holds no revert, so the undone set is the same at every key in it.
   */
  private async foldInSlices(from: InventoryState, events: readonly InventoryEvent[], skip: ReadonlySet<string>): Promise<InventoryState> {
    const pause = makeYielder();
    let state = from;
    for (let i = 0; i < events.length; i += FOLD_SLICE) {
      state = fold(state, events.slice(i, i + FOLD_SLICE), skip);
      this.deps.onFold?.(Math.min(events.length, i + FOLD_SLICE), events.length);
      await this.maybeSnapshot(state);
      await pause();
    }
    if (state.eventCount - this.lastSnapshotCount >= HEAD_SNAPSHOT_TAIL) await this.maybeSnapshot(state, true);
    await this.snapshotWrite;
    return state;
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

  private context(correlationId?: string) {
    return { now: this.stamp(), newId: this.deps.newId, source: this.deps.source, ...(correlationId ? { correlationId } : {}) };
  }

  /**
   * A command's time: the clock's. A command is decided against the head, so when the head is at the clock's
   * time or up to FUTURE_MS ahead of it (a clock set back, another device's event at this very millisecond whose
   * id sorts after ours), it is stamped just after the head instead: otherwise a count made elsewhere at the same
   * instant could silently override what the user just did. Future-dated events (a device whose clock was wrong)
   * do not drag local times along: the command takes its place before them, checked there (checkInPlace).
   */
  private stamp(): string {
    const now = this.deps.clock();
    const iso = now.toISOString();
    const headTime = this.headRow.lastKey.slice(0, TIME_KEY_LENGTH);
    if (!headTime || timeKey(iso)! > headTime) return iso;
    const after = Date.parse(`${headTime.slice(0, 23)}Z`) + 1;
    return after - now.getTime() <= FUTURE_MS && after <= LAST_MS ? new Date(after).toISOString() : iso;
  }

  /**
   * A refusal when `events`, stamped before the head's last event, would not do at their place in history what
   * they were decided to do at the head.
   */
  private async checkInPlace(events: readonly InventoryEvent[]): Promise<Refusal | undefined> {
    const sorted = sortHistory([...events]);
    const first = historyKey(sorted[0]!);
    if (first > this.headRow.lastKey) return undefined;
    const start = await this.stateBefore(first);
    const merged: InventoryEvent[] = [...sorted];
    for await (const chunk of this.store.readRange(start.key, this.headRow.lastKey)) merged.push(...chunk);
    const problem = (await decisions()).checkInPlace(start.state, sortHistory(merged), sorted, this.undoneAt(this.headRow.lastKey), this.head$.peek());
    if (!problem) return undefined;
    const latest = `${this.headRow.lastKey.slice(0, 16).replace('T', ' ')} UTC`;
    const why = `the log holds events dated after this device's clock (the latest at ${latest}; the device that recorded them probably had a wrong clock)`;
    if (problem.kind === 'breaks') return refuse(`Not saved: ${why}, and recorded now, before them, this would leave a negative quantity or act on an item that does not exist yet.`);
    const name = this.head$.peek().items.get(problem.by.type === 'EventsReverted' ? '' : problem.by.data.itemId)?.name ?? 'this item';
    const when = `${new Date(Date.parse(problem.by.time)).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
    return refuse(`Not saved: ${why}. An event dated ${when} would override this for “${name}”. Undo that event in History first.`);
  }

  /**
   * Shows a command's events before they are written (issue 6: the write is a round trip to IndexedDB of 3–6 ms
   * and more on a busy machine, and the table should change within the frame of the click). Only for a few
   * events that land after the head, undo nothing and are named by no undo: the fold the commit would make
   * from the same head, so the commit changes nothing on screen. The write is still awaited before the command
   * is reported done; if it fails or another tab wrote first, the head is put back (takeBack) before anything
   * else runs (the engine is serial), and the user is told as before.
   */
  private foldAhead(events: readonly InventoryEvent[]): Ahead | undefined {
    if (events.length === 0 || events.length > AHEAD_MAX) return undefined;
    const keyed = events.map((e) => [historyKey(e), e] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    if (keyed[0]![0] <= this.headRow.lastKey) return undefined;
    if (events.some((e) => e.type === 'EventsReverted' || (this.reverts.length > 0 && this.namedByRevert(e.id)))) return undefined;
    const before = this.head$.peek();
    const state = fold(
      before,
      keyed.map((k) => k[1]),
      this.undoneAt(this.headRow.lastKey),
    );
    this.head$.value = state;
    return { before, state };
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
  private async appendWithRetry(
    make: () => Promise<{ ok: true; events: InventoryEvent[]; opts?: AppendOptions } | { ok: false; error: string; fields?: FieldErrors; dependents?: InventoryEvent[] }>,
  ): Promise<ExecResult> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const made = await make();
      if (!made.ok) {
        // A refusal must be about the latest log, not about what this tab last heard from the others.
        if ((await this.store.readHead()).version === this.headRow.version) return made;
        await this.catchUpNow();
        continue;
      }
      // Into an empty log, a large batch is folded while its transaction commits.
      const opts: AppendOptions | undefined =
        this.headRow.count === 0 && made.events.length > FOLD_SLICE ? { ...made.opts, whileCommitting: (sorted, reverts) => this.foldWhileCommitting(sorted, reverts) } : made.opts;
      const ahead = this.headRow.count > 0 ? this.foldAhead(made.events) : undefined;
      if (ahead) this.saving$.value = true;
      let res;
      try {
        res = await this.store.append(made.events, this.headRow.version, opts);
      } catch (err) {
        this.takeBack(ahead);
        await this.takeEarly(false);
        throw err;
      } finally {
        this.saving$.value = false;
      }
      if (!res.ok) {
        this.takeBack(ahead);
        await this.takeEarly(false);
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
        const decided = (await decisions()).decide(cmd, this.head$.value, this.context());
        return decided.ok ? ((await this.checkInPlace(decided.events)) ?? decided) : decided;
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

  /** Throws away every snapshot and folds the whole log again (repairs a damaged cache; used by benchmarks). */
  rebuild(): Promise<void> {
    return this.serial(async () => {
      await this.store.deleteSnapshots();
      await this.reload();
    });
  }

  private async decideUndo(eventIds: string[], reason?: string) {
    const found = await this.store.findEvents(eventIds);
    const missing = eventIds.filter((id) => !found.has(id));
    if (missing.length) return refuse(`${missing.length === 1 ? 'An event' : `${missing.length} events`} to undo ${missing.length === 1 ? 'is' : 'are'} not in the log.`);
    const oldSkip = this.undoneAt(this.headRow.lastKey);
    const pending = eventIds.filter((id) => !oldSkip.has(id));
    if (pending.length === 0) return refuse(eventIds.length === 1 ? 'This was already undone.' : 'These were already undone.');
    // Several EventsReverted (a large group) share one correlation id, so they are undone and redone together.
    const { decideRevert, findDependents } = await decisions();
    const decided = decideRevert(pending, reason, this.context(pending.length > LIMITS.revertIds ? this.deps.newId() : undefined));
    if (!decided.ok) return decided;
    const keyOf = new Map([...found.values()].map((e) => [e.id, historyKey(e)]));
    const records: RevertRecord[] = decided.events.map((e) => ({ id: e.id, key: historyKey(e), eventIds: (e.data as { eventIds: string[] }).eventIds, minTargetKey: '' }));
    const newKey = records[records.length - 1]!.key;
    // As of the head: reverts dated after this one (from a clock that ran ahead) count there too.
    const newSkip = revertedAt([...this.reverts, ...records], newKey > this.headRow.lastKey ? newKey : this.headRow.lastKey);
    // The earliest event whose inclusion changes: a target, or (for a redo) what the undone revert named.
    let earliest = newKey;
    for (const id of pending) {
      const own = keyOf.get(id)!;
      const undone = this.reverts.find((x) => x.id === id)?.minTargetKey;
      const k = undone !== undefined && undone < own ? undone : own;
      if (k < earliest) earliest = k;
    }
    const start = await this.stateBefore(earliest);
    const after: InventoryEvent[] = [];
    for await (const chunk of this.store.readRange(start.key, this.headRow.lastKey)) after.push(...chunk);
    const dependents = findDependents(start.state, after, oldSkip, newSkip);
    if (dependents.length) {
      return { ok: false as const, error: `Cannot undo: ${dependents.length === 1 ? 'a later event depends' : `${dependents.length} later events depend`} on it.`, dependents };
    }
    return { ok: true as const, events: decided.events, opts: { targetKey: (id: string) => keyOf.get(id) } };
  }

  /** A state strictly before `key`, positioned at its last folded key. */
  private async stateBefore(key: string): Promise<Positioned> {
    // Usable up to the head: the check folds with the head's set of undone events.
    const start = await this.usableSnapshot(this.headRow.lastKey, key);
    const skip = revertedAt(this.reverts, this.headRow.lastKey);
    let state = start.state;
    let lastKey = start.key;
    for await (const chunk of this.store.readRange(start.key, key)) {
      const before = chunk.filter((e) => historyKey(e) < key);
      if (before.length) {
        state = fold(state, before, skip);
        lastKey = state.lastKey;
      }
    }
    return { state, key: lastKey };
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
