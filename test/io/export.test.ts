// The export file (spec §1, §5): header, one event per line, `events` last, readable by a plain JSON.parse,
// and the export → import → export round trip identical byte for byte.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildExport } from '../../src/io/exportFormat';
import { parseLog } from '../../src/io/parseLog';
import { arbLog, asChunks, chunked } from './arbitraries';
import { sampleEvents } from './fixtures';

const AT = new Date('2026-11-23T10:00:00.000Z');

async function exportText(chunks: Parameters<typeof asChunks>[0], exportedAt = AT): Promise<string> {
  const r = await buildExport(asChunks(chunks as never[][]), { exportedAt });
  if (!r.ok) throw new Error(r.error);
  return r.blob.text();
}

describe('export format', () => {
  it('writes the header, then one event per line, then the closing line', async () => {
    const events = sampleEvents();
    const text = await exportText([events.slice(0, 3), [], events.slice(3)]);
    const lines = text.split('\n');
    expect(lines[0]).toBe('{"format":"eventory.event-log","formatVersion":1,"exportedAt":"2026-11-23T10:00:00.000Z","eventCount":4,"events":[');
    expect(lines.slice(1, 5)).toEqual(events.map((e, i) => JSON.stringify(e) + (i < 3 ? ',' : '')));
    expect(lines.slice(5)).toEqual([']}', '']);
  });

  it('is plain JSON with the events last and the right eventCount', async () => {
    const doc = JSON.parse(await exportText([sampleEvents()]));
    expect(Object.keys(doc)).toEqual(['format', 'formatVersion', 'exportedAt', 'eventCount', 'events']);
    expect(doc.eventCount).toBe(4);
    expect(doc.events).toEqual(sampleEvents());
  });

  it('writes an empty log that imports as empty', async () => {
    const text = await exportText([]);
    expect(JSON.parse(text)).toMatchObject({ eventCount: 0, events: [] });
    expect(await parseLog(text)).toMatchObject({ ok: true, events: [] });
  });

  it('reports progress and stops when cancelled', async () => {
    const seen: [number, number][] = [];
    const ctrl = new AbortController();
    const chunks = [sampleEvents().slice(0, 2), sampleEvents().slice(2), sampleEvents()];
    const r = await buildExport(asChunks(chunks), {
      total: 8,
      signal: ctrl.signal,
      onProgress: (done, total) => {
        seen.push([done, total]);
        if (done >= 4) ctrl.abort();
      },
    });
    expect(seen).toEqual([[2, 8], [4, 8]]);
    expect(r).toEqual({ ok: false, error: 'Export cancelled.' });
  });

  it('writes every chunk in order when there are more than fit in one group of parts', async () => {
    const events = Array.from({ length: 150 }, (_, i) => ({ ...sampleEvents()[1]!, id: `e-${String(i).padStart(3, '0')}` }));
    const text = await exportText(events.map((e) => [e]));
    expect(text.split('\n').slice(1, -2)).toEqual(events.map((e, i) => JSON.stringify(e) + (i < events.length - 1 ? ',' : '')));
  });

  it('round-trips any valid log byte for byte (apart from exportedAt), however it is chunked', async () => {
    await fc.assert(
      fc.asyncProperty(arbLog(), fc.array(fc.nat(), { maxLength: 4 }), fc.date({ noInvalidDate: true }), async (events, cuts, later) => {
        const first = await exportText(chunked(events, cuts));
        const parsed = await parseLog(first);
        if (!parsed.ok) throw new Error(parsed.error);
        expect(parsed.events.map((e) => JSON.stringify(e))).toEqual(events.map((e) => JSON.stringify(e)));
        const again = await exportText([parsed.events], later);
        const strip = (t: string) => t.replace(/"exportedAt":"[^"]*"/, '');
        expect(strip(again)).toBe(strip(first));
      }),
      { numRuns: 150 },
    );
  });
});
