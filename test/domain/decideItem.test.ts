import { describe, expect, it } from 'vitest';
import { aSword, anArchivedSword, DECIDED_AT, given } from '../support/decide';
import { added, archived, created } from '../support/events';

describe('decide createItem', () => {
  it('makes one ItemCreated with a new item id, the context time and source, at data version 1', () => {
    const e = given().when({ type: 'createItem', name: '  Sword  ', sku: 'SW', minQuantity: 0 }).accepted();
    expect(e).toMatchObject({ specversion: '1.0', type: 'ItemCreated', time: DECIDED_AT, source: 'eventory:device:test', dataversion: 1 });
    expect(e.data).toEqual({ itemId: 'id-1', name: 'Sword', sku: 'SW', minQuantity: 0 });
    expect(e.id).toBe('id-2');
  });

  it('leaves empty optional text fields out of the event', () => {
    given().when({ type: 'createItem', name: 'Sword', sku: '', notes: '' }).thenRecords({ itemId: 'id-1', name: 'Sword' });
  });

  it('refuses an empty name', () => {
    given().when({ type: 'createItem', name: '' }).thenRefuses({ field: 'name' });
  });

  it('refuses a name of only spaces', () => {
    given().when({ type: 'createItem', name: '   ' }).thenRefuses({ field: 'name' });
  });

  it('accepts a name of exactly 200 characters and refuses 201', () => {
    given().when({ type: 'createItem', name: 'x'.repeat(200) }).accepted();
    expect(given().when({ type: 'createItem', name: 'x'.repeat(201) }).thenRefuses().fields?.name).toMatch(/200/);
  });

  it('refuses a name another listed item has, ignoring case and surrounding spaces', () => {
    given(aSword).when({ type: 'createItem', name: ' sWORD ' }).thenRefuses({ error: 'Sword', field: 'name' });
  });

  it('allows the name of an archived item', () => {
    given(anArchivedSword).when({ type: 'createItem', name: 'Sword' }).accepted();
  });

  it('refuses a negative minimum quantity', () => {
    given().when({ type: 'createItem', name: 'Sword', minQuantity: -1 }).thenRefuses({ field: 'minQuantity' });
  });

  it('refuses a minimum quantity that is not a number', () => {
    given().when({ type: 'createItem', name: 'Sword', minQuantity: Number.NaN }).thenRefuses({ field: 'minQuantity' });
  });

  it('refuses notes longer than 1,000 characters', () => {
    given().when({ type: 'createItem', name: 'Sword', notes: 'n'.repeat(1001) }).thenRefuses({ field: 'notes' });
  });

  it('refuses an attribute with an empty name', () => {
    given().when({ type: 'createItem', name: 'Sword', attributes: { ' ': 'x' } }).thenRefuses({ field: 'attributes' });
  });

  it('refuses an attribute whose value is not text, a number or a boolean', () => {
    const attributes = { rarity: { deep: 1 } } as unknown as Record<string, string>;
    given().when({ type: 'createItem', name: 'Sword', attributes }).thenRefuses({ field: 'attributes' });
  });

  it('refuses an attribute whose number is not finite', () => {
    given().when({ type: 'createItem', name: 'Sword', attributes: { level: Infinity } }).thenRefuses({ field: 'attributes' });
  });

  it('keeps valid attributes of every allowed kind', () => {
    given().when({ type: 'createItem', name: 'Sword', attributes: { rarity: 'rare', level: 3, magic: false } }).thenEmits({ data: { attributes: { rarity: 'rare', level: 3, magic: false } } });
  });
});

describe('decide editItem', () => {
  it('records each changed field with its old and new value', () => {
    given(aSword)
      .when({ type: 'editItem', itemId: 'i1', changes: { name: 'Sabre', notes: 'new' } })
      .thenRecords({ itemId: 'i1', changes: { name: { from: 'Sword', to: 'Sabre' }, notes: { to: 'new' } } });
  });

  it('records a cleared field with only its old value', () => {
    given(created({ item: 'i1', name: 'Sword', sku: 'SW' })).when({ type: 'editItem', itemId: 'i1', changes: { sku: '  ' } }).thenRecords({ itemId: 'i1', changes: { sku: { from: 'SW' } } });
  });

  it('refuses an unknown item', () => {
    given(aSword).when({ type: 'editItem', itemId: 'nope', changes: { name: 'X' } }).thenRefuses({ error: /does not exist/ });
  });

  it('refuses an item known only from stock events (never created)', () => {
    given(added({ item: 'i9', quantity: 1 })).when({ type: 'editItem', itemId: 'i9', changes: { name: 'X' } }).thenRefuses({ error: /does not exist/ });
  });

  it('refuses an archived item', () => {
    given(anArchivedSword).when({ type: 'editItem', itemId: 'i1', changes: { name: 'X' } }).thenRefuses({ error: /archived/ });
  });

  it('refuses when no field actually changes', () => {
    given(aSword).when({ type: 'editItem', itemId: 'i1', changes: { name: 'Sword' } }).thenRefuses({ error: /Nothing was changed/ });
  });

  it('refuses when the only difference is surrounding spaces', () => {
    given(aSword).when({ type: 'editItem', itemId: 'i1', changes: { name: '  Sword ' } }).thenRefuses({ error: /Nothing was changed/ });
  });

  it('refuses an empty change set', () => {
    given(aSword).when({ type: 'editItem', itemId: 'i1', changes: {} }).thenRefuses({ error: /Nothing was changed/ });
  });

  it('refuses renaming to the name of another listed item', () => {
    given(created({ item: 'i1', name: 'Sword' }), created({ item: 'i2', name: 'Shield' })).when({ type: 'editItem', itemId: 'i2', changes: { name: 'SWORD' } }).thenRefuses({ field: 'name' });
  });

  it('allows changing only the case of an item’s own name', () => {
    given(aSword).when({ type: 'editItem', itemId: 'i1', changes: { name: 'SWORD' } }).thenEmits({ data: { changes: { name: { from: 'Sword', to: 'SWORD' } } } });
  });

  it('refuses clearing the name', () => {
    given(aSword).when({ type: 'editItem', itemId: 'i1', changes: { name: '' } }).thenRefuses({ field: 'name' });
  });

  it('refuses a name longer than 200 characters', () => {
    given(aSword).when({ type: 'editItem', itemId: 'i1', changes: { name: 'y'.repeat(201) } }).thenRefuses({ field: 'name' });
  });

  it('refuses a negative minimum quantity', () => {
    given(aSword).when({ type: 'editItem', itemId: 'i1', changes: { minQuantity: -0.5 } }).thenRefuses({ field: 'minQuantity' });
  });

  it('refuses an invalid attribute', () => {
    given(aSword).when({ type: 'editItem', itemId: 'i1', changes: { attributes: { '': 1 } } }).thenRefuses({ field: 'attributes' });
  });
});

describe('decide archiveItem and restoreItem', () => {
  it('archives a listed item', () => {
    given(aSword).when({ type: 'archiveItem', itemId: 'i1' }).thenEmits({ type: 'ItemArchived', data: { itemId: 'i1' } });
  });

  it('refuses archiving an unknown item', () => {
    given(aSword).when({ type: 'archiveItem', itemId: 'nope' }).thenRefuses({ error: /does not exist/ });
  });

  it('refuses archiving an item that is already archived', () => {
    given(anArchivedSword).when({ type: 'archiveItem', itemId: 'i1' }).thenRefuses({ error: /archived/ });
  });

  it('restores an archived item', () => {
    given(anArchivedSword).when({ type: 'restoreItem', itemId: 'i1' }).thenEmits({ type: 'ItemRestored', data: { itemId: 'i1' } });
  });

  it('refuses restoring an item that is not archived', () => {
    given(aSword).when({ type: 'restoreItem', itemId: 'i1' }).thenRefuses({ error: /not archived/ });
  });

  it('refuses restoring an unknown item', () => {
    given(aSword).when({ type: 'restoreItem', itemId: 'nope' }).thenRefuses({ error: /does not exist/ });
  });

  it('refuses restoring an archived item whose name a listed item now has', () => {
    given(created({ item: 'i1', name: 'Sword' }), archived({ item: 'i1' }), created({ item: 'i2', name: 'sword' })).when({ type: 'restoreItem', itemId: 'i1' }).thenRefuses({ error: /Rename one of them/ });
  });
});
