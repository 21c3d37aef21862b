// Random but well-formed histories for property tests: a few items and locations so events collide, times
// that tie and jump days, decimals, unit costs, reasons in several spellings, and undos of earlier events.
import fc from 'fast-check';
import type { Attributes, InventoryEvent } from '../../src/domain/events';
import { startRun, stepRun, project } from '../../src/domain/projections/run';
import type { Projection } from '../../src/domain/projections/projection';
import { expect } from 'vitest';

const ITEMS = ['a', 'b', 'c'];
const LOCS = [undefined, 'A', 'B'];
const qty = fc.oneof(fc.integer({ min: 1, max: 20 }), fc.constantFrom(0.5, 0.1, 2.25));

const op = fc.oneof(
  fc.record({ type: fc.constant('ItemCreated' as const), item: fc.constantFrom(...ITEMS), name: fc.constantFrom('Sword', 'Flour', 'Rope'), min: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }) }),
  fc.record({ type: fc.constant('ItemUpdated' as const), item: fc.constantFrom(...ITEMS), name: fc.constantFrom('Blade', 'Sword', 'Meal') }),
  fc.record({ type: fc.constant('StockAdded' as const), item: fc.constantFrom(...ITEMS), q: qty, loc: fc.constantFrom(...LOCS), cost: fc.option(fc.constantFrom(1, 2.5, 10), { nil: undefined }), reason: fc.constantFrom(undefined, 'purchase'), attrs: fc.constantFrom<Attributes | undefined>(undefined, {}, { origin: 'castle' }, { origin: 'cave', rarity: 'rare' }, { rarity: 1 }, { rarity: '1', magic: true }) }),
  fc.record({ type: fc.constant('StockRemoved' as const), item: fc.constantFrom(...ITEMS), q: qty, loc: fc.constantFrom(...LOCS), reason: fc.constantFrom(undefined, 'used', 'sold', 'Sold ') }),
  fc.record({ type: fc.constant('StockMoved' as const), item: fc.constantFrom(...ITEMS), q: qty, from: fc.constantFrom(...LOCS), to: fc.constantFrom(...LOCS) }),
  fc.record({ type: fc.constant('StockCounted' as const), item: fc.constantFrom(...ITEMS), counted: fc.integer({ min: 0, max: 30 }), loc: fc.constantFrom(...LOCS) }),
  fc.record({ type: fc.constantFrom('ItemArchived' as const, 'ItemRestored' as const), item: fc.constantFrom(...ITEMS) }),
  fc.record({ type: fc.constant('EventsReverted' as const), back: fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 1, maxLength: 3 }) }),
);

type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

function toEvent(o: Op, i: number, time: string): InventoryEvent {
  const base = { specversion: '1.0' as const, id: `e${String(i).padStart(5, '0')}`, source: 'eventory:device:prop', time, dataversion: 1 };
  const loc = (l: string | undefined) => (l === undefined ? {} : { location: l });
  switch (o.type) {
    case 'ItemCreated':
      return { ...base, type: o.type, data: { itemId: o.item, name: o.name, ...(o.min === undefined ? {} : { minQuantity: o.min }) } };
    case 'ItemUpdated':
      return { ...base, type: o.type, data: { itemId: o.item, changes: { name: { to: o.name } } } };
    case 'StockAdded':
      return { ...base, type: o.type, data: { itemId: o.item, quantity: o.q, ...loc(o.loc), ...(o.cost === undefined ? {} : { unitCost: o.cost }), ...(o.reason ? { reason: o.reason } : {}), ...(o.attrs ? { attributes: o.attrs } : {}) } };
    case 'StockRemoved':
      return { ...base, type: o.type, data: { itemId: o.item, quantity: o.q, ...loc(o.loc), ...(o.reason ? { reason: o.reason } : {}) } };
    case 'StockMoved':
      return { ...base, type: o.type, data: { itemId: o.item, quantity: o.q, ...(o.from ? { from: o.from } : {}), ...(o.to ? { to: o.to } : {}) } };
    case 'StockCounted':
      return { ...base, type: o.type, data: { itemId: o.item, counted: o.counted, ...loc(o.loc) } };
    case 'ItemArchived':
    case 'ItemRestored':
      return { ...base, type: o.type, data: { itemId: o.item } };
    case 'EventsReverted': {
      // Only earlier events: a revert naming itself (or a later revert) has no meaning in history.
      const targets = [...new Set(o.back.map((b) => i - b).filter((t) => t >= 0))];
      if (targets.length === 0) return { ...base, type: 'ItemRestored', data: { itemId: 'a' } };
      return { ...base, type: o.type, data: { eventIds: targets.map((t) => `e${String(t).padStart(5, '0')}`) } };
    }
  }
}

/** Events in history order (times ascend, ties broken by ascending ids) and a set of ids treated as undone. */
export const history = fc
  .record({
    ops: fc.array(op, { maxLength: 60 }),
    gaps: fc.array(fc.constantFrom(0, 1, 60_000, 3_600_000, 86_400_000, 3 * 86_400_000), { minLength: 60, maxLength: 60 }),
    undone: fc.array(fc.integer({ min: 0, max: 59 }), { maxLength: 8 }),
  })
  .map(({ ops, gaps, undone }) => {
    let t = Date.parse('2026-01-01T23:00:00.000Z');
    const events = ops.map((o, i) => toEvent(o, i, new Date((t += gaps[i]!)).toISOString()));
    const skip = new Set(undone.filter((u) => u < events.length).map((u) => events[u]!.id));
    return { events, skip };
  });

export const chunkSizes = fc.array(fc.integer({ min: 1, max: 15 }), { minLength: 1, maxLength: 20 });

/**
 * Folds `events` in chunks as the app does (appends advance the same run) and checks after every chunk that the
 * answer equals a fold from scratch of the events so far, and that a changed answer comes in a new object (a
 * signal holding the accumulator only notifies on a new value).
 */
export function expectIncrementalEqualsScratch<S, A>(p: Projection<S>, answer: (s: S) => A) {
  fc.assert(
    fc.property(history, chunkSizes, ({ events, skip }, sizes) => {
      const run = startRun([p as Projection<unknown>]);
      let pos = 0;
      let prevAcc: unknown = run.accs.get(p as Projection<unknown>);
      let prevAnswer = structuredClone(answer(prevAcc as S));
      for (let c = 0; pos < events.length; c++) {
        const n = sizes[c % sizes.length]!;
        stepRun(run, events.slice(pos, pos + n), skip);
        pos = Math.min(events.length, pos + n);
        const acc = run.accs.get(p as Projection<unknown>) as S;
        const got = answer(acc);
        expect(got).toEqual(answer(project(p, events.slice(0, pos), skip)));
        let same = true;
        try {
          expect(got).toEqual(prevAnswer);
        } catch {
          same = false;
        }
        if (!same) expect(acc).not.toBe(prevAcc);
        prevAcc = acc;
        prevAnswer = structuredClone(got);
      }
    }),
    { numRuns: 200 },
  );
}
