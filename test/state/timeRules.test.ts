// The time rules (README, "How Eventory keeps your data"): a command is stamped by the clock; it follows the head
// only when the head is at most a day ahead; events further ahead neither drag local times nor block writing,
// and a command that lands before them is kept only if its place changes nothing about it.
import { describe, expect, it } from 'vitest';
import { quantityOf } from '../../src/domain/inventory';
import { describeImport } from '../../src/io/importLog';
import { importEvents } from '../../src/state/importer';
import { createItem, makeEngine, ok, testClock } from '../support/engine';
import { ev } from '../support/events';

const NOW = '2026-03-01T00:00:00.000Z';

/** An engine at NOW with item Rope and one imported event at `time`: StockAdded of `quantity`, or a count. */
async function withEventAt(time: string, what: { quantity?: number; counted?: number } = {}) {
  const env = await makeEngine({ clock: testClock(NOW) });
  const id = await createItem(env.engine, 'Rope');
  const opts = { time, id: 'ahead' };
  const e = what.counted === undefined ? ev('StockAdded', { itemId: id, quantity: what.quantity ?? 1 }, opts) : ev('StockCounted', { itemId: id, counted: what.counted }, opts);
  const r = await importEvents(env.engine, [e]);
  return { ...env, id, r };
}

describe('stamping', () => {
  it('a command follows a head that is less than a day ahead of the clock, by one millisecond', async () => {
    const env = await withEventAt('2026-03-01T23:00:00.000Z');
    const [e] = await ok(env.engine, { type: 'addStock', itemId: env.id, quantity: 1 });
    expect(e!.time).toBe('2026-03-01T23:00:00.001Z');
  });

  it('a command is stamped by the clock when the head is more than a day ahead', async () => {
    const env = await withEventAt('2026-03-02T00:00:00.002Z');
    const [e] = await ok(env.engine, { type: 'addStock', itemId: env.id, quantity: 1 });
    expect(e!.time).toBe(NOW);
  });
});

describe('a command before later events', () => {
  it('is refused, appending nothing, when at its place it would leave a negative quantity', async () => {
    const env = await withEventAt('2031-01-01T00:00:00.000Z', { quantity: 8 });
    const version = env.engine.head.version;
    const r = await env.engine.execute({ type: 'removeStock', itemId: env.id, quantity: 5 });
    expect(r).toMatchObject({ ok: false, error: expect.stringMatching(/^Not saved: .*2031-01-01 00:00 UTC.*negative quantity/) });
    expect(env.engine.head.version).toBe(version);
  });

  it('is refused, naming the later event’s date and the item, when that event would override it', async () => {
    const env = await withEventAt('2031-01-01T00:00:00.000Z', { counted: 3 });
    const r = await env.engine.execute({ type: 'addStock', itemId: env.id, quantity: 2 });
    expect(r).toMatchObject({ ok: false, error: expect.stringMatching(/dated 2031-01-01 00:00 UTC would override this for “Rope”/) });
  });

  it('is kept when its place changes nothing, and the head shows it', async () => {
    const env = await withEventAt('2031-01-01T00:00:00.000Z', { quantity: 8 });
    await ok(env.engine, { type: 'addStock', itemId: env.id, quantity: 2 });
    await ok(env.engine, { type: 'removeStock', itemId: env.id, quantity: 1 });
    expect(quantityOf(env.engine.state.value.items.get(env.id)!)).toBe(9);
  });
});

describe('the import warns of events dated more than a day ahead', () => {
  it('counts them and names the latest', async () => {
    const env = await withEventAt('2031-01-01T00:00:00.000Z');
    expect(env.r).toMatchObject({ ok: true, future: { count: 1, latest: '2031-01-01T00:00:00.000Z', ids: ['ahead'] } });
  });

  it('says nothing of events less than a day ahead', async () => {
    const env = await withEventAt('2026-03-01T23:00:00.000Z');
    expect(env.r).toEqual({ ok: true, added: 1, skipped: 0 });
  });

  it('the sentence shown warns and names them', () => {
    expect(describeImport(1, 0, { count: 1, latest: '2031-01-01T00:00:00.000Z', ids: ['ahead'] })).toBe(
      'Imported 1 new event. Warning: 1 event is dated more than a day after this device\'s clock (the latest 2031-01-01T00:00:00.000Z; id "ahead"). ' +
        "The device that recorded it probably had a wrong clock. It is kept where its time puts it; changes made here are still recorded at this device's time.",
    );
  });
});
