// Properties of the engine over random histories (see test/support/scenario.ts): whatever path the engine takes
// (incremental fold, re-fold after a late event or an undo, time travel), it agrees with the naive oracle of
// test/support/oracle.ts, which is written from spec §3.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keyAtTime } from '../../src/domain/history';
import { makeEngine } from '../support/engine';
import { negativeBuckets, runSteps, stepsArb } from '../support/scenario';
import { plain, replay, specOrder } from '../support/oracle';

const RUNS = { numRuns: 30, seed: 20260101 };

describe('engine properties', () => {
  it('head state equals a full replay after every step; end appends read nothing back; an undo equals removing its events', async () => {
    await fc.assert(
      fc.asyncProperty(stepsArb(['add', 'remove', 'count']), async (steps) => {
        const run = await runSteps(steps, { eachStep: true, noReplayOnAppend: true, undoIsRemoval: true });
        await run.db.delete();
      }),
      RUNS,
    );
  });

  it('a fresh engine folding the whole log (undos and redos refolded per item) equals a full replay', async () => {
    await fc.assert(
      fc.asyncProperty(stepsArb(['add', 'remove', 'count']), async (steps) => {
        const { log, db, name } = await runSteps(steps);
        const again = await makeEngine({ name });
        expect(plain(again.engine.state.value)).toEqual(plain(replay(log)));
        again.db.close();
        await db.delete();
      }),
      RUNS,
    );
  });

  it('state at any time T equals the fold of the events up to T, with the reverts made by T', async () => {
    await fc.assert(
      fc.asyncProperty(stepsArb(['add', 'remove', 'count']), async (steps) => {
        const { engine, log, db } = await runSteps(steps);
        const times = [...new Set(log.flatMap((e) => [e.time, new Date(Date.parse(e.time) - 1).toISOString()]))];
        for (const t of times) {
          expect(plain(await engine.stateAtKey(keyAtTime(t))), `state at ${t}`).toEqual(plain(replay(log, { time: t })));
        }
        await db.delete();
      }),
      RUNS,
    );
  });

  it('accepted commands and undos never leave a negative quantity, at the head or at any earlier point', async () => {
    // Late events here only add (a back-dated removal or count is another device's conflict, not a command).
    await fc.assert(
      fc.asyncProperty(stepsArb(['add']), async (steps) => {
        const { log, db } = await runSteps(steps, { noNegatives: true });
        const sorted = [...log].sort(specOrder);
        for (const e of sorted) expect(negativeBuckets(replay(log, { time: e.time, id: e.id })), `after ${e.type} ${e.id}`).toEqual([]);
        await db.delete();
      }),
      RUNS,
    );
  });
});
