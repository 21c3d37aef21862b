// Properties of the engine on long histories, at the real intervals (snapshots and the undo refold's checkpoint
// every 2,000 events: these logs cross them twice or more). Whatever path computes a state — the head folded
// incrementally and through undos, a restart from snapshots, a rebuild, time travel to the head, another device
// importing the export, two devices merging in either order — it equals the plain fold of the spec
// (test/support/oracle.ts), and the two merged logs are the same bytes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InventoryEvent } from '../../src/domain/events';
import { keyAtTime } from '../../src/domain/history';
import { SNAPSHOT_EVERY } from '../../src/state/engine';
import { importEvents } from '../../src/state/importer';
import { makeEngine, testClock } from '../support/engine';
import { exportText, importText } from '../support/exchange';
import { longLog, prng } from '../support/longLog';
import { expectHeadMatches } from '../support/scenario';
import { plain, replay } from '../support/oracle';
import { collect } from '../support/store';

type Env = Awaited<ReturnType<typeof makeEngine>>;
const EXPORTED_AT = new Date(0);
const wholeLog = (env: Env) => collect(env.engine.store.readRange('', '\uffff'));
const lastTime = (log: readonly InventoryEvent[]) => log.reduce((t, e) => (Date.parse(e.time) > Date.parse(t) ? e.time : t), log[0]!.time);

const params = fc.record({ seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }), events: fc.integer({ min: SNAPSHOT_EVERY + 100, max: 2 * SNAPSHOT_EVERY + 500 }) });
// No shrinking: a failing log of thousands of events is reported with its seed, not refolded hundreds of times.
const RUNS = { numRuns: 3, seed: 20261207, endOnFailure: true };
// Each run imports, exports and folds thousands of events several times.
const TIMEOUT = 180_000;

/** The log in two overlapping files, each with every creation (a file must create the items it names). */
function twoFiles(log: readonly InventoryEvent[], seed: number): [InventoryEvent[], InventoryEvent[]] {
  const r = prng(seed ^ 0x5bd1e995);
  const a: InventoryEvent[] = [];
  const b: InventoryEvent[] = [];
  for (const e of log) {
    const u = r();
    const both = e.type === 'ItemCreated' || u < 0.2;
    if (both || u < 0.6) a.push(e);
    if (both || u >= 0.6) b.push(e);
  }
  return [a, b];
}

/** Undos through the engine, of events picked anywhere in the log (early ones reach before the checkpoint). */
async function undoSome(env: Env, seed: number, times: number): Promise<void> {
  const r = prng(seed ^ 0x27d4eb2d);
  for (let i = 0; i < times; i++) {
    const log = await wholeLog(env);
    const target = log[r() < 0.5 ? Math.floor(r() * 50) : log.length - 1 - Math.floor(r() * 50)]!;
    env.clock.tick(60_000);
    // Refused when later events depend on it; either way the head must stay the replay.
    await env.engine.undo([target.id]);
    expectHeadMatches(env.engine.state.value, await wholeLog(env));
  }
}

describe('long histories at the real snapshot and checkpoint intervals', () => {
  it('head, restart, rebuild, time travel to the head and another device all equal the replay', async () => {
    await fc.assert(
      fc.asyncProperty(params, async ({ seed, events }) => {
        const env = await makeEngine({ clock: testClock('2026-06-01T00:00:00.000Z') });
        const [a, b] = twoFiles(longLog({ seed, events }), seed);
        expect(await importEvents(env.engine, a)).toMatchObject({ ok: true });
        expect(await importEvents(env.engine, b)).toMatchObject({ ok: true });
        await undoSome(env, seed, 6);
        const log = await wholeLog(env);
        const expected = plain(replay(log));
        expectHeadMatches(env.engine.state.value, log);
        expect(plain(await env.engine.stateAtKey(keyAtTime(lastTime(log)))), 'time travel to the head').toEqual(expected);
        const restarted = await makeEngine({ name: env.name, clock: env.clock });
        expect(plain(restarted.engine.state.value), 'restart').toEqual(expected);
        restarted.db.close();
        const other = await makeEngine({ clock: testClock('2026-06-02T00:00:00.000Z'), seed: 11 });
        expect(await importText(other.engine, await exportText(env.engine, EXPORTED_AT))).toMatchObject({ ok: true });
        expect(plain(other.engine.state.value), 'another device').toEqual(expected);
        await env.engine.rebuild();
        expect(plain(env.engine.state.value), 'rebuild').toEqual(expected);
        await Promise.all([env.db.delete(), other.db.delete()]);
      }),
      RUNS,
    );
  }, TIMEOUT);

  it('two devices merging the same two files in either order end with the same log, byte for byte', async () => {
    await fc.assert(
      fc.asyncProperty(params, async ({ seed, events }) => {
        const [a, b] = twoFiles(longLog({ seed, events }), seed);
        const one = await makeEngine({ clock: testClock('2026-06-01T00:00:00.000Z'), seed: 1 });
        const two = await makeEngine({ clock: testClock('2026-06-01T00:00:00.000Z'), seed: 2 });
        for (const file of [a, b]) expect(await importEvents(one.engine, file)).toMatchObject({ ok: true });
        for (const file of [b, a]) expect(await importEvents(two.engine, file)).toMatchObject({ ok: true });
        expect(await exportText(two.engine, EXPORTED_AT)).toBe(await exportText(one.engine, EXPORTED_AT));
        expect(plain(two.engine.state.value)).toEqual(plain(one.engine.state.value));
        expectHeadMatches(one.engine.state.value, await wholeLog(one));
        await Promise.all([one.db.delete(), two.db.delete()]);
      }),
      RUNS,
    );
  }, TIMEOUT);
});
