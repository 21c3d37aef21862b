// Item codes in decide() (spec 2.1): the data version each event is written with, and one code per listed item.
import { describe, expect, it } from 'vitest';
import { archived, created, edited, restored } from '../support/events';
import { given } from '../support/decide';

const pencil = created({ item: 'p', name: 'Pencil', codes: ['4006381333931'] });
const pen = created({ item: 'q', name: 'Pen' });

describe('data version of what the app writes', () => {
  it('an item created with codes is written as data version 2', () => {
    given().when({ type: 'createItem', name: 'Pencil', codes: ['4006381333931', 'A-1'] }).thenEmits({ dataversion: 2, data: { name: 'Pencil', codes: ['4006381333931', 'A-1'] } });
  });

  it('an item created without codes is written as data version 1, with no codes field', () => {
    const e = given().when({ type: 'createItem', name: 'Pen', codes: [] }).thenEmits({ dataversion: 1 });
    expect(e.data).not.toHaveProperty('codes');
  });

  it('an edit that sets codes is data version 2; one that changes only other fields stays 1', () => {
    given(pen).when({ type: 'editItem', itemId: 'q', changes: { codes: ['X1'] } }).thenEmits({ dataversion: 2, data: { changes: { codes: { to: ['X1'] } } } });
    given(pen).when({ type: 'editItem', itemId: 'q', changes: { sku: 'S' } }).thenEmits({ dataversion: 1 });
  });

  it('an edit that clears the codes is data version 2 and records what they were', () => {
    given(pencil).when({ type: 'editItem', itemId: 'p', changes: { codes: [] } }).thenEmits({ dataversion: 2, data: { changes: { codes: { from: ['4006381333931'] } } } });
  });

  it('setting the codes an item already has changes nothing', () => {
    given(pencil).when({ type: 'editItem', itemId: 'p', changes: { codes: ['4006381333931'] } }).thenRefuses({ error: 'Nothing was changed' });
  });
});

describe('codes are checked like every other field', () => {
  it('refuses a code with control characters, on the codes field', () => {
    given().when({ type: 'createItem', name: 'Pen', codes: ['A\tB'] }).thenRefuses({ error: 'highlighted fields', field: 'codes' });
  });

  it('refuses more than 20 codes', () => {
    const codes = Array.from({ length: 21 }, (_, i) => `c${i}`);
    const r = given().when({ type: 'createItem', name: 'Pen', codes }).thenRefuses({ field: 'codes' });
    expect(r.fields?.codes).toMatch(/at most 20 codes/);
  });

  it('refuses a code listed twice', () => {
    given(pen).when({ type: 'editItem', itemId: 'q', changes: { codes: ['a', 'a'] } }).thenRefuses({ field: 'codes' });
  });
});

describe('one code names one listed item', () => {
  it('refuses to create an item with a code already in use, naming the item that has it', () => {
    given(pencil).when({ type: 'createItem', name: 'Pen', codes: ['4006381333931'] }).thenRefuses({ error: 'Code 4006381333931 is already on “Pencil”.', field: 'codes' });
  });

  it('refuses to give an item a code another listed item has', () => {
    given(pencil, pen).when({ type: 'editItem', itemId: 'q', changes: { codes: ['X', '4006381333931'] } }).thenRefuses({ error: 'Code 4006381333931 is already on “Pencil”.' });
  });

  it('compares codes exactly: another case is another code', () => {
    given(created({ item: 'p', name: 'Pencil', codes: ['abc'] })).when({ type: 'createItem', name: 'Pen', codes: ['ABC'] }).thenEmits({ type: 'ItemCreated' });
  });

  it('lets a code of an archived item be used again', () => {
    given(pencil, archived({ item: 'p', at: 1 })).when({ type: 'createItem', name: 'Pen', codes: ['4006381333931'] }).thenEmits({ type: 'ItemCreated' });
  });

  it('refuses to restore an archived item whose code is now on another listed item', () => {
    const taken = [pencil, archived({ item: 'p', at: 1 }), created({ item: 'q', name: 'Pen', codes: ['4006381333931'], at: 2 })];
    given(taken).when({ type: 'restoreItem', itemId: 'p' }).thenRefuses({ error: 'Code 4006381333931 is already on “Pen”.' });
  });

  it('restores an archived item whose codes are free', () => {
    given(pencil, archived({ item: 'p', at: 1 }), pen).when({ type: 'restoreItem', itemId: 'p' }).thenEmits({ type: 'ItemRestored' });
  });

  it('lets an item that shares a code after a merge be edited, as long as the edit adds no taken code', () => {
    const merged = [pencil, created({ item: 'q', name: 'Pen', codes: ['4006381333931'] })];
    given(merged).when({ type: 'editItem', itemId: 'q', changes: { codes: ['4006381333931', 'new'] } }).thenEmits({ type: 'ItemUpdated' });
    given(merged).when({ type: 'editItem', itemId: 'q', changes: { name: 'Ballpoint' } }).thenEmits({ type: 'ItemUpdated' });
  });

  it('lets an edit move a code the item gave up to another item', () => {
    given(pencil, pen, edited({ item: 'p', changes: { codes: { from: ['4006381333931'] } }, at: 1 }))
      .when({ type: 'editItem', itemId: 'q', changes: { codes: ['4006381333931'] } })
      .thenEmits({ type: 'ItemUpdated' });
  });

  it('the restore check ignores the restored item’s own codes', () => {
    given(pencil, archived({ item: 'p', at: 1 }), restored({ item: 'p', at: 2 }), archived({ item: 'p', at: 3 })).when({ type: 'restoreItem', itemId: 'p' }).thenEmits({ type: 'ItemRestored' });
  });
});
