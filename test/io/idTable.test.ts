// The id table behind dropRepeats must answer exactly as a Map would, also when its slots run out or its probes
// run long (a file crafted for hash collisions): those ids go to its overflow map.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idTable } from '../../src/io/idTable';

function viaMap(ids: readonly string[]): number[] {
  const first = new Map<string, number>();
  return ids.map((id, i) => {
    const j = first.get(id);
    if (j === undefined) first.set(id, i);
    return j ?? -1;
  });
}

function viaTable(ids: readonly string[], capacity: number): number[] {
  const table = idTable(capacity, (j) => ids[j]!);
  return ids.map((id, i) => table.add(id, i));
}

describe('idTable', () => {
  const ids = fc.array(fc.oneof(fc.constantFrom('a', 'b', 'é', '', '\ud800'), fc.string({ maxLength: 6 })), { maxLength: 300 });

  it('gives the first position of each repeated id, as a Map does', () => {
    fc.assert(fc.property(ids, (xs) => {
        expect(viaTable(xs, xs.length)).toEqual(viaMap(xs));
      }));
  });

  it('stays exact when far more ids come than it was sized for (its slots fill and ids overflow)', () => {
    fc.assert(fc.property(ids, (xs) => {
        expect(viaTable(xs, 1)).toEqual(viaMap(xs));
      }));
  });

  it('finds repeats among many distinct ids', () => {
    const xs = Array.from({ length: 20_000 }, (_, i) => `id-${i % 15_000}`);
    expect(viaTable(xs, xs.length)).toEqual(viaMap(xs));
  });
});
