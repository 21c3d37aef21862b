// An import stores each event's text as the file has it (src/io/sourceText.ts): the text given for any run of
// events must parse back to exactly those events, and only events that came from the file, in its order, get one.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExportLineParser } from '../../src/io/parseLines';
import { SliceDecoder } from '../../src/io/readFile';
import { pageSpans } from '../../src/io/sourceText';

const HEAD = '{"format":"eventory.event-log","formatVersion":1,"events":[';

/** An export's text with each separator between events chosen by `sep`, fed to the parser in `slice`-char pieces. */
function parse(values: object[], sep: (i: number) => string, slice: number) {
  const text = `${HEAD}\n${values.map((v, i) => JSON.stringify(v) + (i < values.length - 1 ? sep(i) : '')).join('')}\n]}\n`;
  const parser = new ExportLineParser();
  for (let i = 0; i < text.length; i += slice) expect(parser.push(text.slice(i, i + slice))).toBe(true);
  const doc = parser.end() as { events: object[] };
  expect(doc.events).toEqual(values);
  return { parsed: doc.events, source: parser.source };
}

const value = fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue(), { maxKeys: 4 });
const separator = fc.constantFrom(',\n', ',\n', ',\n', ',\r\n', ' ,\n', ',\n\n', ',\n  ', ', \n');

describe('the file text of events', () => {
  it('parses back to exactly the events of any run, whatever the separators and the pieces', () => {
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 30 }), fc.array(separator, { minLength: 30, maxLength: 30 }), fc.integer({ min: 1, max: 120 }), fc.nat(), fc.nat(), (values, seps, slice, a, b) => {
        const { parsed, source } = parse(values, (i) => seps[i]!, slice);
        const first = a % values.length;
        const n = 1 + (b % (values.length - first));
        const text = source.range(first, n);
        expect(JSON.parse(`[${text}]`)).toEqual(values.slice(first, first + n));
        expect(parsed.length).toBe(source.size);
      }),
      { numRuns: 300, seed: 3 },
    );
  });

  it('is one event per line, joined by ",\\n", even when the file used other whitespace between them', () => {
    const values = [{ a: 1 }, { b: 2 }, { c: 3 }];
    const { source } = parse(values, (i) => (i === 0 ? ',\r\n\n' : ',\n'), 7);
    expect(source.range(0, 3)).toBe('{"a":1},\n{"b":2},\n{"c":3}');
  });

  it('keeps the file\'s own text of a value, not a re-stringified one', () => {
    const parser = new ExportLineParser();
    parser.push(`${HEAD}\n{"q": 2.50, "s": "\\u0041"},\n{"q":1}\n]}\n`);
    const doc = parser.end() as { events: object[] };
    expect(doc.events).toEqual([{ q: 2.5, s: 'A' }, { q: 1 }]);
    expect(parser.source.range(0, 1)).toBe('{"q": 2.50, "s": "\\u0041"}');
  });

  it('is given for pages in the file\'s order, or out of it, and refused for events the file did not make', () => {
    const values = Array.from({ length: 10 }, (_, i) => ({ i }));
    const { parsed, source } = parse(values, () => ',\n', 13);
    const { textOf } = pageSpans(parsed, source);
    expect(textOf(parsed.slice(0, 4))).toBe(values.slice(0, 4).map((v) => JSON.stringify(v)).join(',\n'));
    expect(textOf(parsed.slice(4, 10))).toBe(values.slice(4).map((v) => JSON.stringify(v)).join(',\n'));
    expect(textOf(parsed.slice(2, 5))).toBe('{"i":2},\n{"i":3},\n{"i":4}');
    // Equal content is not enough: an upcast or rebuilt event has no text in the file.
    expect(textOf([parsed[0]!, { i: 1 }])).toBeUndefined();
    expect(textOf([{ i: 0 }])).toBeUndefined();
    // Out of the file's order.
    expect(textOf([parsed[3]!, parsed[2]!])).toBeUndefined();
    expect(textOf([])).toBeUndefined();
  });

  it('is found in the file\'s bytes exactly, whatever the characters, separators, byte order mark and slices', () => {
    const anyText = fc.string({ unit: 'binary', maxLength: 5 });
    const anyValue = fc.dictionary(anyText, fc.oneof(anyText, fc.integer()), { maxKeys: 3 });
    fc.assert(
      fc.property(
        fc.array(anyValue, { minLength: 1, maxLength: 25 }),
        fc.array(separator, { minLength: 25, maxLength: 25 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 90 }),
        fc.nat(),
        fc.nat(),
        (values, seps, bom, slice, a, b) => {
          const text = `${HEAD}\n${values.map((v, i) => JSON.stringify(v) + (i < values.length - 1 ? seps[i]! : '')).join('')}\n]}\n`;
          const bytes = new TextEncoder().encode(`${bom ? '\ufeff' : ''}${text}`);
          const { parsed, source } = parseBytes(bytes, slice);
          const spans = pageSpans(parsed, source);
          const first = a % values.length;
          const run = parsed.slice(first, first + 1 + (b % (values.length - first)));
          const at = spans.bytesOf(run);
          if (at) expect(new TextDecoder().decode(bytes.subarray(at[0], at[1]))).toBe(spans.textOf(run));
          // A tidy ASCII file (what Eventory exports of ASCII names) is found for every run.
          if (seps.slice(0, values.length - 1).every((s) => s === ',\n') && /^[\x00-\x7f]*$/.test(text) && !bom) expect(at).toBeDefined();
        },
      ),
      { numRuns: 400, seed: 5 },
    );
  });

  it('is not found in bytes for lines laid out otherwise, and found for lines of other characters', () => {
    const values = [{ n: 'Säge' }, { n: 'a' }, { n: 'b' }, { n: '🪚' }];
    const text = `${HEAD}\n${values.map((v) => JSON.stringify(v)).join(',\n')}\n]}\n`;
    const bytes = new TextEncoder().encode(text);
    // Slices of 1 byte: each character its own piece, so a piece of "ä" is two bytes for one character.
    const { parsed, source } = parseBytes(bytes, 1);
    const { bytesOf } = pageSpans(parsed, source);
    const at = bytesOf(parsed.slice(1, 3));
    expect(at).toBeDefined();
    expect(new TextDecoder().decode(bytes.subarray(at![0], at![1]))).toBe('{"n":"a"},\n{"n":"b"}');
    // Ends inside a piece of two bytes per character (whole file as one slice: the piece is not ASCII).
    const whole = parseBytes(bytes, bytes.length);
    expect(pageSpans(whole.parsed, whole.source).bytesOf(whole.parsed.slice(1, 3))).toBeUndefined();
  });
});

/** `bytes` decoded a slice at a time as an import does (SliceDecoder), parsed with where each piece was. */
function parseBytes(bytes: Uint8Array, slice: number) {
  const parser = new ExportLineParser();
  const decoder = new SliceDecoder((piece, at) => parser.push(piece, at));
  for (let i = 0; i < bytes.length; i += slice) expect(decoder.take(bytes.subarray(i, i + slice), i)).toBe(true);
  expect(decoder.finish()).toEqual({ ok: true });
  const doc = parser.end() as { events: object[] };
  return { parsed: doc.events, source: parser.source };
}
