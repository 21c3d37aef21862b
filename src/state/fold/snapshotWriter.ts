// Snapshots of the folded state are caches: written every `every` events along a fold, at the head after a long
// one, one write in flight at a time, and never awaited for their outcome (a full disk loses nothing: the next one
// is tried later). While a fold runs ahead of its commit, they are held in memory until the commit is known.
import type { InventoryState } from '../../domain/inventory';
import { SNAPSHOT_FORMAT } from '../../store/constants';
import type { EventStore } from '../../store/eventStore';
import type { SnapshotRow } from '../../store/types';

/**
 * Events folded between snapshots: bounds the tail folded at startup and per time-travel seek (a seek at 1M
 * events reads up to three pages after its snapshot), at the cost of disk (a snapshot of 400 items is ~140 KB).
 * A multiple of PAGE_SIZE, so that a rebuild (a page at a time) and an import's fold snapshot the same moments.
 * Measurements behind the choice: docs/benchmarks.md.
 */
export const SNAPSHOT_EVERY = 2000;

/** A long fold that ends this many events past the last snapshot writes one at its end. */
const HEAD_SNAPSHOT_TAIL = 1000;

/** Held snapshots written per transaction on release: each transaction's end is a step of progress. */
export const RELEASE_GROUP = 25;

/** A write whose outcome does not matter, as something to wait for. */
export const quietly = (p: Promise<unknown>): Promise<void> =>
  p.then(
    () => undefined,
    () => undefined,
  );

export class SnapshotWriter {
  /** Event count and key of the state last snapshotted (or where the fold began). */
  private lastCount = 0;
  lastKey = '';
  /** The log version the fold under way describes: its snapshots are written only while the log is there. */
  version = 0;
  private write: Promise<void> = Promise.resolve();
  private held: SnapshotRow[] | undefined;

  constructor(
    private readonly store: EventStore,
    private readonly every: number,
    /** Progress of the held snapshots written after a release: so many of `total`. */
    private readonly onReleased?: (done: number, total: number) => void,
  ) {}

  /** A fold starts (or the head is taken over) at `state`: the next snapshot is due `every` events on. */
  startAt(state: InventoryState, key = state.lastKey): void {
    this.lastCount = state.eventCount;
    this.lastKey = key;
  }

  /** Where the next snapshot is counted from, to put back with `restore`. */
  mark(): { count: number; key: string } {
    return { count: this.lastCount, key: this.lastKey };
  }

  restore(mark: { count: number; key: string }): void {
    this.lastCount = mark.count;
    this.lastKey = mark.key;
  }

  /** Snapshots `state` when `every` events were folded since the last one (always, with `force`). */
  async maybe(state: InventoryState, force = false): Promise<void> {
    if (state.lastKey === '') return;
    if (!force && state.eventCount - this.lastCount < this.every) return;
    this.startAt(state);
    const row: SnapshotRow = { key: state.lastKey, format: SNAPSHOT_FORMAT, eventCount: state.eventCount, items: [...state.items.values()] };
    if (this.held) {
      this.held.push(row);
      return;
    }
    // Long folds wait for the last write before they return (settled), so a snapshot they made is there for the
    // next start; meanwhile the fold goes on.
    await this.write;
    this.write = quietly(this.store.putSnapshots([row], this.version));
  }

  /** The end of a long fold: a long tail is snapshotted now, so the next start folds almost nothing. */
  async finish(state: InventoryState): Promise<void> {
    if (state.eventCount - this.lastCount >= HEAD_SNAPSHOT_TAIL) await this.maybe(state, true);
    await this.write;
  }

  /** Resolves once every write begun so far has ended. */
  settled(): Promise<void> {
    return this.write;
  }

  /** From now on snapshots are held in memory (their events are not committed yet). */
  hold(): void {
    this.held = [];
  }

  /** The snapshots held so far, newest last (a fold ahead of its commit reads from them). */
  get holding(): readonly SnapshotRow[] {
    return this.held ?? [];
  }

  /** Ends holding and drops what was held: its events were not committed. */
  discard(): void {
    this.held = undefined;
  }

  /**
   * Ends holding, the events committed: the newest held snapshot is written and awaited (a start loads it and
   * folds little); the others only speed up time travel: written meanwhile, a group per transaction (at 1M
   * events they are ~500 and take a second to write, which is then not a second without progress), and awaited
   * by whoever needs them all (settled()).
   */
  async release(): Promise<void> {
    const held = this.held ?? [];
    this.held = undefined;
    if (held.length === 0) return;
    const head = held.pop()!;
    await quietly(this.store.putSnapshots([head], this.version));
    if (held.length) this.write = this.writeGroups(held, this.version);
  }

  private async writeGroups(rows: SnapshotRow[], version: number): Promise<void> {
    for (let i = 0; i < rows.length; i += RELEASE_GROUP) {
      // Refused (the log moved on) or failed (a full disk): the next groups would be too.
      const written = await this.store.putSnapshots(rows.slice(i, i + RELEASE_GROUP), version).catch(() => false);
      if (!written) return;
      this.onReleased?.(Math.min(i + RELEASE_GROUP, rows.length), rows.length);
    }
  }
}
