// The fold of a large batch written into an empty log, begun while IndexedDB commits it (at 1M events the commit
// is a ~1 s wait and the fold ~1.5 s of work, so they overlap). Its snapshots are held in memory until the commit
// is known; an undo it cannot refold from its checkpoint is refolded from those held snapshots, since the log
// cannot be read before the commit. A fold that fails, or whose batch is not committed, is thrown away and the
// engine is left as it was.
import type { InventoryEvent } from '../../domain/events';
import { revertedAt } from '../../domain/history';
import { fold, type InventoryState } from '../../domain/inventory';
import type { Checkpoint } from '../../domain/refold';
import type { HeadRow, Keyed, RevertRow } from '../../store/types';
import { foldHistory, type FoldDeps } from './foldHistory';
import { positionedAt, START } from './seek';

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

export class EarlyFold {
  private run: Promise<InventoryState | undefined> | undefined;
  private restore: (() => void) | undefined;

  constructor(private readonly deps: FoldDeps) {}

  /** Starts folding `sorted` (the whole log once committed, with its undo rows `reverts`) onto nothing. */
  begin(sorted: readonly Keyed[], reverts: readonly RevertRow[], version: number): void {
    const { undos, snapshots } = this.deps;
    const before = { undos: undos.all, snapshot: snapshots.mark() };
    this.restore = () => {
      undos.set(before.undos);
      snapshots.discard();
      snapshots.restore(before.snapshot);
    };
    snapshots.hold();
    undos.set(reverts);
    const head: HeadRow = { version, count: sorted.length, lastKey: sorted[sorted.length - 1]![0] };
    this.run = foldHistory(this.deps, head, sorted.map((k) => k[1]), (key) => Promise.resolve(this.heldStateAt(sorted, key))).catch(() => {
      this.restore?.();
      return undefined;
    });
  }

  /**
   * The fold's state once its batch committed (the newest held snapshot written, the others being written), or
   * undefined when there was none or it gave up. `committed` false: the batch was not written; thrown away.
   */
  async take(committed: boolean): Promise<InventoryState | undefined> {
    const { run, restore } = this;
    if (!run) return undefined;
    this.run = this.restore = undefined;
    const state = await run;
    if (!committed) {
      restore!();
      return undefined;
    }
    if (state) await this.deps.snapshots.release();
    else this.deps.snapshots.discard();
    return state;
  }

  /** The state at `toKey` for a fold whose log is not committed: nearest held snapshot, then the batch from memory. */
  private heldStateAt(sorted: readonly Keyed[], toKey: string): InventoryState {
    const held = this.deps.snapshots.holding;
    let start: Checkpoint = START;
    for (let i = held.length - 1; i >= 0; i--) {
      const row = held[i]!;
      if (row.key > toKey || this.deps.undos.staleFor(row, toKey)) continue;
      start = positionedAt(row);
      break;
    }
    const from = firstAfter(sorted, start.key);
    const to = firstAfter(sorted, toKey);
    const events: InventoryEvent[] = new Array(to - from);
    for (let i = from; i < to; i++) events[i - from] = sorted[i]![1];
    return fold(start.state, events, revertedAt(this.deps.undos.all, toKey));
  }
}
