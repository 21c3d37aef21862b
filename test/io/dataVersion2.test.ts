// Files with data version 2 (item codes, spec 2.1): mixed with version 1, refused when newer, exported as they came.
import { describe, expect, it } from 'vitest';
import { findByCode } from '../../src/domain/codes';
import { importLogFile } from '../../src/io/importLog';
import { inventory as state } from '../../src/state/app';
import { useStartedApp } from '../support/startedApp';
import { ev } from '../support/events';
import { exported, file, logText, rejects } from './fixtures';

useStartedApp();

const v2 = <T extends { dataversion: number }>(e: T): T => ({ ...e, dataversion: 2 });

/** A log as the current release (version 1 only) and this one write it, interleaved, in history order. */
function mixed() {
  const t = (m: number) => `2026-01-01T00:0${m}:00.000Z`;
  return [
    ev('ItemCreated', { itemId: 'p', name: 'Pencil' }, { id: 'e1', time: t(0) }),
    v2(ev('ItemCreated', { itemId: 'q', name: 'Pen', codes: ['4006381333931', 'QR:pen'] }, { id: 'e2', time: t(1) })),
    ev('StockAdded', { itemId: 'p', quantity: 3 }, { id: 'e3', time: t(2) }),
    v2(ev('ItemUpdated', { itemId: 'p', changes: { codes: { to: ['P-1'] } } }, { id: 'e4', time: t(3) })),
    v2(ev('ItemUpdated', { itemId: 'q', changes: { codes: { from: ['4006381333931', 'QR:pen'], to: ['QR:pen'] } } }, { id: 'e5', time: t(4) })),
    ev('ItemUpdated', { itemId: 'q', changes: { notes: { to: 'blue' } } }, { id: 'e6', time: t(5) }),
  ];
}

const items = () => state.value.items.values();

describe('a file mixing data versions 1 and 2', () => {
  it('imports, and the items have the codes the file gives them', async () => {
    expect(await importLogFile(file([logText(mixed())]))).toEqual({ ok: true, added: 6, skipped: 0 });
    expect(findByCode(items(), 'P-1')?.name).toBe('Pencil');
    expect(findByCode(items(), 'QR:pen')?.name).toBe('Pen');
    expect(findByCode(items(), '4006381333931')).toBeUndefined();
    expect(state.value.items.get('q')!.notes).toBe('blue');
  });

  it('exports byte for byte as it came in (apart from the export time)', async () => {
    // Odd but valid text: escapes JSON.stringify would write otherwise, and an extension attribute.
    const text = logText(mixed()).replace('"name":"Pencil"', '"name":"Penc\\u0069l"').replace('"id":"e3",', '"id":"e3","subject":"x",');
    expect((await importLogFile(file([text]))).ok).toBe(true);
    const out = await exported();
    expect(out.split('\n').slice(1)).toEqual(text.split('\n').slice(1));
  });

  it('a version 1 file of the current release imports unchanged', async () => {
    const v1 = mixed().filter((e) => e.dataversion === 1 && e.data.itemId === 'p');
    expect(await importLogFile(file([logText(v1)]))).toEqual({ ok: true, added: v1.length, skipped: 0 });
    expect(state.value.items.get('p')!.codes).toBeUndefined();
  });
});

describe('refusals name the event, its id and the field', () => {
  const withFirst = (data: object, dataversion: number) => logText([{ ...mixed()[1]!, dataversion, data }]);

  it('data version 3 is newer than this app knows', () =>
    rejects(withFirst({ itemId: 'q', name: 'Pen' }, 3), 'Event 1 (id "e2")', '"dataversion" is 3', 'reads data version 2 at most', 'Update Eventory'));

  it('codes under data version 1 say which version they need', () =>
    rejects(withFirst({ itemId: 'q', name: 'Pen', codes: ['1'] }, 1), 'Event 1 (id "e2")', '"codes"', 'needs "dataversion" 2'));

  it('a code listed twice', () => rejects(withFirst({ itemId: 'q', name: 'Pen', codes: ['1', '1'] }, 2), 'Event 1 (id "e2")', '"codes"', 'listed twice'));

  it('an empty code', () => rejects(withFirst({ itemId: 'q', name: 'Pen', codes: [''] }, 2), 'Event 1 (id "e2")', '"codes[0]" must be text of 1 to 200 characters'));

  it('a code of 201 characters', () => rejects(withFirst({ itemId: 'q', name: 'Pen', codes: ['x'.repeat(201)] }, 2), '"codes[0]" must be text of 1 to 200 characters'));

  it('21 codes in an edit', () =>
    rejects(
      logText([mixed()[0], { ...mixed()[3]!, data: { itemId: 'p', changes: { codes: { to: Array.from({ length: 21 }, (_, i) => `c${i}`) } } } }]),
      'Event 2 (id "e4")',
      '"changes.codes.to" must be a list of at most 20 distinct codes',
    ));
});
