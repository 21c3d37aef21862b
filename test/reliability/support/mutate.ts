// Mutations of a valid export file for the import fuzz test: cut it, flip its bits, repeat, reorder and re-id
// events, give fields values of the wrong type, huge strings, deep nesting, numbers as text, keys that mean
// something to JavaScript, a broken header. Each mutation is plain data (fast-check shrinks it to the smallest
// failing case); `applyMutations` turns the valid document into the bytes of the broken file.
import fc from 'fast-check';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Doc = Record<string, Json>;

/** Values of every JSON type, some of them "almost right" (numbers as text, empty text, negative numbers). */
export const weirdValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(null, true, false, 0, -1, 0.5, 1e308, -0, '', ' ', '1', '0', 'NaN', 'true', '1.0', [], {}, [1], { a: 1 }),
  fc.string({ maxLength: 30 }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

export const mutation = fc.oneof(
  // Positions as a fraction of the file, unbiased: fast-check's usual bias toward 0 would mostly cut everything.
  fc.record({ k: fc.constant('truncate' as const), at: fc.noBias(fc.double({ min: 0, max: 1, noNaN: true })) }),
  fc.record({ k: fc.constant('flip' as const), at: fc.noBias(fc.double({ min: 0, max: 1, noNaN: true })), bit: fc.nat(7) }),
  fc.record({ k: fc.constant('duplicate' as const), from: fc.nat(), to: fc.nat(), fixCount: fc.boolean() }),
  fc.record({ k: fc.constant('reorder' as const), seed: fc.integer() }),
  fc.record({ k: fc.constant('retype' as const), event: fc.nat(), at: fc.nat(), value: weirdValue }),
  fc.record({ k: fc.constant('huge' as const), event: fc.nat(), at: fc.nat(), length: fc.integer({ min: 1_000, max: 2_000_000 }) }),
  fc.record({ k: fc.constant('deep' as const), event: fc.nat(), at: fc.nat(), depth: fc.integer({ min: 10, max: 100_000 }), kind: fc.constantFrom('array' as const, 'object' as const) }),
  fc.record({ k: fc.constant('numberAsText' as const), event: fc.nat(), at: fc.nat() }),
  fc.record({ k: fc.constant('drop' as const), event: fc.nat(), at: fc.nat() }),
  fc.record({
    k: fc.constant('addKey' as const),
    event: fc.nat(),
    at: fc.nat(),
    key: fc.constantFrom('__proto__', 'constructor', 'prototype', 'subject', 'x-y', 'data', 'id', ''),
    value: weirdValue,
  }),
  fc.record({ k: fc.constant('newId' as const), event: fc.nat(), id: fc.string({ maxLength: 250 }) }),
  fc.record({ k: fc.constant('sameId' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ k: fc.constant('newTime' as const), event: fc.nat(), ms: fc.integer({ min: -1e12, max: 1e12 }) }),
  fc.record({ k: fc.constant('header' as const), field: fc.constantFrom('format', 'formatVersion', 'eventCount', 'events', 'exportedAt', '__proto__'), value: weirdValue }),
);
export type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

/** Deep values are written into the text after JSON.stringify (which would overflow the stack on them). */
const deepMark = (i: number) => `@@deep-${i}@@`;

/** Paths to every value inside `v` (objects and lists too), the root excluded. */
function paths(v: Json, prefix: (string | number)[] = []): (string | number)[][] {
  if (v === null || typeof v !== 'object') return [];
  const keys: (string | number)[] = Array.isArray(v) ? v.map((_, i) => i) : Object.keys(v);
  return keys.flatMap((k) => {
    const p = [...prefix, k];
    return [p, ...paths((v as Record<string | number, Json>)[k]!, p)];
  });
}

function parentOf(root: Json, path: (string | number)[]): [Record<string | number, Json>, string | number] {
  let node = root as Record<string | number, Json>;
  for (const k of path.slice(0, -1)) node = node[k] as Record<string | number, Json>;
  return [node, path[path.length - 1]!];
}

/** Seeded Fisher–Yates: the same seed gives the same order, so a failing case replays. */
function shuffle<T>(items: T[], seed: number): T[] {
  let s = seed >>> 0 || 1;
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function nested(depth: number, kind: 'array' | 'object'): string {
  return kind === 'array' ? '['.repeat(depth) + '1' + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
}

/** The text of `doc` as the exporter lays it out: the header on the first line, then one event per line. */
function layout(doc: Doc): string {
  const { events, ...header } = doc;
  if (!Array.isArray(events) || !('events' in doc)) return JSON.stringify(doc);
  const head = JSON.stringify(header);
  return `${head === '{}' ? '{' : `${head.slice(0, -1)},`}"events":[\n${events.map((e) => JSON.stringify(e)).join(',\n')}\n]}\n`;
}

/** Applies the mutations in order to a copy of `doc` and returns the bytes of the resulting file. */
export function applyMutations(doc: Doc, mutations: readonly Mutation[]): Uint8Array<ArrayBuffer> {
  const d = JSON.parse(JSON.stringify(doc)) as Doc;
  const deep: string[] = [];
  const cuts: number[] = [];
  const flips: { at: number; bit: number }[] = [];
  const events = () => (Array.isArray(d.events) ? (d.events as Json[]) : []);
  const pick = (event: number, at: number) => {
    const list = events();
    if (list.length === 0) return undefined;
    const ev = list[event % list.length]!;
    const all = paths(ev);
    return all.length ? ([ev, all[at % all.length]!] as const) : undefined;
  };
  for (const m of mutations) {
    const list = events();
    switch (m.k) {
      case 'truncate':
        cuts.push(m.at);
        break;
      case 'flip':
        flips.push({ at: m.at, bit: m.bit });
        break;
      case 'duplicate':
        if (list.length) {
          list.splice(m.to % (list.length + 1), 0, JSON.parse(JSON.stringify(list[m.from % list.length])) as Json);
          if (m.fixCount) d.eventCount = list.length;
        }
        break;
      case 'reorder':
        if (list.length) d.events = shuffle(list, m.seed);
        break;
      case 'newId':
        if (list.length) (list[m.event % list.length] as Record<string, Json>).id = m.id;
        break;
      case 'sameId':
        if (list.length) (list[m.a % list.length] as Record<string, Json>).id = (list[m.b % list.length] as Record<string, Json>).id!;
        break;
      case 'newTime':
        if (list.length) {
          const e = list[m.event % list.length] as Record<string, Json>;
          const t = Date.parse(String(e.time)) + m.ms;
          e.time = Number.isNaN(t) || Math.abs(t) > 8.64e15 ? String(e.time) : new Date(t).toISOString();
        }
        break;
      case 'header':
        d[m.field] = m.value;
        break;
      default: {
        const found = pick(m.event, m.at);
        if (!found) break;
        const [ev, path] = found;
        const [parent, key] = parentOf(ev, path);
        const old = parent[key]!;
        if (m.k === 'retype') parent[key] = m.value;
        else if (m.k === 'huge') parent[key] = 'x'.repeat(m.length);
        else if (m.k === 'deep') {
          parent[key] = deepMark(deep.length);
          deep.push(nested(m.depth, m.kind));
        } else if (m.k === 'numberAsText') parent[key] = typeof old === 'number' ? String(old) : old;
        else if (m.k === 'drop') {
          if (Array.isArray(parent)) parent.splice(Number(key), 1);
          else delete parent[key];
        } else if (m.k === 'addKey') {
          const target = old !== null && typeof old === 'object' && !Array.isArray(old) ? (old as Record<string, Json>) : parent;
          // Defined as an own property, as JSON.parse makes `"__proto__": …` one (an assignment would set the prototype).
          if (!Array.isArray(target)) Object.defineProperty(target, m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
        }
      }
    }
  }
  let text = layout(d);
  deep.forEach((nest, i) => (text = text.replace(JSON.stringify(deepMark(i)), nest)));
  for (const at of cuts) text = text.slice(0, Math.floor(at * text.length));
  const bytes = new TextEncoder().encode(text);
  for (const f of flips) if (bytes.length) bytes[Math.min(bytes.length - 1, Math.floor(f.at * bytes.length))]! ^= 1 << f.bit;
  return bytes;
}
