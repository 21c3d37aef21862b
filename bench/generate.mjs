// Deterministic export files (spec §1: one event per line) that look like years of a small business: a few
// hundred items, several locations, purchases, sales, moves, counts, edits, archives and some undos. The same
// (count, seed) always gives the same bytes, so runs on different days compare like with like.
import { createWriteStream, existsSync, statSync } from 'node:fs';
import { mkdir, rename } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Bump when the generated content changes: cached files carry it in their name. */
export const GENERATOR_VERSION = 2;
const START_MS = Date.UTC(2019, 0, 2, 8, 0, 0);
const LOCATIONS = ['Warehouse A', 'Warehouse B', 'Shop floor', 'Back room', 'Van 1', 'Van 2', 'Returns'];
const CATEGORIES = ['Tools', 'Fasteners', 'Paint', 'Garden', 'Electrical', 'Plumbing', 'Safety', 'Lighting'];
const UNITS = ['pcs', 'box', 'kg', 'm', 'l'];
const NOUNS = ['Hammer', 'Screw', 'Bolt', 'Drill bit', 'Brush', 'Hose', 'Cable', 'Glove', 'Lamp', 'Tape', 'Nail', 'Saw', 'Valve', 'Fuse', 'Mask'];
const ADJ = ['Steel', 'Brass', 'Large', 'Small', 'Red', 'Blue', 'Heavy-duty', 'Compact', 'Pro', 'Basic', 'Outdoor', 'Insulated'];
const SOURCES = ['eventory:device:a1b2c3d4', 'eventory:device:0f9e8d7c', 'eventory:device:5566aabb'];
const REASONS_IN = ['purchase', 'purchase', 'purchase', 'return', 'found', 'produced'];
const REASONS_OUT = ['sold', 'sold', 'sold', 'used', 'broken', 'lost', 'spoiled'];

/** mulberry32: tiny, fast, good enough for test data. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** UUIDv7 from a time and the generator's random stream; a counter keeps ids increasing within a millisecond. */
function uuidv7(ms, counter, rand) {
  const hex = (n, w) => Math.floor(n).toString(16).padStart(w, '0');
  const r = () => hex(rand() * 0x10000, 4);
  const t = hex(ms, 12);
  return `${t.slice(0, 8)}-${t.slice(8)}-7${hex(counter & 0xfff, 3)}-${hex(0x8000 | (rand() * 0x3fff), 4)}-${r()}${r()}${r()}`;
}

/**
 * Yields `count` events in history order. About one event in 400 is an undo of the one before it (what a user
 * does after a mistake); items keep stock >= 0 at every location so the history is one a real app would record.
 */
export function* events(count, seed = 42) {
  const rand = rng(seed);
  const pick = (arr) => arr[Math.floor(rand() * arr.length)];
  const itemTarget = Math.max(20, Math.min(400, Math.round(count / 25)));
  const items = []; // { id, name, stock: Map<loc, qty>, archived }
  let ms = START_MS;
  let lastMs = -1;
  let counter = 0;
  let prev; // last event, for undo
  let prevUndone = true;
  for (let n = 0; n < count; n++) {
    // Working hours only, about a minute apart: a million events is about four years of a busy shop.
    ms += Math.floor(rand() * 120_000) + 1000;
    if (new Date(ms).getUTCHours() >= 18) ms = ms - (ms % 86_400_000) + 86_400_000 + 8 * 3_600_000;
    counter = ms === lastMs ? counter + 1 : 0;
    lastMs = ms;
    const id = uuidv7(ms, counter, rand);
    const source = pick(SOURCES);
    const time = new Date(ms).toISOString();
    const ev = (type, data) => ({ specversion: '1.0', id, source, type, time, dataversion: 1, datacontenttype: 'application/json', data });
    const r = rand();
    let e;
    if (items.length < itemTarget && (items.length < 5 || r < 0.04)) {
      const id = `item-${items.length + 1}`;
      const name = `${pick(ADJ)} ${pick(NOUNS)} ${items.length + 1}`;
      const data = { itemId: id, name, sku: `SKU-${10000 + items.length}`, category: pick(CATEGORIES), unit: pick(UNITS), minQuantity: Math.floor(rand() * 20) };
      if (rand() < 0.3) data.attributes = { rarity: pick(['common', 'rare']), origin: pick(['EU', 'US', 'CN']) };
      items.push({ id, name, stock: new Map(), archived: false, minQuantity: data.minQuantity });
      e = ev('ItemCreated', data);
    } else if (prev && !prevUndone && prev.type !== 'ItemCreated' && prev.type !== 'EventsReverted' && r < 0.0025) {
      e = ev('EventsReverted', { eventIds: [prev.event.id], reason: 'mistake' });
      prev.undo();
      prevUndone = true;
      prev = { type: 'EventsReverted', event: e };
      yield e;
      continue;
    } else {
      // An archived item that comes up is restored: a few items are archived at any time, none for long.
      const it = pick(items);
      const at = (loc) => it.stock.get(loc) ?? 0;
      const set = (loc, q) => (q === 0 ? it.stock.delete(loc) : it.stock.set(loc, q));
      const stocked = [...it.stock.keys()];
      const k = rand();
      if (it.archived) {
        it.archived = false;
        e = ev('ItemRestored', { itemId: it.id });
        prev = { type: e.type, event: e, undo: () => (it.archived = true) };
      } else if (k < 0.4 || stocked.length === 0) {
        const loc = pick(LOCATIONS);
        const q = Math.floor(rand() * 50) + 1;
        const data = { itemId: it.id, quantity: q, location: loc, reason: pick(REASONS_IN) };
        if (rand() < 0.5) data.unitCost = Math.round(rand() * 10000) / 100;
        set(loc, at(loc) + q);
        e = ev('StockAdded', data);
        prev = { type: e.type, event: e, undo: () => set(loc, at(loc) - q) };
      } else if (k < 0.75) {
        const loc = pick(stocked);
        const q = Math.max(1, Math.floor(at(loc) * rand() * 0.5));
        const data = { itemId: it.id, quantity: q, location: loc, reason: pick(REASONS_OUT) };
        if (rand() < 0.1) data.note = `Order #${Math.floor(rand() * 100000)}`;
        set(loc, at(loc) - q);
        e = ev('StockRemoved', data);
        prev = { type: e.type, event: e, undo: () => set(loc, at(loc) + q) };
      } else if (k < 0.88) {
        const from = pick(stocked);
        const to = pick(LOCATIONS.filter((l) => l !== from));
        const q = Math.max(1, Math.floor(at(from) * rand()));
        set(from, at(from) - q);
        set(to, at(to) + q);
        e = ev('StockMoved', { itemId: it.id, quantity: q, from, to });
        prev = { type: e.type, event: e, undo: () => (set(to, at(to) - q), set(from, at(from) + q)) };
      } else if (k < 0.97) {
        const loc = pick(stocked);
        const expected = at(loc);
        const counted = Math.max(0, expected + Math.floor(rand() * 5) - 2);
        set(loc, counted);
        e = ev('StockCounted', { itemId: it.id, counted, expected, location: loc });
        prev = { type: e.type, event: e, undo: () => set(loc, expected) };
      } else if (k < 0.995) {
        const from = it.minQuantity;
        const to = (from + 1 + Math.floor(rand() * 10)) % 40;
        it.minQuantity = to;
        e = ev('ItemUpdated', { itemId: it.id, changes: { minQuantity: { from, to } } });
        prev = { type: e.type, event: e, undo: () => (it.minQuantity = from) };
      } else {
        it.archived = true;
        e = ev('ItemArchived', { itemId: it.id });
        prev = { type: e.type, event: e, undo: () => (it.archived = false) };
      }
    }
    if (e.type === 'ItemCreated') prev = { type: e.type, event: e, undo: () => undefined };
    prevUndone = false;
    yield e;
  }
}

/** Writes an export file of `count` events to `path` (one event per line, `events` last, as the exporter does). */
export async function writeExport(path, count, seed = 42) {
  const tmp = `${path}.part`;
  const out = createWriteStream(tmp);
  const write = (s) => (out.write(s) ? undefined : new Promise((r) => out.once('drain', r)));
  await write(`{"format":"eventory.event-log","formatVersion":1,"exportedAt":"2028-01-01T00:00:00.000Z","eventCount":${count},"events":[\n`);
  let i = 0;
  let buf = '';
  for (const e of events(count, seed)) {
    buf += (i++ ? ',\n' : '') + JSON.stringify(e);
    if (buf.length > 1 << 20) {
      await write(buf);
      buf = '';
    }
  }
  await write(`${buf}\n]}\n`);
  await new Promise((res, rej) => out.end((err) => (err ? rej(err) : res())));
  await rename(tmp, path);
}

/** The export file for `count` events, generated once per (count, seed, generator version) into a temp dir. */
export async function exportFile(count, seed = 42, dir = join(tmpdir(), 'eventory-bench')) {
  await mkdir(dir, { recursive: true });
  const path = join(dir, `export-v${GENERATOR_VERSION}-s${seed}-${count}.json`);
  if (!existsSync(path)) await writeExport(path, count, seed);
  return { path, bytes: statSync(path).size };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const count = Number(process.argv[2] ?? 10_000);
  const t0 = performance.now();
  const { path, bytes } = await exportFile(count, Number(process.argv[3] ?? 42));
  console.log(`${path}: ${count} events, ${(bytes / 1e6).toFixed(1)} MB in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}
