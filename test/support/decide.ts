// decide() test helpers: states built from events, and unwrapping a decision that must succeed or be refused.
import { expect } from 'vitest';
import { decide, type Command, type Decision } from '../../src/domain/commands';
import type { InventoryEvent } from '../../src/domain/events';
import { emptyState, fold, type InventoryState } from '../../src/domain/inventory';
import { added, at, created, ev, fixedContext } from './events';

export const state = (...events: InventoryEvent[]): InventoryState => fold(emptyState(), events);
export const run = (cmd: Command, s: InventoryState = emptyState()): Decision => decide(cmd, s, fixedContext(at(10)));

export function refused(d: Decision): { error: string; fields?: Record<string, string> } {
  if (d.ok) throw new Error(`expected a refusal, got ${JSON.stringify(d.events)}`);
  return d;
}

export function accepted(d: Decision): InventoryEvent {
  if (!d.ok) throw new Error(`expected success, got: ${d.error}`);
  expect(d.events).toHaveLength(1);
  return d.events[0]!;
}

/** Sword: 5 at "A" and 2 unassigned. */
export const sword = state(created('i1', 'Sword'), added('i1', 5, 0, 'A'), added('i1', 2));
/** Sword, archived with 5 unassigned. */
export const archived = state(created('i1', 'Sword'), added('i1', 5), ev('ItemArchived', { itemId: 'i1' }));
