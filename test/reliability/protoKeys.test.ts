// Words that mean something to JavaScript objects (`__proto__`, `constructor`, `toString`, …) are ordinary text in
// an inventory: a location, an item id, a reason, an attribute name. Used as such they must behave like any other
// word, never change anything outside the data (Object.prototype), and never turn a quantity into NaN or let a
// removal take stock that is not there. (Files that use `__proto__`, `constructor` or `prototype` as field names
// of the format itself are refused: test/io/hostile.test.ts.)
import { afterAll, describe, expect, it } from 'vitest';
import { decide } from '../../src/domain/commands';
import { emptyState, fold, quantityAt, quantityOf } from '../../src/domain/inventory';
import { validateAttributes } from '../../src/domain/validation';
import { newRow, parseRows } from '../../src/ui/forms/attributes';
import { buildExport } from '../../src/io/exportFormat';
import { inventoryCsv } from '../../src/io/csv';
import { parseLog } from '../../src/io/parseLog';
import { importEvents } from '../../src/state/importer';
import { createItem, makeEngine } from '../support/engine';
import { ev, fixedContext } from '../support/events';
import { plain, replay } from '../support/oracle';
import { collect } from '../support/store';

const WORDS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'] as const;
const PROTO = Object.getOwnPropertyNames(Object.prototype).sort();

afterAll(() => {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTO);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

describe.each(WORDS)('the word %s', (word) => {
  it('as a location holds stock like any other location, and a removal cannot take more than is there', () => {
    const state = fold(emptyState(), [ev('ItemCreated', { itemId: 'i', name: 'Rope' }), ev('StockAdded', { itemId: 'i', quantity: 5, location: word }), ev('StockAdded', { itemId: 'i', quantity: 1 })]);
    const item = state.items.get('i')!;
    expect(quantityAt(item, word)).toBe(5);
    expect(quantityOf(item)).toBe(6);
    expect(Object.keys(item.stock).sort()).toEqual(['', word].sort());
    expect(decide({ type: 'removeStock', itemId: 'i', quantity: 6, location: word }, state, fixedContext())).toMatchObject({ ok: false, error: expect.stringMatching(/^Cannot remove 6: only 5/) });
    const moved = decide({ type: 'moveStock', itemId: 'i', quantity: 5, from: word, to: 'Van' }, state, fixedContext());
    expect(moved.ok).toBe(true);
    const after = fold(state, moved.ok ? moved.events : []).items.get('i')!;
    expect(after.stock).toEqual({ '': 1, Van: 5 });
    expect(quantityAt(after, word)).toBe(0);
  });

  it('as a location survives the store, a reload and an export → import round trip', async () => {
    const env = await makeEngine();
    const id = await createItem(env.engine, 'Rope');
    const add = await env.engine.execute({ type: 'addStock', itemId: id, quantity: 2.5, location: word });
    expect(add.ok).toBe(true);
    const count = await env.engine.execute({ type: 'countStock', itemId: id, counted: 2, location: word });
    expect(count).toMatchObject({ ok: true, events: [{ data: { expected: 2.5 } }] });
    const log = await collect(env.store.readRange('', '\uffff'));
    expect(plain(env.engine.state.value)).toEqual(plain(replay(log)));
    expect(quantityAt(env.engine.state.value.items.get(id), word)).toBe(2);
    const again = await makeEngine({ name: env.name, seed: 5 });
    expect(quantityOf(again.engine.state.value.items.get(id)!)).toBe(2);

    const file = await buildExport(env.store.readRange('', '\uffff'));
    const parsed = await parseLog(await (file.ok ? file.blob.text() : ''));
    expect(parsed.ok).toBe(true);
    const other = await makeEngine({ seed: 9 });
    expect(await importEvents(other.engine, parsed.ok ? parsed.events : [])).toEqual({ ok: true, added: 3, skipped: 0 });
    expect(quantityAt(other.engine.state.value.items.get(id), word)).toBe(2);
  });

  it('as an item id from another device is just an id', async () => {
    const env = await makeEngine();
    const r = await importEvents(env.engine, [
      ev('ItemCreated', { itemId: word, name: `Item ${word}` }, { id: 'c' }),
      ev('StockAdded', { itemId: word, quantity: 3, reason: word }, { id: 'a' }),
    ]);
    expect(r).toEqual({ ok: true, added: 2, skipped: 0 });
    expect(quantityOf(env.engine.state.value.items.get(word)!)).toBe(3);
    expect(env.engine.state.value.items.size).toBe(1);
    expect((await env.engine.execute({ type: 'removeStock', itemId: word, quantity: 4 })).ok).toBe(false);
  });

  it('as an attribute name: what a command accepts, an export of it imports again', async () => {
    const env = await makeEngine();
    // As a form builds it from what the user typed (an own property, whatever the word).
    const attributes = Object.defineProperty({ colour: 'red' }, word, { value: 'yes', enumerable: true });
    const r = await env.engine.execute({ type: 'createItem', name: 'Lamp', attributes });
    if (!r.ok) {
      expect(r.fields?.attributes, 'a refusal names the attribute').toContain(word);
      return;
    }
    const file = await buildExport(env.store.readRange('', '\uffff'));
    const parsed = await parseLog(await (file.ok ? file.blob.text() : ''));
    expect(parsed, 'the app wrote a log its own import refuses').toMatchObject({ ok: true });
  });
});

describe('the CSV of the inventory', () => {
  it.each(WORDS)('has an empty cell where an item has no stock at location %s', (word) => {
    const state = fold(emptyState(), [
      ev('ItemCreated', { itemId: 'a', name: 'Anvil' }),
      ev('ItemCreated', { itemId: 'b', name: 'Bolt' }),
      ev('StockAdded', { itemId: 'a', quantity: 2, location: word }),
      ev('StockAdded', { itemId: 'b', quantity: 1, location: 'Van' }),
    ]);
    const rows = inventoryCsv(state).trim().split('\r\n');
    expect(rows[0]).toContain(`Location: ${word}`);
    expect(rows[2]).toMatch(/^Bolt,,,,1,,1,/);
  });
});

describe('the attribute rows of the item form', () => {
  it.each(WORDS)('never drop an attribute named %s silently: it is kept or the row says why not', (word) => {
    const { attributes, errors } = parseRows([newRow(word, 'yes'), newRow('colour', 'red')]);
    const kept = attributes !== undefined && Object.hasOwn(attributes, word) && attributes[word] === 'yes';
    const explained = Object.values(errors).some((m) => m.includes(word));
    expect(kept || explained, JSON.stringify({ attributes, errors })).toBe(true);
    if (kept) expect(validateAttributes(attributes) === undefined || Object.values(validateAttributes(attributes)!).some((m) => m.includes(word))).toBe(true);
  });
});
