import { describe, expect, it } from 'vitest';
import { engineScenario, createdItem } from '../support/engineScenario';

describe('undo and redo', () => {
  it('undo, redo, undo: the quantity follows the latest word', async () => {
    const s = await engineScenario();
    const sword = await s.create('Sword');
    const [add] = await s.execute({ type: 'addStock', itemId: sword, quantity: 5 });
    const undo = await s.undo(add!);
    const redo = await s.redo(...undo);
    expect(s.quantity(sword)).toBe(5);
    await s.undo(...redo);
    expect(s.quantity(sword)).toBe(0);
    await s.expectHeadMatchesLog();
  });

  it('refuses to undo an event that is already undone and appends nothing', async () => {
    const s = await engineScenario();
    const sword = await s.create('Sword');
    const [add] = await s.execute({ type: 'addStock', itemId: sword, quantity: 5 });
    await s.undo(add!);
    const version = s.engine.head.version;
    expect(await s.tryUndo(add!)).toMatchObject({ ok: false, error: expect.stringMatching(/already undone/) });
    expect(s.engine.head.version).toBe(version);
  });

  it('refuses to undo an id that is not in the log', async () => {
    const s = await engineScenario();
    await s.create('Sword');
    expect(await s.tryUndo('nope')).toMatchObject({ ok: false, error: expect.stringMatching(/not in the log/) });
  });

  it('refuses to undo the creation of an item that later events act on', async () => {
    const s = await engineScenario();
    const [created] = await s.execute({ type: 'createItem', name: 'Sword' });
    const added = await s.execute({ type: 'addStock', itemId: createdItem(created!), quantity: 1 });
    const r = await s.tryUndo(created!);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.dependents?.map((e) => e.id)).toEqual(added.map((e) => e.id));
  });

  it('refuses a redo that would take more than a later removal left', async () => {
    const s = await engineScenario();
    const sword = await s.create('Sword');
    await s.execute({ type: 'addStock', itemId: sword, quantity: 5 });
    const [rm] = await s.execute({ type: 'removeStock', itemId: sword, quantity: 3 });
    const undo = await s.undo(rm!);
    await s.execute({ type: 'removeStock', itemId: sword, quantity: 4 });
    const r = await s.tryUndo(...undo);
    expect(r.ok).toBe(false);
    expect(s.quantity(sword)).toBe(1);
  });

  // Undoing a redo undoes the original events again, so a removal made after the redo must block it, exactly as
  // it blocks a first undo (an undo whose removal would make a later quantity negative is refused).
  it('refuses undoing a redo when a later removal depends on the redone addition', async () => {
    const s = await engineScenario();
    const sword = await s.create('Sword');
    const [add] = await s.execute({ type: 'addStock', itemId: sword, quantity: 5 });
    const undo = await s.undo(add!);
    const redo = await s.redo(...undo);
    const [rm] = await s.execute({ type: 'removeStock', itemId: sword, quantity: 5 });
    const r = await s.tryUndo(...redo);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.dependents?.map((e) => e.id)).toEqual([rm!.id]);
    expect(s.quantity(sword)).toBe(0);
    await s.expectHeadMatchesLog();
  });

  it('refuses undoing a redo of an item’s creation when later events act on the item', async () => {
    const s = await engineScenario();
    const [created] = await s.execute({ type: 'createItem', name: 'Sword' });
    const sword = createdItem(created!);
    const undo = await s.undo(created!);
    const redo = await s.redo(...undo);
    await s.execute({ type: 'addStock', itemId: sword, quantity: 2 });
    expect((await s.tryUndo(...redo)).ok).toBe(false);
    expect(s.item(sword).known).toBe(true);
  });

  it('undoing several events at once reverts them all in one EventsReverted', async () => {
    const s = await engineScenario();
    const sword = await s.create('Sword');
    const [a] = await s.execute({ type: 'addStock', itemId: sword, quantity: 2 });
    const [b] = await s.execute({ type: 'addStock', itemId: sword, quantity: 3, location: 'A' });
    const r = await s.tryUndo(a!, b!);
    expect(r.ok && r.events.map((e) => e.data)).toEqual([{ eventIds: [a!.id, b!.id] }]);
    expect(s.quantity(sword)).toBe(0);
  });
});
