// The import and export glue over src/state/app.ts: a File in, counts out; a download out, "last export" kept.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { eventCount, execute, getMeta, resetForTests, start, undo, undoImport } from '../../src/state/app';
import { importStatus, listImports } from '../../src/state/logReads';
import { EventStore } from '../../src/store/eventStore';
import { exportLog } from '../../src/io/exportLog';
import { describeImport, importLogFile, type ImportProgress } from '../../src/io/importLog';
import { freshDbName } from '../support/engine';
import { ev } from '../support/events';
import { exported, file, logText, sampleEvents } from './fixtures';

beforeEach(async () => {
  resetForTests();
  await start(freshDbName());
});
afterEach(() => {
  resetForTests();
  vi.unstubAllGlobals();
});

const manyEvents = (n: number) => [
  sampleEvents()[0]!,
  ...Array.from({ length: n }, (_, i) => ({ ...sampleEvents()[3]!, id: `many-${String(i).padStart(6, '0')}` })),
];

describe('importLogFile', () => {
  it('imports a file, then finds everything already here', async () => {
    const f = file([logText(sampleEvents())]);
    expect(await importLogFile(f)).toEqual({ ok: true, added: 4, skipped: 0 });
    expect(eventCount.value).toBe(4);
    expect(await importLogFile(f)).toEqual({ ok: true, added: 0, skipped: 4 });
    expect(eventCount.value).toBe(4);
  });

  it('imports a legacy file', async () => {
    const legacy = JSON.stringify([{ type: 'ITEM_ADDED', data: 'sword', timestamp: '2025-06-01T12:00:00' }]);
    expect(await importLogFile(file([legacy]))).toEqual({ ok: true, added: 2, skipped: 0 });
  });

  it('imports a pretty-printed export, which is not laid out a line per event', async () => {
    const doc = JSON.parse(logText(sampleEvents())) as unknown;
    expect(await importLogFile(file([JSON.stringify(doc, null, 2)]))).toEqual({ ok: true, added: 4, skipped: 0 });
  });

  it('imports an export with a byte order mark, cut into parts anywhere', async () => {
    const text = logText(sampleEvents());
    const bytes = new TextEncoder().encode(`\ufeff${text}`);
    expect(await importLogFile(file([bytes.slice(0, 7), bytes.slice(7, 301), bytes.slice(301)]))).toEqual({ ok: true, added: 4, skipped: 0 });
  });

  it('words a broken line of an export as the whole-text parse does (line and column)', async () => {
    const lines = logText(sampleEvents()).split('\n');
    lines[2] = lines[2]!.replace('":', '" ');
    const r = await importLogFile(file([lines.join('\n')]));
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/not valid JSON \(error at line 3, column \d+\)/) });
    expect(eventCount.value).toBe(0);
  });

  it('reports a refused file and writes nothing', async () => {
    await importLogFile(file([logText(sampleEvents().slice(0, 1))]));
    const r = await importLogFile(file([logText(sampleEvents(), { eventCount: 3 })]));
    expect(r).toEqual({ ok: false, error: expect.stringContaining('holds 3 events') });
    expect(eventCount.value).toBe(1);
  });

  it('reports a dangling item id (checked against file and log) and writes nothing', async () => {
    const r = await importLogFile(file([logText(sampleEvents().slice(1))]));
    expect(r).toEqual({ ok: false, error: expect.stringContaining('"i-1"') });
    expect(eventCount.value).toBe(0);
  });

  it('reports progress through reading, checking and writing', async () => {
    const phases: ImportProgress['phase'][] = [];
    await importLogFile(file([logText(manyEvents(3000))]), { onProgress: (p) => phases.at(-1) !== p.phase && phases.push(p.phase) });
    expect(phases).toEqual(['reading', 'checking', 'writing']);
  });

  it('stops when cancelled while checking, and writes nothing', async () => {
    const ctrl = new AbortController();
    const r = await importLogFile(file([logText(manyEvents(3000))]), {
      signal: ctrl.signal,
      onProgress: (p) => p.phase === 'checking' && ctrl.abort(),
    });
    expect(r).toEqual({ ok: false, error: 'Import cancelled. Nothing was changed.' });
    expect(eventCount.value).toBe(0);
  });

  it('accepts an empty log as nothing new', async () => {
    expect(await importLogFile(file([logText([])]))).toEqual({ ok: true, added: 0, skipped: 0 });
  });
});

describe('describeImport', () => {
  it('says how many were new and how many were already here', () => {
    expect(describeImport(120, 30)).toBe('Imported 120 new events; 30 were already here.');
    expect(describeImport(1, 1)).toBe('Imported 1 new event; 1 was already here.');
    expect(describeImport(0, 1234)).toBe('No new events; 1,234 were already here.');
    expect(describeImport(5, 0)).toBe('Imported 5 new events.');
  });
});


describe('exportLog', () => {
  it('gives back the text the imported file had for each event, one event per line', async () => {
    // Written by hand: spaces, a trailing zero, an escape and Windows line ends, all valid JSON.
    const lines = sampleEvents().map((e) => JSON.stringify(e));
    lines[1] = lines[1]!.replace('"quantity":2', '"quantity": 2.0').replace('"rare"', '"r\\u0061re"');
    const text = logText(sampleEvents()).split('\n').map((l, i) => (i >= 1 && i <= 4 ? lines[i - 1] + (i < 4 ? ',' : '') : l)).join('\r\n');
    expect(await importLogFile(file([text]))).toEqual({ ok: true, added: 4, skipped: 0 });
    const out = await exported();
    const doc = JSON.parse(out) as { events: unknown[] };
    expect(doc.events).toEqual(sampleEvents());
    expect(out.split('\n').slice(1, 5)).toEqual(lines.map((l, i) => l + (i < 3 ? ',' : '')));
  });

  it('downloads the log as eventory-<date>.json and remembers the export', async () => {
    await importLogFile(file([logText(sampleEvents())]));
    const saved: { blob?: Blob; name?: string } = {};
    const anchor = { click: vi.fn(), remove: vi.fn(), href: '', set download(n: string) { saved.name = n; }, hidden: false };
    vi.stubGlobal('document', { createElement: () => anchor, body: { append: vi.fn() } });
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      saved.blob = b as Blob;
      return 'blob:test';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const r = await exportLog();
    expect(r).toEqual({ ok: true, eventCount: 4, filename: expect.stringMatching(/^eventory-\d{4}-\d{2}-\d{2}\.json$/) });
    expect(saved.name).toBe((r as { filename: string }).filename);
    expect(anchor.click).toHaveBeenCalledOnce();
    const doc = JSON.parse(await saved.blob!.text());
    expect(doc.events).toEqual(sampleEvents());
    expect(await getMeta('lastExport')).toEqual({ at: doc.exportedAt, eventCount: 4 });
  });
});

describe('importStatus', () => {
  it('is active while nothing is undone, without reading the ids the import added', async () => {
    await importLogFile(file([logText(sampleEvents())]));
    const [imp] = await listImports();
    const read = vi.spyOn(EventStore.prototype, 'importedIds');
    expect(await importStatus(imp!.id)).toBe('active');
    expect(await importStatus('no-such-import')).toBe('unknown');
    expect(read).not.toHaveBeenCalled();
  });

  it('counts again only when the undone events change, not after a command', async () => {
    await importLogFile(file([logText(sampleEvents())]));
    const [imp] = await listImports();
    expect((await undo(['id-d'])).ok).toBe(true);
    const read = vi.spyOn(EventStore.prototype, 'importedIdParts');
    expect(await importStatus(imp!.id)).toBe('partly');
    expect((await execute({ type: 'createItem', name: 'Lamp' })).ok).toBe(true);
    expect(await importStatus(imp!.id)).toBe('partly');
    expect(read).toHaveBeenCalledTimes(1);
    expect((await undoImport(imp!.id)).ok).toBe(true);
    read.mockClear();
    expect(await importStatus(imp!.id)).toBe('undone');
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('an import that brings its own undo (a log exported after an undo) is active, not partly undone', async () => {
    const undoInFile = ev('EventsReverted', { eventIds: ['id-d'] }, { id: 'id-e', time: '2026-01-01T00:04:00.000Z' });
    await importLogFile(file([logText([...sampleEvents(), undoInFile])]));
    const [imp] = await listImports();
    expect(await importStatus(imp!.id)).toBe('active');
    // Redoing what the file had undone is a change made here: the import is then partly undone.
    expect(await undo(['id-e'])).toMatchObject({ ok: true });
    expect(await importStatus(imp!.id)).toBe('partly');
    expect(await undoImport(imp!.id)).toMatchObject({ ok: true });
    expect(await importStatus(imp!.id)).toBe('undone');
  });

  it('reads them once something is undone: partly, then undone', async () => {
    await importLogFile(file([logText(sampleEvents())]));
    const [imp] = await listImports();
    expect((await undo(['id-d'])).ok).toBe(true);
    expect(await importStatus(imp!.id)).toBe('partly');
    expect((await undoImport(imp!.id)).ok).toBe(true);
    expect(await importStatus(imp!.id)).toBe('undone');
  });
});
