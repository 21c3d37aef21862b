// A full disk in the middle of a command or an import (issue 7): the transaction aborts, the log is left exactly
// as it was (every table), the user is told in words from describeOpenError, and once there is room again the
// app goes on working with nothing lost. Driven through src/state/app.ts, the API the UI calls.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { describeOpenError } from '../../src/state/storageErrors';
import { eventCount, execute, importEvents, inventory, resetForTests, start, status, storageProblem, undo } from '../../src/state/app';
import { EventStore } from '../../src/store/eventStore';
import { BIG_ITEMS, BIG_SIZE, bigLog } from '../support/bigLog';
import { quantityOf } from '../../src/domain/inventory';
import type { InventoryEvent } from '../../src/domain/events';
import { EventoryDB } from '../../src/store/db';
import { freshDbName } from '../support/engine';
import { ev } from '../support/events';
import { replay, plain } from '../support/oracle';
import { quotaAtCommit, quotaAtWrite, type Fault } from './support/faults';
import { readLog, readTables } from './support/reads';

const QUOTA_MESSAGE = describeOpenError(new DOMException('full', 'QuotaExceededError'));

let name: string;
let fault: Fault | undefined;

async function must<T extends { ok: boolean }>(p: Promise<T>): Promise<Extract<T, { ok: true }>> {
  const r = await p;
  if (!r.ok) throw new Error(`expected success: ${JSON.stringify(r)}`);
  return r as Extract<T, { ok: true }>;
}

/** A log with an item, stock at two locations and an undo, so every table has rows. */
async function seed(): Promise<string> {
  const created = await must(execute({ type: 'createItem', name: 'Sword' }));
  const itemId = (created.events[0]!.data as { itemId: string }).itemId;
  await must(execute({ type: 'addStock', itemId, quantity: 5, location: 'Armory' }));
  const added = await must(execute({ type: 'addStock', itemId, quantity: 2 }));
  await must(undo([added.events[0]!.id]));
  await must(importEvents([ev('ItemCreated', { itemId: 'rope', name: 'Rope' }, { id: 'imp-1' }), ev('StockAdded', { itemId: 'rope', quantity: 3 }, { id: 'imp-2' })], { name: 'seed.json' }));
  return itemId;
}

/** A file from another device: a new item, and stock for one already here (also back-dated, before the head). */
function otherDevice(itemId: string, n = 300): InventoryEvent[] {
  const out: InventoryEvent[] = [ev('ItemCreated', { itemId: 'lamp', name: 'Lamp' }, { id: 'other-0000', time: '2020-01-01T00:00:00.000Z' })];
  for (let i = 1; i <= n; i++) out.push(ev('StockAdded', { itemId: i % 2 ? 'lamp' : itemId, quantity: 1 }, { id: `other-${String(i).padStart(4, '0')}`, time: new Date(Date.UTC(2020, 0, 1, 0, i)).toISOString() }));
  return out;
}

beforeEach(async () => {
  // One app per test: no cross-talk between the engines of earlier tests on the 'eventory' channel.
  vi.stubGlobal('BroadcastChannel', undefined);
  resetForTests();
  name = freshDbName();
  await start(name);
});

afterEach(() => {
  fault?.restore();
  fault = undefined;
  resetForTests();
  vi.unstubAllGlobals();
});

describe.each([
  ['when the transaction commits', () => quotaAtCommit({ stores: ['pages'] })],
  ['at the first write of a page', () => quotaAtWrite(['pages'])],
  ['at the write of the log head (the last write of a command)', () => quotaAtWrite(['meta'])],
])('a quota error %s', (_when, inject) => {
  it('during a command: the log is unchanged, the user is told, the state is as before', async () => {
    const itemId = await seed();
    const before = await readTables(name);
    const state = plain(inventory.value);
    const count = eventCount.value;
    fault = inject();

    const r = await execute({ type: 'removeStock', itemId, quantity: 1, location: 'Armory' });

    expect(fault.hits).toBeGreaterThan(0);
    expect(r).toEqual({ ok: false, error: QUOTA_MESSAGE });
    expect(storageProblem.value).toEqual({ kind: 'quota', message: QUOTA_MESSAGE });
    expect(await readTables(name)).toEqual(before);
    expect(plain(inventory.value)).toEqual(state);
    expect(eventCount.value).toBe(count);
  });

  it('during an import: the log is unchanged, the user is told the file was not imported', async () => {
    const itemId = await seed();
    const before = await readTables(name);
    const state = plain(inventory.value);
    fault = inject();

    const r = await importEvents(otherDevice(itemId), { name: 'other.json' });

    expect(fault.hits).toBeGreaterThan(0);
    expect(r).toEqual({ ok: false, error: `${QUOTA_MESSAGE} The file was not imported; the log is unchanged.` });
    expect(storageProblem.value?.kind).toBe('quota');
    expect(await readTables(name)).toEqual(before);
    expect(plain(inventory.value)).toEqual(state);
  });

  it('once there is room again, the same command and import succeed and nothing is lost or doubled', async () => {
    const itemId = await seed();
    fault = inject();
    expect((await execute({ type: 'removeStock', itemId, quantity: 1, location: 'Armory' })).ok).toBe(false);
    expect((await importEvents(otherDevice(itemId), { name: 'other.json' })).ok).toBe(false);
    fault.restore();

    await must(execute({ type: 'removeStock', itemId, quantity: 1, location: 'Armory' }));
    expect(await importEvents(otherDevice(itemId), { name: 'other.json' })).toEqual({ ok: true, added: 301, skipped: 0 });
    const events = await readLog();
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    expect(events).toHaveLength(eventCount.value);
    expect(plain(inventory.value)).toEqual(plain(replay(events)));
    expect(quantityOf(inventory.value.items.get(itemId)!)).toBe(4 + 150);
  });
});

describe('a quota error while writing a snapshot (a cache of the fold, not the log)', () => {
  /** Reopens the app on a database holding `events` (written in one append, with no snapshot yet). */
  async function appOver(events: InventoryEvent[]) {
    resetForTests();
    name = freshDbName();
    const db = new EventoryDB(name);
    await db.open();
    const res = await new EventStore(db).append(events, 0);
    db.close();
    if (!res.ok) throw new Error('could not write the log');
  }

  it('does not stop the app from opening a long log', async () => {
    const events = bigLog(BIG_SIZE);
    await appOver(events);
    fault = quotaAtWrite(['snapshots']);
    await start(name);
    expect(fault.hits).toBeGreaterThan(0);
    expect(status.value).toEqual({ kind: 'ready' });
    expect(plain(inventory.value)).toEqual(plain(replay(events)));
  });

  it('does not turn a saved undo into a reported failure', async () => {
    // Undoing an early event refolds the log from the start, writing snapshots on the way and one at the head.
    const events = bigLog(BIG_SIZE);
    await appOver(events);
    await start(name);
    const early = events.find((e, i) => i < 100 && e.type === 'StockRemoved')!;
    fault = quotaAtWrite(['snapshots']);
    const r = await undo([early.id]);
    expect(fault.hits).toBeGreaterThan(0);
    const saved = await readLog();
    expect(saved).toHaveLength(events.length + 1);
    expect(r).toEqual({ ok: true, events: [saved[saved.length - 1]] });
    expect(plain(inventory.value)).toEqual(plain(replay(saved)));
  });
});

it('the quota notice goes away once a command succeeds again', async () => {
  const itemId = await seed();
  fault = quotaAtCommit();
  expect((await execute({ type: 'addStock', itemId, quantity: 1 })).ok).toBe(false);
  expect(storageProblem.value?.kind).toBe('quota');
  fault.restore();
  await must(execute({ type: 'addStock', itemId, quantity: 1 }));
  expect(storageProblem.value).toBeUndefined();
});

it('the quota notice goes away once an import succeeds again', async () => {
  const itemId = await seed();
  fault = quotaAtCommit();
  expect((await importEvents(otherDevice(itemId, 3))).ok).toBe(false);
  expect(storageProblem.value?.kind).toBe('quota');
  fault.restore();
  expect(await importEvents(otherDevice(itemId, 3))).toEqual({ ok: true, added: 4, skipped: 0 });
  expect(storageProblem.value).toBeUndefined();
});
