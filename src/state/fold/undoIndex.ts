// The log's undos as the engine needs them: in history order, with the answers asked on every fold and command
// kept until the undos change (set() is the one place that forgets them).
import { revertedAt, type RevertRecord } from '../../domain/history';
import { revertIndex, type RevertIndex } from '../../domain/refold';
import type { SnapshotRow } from '../../store/types';

export class UndoIndex {
  private list: RevertRecord[] = [];
  /** Ids some undo names. */
  private named: Set<string> | undefined;
  /** revertedAt() past the newest undo: the same for every key there. */
  private afterAll: Set<string> | undefined;

  /** Every undo of the log, in history order. */
  get all(): readonly RevertRecord[] {
    return this.list;
  }

  set(rows: readonly RevertRecord[]): void {
    this.list = rows.map((r) => ({ id: r.id, key: r.key, eventIds: r.eventIds, minTargetKey: r.minTargetKey })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    this.named = undefined;
    this.afterAll = undefined;
  }

  /** The undos as a refold reads them (built per fold: its lookups are only needed there). */
  index(): RevertIndex {
    return revertIndex(this.list);
  }

  /** Ids treated as never having happened at `key`. */
  undoneAt(key: string): ReadonlySet<string> {
    const last = this.list[this.list.length - 1];
    if (!last || key < last.key) return revertedAt(this.list, key);
    return (this.afterAll ??= revertedAt(this.list, key));
  }

  /** Whether some undo names event `id`. */
  names(id: string): boolean {
    if (this.list.length === 0) return false;
    this.named ??= new Set(this.list.flatMap((r) => r.eventIds));
    return this.named.has(id);
  }

  /** A snapshot no longer describes history up to `toKey` when an undo after it, by then, names an event at or before it. */
  staleFor(row: SnapshotRow, toKey: string): boolean {
    return this.list.some((r) => r.key > row.key && r.key <= toKey && r.minTargetKey <= row.key);
  }
}
