// Property: any history the Python tutorial can record (adds, and removes of names it holds), serialised the ways
// Python writes it, imports to the tutorial's own counts (its get_items(), modelled in tutorialModel.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortHistory } from '../../src/domain/history';
import { emptyState, fold, hasConflict, quantityOf } from '../../src/domain/inventory';
import { parseOk } from './fixtures';
import { tutorialGetItems, type TutorialEvent } from './tutorialModel';

const NAMES = ['sword', 'potion', 'bow', 'shield'];
const ORIGINS = ['castle', 'dungeon', 'village'];

/** Steps of the tutorial's Inventory: add an item, or remove one of the names held (pick = which). */
const steps = fc.array(fc.oneof(fc.record({ add: fc.constantFrom(...NAMES), origin: fc.constantFrom(...ORIGINS) }), fc.record({ remove: fc.nat() })), { maxLength: 60 });

/** How a user serialised the store: str() or isoformat(), the enum's values or names, v1 strings or v2 objects. */
const style = fc.record({
  separator: fc.constantFrom(' ', 'T'),
  upper: fc.boolean(),
  objects: fc.boolean(),
  // The tutorial's default timestamp is evaluated once: all equal. Explicit ones rise, often by under a millisecond.
  sameTime: fc.boolean(),
  fractionDigits: fc.integer({ min: 0, max: 6 }),
  steps: fc.array(fc.integer({ min: 0, max: 2_000_000 }), { minLength: 60, maxLength: 60 }),
});

function stamp(micros: number, separator: string, digits: number): string {
  const base = new Date(Date.UTC(2025, 5, 1, 12) + Math.floor(micros / 1000)).toISOString().slice(0, 19).replace('T', separator);
  const frac = String(micros % 1_000_000).padStart(6, '0').slice(0, digits);
  return digits === 0 ? base : `${base}.${frac}`;
}

describe('the tutorial’s histories', () => {
  it('import to the tutorial’s own counts, serialised either way', async () => {
    await fc.assert(
      fc.asyncProperty(steps, style, async (ops, s) => {
        const held: string[] = [];
        const file: TutorialEvent[] = [];
        let micros = 0;
        for (const [i, op] of ops.entries()) {
          if (!s.sameTime) micros += s.steps[i]!;
          const timestamp = stamp(micros, s.separator, s.fractionDigits);
          const type = (kind: string) => (s.upper ? kind.toUpperCase() : kind);
          if ('add' in op) {
            held.push(op.add);
            file.push({ type: type('item_added'), data: s.objects ? { name: op.add, rarity: 'rare', origin: op.origin } : op.add, timestamp });
          } else if (held.length > 0) {
            const [name] = held.splice(op.remove % held.length, 1);
            file.push({ type: type('item_removed'), data: s.objects ? { name: name!, rarity: 'rare', origin: 'castle' } : name!, timestamp });
          }
        }
        const { events } = await parseOk(JSON.stringify(file));
        let state = emptyState();
        for (const e of sortHistory(events)) {
          state = fold(state, [e]);
          // History keeps the file's order: a removal never runs ahead of its addition, so nothing goes below zero.
          if (e.type !== 'EventsReverted') expect(hasConflict(state.items.get(e.data.itemId)!)).toBe(false);
        }
        const above = [...state.items.values()].filter((item) => quantityOf(item) !== 0);
        expect(new Map(above.map((item) => [item.name, quantityOf(item)]))).toEqual(new Map(tutorialGetItems(file)));
      }),
      { numRuns: 150 },
    );
  });
});
