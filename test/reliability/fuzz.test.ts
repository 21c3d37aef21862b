// Hostile and damaged files through the real import pipeline (src/io/importLog.ts: read, parse, validate, upcast,
// then importEvents of src/state/app.ts into fake-indexeddb). For every mutation of a valid export: the
// importer answers with a result (never throws), within a bounded time, and the log either is exactly as it was
// (every table) or holds every event of the file; the inventory is always the fold of the log, and nothing
// outside the data (Object.prototype) changes. test/io/hostile.test.ts holds the hand-written cases.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { canonical } from '../../src/domain/canonical';
import type { InventoryEvent } from '../../src/domain/events';
import { buildExport } from '../../src/io/exportFormat';
import { importLogFile } from '../../src/io/importLog';
import { parseLog } from '../../src/io/parseLog';
import { importEvents, inventory, resetForTests, start, storageProblem } from '../../src/state/app';
import { pageEvents, type DatabaseDump } from '../fixtures/storageDump';
import { freshDbName } from '../support/engine';
import { plain, replay } from '../support/oracle';
import { applyMutations, mutation, type Mutation } from './support/mutate';
import { readLog, readTables } from './support/reads';

/** Per file, on a loaded two-core machine; the slowest legitimate case (a 2 MB string) takes ~50 ms. */
const BUDGET_MS = 5_000;

const V1 = JSON.parse(readFileSync(new URL('../fixtures/storage-v1.json', import.meta.url), 'utf8')) as { database: DatabaseDump };
const SOURCE = pageEvents<InventoryEvent>(V1.database);

let exportText: string;
let exportDoc: Record<string, never>;
let target: string;

async function useApp(events: InventoryEvent[]): Promise<string> {
  resetForTests();
  const name = freshDbName();
  await start(name);
  if (events.length) {
    const r = await importEvents(events, { name: 'seed.json' });
    if (!r.ok) throw new Error(r.error);
  }
  return name;
}

beforeAll(async () => {
  vi.stubGlobal('BroadcastChannel', undefined);
  const built = await buildExport((async function* () { yield SOURCE; })(), { exportedAt: new Date('2026-03-03T00:00:00.000Z') });
  if (!built.ok) throw new Error(built.error);
  exportText = await built.blob.text();
  exportDoc = JSON.parse(exportText);
  // The profile already holds the first part of the file: mutants are partly new, partly known (dedupe, conflicts).
  target = await useApp(SOURCE.slice(0, 10));
});
afterAll(() => {
  resetForTests();
  vi.unstubAllGlobals();
});

/** Imports `bytes` into the app's profile `name` and checks the guarantees. Returns the outcome's kind. */
async function importAndCheck(name: string, bytes: Uint8Array<ArrayBuffer>, what: string): Promise<'accepted' | 'refused'> {
  const before = await readTables(name);
  const t0 = performance.now();
  let result: Awaited<ReturnType<typeof importLogFile>>;
  try {
    result = await importLogFile(new File([bytes], 'mutant.json', { type: 'application/json' }));
  } catch (err) {
    throw new Error(`${what}: the importer threw instead of answering: ${String(err)}`);
  }
  const ms = performance.now() - t0;
  expect(ms, `${what}: took ${Math.round(ms)} ms`).toBeLessThan(BUDGET_MS);
  expect(({} as Record<string, unknown>).polluted, 'Object.prototype changed').toBeUndefined();
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTO_KEYS);
  expect(storageProblem.value).toBeUndefined();
  const events = await readLog();
  expect(plain(inventory.value), `${what}: the inventory is the fold of the log`).toEqual(plain(replay(events)));
  if (!result.ok) {
    expect(typeof result.error).toBe('string');
    expect(result.error.length, 'a message, and a short one').toBeGreaterThan(10);
    expect(result.error.length).toBeLessThan(1_000);
    expect(await readTables(name), `${what}: refused, yet the log changed (${result.error})`).toEqual(before);
    return 'refused';
  }
  // Accepted: the file was valid. Every one of its events is now in the log, exactly as the file has it.
  const parsed = await parseLog(new TextDecoder().decode(bytes));
  expect(parsed.ok, `${what}: accepted a file that does not parse`).toBe(true);
  if (!parsed.ok) return 'accepted';
  const inLog = new Map(events.map((e) => [e.id, canonical(e)]));
  for (const e of parsed.events) expect(inLog.get(e.id), `${what}: event ${e.id} of the file is not in the log`).toBe(canonical(e));
  const beforeCount = (before.pages as { n: number }[]).reduce((n, p) => n + p.n, 0);
  expect(events.length).toBe(beforeCount + result.added);
  expect(result.added + result.skipped).toBe(parsed.events.length + parsed.duplicates);
  return 'accepted';
}

const PROTO_KEYS = Object.getOwnPropertyNames(Object.prototype).sort();
const describeCase = (ms: readonly Mutation[]) => JSON.stringify(ms, (_k, v: unknown) => (typeof v === 'string' && v.length > 60 ? `${v.slice(0, 20)}…(${v.length})` : v));

describe('import fuzz', () => {
  it('the unmutated export is accepted (control)', async () => {
    expect(await importAndCheck(target, new TextEncoder().encode(exportText), 'the export itself')).toBe('accepted');
  });

  it('is cut at every line: each cut is refused and changes nothing', async () => {
    const lines = exportText.split('\n');
    for (let i = 1; i < lines.length - 1; i++) {
      const cut = lines.slice(0, i).join('\n');
      expect(await importAndCheck(target, new TextEncoder().encode(cut), `cut after line ${i}`)).toBe('refused');
    }
  });

  it('property: any mutation of a valid export is answered in bounded time, and the log is unchanged or holds the whole file', async () => {
    const outcomes = { accepted: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), async (ms) => {
        outcomes[await importAndCheck(target, applyMutations(exportDoc, ms), describeCase(ms))]++;
      }),
      { numRuns: 120, seed: 7_000_007 },
    );
    // Both sides of the property were exercised.
    expect(outcomes.accepted).toBeGreaterThan(5);
    expect(outcomes.refused).toBeGreaterThan(50);
  }, 120_000);

  it('property: the same into an empty profile (the first import writes the whole log at once)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 2 }), async (ms) => {
        const name = await useApp([]);
        await importAndCheck(name, applyMutations(exportDoc, ms), describeCase(ms));
      }),
      { numRuns: 40, seed: 31_337 },
    );
    target = await useApp(SOURCE.slice(0, 10));
  }, 120_000);
});
