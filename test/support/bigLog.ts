// A log longer than SNAPSHOT_EVERY, so that engines loading it write and use snapshots. Written to the store in
// one append (seconds faster than one command per event); never negative, so commands on top behave normally.
import type { InventoryEvent } from '../../src/domain/events';
import { SNAPSHOT_EVERY } from '../../src/state/engine';
import { makeEngine, testClock } from './engine';
import { ev } from './events';

export const BIG_START = Date.parse('2026-01-01T00:00:00.000Z');
export const BIG_ITEMS = ['big-a', 'big-b', 'big-c'] as const;
const minute = (m: number) => new Date(BIG_START + m * 60_000).toISOString();

/** `n` events one minute apart after three creations at minute 0: mostly additions, some removals and counts. */
export function bigLog(n: number, seed = 1): InventoryEvent[] {
  let s = seed >>> 0 || 1;
  const rand = (k: number) => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0), (s >>> 8) % k);
  const have = new Map<string, number>(BIG_ITEMS.map((id) => [id, 0]));
  const out: InventoryEvent[] = BIG_ITEMS.map((itemId, i) => ev('ItemCreated', { itemId, name: `Big ${i}` }, { time: minute(0), id: `big-0000000-${i}` }));
  for (let i = 1; i <= n; i++) {
    const itemId = BIG_ITEMS[rand(BIG_ITEMS.length)]!;
    const q = have.get(itemId)!;
    const opts = { time: minute(i), id: `big-${String(i).padStart(7, '0')}` };
    const roll = rand(20);
    if (roll === 0) {
      const counted = rand(10);
      out.push(ev('StockCounted', { itemId, counted, expected: q }, opts));
      have.set(itemId, counted);
    } else if (roll < 6 && q >= 1) {
      out.push(ev('StockRemoved', { itemId, quantity: 1 }, opts));
      have.set(itemId, q - 1);
    } else {
      const quantity = 1 + rand(3);
      out.push(ev('StockAdded', { itemId, quantity }, opts));
      have.set(itemId, q + quantity);
    }
  }
  return out;
}

/** Size of a big log: past the first snapshot with room for a tail. */
export const BIG_SIZE = SNAPSHOT_EVERY + 300;

/** An engine over a fresh database holding `log`, loaded (so snapshots were written), clock just after it. */
export async function engineOverBigLog(log: InventoryEvent[]) {
  const first = await makeEngine();
  const res = await first.store.append(log, 0);
  if (!res.ok) throw new Error('could not write the big log');
  first.db.close();
  const last = Date.parse(log[log.length - 1]!.time);
  const clock = testClock(new Date(last + 60_000).toISOString());
  return makeEngine({ name: first.name, clock });
}
