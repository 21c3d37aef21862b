// Test wiring: an Engine over fake-indexeddb with a deterministic clock and ids.
import type { Command } from '../../src/domain/commands';
import { uuidv7Generator } from '../../src/domain/ids';
import { EventoryDB } from '../../src/store/db';
import { EventStore } from '../../src/store/eventStore';
import { Engine } from '../../src/state/engine';

let dbCounter = 0;

export interface TestClock {
  now: () => Date;
  set: (iso: string) => void;
  tick: (ms?: number) => void;
}

export function testClock(start = '2026-01-01T00:00:00.000Z'): TestClock {
  let t = Date.parse(start);
  return { now: () => new Date(t), set: (iso) => (t = Date.parse(iso)), tick: (ms = 60_000) => (t += ms) };
}

export function seededRandom(seed = 1): (n: number) => Uint8Array {
  let s = seed >>> 0 || 1;
  return (n) => {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      s ^= s << 13;
      s ^= s >>> 17;
      s ^= s << 5;
      out[i] = s & 0xff;
    }
    return out;
  };
}

export function freshDbName(): string {
  return `eventory-test-${Date.now()}-${dbCounter++}`;
}

export async function makeEngine(
  opts: { name?: string; clock?: TestClock; seed?: number; source?: string; beforeLoad?: (store: EventStore) => void; onFold?: (done: number, total: number) => void; snapshotEvery?: number; onSnapshots?: (done: number, total: number) => void } = {},
) {
  const name = opts.name ?? freshDbName();
  const clock = opts.clock ?? testClock();
  const db = new EventoryDB(name);
  await db.open();
  const store = new EventStore(db);
  const engine = new Engine({
    store,
    clock: clock.now,
    newId: uuidv7Generator(() => clock.now().getTime(), seededRandom(opts.seed ?? 7)),
    source: opts.source ?? 'eventory:device:test',
    ...(opts.onFold ? { onFold: opts.onFold } : {}),
    ...(opts.snapshotEvery ? { snapshotEvery: opts.snapshotEvery } : {}),
    ...(opts.onSnapshots ? { onSnapshots: opts.onSnapshots } : {}),
  });
  opts.beforeLoad?.(store);
  await engine.load();
  return { engine, store, db, name, clock };
}

/** Runs a command that must succeed and returns its events. */
export async function ok(engine: Engine, cmd: Command) {
  const r = await engine.execute(cmd);
  if (!r.ok) throw new Error(`expected success, got refusal: ${r.error}`);
  return r.events;
}

export async function createItem(engine: Engine, name: string, extra: Partial<Extract<Command, { type: 'createItem' }>> = {}) {
  const [e] = await ok(engine, { type: 'createItem', name, ...extra });
  return (e!.data as { itemId: string }).itemId;
}
