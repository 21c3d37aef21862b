import { describe, expect, it } from 'vitest';
import { accepted, archived, refused, run, state, sword } from '../support/decide';
import { added, at, created, ev } from '../support/events';

describe('decide createItem', () => {
  it('makes one ItemCreated with a new item id, the context time and source, at data version 1', () => {
    const e = accepted(run({ type: 'createItem', name: '  Sword  ', sku: 'SW', minQuantity: 0 }));
    expect(e).toMatchObject({ specversion: '1.0', type: 'ItemCreated', time: at(10), source: 'eventory:device:test', dataversion: 1 });
    expect(e.data).toEqual({ itemId: 'id-1', name: 'Sword', sku: 'SW', minQuantity: 0 });
    expect(e.id).toBe('id-2');
  });

  it('leaves empty optional text fields out of the event', () => {
    expect(accepted(run({ type: 'createItem', name: 'Sword', sku: '', notes: '' })).data).toEqual({ itemId: 'id-1', name: 'Sword' });
  });

  it('refuses an empty name', () => {
    expect(refused(run({ type: 'createItem', name: '' })).fields).toHaveProperty('name');
  });

  it('refuses a name of only spaces', () => {
    expect(refused(run({ type: 'createItem', name: '   ' })).fields).toHaveProperty('name');
  });

  it('accepts a name of exactly 200 characters and refuses 201', () => {
    accepted(run({ type: 'createItem', name: 'x'.repeat(200) }));
    expect(refused(run({ type: 'createItem', name: 'x'.repeat(201) })).fields?.name).toMatch(/200/);
  });

  it('refuses a name another listed item has, ignoring case and surrounding spaces', () => {
    const r = refused(run({ type: 'createItem', name: ' sWORD ' }, sword));
    expect(r.error).toContain('Sword');
    expect(r.fields).toHaveProperty('name');
  });

  it('allows the name of an archived item', () => {
    accepted(run({ type: 'createItem', name: 'Sword' }, archived));
  });

  it('refuses a negative minimum quantity', () => {
    expect(refused(run({ type: 'createItem', name: 'Sword', minQuantity: -1 })).fields).toHaveProperty('minQuantity');
  });

  it('refuses a minimum quantity that is not a number', () => {
    expect(refused(run({ type: 'createItem', name: 'Sword', minQuantity: Number.NaN })).fields).toHaveProperty('minQuantity');
  });

  it('refuses notes longer than 1,000 characters', () => {
    expect(refused(run({ type: 'createItem', name: 'Sword', notes: 'n'.repeat(1001) })).fields).toHaveProperty('notes');
  });

  it('refuses an attribute with an empty name', () => {
    expect(refused(run({ type: 'createItem', name: 'Sword', attributes: { ' ': 'x' } })).fields).toHaveProperty('attributes');
  });

  it('refuses an attribute whose value is not text, a number or a boolean', () => {
    const attributes = { rarity: { deep: 1 } } as unknown as Record<string, string>;
    expect(refused(run({ type: 'createItem', name: 'Sword', attributes })).fields).toHaveProperty('attributes');
  });

  it('refuses an attribute whose number is not finite', () => {
    expect(refused(run({ type: 'createItem', name: 'Sword', attributes: { level: Infinity } })).fields).toHaveProperty('attributes');
  });

  it('keeps valid attributes of every allowed kind', () => {
    expect(accepted(run({ type: 'createItem', name: 'Sword', attributes: { rarity: 'rare', level: 3, magic: false } })).data).toMatchObject({ attributes: { rarity: 'rare', level: 3, magic: false } });
  });
});

describe('decide editItem', () => {
  it('records each changed field with its old and new value', () => {
    const e = accepted(run({ type: 'editItem', itemId: 'i1', changes: { name: 'Sabre', notes: 'new' } }, sword));
    expect(e.data).toEqual({ itemId: 'i1', changes: { name: { from: 'Sword', to: 'Sabre' }, notes: { to: 'new' } } });
  });

  it('records a cleared field with only its old value', () => {
    const s = state(ev('ItemCreated', { itemId: 'i1', name: 'Sword', sku: 'SW' }));
    expect(accepted(run({ type: 'editItem', itemId: 'i1', changes: { sku: '  ' } }, s)).data).toEqual({ itemId: 'i1', changes: { sku: { from: 'SW' } } });
  });

  it('refuses an unknown item', () => {
    expect(refused(run({ type: 'editItem', itemId: 'nope', changes: { name: 'X' } }, sword)).error).toMatch(/does not exist/);
  });

  it('refuses an item known only from stock events (never created)', () => {
    expect(refused(run({ type: 'editItem', itemId: 'i9', changes: { name: 'X' } }, state(added('i9', 1)))).error).toMatch(/does not exist/);
  });

  it('refuses an archived item', () => {
    expect(refused(run({ type: 'editItem', itemId: 'i1', changes: { name: 'X' } }, archived)).error).toMatch(/archived/);
  });

  it('refuses when no field actually changes', () => {
    expect(refused(run({ type: 'editItem', itemId: 'i1', changes: { name: 'Sword' } }, sword)).error).toMatch(/Nothing was changed/);
  });

  it('refuses when the only difference is surrounding spaces', () => {
    expect(refused(run({ type: 'editItem', itemId: 'i1', changes: { name: '  Sword ' } }, sword)).error).toMatch(/Nothing was changed/);
  });

  it('refuses an empty change set', () => {
    expect(refused(run({ type: 'editItem', itemId: 'i1', changes: {} }, sword)).error).toMatch(/Nothing was changed/);
  });

  it('refuses renaming to the name of another listed item', () => {
    const s = state(created('i1', 'Sword'), created('i2', 'Shield'));
    expect(refused(run({ type: 'editItem', itemId: 'i2', changes: { name: 'SWORD' } }, s)).fields).toHaveProperty('name');
  });

  it('allows changing only the case of an item’s own name', () => {
    expect(accepted(run({ type: 'editItem', itemId: 'i1', changes: { name: 'SWORD' } }, sword)).data).toMatchObject({ changes: { name: { from: 'Sword', to: 'SWORD' } } });
  });

  it('refuses clearing the name', () => {
    expect(refused(run({ type: 'editItem', itemId: 'i1', changes: { name: '' } }, sword)).fields).toHaveProperty('name');
  });

  it('refuses a name longer than 200 characters', () => {
    expect(refused(run({ type: 'editItem', itemId: 'i1', changes: { name: 'y'.repeat(201) } }, sword)).fields).toHaveProperty('name');
  });

  it('refuses a negative minimum quantity', () => {
    expect(refused(run({ type: 'editItem', itemId: 'i1', changes: { minQuantity: -0.5 } }, sword)).fields).toHaveProperty('minQuantity');
  });

  it('refuses an invalid attribute', () => {
    expect(refused(run({ type: 'editItem', itemId: 'i1', changes: { attributes: { '': 1 } } }, sword)).fields).toHaveProperty('attributes');
  });
});

describe('decide archiveItem and restoreItem', () => {
  it('archives a listed item', () => {
    expect(accepted(run({ type: 'archiveItem', itemId: 'i1' }, sword))).toMatchObject({ type: 'ItemArchived', data: { itemId: 'i1' } });
  });

  it('refuses archiving an unknown item', () => {
    expect(refused(run({ type: 'archiveItem', itemId: 'nope' }, sword)).error).toMatch(/does not exist/);
  });

  it('refuses archiving an item that is already archived', () => {
    expect(refused(run({ type: 'archiveItem', itemId: 'i1' }, archived)).error).toMatch(/archived/);
  });

  it('restores an archived item', () => {
    expect(accepted(run({ type: 'restoreItem', itemId: 'i1' }, archived))).toMatchObject({ type: 'ItemRestored', data: { itemId: 'i1' } });
  });

  it('refuses restoring an item that is not archived', () => {
    expect(refused(run({ type: 'restoreItem', itemId: 'i1' }, sword)).error).toMatch(/not archived/);
  });

  it('refuses restoring an unknown item', () => {
    expect(refused(run({ type: 'restoreItem', itemId: 'nope' }, sword)).error).toMatch(/does not exist/);
  });

  it('refuses restoring an archived item whose name a listed item now has', () => {
    const s = state(created('i1', 'Sword'), ev('ItemArchived', { itemId: 'i1' }), created('i2', 'sword'));
    expect(refused(run({ type: 'restoreItem', itemId: 'i1' }, s)).error).toMatch(/Rename one of them/);
  });
});
