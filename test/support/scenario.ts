// Random histories for the property tests: a few items and locations, commands (valid and invalid), undos and
// redos through the engine, clock steps (also backwards), and back-dated events written straight to the store
// the way another device's or tab's late events arrive. The interpreter keeps its own copy of the log so the
// oracle never depends on what the engine or the store say.
import fc from 'fast-check';
import { expect, vi } from 'vitest';
import type { Command } from '../../src/domain/commands';
import type { InventoryEvent } from '../../src/domain/events';
import type { InventoryState } from '../../src/domain/inventory';
import { uuidv7Generator } from '../../src/domain/ids';
import { makeEngine, seededRandom } from './engine';
import { ev } from './events';
import { plain, replay, specView, viewOf } from './oracle';

export const NAMES = ['Sword', 'Shield', 'Rope', 'sword'] as const;
export const LOCS = [undefined, 'A', 'B'] as const;
// Mostly valid quantities; -1 and 0 exercise the refusals.
const QTY = [-1, 0, 0.5, 1, 1, 2, 2, 3, 5] as const;
const TICKS = [0, 1, 1_000, 60_000, 3_600_000, -1_800_000] as const;
const BACK = [1, 60_000, 600_000, 7_200_000, 86_400_000] as const;
export type LateKind = 'add' | 'remove' | 'count';

export type Step =
  | { k: 'create'; name: number }
  | { k: 'rename'; item: number; name: number }
  | { k: 'add' | 'remove'; item: number; qty: number; loc: number }
  | { k: 'move'; item: number; qty: number; from: number; to: number }
  | { k: 'count'; item: number; n: number; loc: number }
  | { k: 'archive' | 'restore'; item: number }
  | { k: 'undo'; picks: number[] }
  | { k: 'late'; kind: LateKind; item: number; qty: number; loc: number; back: number }
  | { k: 'tick'; ms: number };

const MAX_IDX = 20;
const idx = fc.nat(MAX_IDX);
const loc = fc.nat(LOCS.length - 1);
const qty = fc.constantFrom(...QTY);

export function stepArb(lateKinds: readonly LateKind[]): fc.Arbitrary<Step> {
  const w = (weight: number, arbitrary: fc.Arbitrary<Step>) => ({ weight, arbitrary });
  return fc.oneof(
    w(3, fc.record({ k: fc.constant('create' as const), name: fc.nat(NAMES.length - 1) })),
    w(1, fc.record({ k: fc.constant('rename' as const), item: idx, name: fc.nat(NAMES.length - 1) })),
    w(6, fc.record({ k: fc.constant('add' as const), item: idx, qty, loc })),
    w(4, fc.record({ k: fc.constant('remove' as const), item: idx, qty, loc })),
    w(2, fc.record({ k: fc.constant('move' as const), item: idx, qty, from: loc, to: loc })),
    w(2, fc.record({ k: fc.constant('count' as const), item: idx, n: fc.nat(6), loc })),
    w(1, fc.record({ k: fc.constantFrom('archive' as const, 'restore' as const), item: idx })),
    w(3, fc.record({ k: fc.constant('undo' as const), picks: fc.array(fc.nat(400), { minLength: 1, maxLength: 2 }) })),
    w(lateKinds.length ? 3 : 0, fc.record({ k: fc.constant('late' as const), kind: fc.constantFrom(...(lateKinds.length ? lateKinds : (['add'] as const))), item: idx, qty: fc.constantFrom(0.5, 1, 2, 3), loc, back: fc.constantFrom(...BACK) })),
    w(3, fc.record({ k: fc.constant('tick' as const), ms: fc.constantFrom(...TICKS) })),
  );
}

export const stepsArb = (lateKinds: readonly LateKind[], minLength = 1, maxLength = 60) =>
  fc.array(stepArb(lateKinds), { minLength, maxLength, size: 'max' });

export interface RunChecks {
  /** After every step: head == full replay (spec oracle). */
  eachStep?: boolean;
  /** Commands at the end of history read nothing back from the log and fold incrementally. */
  noReplayOnAppend?: boolean;
  /** After an accepted undo: items == replay of the log without the undone events. */
  undoIsRemoval?: boolean;
  /** After every step: no quantity at the head is negative. */
  noNegatives?: boolean;
}

export type Engineish = Awaited<ReturnType<typeof makeEngine>>;

export function expectHeadMatches(state: InventoryState, log: readonly InventoryEvent[]): void {
  expect(plain(state)).toEqual(plain(replay(log)));
  expect(viewOf(state)).toEqual(specView(log));
}

export function negativeBuckets(state: InventoryState): string[] {
  const out: string[] = [];
  for (const item of state.items.values()) for (const [l, q] of Object.entries(item.stock)) if (q < 0) out.push(`${item.id}@${l || '(unassigned)'}=${q}`);
  return out;
}

/** The command a step stands for, or undefined for undo, late and tick steps. */
export function command(s: Step, items: readonly string[]): Command | undefined {
  // The largest index names an item that does not exist (a refusal to exercise).
  const item = (i: number) => (i === MAX_IDX || items.length === 0 ? 'no-such-item' : items[i % items.length]!);
  switch (s.k) {
    case 'create':
      return { type: 'createItem', name: NAMES[s.name]! };
    case 'rename':
      return { type: 'editItem', itemId: item(s.item), changes: { name: NAMES[s.name]! } };
    case 'add':
      return { type: 'addStock', itemId: item(s.item), quantity: s.qty, location: LOCS[s.loc] };
    case 'remove':
      return { type: 'removeStock', itemId: item(s.item), quantity: s.qty, location: LOCS[s.loc] };
    case 'move':
      return { type: 'moveStock', itemId: item(s.item), quantity: s.qty, from: LOCS[s.from], to: LOCS[s.to] };
    case 'count':
      return { type: 'countStock', itemId: item(s.item), counted: s.n, location: LOCS[s.loc] };
    case 'archive':
      return { type: 'archiveItem', itemId: item(s.item) };
    case 'restore':
      return { type: 'restoreItem', itemId: item(s.item) };
    default:
      return undefined;
  }
}

/** Ids of the "other device" that records late events: UUIDv7 made at each event's own time. */
function otherDevice() {
  let at = 0;
  const next = uuidv7Generator(() => at, seededRandom(4242));
  return (ms: number) => ((at = ms), next());
}

function lateEvent(s: Extract<Step, { k: 'late' }>, itemId: string, time: string, id: string): InventoryEvent {
  const location = LOCS[s.loc];
  const where = location === undefined ? {} : { location };
  if (s.kind === 'add') return ev('StockAdded', { itemId, quantity: s.qty, ...where }, { time, id });
  if (s.kind === 'remove') return ev('StockRemoved', { itemId, quantity: s.qty, ...where }, { time, id });
  return ev('StockCounted', { itemId, counted: s.qty, ...where }, { time, id });
}

/** Runs `steps` against `env` (a fresh engine unless given), checking as asked; returns the log it wrote. */
export async function runSteps(steps: readonly Step[], checks: RunChecks = {}, given?: Engineish, log: InventoryEvent[] = []) {
  const env = given ?? (await makeEngine());
  const { engine, store, clock } = env;
  const items: string[] = [...new Set(log.flatMap((e) => (e.type === 'ItemCreated' ? [e.data.itemId] : [])))];
  // Reads of pages (events) and snapshots: what a replay would do.
  const reads = [vi.spyOn(store, 'readRange'), vi.spyOn(store, 'readBackward'), vi.spyOn(store, 'snapshotsAtOrBefore'), vi.spyOn(store, 'findEvents')];
  const readCount = () => reads.reduce((n, s) => n + s.mock.calls.length, 0);
  let incremental = 0;
  const stop = engine.onChange((c) => (incremental = c.appended ? incremental + 1 : incremental));
  const lateId = otherDevice();
  const stats = { accepted: 0, refused: 0, undone: 0, undoRefused: 0, late: 0 };
  try {
    for (const s of steps) {
      const cmd = command(s, items);
      if (cmd) {
        const before = readCount();
        const changesBefore = incremental;
        // The first write into an empty log is folded from memory as a whole (no reads either).
        const wasEmpty = engine.head.count === 0;
        const r = await engine.execute(cmd);
        if (r.ok) {
          stats.accepted++;
          log.push(...r.events);
          if (cmd.type === 'createItem') items.push((r.events[0]!.data as { itemId: string }).itemId);
          if (checks.noReplayOnAppend && !wasEmpty) expect(incremental, 'an append at the end of history folds incrementally').toBe(changesBefore + 1);
        } else stats.refused++;
        if (checks.noReplayOnAppend && !wasEmpty) expect(readCount(), `reads of the log during ${cmd.type}`).toBe(before);
      } else if (s.k === 'undo') {
        if (log.length === 0) continue;
        // Counted from the newest: undo is mostly of recent events, and long logs still get some.
        const ids = [...new Set(s.picks.map((p) => log[log.length - 1 - (p % log.length)]!.id))];
        // Ids already undone are not undone twice (the engine leaves them out of the revert).
        const undoneBefore = engine.revertedNow();
        const r = await engine.undo(ids);
        if (r.ok) {
          stats.undone++;
          log.push(...r.events);
          if (checks.undoIsRemoval) {
            const gone = new Set([...ids.filter((id) => !undoneBefore.has(id)), ...r.events.map((e) => e.id)]);
            expect(plain(engine.state.value).items, 'an undo equals removing its events from history').toEqual(plain(replay(log.filter((e) => !gone.has(e.id)))).items);
          }
        } else stats.undoRefused++;
      } else if (s.k === 'late') {
        const headMs = engine.head.lastKey ? Date.parse(engine.head.lastKey.slice(0, 23) + 'Z') : clock.now().getTime();
        const itemId = items.length ? items[s.item % items.length]! : 'no-such-item';
        const e = lateEvent(s, itemId, new Date(headMs - s.back).toISOString(), lateId(headMs - s.back));
        const res = await store.append([e], engine.head.version);
        expect(res.ok).toBe(true);
        log.push(e);
        stats.late++;
        await engine.catchUp();
      } else if (s.k === 'tick') {
        clock.tick(s.ms);
      }
      if (checks.eachStep) expectHeadMatches(engine.state.value, log);
      if (checks.noNegatives) expect(negativeBuckets(engine.state.value)).toEqual([]);
    }
  } finally {
    stop();
    for (const s of reads) s.mockRestore();
  }
  return { ...env, log, items, stats };
}
