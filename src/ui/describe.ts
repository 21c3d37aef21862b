// Words for events: a sentence for toasts ("Added 3 × Sword at Shelf A") and a compact change line for history
// rows ("+3 at Shelf A (purchase) — note"). Every event type is worded here, in one switch each.
import { assertNever, ITEM_FIELDS, type Attributes, type InventoryEvent, type ItemField } from '../domain/events';
import { renameOf } from '../domain/groupedCommands';
import type { Item } from '../domain/inventory';
import { atLocation, locationName, plural, qty, signed } from './format';
import { money } from './money';
import { amount, amountOfItem as amountOf, unitFor } from './units';

export type ItemLookup = (id: string) => Item | undefined;

const FIELD_LABELS: Record<ItemField, string> = {
  name: 'Name',
  sku: 'SKU',
  category: 'Category',
  unit: 'Unit',
  minQuantity: 'Minimum',
  notes: 'Notes',
  attributes: 'Attributes',
  codes: 'Codes',
};

const attrs = (a: Attributes): string =>
  Object.entries(a)
    .map(([k, v]) => `${k}: ${typeof v === 'boolean' ? (v ? 'yes' : 'no') : String(v)}`)
    .join(', ');

function fieldValue(v: unknown): string {
  if (v === undefined || v === null || v === '') return '—';
  if (Array.isArray(v)) return v.join(', ') || '—';
  if (typeof v === 'object') return attrs(v as Attributes) || '—';
  return String(v);
}

/** Where, inside a sentence: "at Shelf A" or "(unassigned)". */
const place = (loc: string | undefined) => (loc ? `at ${loc}` : '(unassigned)');

const quoted = (item: Item | undefined, id: string) => `“${item?.name ?? id}”`;

/** A sentence about one event, for toasts and screen readers. */
export function eventSentence(e: InventoryEvent, lookup: ItemLookup): string {
  if (e.type === 'EventsReverted') return `Undid ${plural(e.data.eventIds.length, 'change')}`;
  const item = lookup(e.data.itemId);
  switch (e.type) {
    case 'ItemCreated':
      return `Created “${e.data.name}”`;
    case 'ItemUpdated': {
      const fields = ITEM_FIELDS.filter((f) => e.data.changes[f]).map((f) => FIELD_LABELS[f].toLowerCase());
      return `Edited ${quoted(item, e.data.itemId)}: ${fields.join(', ')}`;
    }
    case 'StockAdded':
      return `Added ${amountOf(e.data.quantity, item)} ${place(e.data.location)}`;
    case 'StockRemoved':
      return `Removed ${amountOf(e.data.quantity, item)} ${e.data.location ? `from ${e.data.location}` : '(unassigned)'}`;
    case 'StockMoved':
      return `Moved ${amountOf(e.data.quantity, item)} from ${locationName(e.data.from)} to ${locationName(e.data.to)}`;
    case 'StockCounted':
      return `Counted ${amountOf(e.data.counted, item)} ${place(e.data.location)}${expectation(e.data.counted, e.data.expected)}`;
    case 'ItemArchived':
      return `Archived ${quoted(item, e.data.itemId)}`;
    case 'ItemRestored':
      return `Restored ${quoted(item, e.data.itemId)}`;
    default:
      return assertNever(e);
  }
}

/** Summary of the events of one action (usually one event). */
export function resultSentence(events: readonly InventoryEvent[], lookup: ItemLookup): string {
  if (events.length === 0) return 'Nothing changed';
  const [created, stock] = events as [InventoryEvent, InventoryEvent | undefined];
  if (created.type === 'ItemCreated' && stock?.type === 'StockAdded' && events.length === 2 && stock.data.itemId === created.data.itemId) {
    return `Created “${created.data.name}” with ${amount(stock.data.quantity, created.data.unit)} ${place(stock.data.location)}`;
  }
  const rename = renameOf(events);
  if (rename) return `Renamed location “${rename.from}” to “${rename.to}” (${plural(events.length, 'item')} moved)`;
  const scans = scansOf(events);
  if (scans) return scans;
  const first = eventSentence(events[0]!, lookup);
  return events.length === 1 ? first : `${first} and ${plural(events.length - 1, 'more change')}`;
}

/** One batch of scanned stock (src/domain/scanBatch.ts): several counts, or several additions, at one place. */
function scansOf(events: readonly InventoryEvent[]): string | undefined {
  const first = events[0]!;
  if (events.length < 2 || !first.correlationid || (first.type !== 'StockCounted' && first.type !== 'StockAdded')) return undefined;
  const where = first.data.location;
  if (!events.every((e) => e.type === first.type && e.correlationid === first.correlationid && e.data.location === where)) return undefined;
  return `${first.type === 'StockCounted' ? 'Counted' : 'Added stock of'} ${plural(events.length, 'item')} ${place(where)}`;
}

function expectation(counted: number, expected: number | undefined): string {
  if (expected === undefined) return '';
  const diff = counted - expected;
  return diff === 0 ? ` (as expected)` : ` (expected ${qty(expected)}, ${signed(diff)})`;
}

const tail = (reason: string | undefined, note: string | undefined): string =>
  (reason ? ` (${reason})` : '') + (note ? ` — ${note}` : '');

/** A signed change with its unit: "+5 packs", "−1 pc", "+3" without a unit. */
const signedAmount = (n: number, unit: string | undefined): string => (unit ? `${signed(n)} ${unitFor(Math.abs(n), unit)}` : signed(n));

/**
 * What an event changed, as a history row reads it within its item: "+3 packs at Shelf A (purchase) — note".
 * `unit` is the item's unit (quantities are shown without one when it has none).
 */
export function changeLine(e: InventoryEvent, unit?: string): string {
  switch (e.type) {
    case 'ItemCreated': {
      const extra = (['sku', 'codes', 'category', 'unit', 'minQuantity'] as const)
        .filter((f) => e.data[f] !== undefined)
        .map((f) => `${FIELD_LABELS[f]}: ${fieldValue(e.data[f])}`);
      return [`Created “${e.data.name}”`, ...extra].join(' · ');
    }
    case 'ItemUpdated':
      return ITEM_FIELDS.filter((f) => e.data.changes[f])
        .map((f) => `${FIELD_LABELS[f]}: ${fieldValue(e.data.changes[f]!.from)} → ${fieldValue(e.data.changes[f]!.to)}`)
        .join(' · ');
    case 'StockAdded':
      return `${signedAmount(e.data.quantity, unit)} ${atLocation(e.data.location)}${e.data.unitCost !== undefined ? ` @ ${money(e.data.unitCost)} each` : ''}${tail(e.data.reason, e.data.note)}${e.data.attributes && Object.keys(e.data.attributes).length ? ` · ${attrs(e.data.attributes)}` : ''}`;
    case 'StockRemoved':
      return `${signedAmount(-e.data.quantity, unit)} ${atLocation(e.data.location)}${tail(e.data.reason, e.data.note)}`;
    case 'StockMoved':
      return `Moved ${amount(e.data.quantity, unit)} from ${locationName(e.data.from)} to ${locationName(e.data.to)}`;
    case 'StockCounted':
      return `Counted ${amount(e.data.counted, unit)}${e.data.location ? ` at ${e.data.location}` : ''}${expectation(e.data.counted, e.data.expected)}`;
    case 'ItemArchived':
      return 'Archived';
    case 'ItemRestored':
      return 'Restored';
    case 'EventsReverted':
      return `Undo of ${plural(e.data.eventIds.length, 'change')}${e.data.reason ? ` (${e.data.reason})` : ''}`;
    default:
      return assertNever(e);
  }
}
