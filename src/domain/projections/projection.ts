// A projection answers one question about the whole history (most collected, stock over time, ...) as a fold.
// Each step sees the event and the item just before and after it, so a projection never re-derives stock
// arithmetic (a count sets a quantity; its delta is `after - before`).
import type { InventoryEvent } from '../events';
import type { Item } from '../inventory';

export interface Step {
  event: InventoryEvent;
  /** The item before the event (undefined if the event is the first to name it, or is not about an item). */
  before: Item | undefined;
  /** The item after the event (undefined for events not about an item). */
  after: Item | undefined;
}

export interface Projection<S> {
  /** Stable name (a cache key). */
  readonly name: string;
  init(): S;
  /**
   * Returns the next accumulator. Return a NEW object whenever the answer changes: the UI's signal notifies only
   * on a new value (the property tests check this). Unchanged answers may return `acc` itself.
   */
  step(acc: S, s: Step): S;
}
