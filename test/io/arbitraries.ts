// fast-check generators of valid events of data versions 1 and 2 (spec §1–2.1): odd but legal text (non-ASCII, lone
// surrogates, quotes), decimals, optional fields present or not, extension attributes, varied key order.
import fc from 'fast-check';
import { EVENT_TYPES, type EventType, type InventoryEvent } from '../../src/domain/events';
import { historyKey } from '../../src/domain/history';

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

const anyText = (minLength: number, maxLength: number) =>
  fc.oneof(fc.string({ minLength, maxLength }), fc.string({ minLength, maxLength, unit: 'grapheme' }), fc.string({ minLength, maxLength, unit: 'binary' }));
const name = anyText(1, 200).filter((s) => s.trim() !== '');
const text = anyText(0, 60);
const itemId = fc.constantFrom('i-1', 'i-2', 'i-3', 'é-4', '"5"');
const location = anyText(1, 100);
const positive = fc.double({ min: Number.MIN_VALUE, max: 1e12, noNaN: true });
const zeroOrMore = fc.oneof(fc.constant(0), positive, fc.integer({ min: 0, max: 1000 }));
const attributes = fc.dictionary(
  anyText(1, 30).filter((k) => !FORBIDDEN.has(k)),
  fc.oneof(text, fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.integer()),
  { maxKeys: 4 },
);
/** Item codes (data version 2): distinct, 1..200 characters. */
const codes = fc.uniqueArray(anyText(1, 200), { maxLength: 20 });
const change = <T>(v: fc.Arbitrary<T>) => fc.record({ from: v, to: v }, { requiredKeys: [] });

const DATA: { [T in EventType]: fc.Arbitrary<object> } = {
  ItemCreated: fc.record(
    { itemId, name, sku: text, category: text, unit: text, minQuantity: zeroOrMore, notes: text, attributes, codes },
    { requiredKeys: ['itemId', 'name'] },
  ),
  ItemUpdated: fc.record({
    itemId,
    changes: fc.record(
      { name: fc.record({ from: name, to: name }, { requiredKeys: ['to'] }), sku: change(text), minQuantity: change(zeroOrMore), attributes: change(attributes), codes: change(codes) },
      { requiredKeys: [] },
    ),
  }),
  StockAdded: fc.record({ itemId, quantity: positive, location, reason: text, unitCost: zeroOrMore, note: text, attributes }, { requiredKeys: ['itemId', 'quantity'] }),
  StockRemoved: fc.record({ itemId, quantity: positive, location, reason: text, note: text }, { requiredKeys: ['itemId', 'quantity'] }),
  StockMoved: fc.record({ itemId, quantity: positive, from: location, to: location }, { requiredKeys: ['itemId', 'quantity'] }),
  StockCounted: fc.record({ itemId, counted: zeroOrMore, expected: fc.double({ noNaN: true, noDefaultInfinity: true }), location }, { requiredKeys: ['itemId', 'counted'] }),
  ItemArchived: fc.record({ itemId }),
  ItemRestored: fc.record({ itemId }),
  EventsReverted: fc.record({ eventIds: fc.array(anyText(1, 40), { minLength: 1, maxLength: 3 }), reason: text }, { requiredKeys: ['eventIds'] }),
};

const time = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true })
  .chain((d) => fc.constantFrom(d.toISOString(), `${d.toISOString().slice(0, 19)}Z`, `${d.toISOString().slice(0, 19)}.123456789+02:00`));

export const arbEvent = (types: readonly EventType[] = EVENT_TYPES): fc.Arbitrary<InventoryEvent> =>
  fc
    .record({
      type: fc.constantFrom(...types),
      id: anyText(1, 60),
      source: anyText(1, 40),
      time,
      withContentType: fc.boolean(),
      correlationid: fc.option(anyText(1, 30), { nil: undefined }),
      subject: fc.option(text, { nil: undefined }),
      dataFirst: fc.boolean(),
      // Any event may say version 2; one that carries codes must.
      v2: fc.boolean(),
    })
    .chain((env) =>
      DATA[env.type].map((data) => {
        const dataversion = env.v2 || carriesCodes(data) ? 2 : 1;
        const head = { specversion: '1.0', id: env.id, source: env.source, type: env.type, time: env.time, dataversion };
        const extra = {
          ...(env.withContentType ? { datacontenttype: 'application/json' } : {}),
          ...(env.correlationid !== undefined ? { correlationid: env.correlationid } : {}),
          ...(env.subject !== undefined ? { subject: env.subject } : {}),
        };
        return (env.dataFirst ? { data, ...head, ...extra } : { ...head, ...extra, data }) as unknown as InventoryEvent;
      }),
    );

function carriesCodes(data: object): boolean {
  return 'codes' in data || ('changes' in data && 'codes' in (data.changes as object));
}

/** A log: unique ids, in history order (as an export writes it). */
export const arbLog = (opts: { maxLength?: number; types?: readonly EventType[] } = {}) =>
  fc
    .uniqueArray(arbEvent(opts.types), { selector: (e) => e.id, maxLength: opts.maxLength ?? 30 })
    .map((events) => events.map((e) => [historyKey(e), e] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([, e]) => e));

/** Splits `items` into chunks at the given cut points (as the store's pages would). */
export function chunked<T>(items: readonly T[], cuts: readonly number[]): T[][] {
  const points = [...new Set(cuts.map((c) => c % (items.length + 1)))].sort((a, b) => a - b);
  const out: T[][] = [];
  let from = 0;
  for (const p of [...points, items.length]) {
    out.push(items.slice(from, p));
    from = p;
  }
  return out;
}

export async function* asChunks<T>(chunks: readonly T[][]): AsyncGenerator<T[]> {
  for (const c of chunks) yield c;
}
