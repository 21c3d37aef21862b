// Folding projections over events in history order, alongside the inventory they need for before/after.
import type { InventoryEvent } from '../events';
import { evolveItem, type Item } from '../inventory';
import { itemIdOf } from '../touches';
import type { Projection } from './projection';

/** Mutable cursor over history: the items so far and every projection's accumulator. */
export interface ProjectionRun {
  items: Map<string, Item>;
  accs: Map<Projection<unknown>, unknown>;
}

export function startRun(projections: readonly Projection<unknown>[], items: ReadonlyMap<string, Item> = new Map()): ProjectionRun {
  return { items: new Map(items), accs: new Map(projections.map((p) => [p, p.init()])) };
}

/** Steps every projection through `events` (history order), skipping undone ids. */
export function stepRun(run: ProjectionRun, events: Iterable<InventoryEvent>, skip: ReadonlySet<string>): void {
  for (const event of events) {
    if (skip.has(event.id)) continue;
    const id = itemIdOf(event);
    const before = id === undefined ? undefined : run.items.get(id);
    const after = id === undefined ? undefined : evolveItem(before, event);
    if (id !== undefined) run.items.set(id, after!);
    for (const [p, acc] of run.accs) run.accs.set(p, p.step(acc, { event, before, after }));
  }
}

/** Pure convenience for tests and small logs: the projection of `events` from scratch. */
export function project<S>(p: Projection<S>, events: Iterable<InventoryEvent>, skip: ReadonlySet<string> = new Set()): S {
  const run = startRun([p as Projection<unknown>]);
  stepRun(run, events, skip);
  return run.accs.get(p as Projection<unknown>) as S;
}
