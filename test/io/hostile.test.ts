// Files made to hurt: bad encodings, cut-off files, huge or deeply nested values, keys that mean something to
// JavaScript objects. Each is refused with a short, clear message, or accepted unharmed where the spec allows.
import { describe, expect, it } from 'vitest';
import { parseLog } from '../../src/io/parseLog';
import { MAX_FILE_BYTES, readText } from '../../src/io/readFile';
import { clone, file, logText, parseOk, rejects, sampleEvents } from './fixtures';

const enc = new TextEncoder();

async function readAndParse(blob: Blob) {
  const text = await readText(blob);
  return text.ok ? parseLog(text.text) : text;
}

describe('encoding', () => {
  it('refuses invalid UTF-8', async () => {
    const bytes = enc.encode(logText(sampleEvents()));
    bytes[120] = 0xff;
    const r = await readText(file([bytes]));
    expect(r).toEqual({ ok: false, error: expect.stringContaining('not UTF-8 text') });
  });

  it('refuses a UTF-16 file (it is not UTF-8)', async () => {
    const text = logText(sampleEvents());
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) utf16[2 + 2 * i] = text.charCodeAt(i);
    expect((await readAndParse(file([utf16]))).ok).toBe(false);
  });

  it('accepts a byte order mark', async () => {
    const r = await readAndParse(file([new Uint8Array([0xef, 0xbb, 0xbf]), logText(sampleEvents())]));
    expect(r.ok && r.events).toEqual(sampleEvents());
  });

  it('accepts CRLF line ends', async () => {
    const r = await readAndParse(file([logText(sampleEvents()).replace(/\n/g, '\r\n')]));
    expect(r.ok && r.events).toEqual(sampleEvents());
  });

  it('refuses a file cut inside a multi-byte character', async () => {
    const bytes = enc.encode('{"name":"é');
    const r = await readText(file([bytes.slice(0, bytes.length - 1)]));
    expect(r).toEqual({ ok: false, error: expect.stringContaining('truncated') });
  });

  it('refuses a file cut between events', async () => {
    const text = logText(sampleEvents());
    const r = await readAndParse(file([text.slice(0, text.indexOf('\n', 120))]));
    expect(r).toEqual({ ok: false, error: expect.stringContaining('truncated') });
  });

  it('refuses an empty file and one too large to read, without reading it', async () => {
    expect(await readText(file([]))).toEqual({ ok: false, error: 'The file is empty.' });
    const huge = { size: MAX_FILE_BYTES + 1, stream: () => { throw new Error('must not be read'); } } as unknown as Blob;
    expect(await readText(huge)).toEqual({ ok: false, error: expect.stringContaining('too large to import') });
  });

  it('stops reading when cancelled', async () => {
    const ctrl = new AbortController();
    ctrl.abort();
    expect(await readText(file([logText(sampleEvents())]), { signal: ctrl.signal })).toEqual({ ok: false, error: expect.stringContaining('cancelled') });
  });
});

describe('huge values', () => {
  it('quotes only the start of a 5 MB name', async () => {
    const events = clone(sampleEvents()) as Record<string, any>[];
    events[0]!.data.name = 'x'.repeat(5_000_000);
    const error = await rejects(logText(events), '"name" must be a name of 1 to 200', '(5,000,000 characters)');
    expect(error.length).toBeLessThan(300);
  });

  it('quotes only the start of a 5 MB id', async () => {
    const events = clone(sampleEvents()) as Record<string, any>[];
    events[0]!.id = 'i'.repeat(5_000_000);
    const error = await rejects(logText(events), '"id" must be text of 1 to 200');
    expect(error.length).toBeLessThan(400);
  });
});

describe('deep nesting', () => {
  it('refuses a nesting bomb before parsing it', () => rejects('['.repeat(200_000) + ']'.repeat(200_000), 'nested too deeply'));

  it('refuses deep nesting inside an event without walking it', async () => {
    const deep = '[" ",'.repeat(50_000) + '1' + ']'.repeat(50_000);
    const text = logText(sampleEvents()).replace('"rarity":"rare"', `"rarity":${deep}`);
    await rejects(text, 'Event 2 (id "id-b"): "attributes.rarity" must be text', 'got a list of 2 items');
  });

  it('refuses a deep extension attribute', async () => {
    const deep = '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000);
    await rejects(logText(sampleEvents()).replace('"id":"id-c"', `"id":"id-c","ext":${deep}`), '"ext" is an extension attribute');
  });
});

describe('keys that mean something to JavaScript', () => {
  const polluted = () => ({}) as Record<string, unknown>;
  const protoCases: [string, (text: string) => string, string][] = [
    ['in data', (t) => t.replace('"itemId":"i-1","name":"Sword"', '"itemId":"i-1","name":"Sword","__proto__":{"polluted":true}'), '"__proto__" is not allowed'],
    ['in attributes', (t) => t.replace('"rarity":"rare"', '"rarity":"rare","__proto__":{"polluted":true}'), '"attributes.__proto__" is not allowed'],
    ['as an event attribute', (t) => t.replace('"id":"id-c"', '"__proto__":{"polluted":true},"id":"id-c"'), 'Event 3'],
    ['constructor in attributes', (t) => t.replace('"rarity":"rare"', '"constructor":{"prototype":{"polluted":true}}'), '"attributes.constructor" is not allowed'],
    ['prototype in data', (t) => t.replace('"quantity":1,', '"quantity":1,"prototype":1,'), '"prototype" is not allowed'],
    ['__proto__ in the header', (t) => t.replace('"formatVersion":1', '"formatVersion":1,"__proto__":{"polluted":true}'), '"__proto__" is not allowed'],
    ['__proto__ in a legacy entry', () => '[{"type":"ITEM_ADDED","data":{"name":"sword","__proto__":{"polluted":true}},"timestamp":"2025-06-01T12:00:00"}]', '"data.__proto__" is not allowed'],
  ];
  for (const [name, edit, message] of protoCases) {
    it(`refuses them ${name}, and nothing is polluted`, async () => {
      const text = edit(logText(sampleEvents()));
      expect(text).toMatch(/__proto__|constructor|prototype/);
      await rejects(text, message);
      expect(polluted().polluted).toBeUndefined();
      expect(Object.prototype).not.toHaveProperty('polluted');
    });
  }

  it('accepts those words as values', async () => {
    const events = clone(sampleEvents()) as Record<string, any>[];
    events[0]!.data.name = '__proto__';
    events[1]!.data.attributes.kind = 'constructor';
    expect((await parseOk(logText(events))).events[0]!.data).toEqual({ itemId: 'i-1', name: '__proto__' });
  });
});

describe('numbers as strings are refused, never coerced', () => {
  const cases: [string, (e: Record<string, any>[]) => void, string][] = [
    ['quantity', (e) => (e[1]!.data.quantity = '2'), '"quantity" must be a number greater than 0, got "2"'],
    ['minQuantity', (e) => (e[0]!.data.minQuantity = '1'), '"minQuantity" must be a number, 0 or more, got "1"'],
    ['dataversion', (e) => (e[0]!.dataversion = '1'), '"dataversion" must be a whole number, 1 or more, got "1"'],
    ['an attribute that is fine as text', (e) => (e[1]!.data.attributes.level = '3'), ''],
  ];
  for (const [name, edit, message] of cases) {
    it(name, async () => {
      const events = clone(sampleEvents()) as Record<string, any>[];
      edit(events);
      if (message) await rejects(logText(events), message);
      else expect((await parseOk(logText(events))).events[1]!.data).toMatchObject({ attributes: { level: '3' } });
    });
  }
  it('eventCount', () => rejects(logText(sampleEvents(), { eventCount: '4' }), '"eventCount" must be a whole number, 0 or more, got "4"'));
});

describe('non-ASCII text', () => {
  it('survives the trip through bytes exactly', async () => {
    const names = ['Épée', '剣', '🗡️ Sword', 'ﬁ', 'e\u0301', 'سيف', '\u0000nul', 'tab\there', '\ud83d'];
    const events = names.map((name, i) => ({ ...sampleEvents()[0]!, id: `n-${i}`, data: { itemId: `i-${i}`, name } }));
    const text = logText(events);
    const bytes = new Uint8Array(await file([text]).arrayBuffer());
    const r = await readAndParse(file([bytes]));
    expect(r.ok && r.events.map((e) => (e.data as { name: string }).name)).toEqual(names);
  });
});
