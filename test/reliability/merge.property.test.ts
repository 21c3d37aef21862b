// Merging is order-free: a history made by commands, undos and redos on one device, split into several
// overlapping files that reach another device in any order (some twice), gives that device exactly the log, the
// inventory and the undone events of the first — which are also the spec's replay of the log. This extends
// test/io/merge.test.ts (two files of random events) to k files of engine-made histories.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InventoryEvent } from '../../src/domain/events';
import type { Engine } from '../../src/state/engine';
import { exportText, importText } from '../support/exchange';
import { makeEngine } from '../support/engine';
import { plain, replay } from '../support/oracle';
import { runSteps, stepsArb } from '../support/scenario';
import { logText } from '../io/fixtures';

const AT = new Date('2026-06-01T00:00:00.000Z');

const exportOf = (engine: Engine) => exportText(engine, AT);

/** Splits `log` into `k` files: each event goes to the files its mask names (at least one); creations to all. */
function split(log: readonly InventoryEvent[], k: number, masks: readonly number[]): string[] {
  const files: InventoryEvent[][] = Array.from({ length: k }, () => []);
  log.forEach((e, i) => {
    const mask = e.type === 'ItemCreated' ? (1 << k) - 1 : (masks[i % masks.length]! % ((1 << k) - 1)) + 1;
    for (let f = 0; f < k; f++) if (mask & (1 << f)) files[f]!.push(e);
  });
  // A file holds its events in any order: a person may have edited or concatenated it.
  return files.map((events, f) => logText(f % 2 ? [...events].reverse() : events));
}

describe('merge properties', () => {
  it('k overlapping files of one device’s history, in any order and some twice, rebuild exactly that history elsewhere', async () => {
    let withUndo = 0;
    await fc.assert(
      fc.asyncProperty(
        stepsArb([], 5, 40),
        fc.integer({ min: 2, max: 4 }),
        fc.array(fc.nat(), { minLength: 8, maxLength: 8 }),
        fc.array(fc.nat(), { minLength: 6, maxLength: 6 }),
        async (steps, k, masks, picks) => {
          const source = await runSteps(steps);
          if (source.log.length === 0) return;
          if (source.log.some((e) => e.type === 'EventsReverted')) withUndo++;
          const files = split(source.log, k, masks);
          const want = await exportOf(source.engine);
          const targets = [];
          for (const order of [picks, [...picks].reverse()]) {
            const target = await makeEngine({ seed: 3 });
            // Every file once, in an order drawn from `order`, then two of them again (adding nothing).
            const sequence = [...files.keys()].sort((a, b) => (order[a % order.length]! % 7) - (order[b % order.length]! % 7) || a - b);
            let added = 0;
            for (const f of sequence) {
              const r = await importText(target.engine, files[f]!);
              expect(r.ok, r.ok ? '' : r.error).toBe(true);
              if (r.ok) added += r.added;
            }
            expect(added).toBe(source.log.length);
            for (const f of [order[0]! % k, order[1]! % k]) expect(await importText(target.engine, files[f]!)).toMatchObject({ ok: true, added: 0 });
            expect(await exportOf(target.engine)).toBe(want);
            expect(plain(target.engine.state.value)).toEqual(plain(source.engine.state.value));
            expect(plain(target.engine.state.value)).toEqual(plain(replay(source.log)));
            expect(target.engine.revertedIds.value).toEqual(source.engine.revertedIds.value);
            targets.push(target);
          }
          for (const t of targets) t.db.close();
          source.db.close();
        },
      ),
      { numRuns: 30, seed: 1234 },
    );
    expect(withUndo, 'histories with undos and redos were merged').toBeGreaterThan(5);
  }, 120_000);
});
