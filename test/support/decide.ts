// decide() specifications: given(events).when(command) then the events it makes or the refusal, read as
//   given(aSword).when({ type: 'removeStock', itemId: 'i1', quantity: 3 }).thenRefuses({ error: /only 2/, field: 'quantity' })
// The command is decided at minute 10 (after every given event) with ids id-1, id-2, ...
import { expect } from 'vitest';
import { decide, type Command, type Decision, type Refusal } from '../../src/domain/commands';
import type { InventoryEvent } from '../../src/domain/events';
import { emptyState, fold } from '../../src/domain/inventory';
import { added, archived, at, created, fixedContext } from './events';

/** When decide() runs in these specifications. */
export const DECIDED_AT = at(10);

export interface Outcome {
  /** The decision as decide() returned it. */
  decision: Decision;
  /** The command was accepted with exactly one event: that event. */
  accepted(): InventoryEvent;
  /** Accepted with one event that matches `expected` (toMatchObject). */
  thenEmits(expected: Partial<Omit<InventoryEvent, 'data'>> & { data?: object }): InventoryEvent;
  /** Accepted with one event whose data is exactly `data` (toEqual). */
  thenRecords(data: object): InventoryEvent;
  /** Refused; the message matches `error` and the fields name `field`, when given. */
  thenRefuses(expected?: { error?: RegExp | string; field?: string }): Refusal;
}

export function given(...events: (InventoryEvent | readonly InventoryEvent[])[]) {
  const state = fold(emptyState(), events.flat());
  return { when: (command: Command): Outcome => outcome(decide(command, state, fixedContext(DECIDED_AT))) };
}

function outcome(decision: Decision): Outcome {
  const accepted = (): InventoryEvent => {
    if (!decision.ok) throw new Error(`expected success, got: ${decision.error}`);
    expect(decision.events).toHaveLength(1);
    return decision.events[0]!;
  };
  return {
    decision,
    accepted,
    thenEmits(expected) {
      const e = accepted();
      expect(e).toMatchObject(expected);
      return e;
    },
    thenRecords(data) {
      const e = accepted();
      expect(e.data).toEqual(data);
      return e;
    },
    thenRefuses({ error, field } = {}) {
      if (decision.ok) throw new Error(`expected a refusal, got ${JSON.stringify(decision.events)}`);
      if (typeof error === 'string') expect(decision.error).toContain(error);
      else if (error) expect(decision.error).toMatch(error);
      if (field !== undefined) expect(decision.fields).toHaveProperty(field);
      return decision;
    },
  };
}

/** Sword (i1): 5 at "A" and 2 unassigned. */
export const aSword: readonly InventoryEvent[] = [created({ item: 'i1', name: 'Sword' }), added({ item: 'i1', quantity: 5, location: 'A' }), added({ item: 'i1', quantity: 2 })];
/** Sword (i1), archived with 5 unassigned. */
export const anArchivedSword: readonly InventoryEvent[] = [created({ item: 'i1', name: 'Sword' }), added({ item: 'i1', quantity: 5 }), archived({ item: 'i1' })];
