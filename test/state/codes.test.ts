// One code, one listed item (spec 2.1) where the engine decides against the log: undo and redo, commands placed
// before future-dated events, and merges (kept, and shown as a conflict).
import { describe, expect, it } from 'vitest';
import { codeConflicts } from '../../src/domain/codes';
import { importEvents } from '../../src/state/importer';
import { createItem, makeEngine, testClock } from '../support/engine';
import { engineScenario } from '../support/engineScenario';
import { ev } from '../support/events';

const CODE = '4006381333931';

describe('undo and redo', () => {
  it('refuses to undo an archive when the item’s code is now on another listed item, naming both', async () => {
    const s = await engineScenario();
    const pencil = await s.create('Pencil', { codes: [CODE] });
    const [archive] = await s.execute({ type: 'archiveItem', itemId: pencil });
    await s.create('Pen', { codes: [CODE] });
    const version = s.engine.head.version;
    expect(await s.tryUndo(archive!)).toMatchObject({ ok: false, error: `Cannot undo this: “Pencil” and “Pen” would both have code ${CODE}.` });
    expect(s.engine.head.version).toBe(version);
  });

  it('refuses to undo an edit that took a code off an item, once another item has it', async () => {
    const s = await engineScenario();
    const pencil = await s.create('Pencil', { codes: [CODE] });
    const [edit] = await s.execute({ type: 'editItem', itemId: pencil, changes: { codes: [] } });
    await s.create('Pen', { codes: [CODE] });
    expect(await s.tryUndo(edit!)).toMatchObject({ ok: false, error: expect.stringMatching(/^Cannot undo this: “Pencil” and “Pen” would both have code/) });
  });

  it('refuses a redo that would give the code back while another item has it', async () => {
    const s = await engineScenario();
    const pencil = await s.create('Pencil');
    const [edit] = await s.execute({ type: 'editItem', itemId: pencil, changes: { codes: [CODE] } });
    const undo = await s.undo(edit!);
    await s.create('Pen', { codes: [CODE] });
    expect(await s.tryUndo(...undo)).toMatchObject({ ok: false, error: expect.stringMatching(/^Cannot redo this: “Pencil” and “Pen” would both have code/) });
  });

  it('allows an undo that gives a code back when nobody else took it', async () => {
    const s = await engineScenario();
    const pencil = await s.create('Pencil', { codes: [CODE] });
    const [edit] = await s.execute({ type: 'editItem', itemId: pencil, changes: { codes: ['other'] } });
    await s.undo(edit!);
    expect(s.item(pencil).codes).toEqual([CODE]);
    await s.expectHeadMatchesLog();
  });
});

describe('a command placed before future-dated events', () => {
  it('is refused when, at its place, the code is still on an item that a later event takes it from', async () => {
    const env = await makeEngine({ clock: testClock('2026-03-01T00:00:00.000Z') });
    const pen = await createItem(env.engine, 'Pen');
    await env.engine.execute({ type: 'editItem', itemId: pen, changes: { codes: [CODE] } });
    // Another device, its clock years ahead, took the code off the Pen.
    await importEvents(env.engine, [ev('ItemUpdated', { itemId: pen, changes: { codes: { from: [CODE] } } }, { time: '2031-01-01T00:00:00.000Z', id: 'ahead' })]);
    const r = await env.engine.execute({ type: 'createItem', name: 'Pencil', codes: [CODE] });
    expect(r).toMatchObject({ ok: false, error: expect.stringMatching(/^Not saved: .*2031-01-01 00:00 UTC.*“Pencil” and “Pen” would both have code 4006381333931\.$/) });
  });
});

describe('a merge', () => {
  it('that gives two listed items one code is kept, and the conflict names both', async () => {
    const s = await engineScenario();
    await s.create('Pencil', { codes: [CODE] });
    const r = await importEvents(s.engine, [{ ...ev('ItemCreated', { itemId: 'other', name: 'Pen', codes: [CODE, 'x'] }, { id: 'imp', time: '2026-01-01T00:00:30.000Z' }), dataversion: 2 }]);
    expect(r).toMatchObject({ ok: true, added: 1 });
    const conflicts = codeConflicts(s.engine.state.value.items.values());
    expect([...conflicts.keys()]).toEqual([CODE]);
    expect(conflicts.get(CODE)!.map((i) => i.name).sort()).toEqual(['Pen', 'Pencil']);
  });

  it('leaves its conflict to the user: other commands, undos and redos still work', async () => {
    const s = await engineScenario();
    const pencil = await s.create('Pencil', { codes: [CODE] });
    await importEvents(s.engine, [{ ...ev('ItemCreated', { itemId: 'other', name: 'Pen', codes: [CODE] }, { id: 'imp', time: '2026-01-01T00:00:30.000Z' }), dataversion: 2 }]);
    const [rename] = await s.execute({ type: 'editItem', itemId: pencil, changes: { name: 'Pencil HB' } });
    const undo = await s.undo(rename!);
    await s.redo(...undo);
    expect(s.item(pencil).name).toBe('Pencil HB');
  });
});
