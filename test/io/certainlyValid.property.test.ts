// The hand-written fast check (src/io/certainlyValid.ts) may only ever say "valid" where the schemas agree: it must
// never let through what the full check refuses, and what it cannot vouch for keeps the full check's message.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { certainlyValid } from '../../src/io/certainlyValid';
import { checkEvent, checkEventFully } from '../../src/io/validate';
import { arbEvent } from './arbitraries';

type Json = Record<string, unknown>;

const len = (n: number) => 'x'.repeat(n);
/** Values of every kind, many of them just inside or just outside a limit of spec §2. */
const weird = fc.constantFrom<unknown>(
  undefined, null, true, false, 0, -0, -1, 0.5, 1, 2, 1.5, 1e308, Number.MIN_VALUE, NaN, Infinity, -Infinity,
  '', ' ', '\u00a0\t', '1', '1.0', 'application/json', 'text/plain', 'ItemCreated', 'StockAdded', 'Nope',
  len(20), len(21), len(100), len(101), len(200), len(201), len(1000), len(1001),
  '2026-02-30T00:00:00.000Z', '2026-12-31T23:59:60.000Z', '2026-01-01T24:00:00.000Z', '2026-01-01T00:00:00.000+24:00', '2028-02-29T00:00:00.000Z', '2026-01-01T00:00:00Z', `2026-01-01T00:00:00.${len(60)}Z`,
  [], [''], ['a'], ['a', 'a'], [len(200)], [len(201)], Array.from({ length: 21 }, (_, i) => `c${i}`), [1], {}, { a: 1 }, { a: { b: 1 } }, { to: 'x' }, { from: 1, to: 2 }, { [len(201)]: 1 },
);
const KEYS = [
  '__proto__', 'constructor', 'prototype', 'toString', 'subject', 'x-y', 'Upper', len(21), '', 'itemId', 'quantity', 'location',
  'from', 'to', 'name', 'sku', 'notes', 'note', 'reason', 'unitCost', 'minQuantity', 'attributes', 'eventIds', 'changes', 'counted',
  'expected', 'codes', 'data', 'id', 'type', 'time', 'dataversion', 'datacontenttype', 'correlationid', 'specversion', 'source',
];

/** Own-property write of a fresh copy, so "__proto__" becomes a key as JSON.parse would make it, not a prototype. */
const put = (o: Json, key: string, value: unknown) =>
  Object.defineProperty(o, key, { value: structuredClone(value), enumerable: true, writable: true, configurable: true });

/** Every object inside `v`, the root included (lists are looked into, not counted). */
function objectsIn(v: unknown): Json[] {
  if (v === null || typeof v !== 'object') return [];
  const own = Array.isArray(v) ? [] : [v as Json];
  return [...own, ...Object.values(v as Json).flatMap(objectsIn)];
}

const mutation = fc.oneof(
  fc.record({ k: fc.constant('set' as const), at: fc.nat(), key: fc.nat(), value: weird }),
  fc.record({ k: fc.constant('drop' as const), at: fc.nat(), key: fc.nat() }),
  // Text just inside or just outside each length limit, wherever the event holds text.
  fc.record({ k: fc.constant('resize' as const), at: fc.nat(), key: fc.nat(), length: fc.constantFrom(0, 1, 20, 21, 100, 101, 200, 201, 1000, 1001) }),
  fc.record({ k: fc.constant('add' as const), at: fc.nat(), key: fc.constantFrom(...KEYS), value: weird }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(event: unknown, mutations: readonly Mutation[]): unknown {
  const copy = structuredClone(event) as Json;
  for (const m of mutations) {
    const objects = objectsIn(copy);
    const target = objects[m.at % objects.length]!;
    const keys = Object.keys(target);
    if (m.k === 'add') put(target, m.key, m.value);
    else if (keys.length === 0) continue;
    else if (m.k === 'set') put(target, keys[m.key % keys.length]!, m.value);
    else if (m.k === 'resize') {
      const key = keys.find((_, i) => i >= m.key % keys.length && typeof target[keys[i]!] === 'string');
      if (key !== undefined) put(target, key, len(m.length));
    }
    else delete target[keys[m.key % keys.length]!];
  }
  return copy;
}

describe('the fast event check', () => {
  it('vouches for the valid events of every type (so the schemas run only for odd or broken ones)', () => {
    fc.assert(
      fc.property(arbEvent(), (e) => {
        expect(checkEventFully(e, 0)).toBeUndefined();
        expect(certainlyValid(e)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('never accepts what the full check refuses, and leaves every message to it', () => {
    fc.assert(
      fc.property(arbEvent(), fc.array(mutation, { minLength: 1, maxLength: 3 }), (e, ms) => {
        const broken = mutate(e, ms);
        const full = checkEventFully(broken, 7);
        if (certainlyValid(broken)) expect(full).toBeUndefined();
        expect(checkEvent(broken, 7)).toBe(full);
      }),
      { numRuns: 5000 },
    );
  });

  it('refuses values that are not events at all', () => {
    for (const x of [null, undefined, 1, 'event', [], [{}], {}, new Date(0), new Map()]) {
      expect(certainlyValid(x)).toBe(false);
      expect(checkEvent(x, 0)).toBe(checkEventFully(x, 0));
    }
  });
});
