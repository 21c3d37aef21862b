// Parsing an export a slice of lines at a time must give exactly what one JSON.parse of the whole text gives,
// and must step aside (undefined) for anything it cannot vouch for, so the whole-text path decides and words it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseByLines } from '../../src/io/parseLines';

const HEAD = '{"format":"eventory.event-log","formatVersion":1,"events":[';
const exportText = (values: unknown[], nl = '\n') => `${HEAD}${nl}${values.map((v) => JSON.stringify(v)).join(`,${nl}`)}${nl}]}${nl}`;

function wholeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return 'invalid';
  }
}

describe('parseByLines', () => {
  it('gives the same document as JSON.parse for an export, whatever the slice size', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.jsonValue(), { maxLength: 40 }), fc.integer({ min: 1, max: 200 }), fc.constantFrom('\n', '\r\n'), async (values, sliceChars, nl) => {
        const text = exportText(values, nl);
        expect(await parseByLines(text, { sliceChars })).toEqual(JSON.parse(text));
      }),
      { numRuns: 200, seed: 7 },
    );
  });

  it('never returns a document JSON.parse would not, for lines joined, broken and ended at random', async () => {
    let vouched = 0;
    // A value's JSON, sometimes with a line break (or a stray character) put inside it.
    const value = fc.tuple(fc.jsonValue(), fc.nat(), fc.constantFrom('', '', '\n', ',\n', '\u00a0', '"')).map(([v, at, ins]) => {
      const j = JSON.stringify(v);
      const i = at % (j.length + 1);
      return j.slice(0, i) + ins + j.slice(i);
    });
    const sep = fc.constantFrom(',\n', ',\n', ',', '\n', ',\n,', ' ,\n', ',\r\n');
    const ending = fc.constantFrom('\n]}\n', '\n]}', ']}', '\n] }', '\n]}x', '\n]');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(value, sep), { maxLength: 12 }), ending, fc.integer({ min: 1, max: 50 }), async (parts, end, sliceChars) => {
        const body = parts.map(([v, s], i) => (i === parts.length - 1 ? v : v + s)).join('');
        const text = `${HEAD}\n${body}${end}`;
        const got = await parseByLines(text, { sliceChars });
        if (got !== undefined) (vouched++, expect(got).toEqual(wholeParse(text)));
      }),
      { numRuns: 1000, seed: 11 },
    );
    expect(vouched, 'some random texts were parsed by lines').toBeGreaterThan(50);
  });

  it('steps aside for a pretty-printed file, leaving it to the whole-text parse', async () => {
    const text = JSON.stringify({ format: 'eventory.event-log', formatVersion: 1, events: [{ a: 1 }, { b: [1, 2] }] }, null, 2);
    expect(await parseByLines(text, { sliceChars: 4 })).toBeUndefined();
  });

  it('reads an export with no events', async () => {
    expect(await parseByLines(exportText([]))).toEqual({ format: 'eventory.event-log', formatVersion: 1, events: [] });
  });

  it('reports progress up to the whole text, and stops when cancelled', async () => {
    const text = exportText(Array.from({ length: 50 }, (_, i) => ({ i })));
    const seen: number[] = [];
    await parseByLines(text, { sliceChars: 40, onProgress: (done, total) => (expect(total).toBe(text.length), seen.push(done)) });
    expect(seen.length).toBeGreaterThan(5);
    expect(seen.every((d, i) => i === 0 || d > seen[i - 1]!)).toBe(true);
    const ctrl = new AbortController();
    ctrl.abort();
    expect(await parseByLines(text, { sliceChars: 40, signal: ctrl.signal })).toBe('cancelled');
  });

  it('steps aside when a slice looks suspicious, so the whole-text check can word it', async () => {
    expect(await parseByLines(exportText([{ a: 1 }]), { suspicious: () => true })).toBeUndefined();
  });
});
