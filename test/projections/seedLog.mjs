// A few weeks of a small workshop's history, as an Eventory v1 file, for the time-travel and analytics e2e
// tests. Quantities the tests expect are worked out in comments next to the events that make them.
const events = [];
let n = 0;
function ev(type, time, data) {
  events.push({
    specversion: '1.0',
    id: `seed-${String(++n).padStart(4, '0')}`,
    source: 'eventory:device:seed',
    type,
    time,
    dataversion: 1,
    datacontenttype: 'application/json',
    data,
  });
}

ev('ItemCreated', '2026-10-26T08:00:00.000Z', { itemId: 'flour', name: 'Flour', unit: 'kg', minQuantity: 10 });
ev('ItemCreated', '2026-10-26T08:01:00.000Z', { itemId: 'sword', name: 'Sword', minQuantity: 3 });
ev('ItemCreated', '2026-10-26T08:02:00.000Z', { itemId: 'rope', name: 'Rope' });
ev('ItemCreated', '2026-10-26T08:03:00.000Z', { itemId: 'nails', name: 'Nails' });
ev('ItemCreated', '2026-10-26T08:04:00.000Z', { itemId: 'lantern', name: 'Lantern' });
ev('StockAdded', '2026-10-26T09:00:00.000Z', { itemId: 'flour', quantity: 50, unitCost: 2, reason: 'purchase', location: 'Pantry' });
ev('StockAdded', '2026-10-26T09:10:00.000Z', { itemId: 'sword', quantity: 3, unitCost: 100, location: 'Shelf' });
ev('StockAdded', '2026-10-26T09:20:00.000Z', { itemId: 'rope', quantity: 10, unitCost: 5 });
ev('StockAdded', '2026-10-26T09:30:00.000Z', { itemId: 'nails', quantity: 200, unitCost: 0.1, location: 'Bin' });
// 1.5 kg of flour used every day from Oct 27 to Nov 20 (25 days): 37.5 kg.
for (let d = Date.parse('2026-10-27T17:00:00.000Z'); d <= Date.parse('2026-11-20T17:00:00.000Z'); d += 86_400_000) {
  const time = new Date(d).toISOString();
  if (time === '2026-11-02T17:00:00.000Z') ev('StockMoved', '2026-11-02T10:00:00.000Z', { itemId: 'sword', quantity: 1, from: 'Shelf', to: 'Van' });
  if (time === '2026-11-05T17:00:00.000Z') ev('StockRemoved', '2026-11-05T10:00:00.000Z', { itemId: 'rope', quantity: 4, reason: 'sold' });
  if (time === '2026-11-10T17:00:00.000Z') ev('StockCounted', '2026-11-10T12:00:00.000Z', { itemId: 'nails', counted: 180, expected: 200, location: 'Bin' });
  if (time === '2026-11-12T17:00:00.000Z') ev('StockAdded', '2026-11-12T10:00:00.000Z', { itemId: 'flour', quantity: 20, unitCost: 2.5, location: 'Pantry' });
  if (time === '2026-11-14T17:00:00.000Z') ev('ItemUpdated', '2026-11-14T10:00:00.000Z', { itemId: 'rope', changes: { name: { from: 'Rope', to: 'Cord' } } });
  if (time === '2026-11-16T17:00:00.000Z') ev('StockRemoved', '2026-11-16T10:00:00.000Z', { itemId: 'sword', quantity: 1, location: 'Van', reason: 'lost' });
  if (time === '2026-11-18T17:00:00.000Z') ev('ItemArchived', '2026-11-18T10:00:00.000Z', { itemId: 'lantern' });
  ev('StockRemoved', time, { itemId: 'flour', quantity: 1.5, reason: 'used', location: 'Pantry' });
}

/** The seed as the text of an Eventory v1 file. */
export function seedFile() {
  return JSON.stringify({ format: 'eventory.event-log', formatVersion: 1, exportedAt: '2026-11-21T00:00:00.000Z', eventCount: events.length, events });
}

export const SEED_EVENT_COUNT = events.length;

/** Imports the seed through the import page (spec §6) and waits for its outcome. */
export async function importSeed(page, url) {
  await page.goto(`${url}/data`);
  await page.locator('input[type="file"]').setInputFiles({ name: 'seed.json', mimeType: 'application/json', buffer: Buffer.from(seedFile()) });
  await page.getByRole('status').filter({ hasText: /Imported \d+ new events/ }).waitFor({ timeout: 20_000 });
}

/** The quantity cell of an item's row in the inventory table, as text. */
export async function quantityOf(page, name) {
  const table = page.getByRole('table').first();
  const headers = await table.getByRole('columnheader').allInnerTexts();
  const col = headers.findIndex((h) => /^Quantity/i.test(h.trim()));
  if (col < 0) throw new Error(`no Quantity column in ${JSON.stringify(headers)}`);
  const row = table.getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });
  return (await row.getByRole('cell').or(row.getByRole('rowheader')).nth(col).innerText()).trim();
}
