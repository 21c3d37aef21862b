// The engine's contract with the rest of the app: what it is built from, what it answers, and what it hands to
// another engine on the same database.
import type { InventoryEvent } from '../domain/events';
import type { RevertRecord } from '../domain/history';
import type { InventoryState } from '../domain/inventory';
import type { FieldErrors } from '../domain/validation';
import type { EventStore } from '../store/eventStore';
import type { AppendOptions, HeadRow } from '../store/types';

export type ExecResult =
  | { ok: true; events: InventoryEvent[] }
  | { ok: false; error: string; fields?: FieldErrors; dependents?: InventoryEvent[] };

export type Made = { ok: true; events: InventoryEvent[]; opts?: AppendOptions } | { ok: false; error: string; fields?: FieldErrors; dependents?: InventoryEvent[] };

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
  /** Progress of the time-travel snapshots a large import's fold held until its commit, written after it. */
  onSnapshots?: (done: number, total: number) => void;
}


