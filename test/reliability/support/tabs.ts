// Tabs for the concurrency tests: engines on one database, wired to each other the way src/state/app.ts wires
// tabs (an announcement after each append, a catch-up when it arrives), and the bookkeeping that checks them.
import { expect } from 'vitest';
import type { InventoryEvent } from '../../../src/domain/events';
import { uuidv7Generator } from '../../../src/domain/ids';
import { Engine, type ExecResult } from '../../../src/state/engine';
import { EventoryDB } from '../../../src/store/db';
import { EventStore } from '../../../src/store/eventStore';
import { freshDbName, seededRandom, testClock } from '../../support/engine';
import { plain } from '../../support/oracle';
import { expectHeadMatches } from '../../support/scenario';
import { collect } from '../../support/store';

/** A small deterministic generator (tests must fail the same way twice). */
export function prng(seed: number) {
  let s = seed >>> 0 || 1;
  return (n: number) => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) % n;
  };
}

/**
 * `n` tabs on one database, wired like src/state/app.ts: after an append a tab announces its version on a
 * channel, and every other tab that is behind catches up when the message arrives (a task later, as with
 * BroadcastChannel). `deliver()` waits until every message sent so far has arrived; a tab in `asleep` (a frozen
 * background tab) misses them.
 */
export async function tabs(n: number) {
  const name = freshDbName();
  const clock = testClock();
  const engines: Engine[] = [];
  let store: EventStore | undefined;
  const pending: Promise<void>[] = [];
  const asleep = new Set<Engine>();
  for (let i = 0; i < n; i++) {
    const db = new EventoryDB(name);
    await db.open();
    store ??= new EventStore(db);
    const me = new Engine({
      store: i === 0 ? store : new EventStore(db),
      clock: clock.now,
      newId: uuidv7Generator(() => clock.now().getTime(), seededRandom(101 + i * 7919)),
      source: `eventory:device:tab-${i}`,
      announce: (version) => {
        for (const other of engines) {
          if (other === me || asleep.has(other)) continue;
          pending.push(new Promise<void>((r) => setTimeout(r, 0)).then(() => (version > other.head.version ? other.catchUp() : undefined)));
        }
      },
    });
    await me.load();
    engines.push(me);
  }
  const deliver = async () => {
    while (pending.length) await Promise.all(pending.splice(0));
  };
  return { engines, store: store!, clock, deliver, asleep };
}

/** Runs `results` bookkeeping: accepted events, and refusals that are decisions (never "gave up"). */
export function ledger() {
  const accepted: InventoryEvent[] = [];
  const refusals: string[] = [];
  return {
    accepted,
    refusals,
    take(r: ExecResult) {
      if (r.ok) accepted.push(...r.events);
      else refusals.push(r.error);
    },
  };
}

/** Every tab caught up: the log holds exactly the accepted events, once each, and every tab shows its replay. */
export async function expectConverged(engines: Engine[], store: Engine['store'], accepted: InventoryEvent[]) {
  for (const e of engines) await e.catchUp();
  const log = await collect(store.readRange('', '\uffff'));
  const ids = log.map((e) => e.id);
  expect(new Set(ids).size, 'no event twice').toBe(ids.length);
  expect([...ids].sort(), 'exactly the accepted events').toEqual(accepted.map((e) => e.id).sort());
  expect((await store.readHead()).count).toBe(log.length);
  for (const e of engines) {
    expectHeadMatches(e.state.value, log);
    expect(plain(e.state.value)).toEqual(plain(engines[0]!.state.value));
  }
  return log;
}
