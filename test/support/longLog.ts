// Long random logs for the property tests of the engine at its real intervals (snapshots and the undo refold's
// checkpoint every 2,000 events): thousands of events built from a seed, as another device's files bring them.
// They hold what a log may hold, not only what this app writes: many events at one instant, back-dated events,
// the first and last instants RFC 3339 can name, ids at the edges of code-unit order, item codes set and cleared
// (shared by two items, as merges allow), undos, redos, undos of undos, undos dated before what they name, stock events that go negative and items created after their stock.
import type { InventoryEvent } from '../../src/domain/events';
import { seededRandom } from './engine';
import { ev } from './events';

/** A seeded uniform [0, 1): the same seed gives the same log. */
export function prng(seed: number): () => number {
  const bytes = seededRandom(seed);
  return () => {
    const b = bytes(4);
    return (((b[0]! << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]!) >>> 0) / 4294967296;
  };
}

const T0 = Date.parse('2026-01-01T00:00:00.000Z');
export const FIRST_INSTANT = '0000-01-01T00:00:00.000Z';
export const LAST_INSTANT = '9999-12-31T23:59:59.999Z';
const STEPS = [0, 0, 0, 1, 1, 1_000, 60_000, 3_600_000];
const LOCS = [undefined, 'A', 'B'] as const;

export interface LongLogOptions {
  seed: number;
  events: number;
  /** Share of events dated at the first or last instant. */
  extremes?: number;
}

/** Ids: mostly plain, some at the edges of code-unit order, some of the longest length a file may hold. */
function idFor(i: number, r: () => number): string {
  const u = r();
  const n = String(i).padStart(6, '0');
  if (u < 0.03) return `\uffff${n}`;
  if (u < 0.06) return `\u0001${n}`;
  if (u < 0.08) return `${'z'.repeat(194)}${n}`;
  return `e-${Math.floor(r() * 1e6).toString(36)}-${n}`;
}

export function longLog(opts: LongLogOptions): InventoryEvent[] {
  const r = prng(opts.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const items = ['i-1', 'i-2', 'i-3', 'i-4', 'i-5'];
  const out: InventoryEvent[] = [];
  let ms = T0;
  const extremes = opts.extremes ?? 0.002;
  const timeFor = (): string => {
    const u = r();
    if (u < extremes / 2) return FIRST_INSTANT;
    if (u < extremes) return LAST_INSTANT;
    ms += pick(STEPS);
    // Now and then an event recorded late, dated up to a day back.
    if (r() < 0.02) return new Date(ms - Math.floor(r() * 86_400_000)).toISOString();
    return new Date(ms).toISOString();
  };
  // Items are created early, but one of them only after some of its stock arrives.
  const late = pick(items);
  for (const itemId of items) if (itemId !== late) out.push(ev('ItemCreated', { itemId, name: `Item ${itemId}` }, { time: timeFor(), id: idFor(out.length, r) }));
  while (out.length < opts.events) {
    const i = out.length;
    const id = idFor(i, r);
    const time = timeFor();
    const itemId = pick(items);
    const location = pick(LOCS);
    const at = location === undefined ? {} : { location };
    const u = r();
    if (i === Math.floor(opts.events / 3)) out.push(ev('ItemCreated', { itemId: late, name: 'Late item' }, { time, id }));
    else if (u < 0.4) out.push(ev('StockAdded', { itemId, quantity: pick([1, 2, 3, 0.5]), ...at }, { time, id }));
    else if (u < 0.6) out.push(ev('StockRemoved', { itemId, quantity: pick([1, 2]), ...at }, { time, id }));
    else if (u < 0.68) out.push(ev('StockMoved', { itemId, quantity: 1, ...(location ? { from: location } : {}), to: pick(['A', 'B']) }, { time, id }));
    else if (u < 0.76) out.push(ev('StockCounted', { itemId, counted: pick([0, 1, 5, 10]), ...at }, { time, id }));
    else if (u < 0.77) out.push(ev('ItemUpdated', { itemId, changes: { name: { from: 'x', to: `Renamed ${i}` } } }, { time, id }));
    // Codes (data version 2): set or cleared; two items may end up sharing one, as merges allow.
    else if (u < 0.78) out.push({ ...ev('ItemUpdated', { itemId, changes: { codes: r() < 0.3 ? { from: ['x'] } : { to: [`c-a${i % 7}`, `c-b${i % 3}`] } } }, { time, id }), dataversion: 2 });
    else if (u < 0.8) out.push(ev(r() < 0.5 ? 'ItemArchived' : 'ItemRestored', { itemId }, { time, id }));
    else if (out.length > 10) {
      // An undo names one to three earlier events: some recent, some far back, some of them undos (a redo).
      const named = new Set<string>();
      const k = 1 + Math.floor(r() * 3);
      for (let j = 0; j < k; j++) named.add(out[r() < 0.5 ? Math.max(0, out.length - 1 - Math.floor(r() * 20)) : Math.floor(r() * out.length)]!.id);
      out.push(ev('EventsReverted', { eventIds: [...named] }, { time, id }));
    } else out.push(ev('StockAdded', { itemId, quantity: 1 }, { time, id }));
  }
  return out;
}
