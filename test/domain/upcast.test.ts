// The upcaster chain (src/domain/upcast.ts), step by step.
import { describe, expect, it } from 'vitest';
import { DATA_VERSION, EVENT_TYPES } from '../../src/domain/events';
import { emptyState, fold } from '../../src/domain/inventory';
import { EVENT_STEPS, upcastAll, upcastEvent, v1ToV2, type VersionedEvent } from '../../src/domain/upcast';
import { added, archived, counted, created, edited, moved, removed, restored, reverted } from '../support/events';

const oneOfEachV1 = (): VersionedEvent[] => [
  created({ item: 'i', name: 'Pencil', sku: 'P' }),
  edited({ item: 'i', changes: { sku: { from: 'P', to: 'Q' } } }),
  added({ item: 'i', quantity: 2 }),
  removed({ item: 'i', quantity: 1 }),
  moved({ item: 'i', quantity: 1, to: 'A' }),
  counted({ item: 'i', counted: 1, location: 'A' }),
  archived({ item: 'i' }),
  restored({ item: 'i' }),
  reverted({ events: ['x'] }),
];

describe('step 1 -> 2 (item codes)', () => {
  it('covers every event type in the sample', () => {
    expect(new Set(oneOfEachV1().map((e) => e.type))).toEqual(new Set(EVENT_TYPES));
  });

  it('reads every version 1 event as it is: the same object, nothing copied', () => {
    for (const e of oneOfEachV1()) expect(v1ToV2(e)).toBe(e);
  });

  it('is the chain’s step from version 1, and the chain reaches the current version', () => {
    expect(EVENT_STEPS[1]).toBe(v1ToV2);
    expect(DATA_VERSION).toBe(2);
  });

  it('a version 1 ItemCreated reads as an item without codes', () => {
    const item = fold(emptyState(), oneOfEachV1().slice(0, 1).map((e) => upcastEvent(e))).items.get('i')!;
    expect(item.codes ?? []).toEqual([]);
  });
});

describe('the chain', () => {
  it('applies each step in order, from the event’s own version up', () => {
    const e = added({ item: 'i', quantity: 1 });
    const steps = {
      1: (x: VersionedEvent) => ({ ...x, source: `${x.source}+1` }) as VersionedEvent,
      2: (x: VersionedEvent) => ({ ...x, source: `${x.source}+2` }) as VersionedEvent,
    };
    expect(upcastEvent(e, steps, 3).source).toBe('eventory:device:test+1+2');
    expect(upcastEvent({ ...e, dataversion: 2 }, steps, 3).source).toBe('eventory:device:test+2');
  });

  it('returns a current event as it is', () => {
    const e = { ...created({ item: 'i', name: 'Pencil', codes: ['1'] }), dataversion: 2 };
    expect(upcastEvent(e)).toBe(e);
  });

  it('throws on a gap in the chain: validation never lets such an event through, so it is a bug', () => {
    expect(() => upcastEvent(added({ item: 'i', quantity: 1 }), {}, 2)).toThrow(/No upcaster from data version 1/);
  });

  it('upcastAll keeps the array and every event the steps leave alone', () => {
    const events = oneOfEachV1();
    const copy = [...events];
    expect(upcastAll(events)).toBe(events);
    events.forEach((e, i) => expect(e).toBe(copy[i]));
  });
});
