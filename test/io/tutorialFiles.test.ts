// The Python tutorial's own event stores (test/fixtures/tutorial, made by running its published code), imported
// through the app as a user would, compared with what the tutorial's own code answers for them.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { InventoryEvent } from '../../src/domain/events';
import { sortHistory } from '../../src/domain/history';
import { quantityOf, type InventoryState } from '../../src/domain/inventory';
import { itemOrigins, valuesOf } from '../../src/domain/projections/itemOrigins';
import { mostCollected } from '../../src/domain/projections/mostCollected';
import { project } from '../../src/domain/projections/run';
import { importLogFile } from '../../src/io/importLog';
import { eventCount, inventory, resetForTests, start } from '../../src/state/app';
import { freshDbName } from '../support/engine';
import { file, parseOk } from './fixtures';
import { tutorialGetItems, type TutorialEvent } from './tutorialModel';

const DIR = new URL('../fixtures/tutorial/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, DIR), 'utf8');

interface Expected {
  events: number;
  get_items: [string, number][];
  get_most_collected_items?: [string, number][];
  get_item_origins?: Record<string, string[]>;
}

const RUNS: { run: string; files: string[] }[] = [
  { run: 'v1-main', files: ['v1-main.str.json', 'v1-main.isoformat.json'] },
  { run: 'v2-main', files: ['v2-main.str.json', 'v2-main.isoformat.json'] },
  { run: 'v2-many-5000', files: ['v2-many-5000.str.json'] },
];

/** Quantity per item name: the tutorial lists the names above zero; Eventory keeps the rest at zero. */
function byName(state: InventoryState): { above: Map<string, number>; rest: number[] } {
  const above = new Map<string, number>();
  const rest: number[] = [];
  for (const item of state.items.values()) {
    const q = quantityOf(item);
    if (q > 0) above.set(item.name, q);
    else rest.push(q);
  }
  return { above, rest };
}

afterEach(() => resetForTests());

describe.each(RUNS)('the tutorial store $run', ({ run, files }) => {
  const expected = JSON.parse(read(`${run}.expected.json`)) as Expected;

  it.each(files)('%s imports to the tutorial’s own get_items(), and a second time adds nothing', async (name) => {
    const text = read(name);
    await start(freshDbName());
    const first = await importLogFile(file([text], name));
    expect(first.ok).toBe(true);
    const { above, rest } = byName(inventory.value);
    expect(above).toEqual(new Map(expected.get_items));
    expect(rest.every((q) => q === 0)).toBe(true);
    const count = eventCount.value;
    expect(await importLogFile(file([text], name))).toEqual({ ok: true, added: 0, skipped: count });
  });

  it('the TypeScript model of get_items() agrees with the tutorial’s own answer (the property test’s oracle)', () => {
    for (const name of files) {
      const entries = JSON.parse(read(name)) as TutorialEvent[];
      expect(entries).toHaveLength(expected.events);
      expect(tutorialGetItems(entries)).toEqual(expected.get_items);
    }
  });

});

it.each(['v1-main', 'v2-main'])('%s serialised with str() or isoformat() gives the same events, ids included', async (run) => {
  const [a, b] = await Promise.all(['str', 'isoformat'].map(async (how) => (await parseOk(read(`${run}.${how}.json`))).events));
  expect(a!.length).toBeGreaterThan(0);
  expect(b).toEqual(a);
});

describe('the tutorial’s projections', () => {
  const names = (events: InventoryEvent[]) => new Map(events.flatMap((e) => (e.type === 'ItemCreated' ? [[e.data.itemId, e.data.name] as const] : [])));

  it.each(['v2-main', 'v2-many-5000'])('%s: its get_item_origins and get_most_collected_items, from the projections', async (run) => {
    const expected = JSON.parse(read(`${run}.expected.json`)) as Expected;
    const events = sortHistory((await parseOk(read(`${run}.str.json`))).events);
    const nameOf = names(events);
    const origins = project(itemOrigins, events);
    const collected = project(mostCollected, events);
    const gotOrigins = Object.fromEntries([...nameOf].map(([id, name]) => [name, valuesOf(origins, 'origin', id).map((v) => String(v.value)).sort()]));
    expect(gotOrigins).toEqual(expected.get_item_origins);
    // Each addition brought one unit: the units per origin add up to the tutorial's count of additions.
    const unitsByName = new Map([...nameOf].map(([id, name]) => [name, valuesOf(origins, 'origin', id).reduce((s, v) => s + v.quantity, 0)]));
    expect(unitsByName).toEqual(new Map(expected.get_most_collected_items));
    expect(new Map([...collected.totals].map(([id, q]) => [nameOf.get(id), q]))).toEqual(new Map(expected.get_most_collected_items));
  });

  it('every event of a tutorial run has the same timestamp, and the import keeps their file order', async () => {
    const entries = JSON.parse(read('v2-many-5000.str.json')) as TutorialEvent[];
    expect(new Set(entries.map((e) => e.timestamp)).size).toBe(1);
    expect(entries[0]!.timestamp).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}$/);
    const events = (await parseOk(JSON.stringify(entries))).events;
    expect(sortHistory(events)).toEqual(events);
  });
});
