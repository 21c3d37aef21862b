// Event types of the log (data version 2: item codes; README: Files and merging). These shapes are a file format that users keep:
// changing a field's meaning needs a new dataversion and an upcaster in src/domain/upcast.ts.

export const EVENT_TYPES = [
  'ItemCreated',
  'ItemUpdated',
  'StockAdded',
  'StockRemoved',
  'StockMoved',
  'StockCounted',
  'ItemArchived',
  'ItemRestored',
  'EventsReverted',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** The newest data version this app reads (and writes, for events that need it: see writtenVersion). */
export const DATA_VERSION = 2;

export const LIMITS = {
  itemId: 100,
  location: 100,
  name: 200,
  text: 1000,
  revertIds: 10_000,
  code: 200,
  codes: 20,
} as const;

export type AttributeValue = string | number | boolean;
export type Attributes = Record<string, AttributeValue>;

/** Editable descriptive fields of an item (everything ItemUpdated may change). */
export interface ItemFields {
  name: string;
  sku?: string;
  category?: string;
  unit?: string;
  minQuantity?: number;
  notes?: string;
  attributes?: Attributes;
  /** Barcodes and QR payloads that identify the item (data version 2; absent = no codes). */
  codes?: readonly string[];
}
export type ItemField = keyof ItemFields;
export const ITEM_FIELDS: readonly ItemField[] = ['name', 'sku', 'category', 'unit', 'minQuantity', 'notes', 'attributes', 'codes'];

export type FieldChange<K extends ItemField = ItemField> = { from?: ItemFields[K] | undefined; to?: ItemFields[K] | undefined };
export type ItemChanges = { [K in ItemField]?: FieldChange<K> };

export interface EventDataMap {
  ItemCreated: { itemId: string } & ItemFields;
  ItemUpdated: { itemId: string; changes: ItemChanges };
  StockAdded: {
    itemId: string;
    quantity: number;
    location?: string;
    reason?: string;
    unitCost?: number;
    note?: string;
    attributes?: Attributes;
  };
  StockRemoved: { itemId: string; quantity: number; location?: string; reason?: string; note?: string };
  StockMoved: { itemId: string; quantity: number; from?: string; to?: string };
  StockCounted: { itemId: string; counted: number; expected?: number; location?: string };
  ItemArchived: { itemId: string };
  ItemRestored: { itemId: string };
  EventsReverted: { eventIds: string[]; reason?: string };
}

/** A CloudEvents 1.0 event in its JSON form, with the `dataversion` and optional `correlationid` extensions. */
export type EventOf<T extends EventType> = {
  specversion: '1.0';
  id: string;
  source: string;
  type: T;
  time: string;
  dataversion: number;
  datacontenttype?: 'application/json';
  correlationid?: string;
  data: EventDataMap[T];
};
export type InventoryEvent = { [T in EventType]: EventOf<T> }[EventType];

/**
 * The data version a writer stamps on an event: 2 only for an ItemCreated or ItemUpdated that carries `codes`
 * (an update that clears them too), 1 otherwise, so a log without codes still imports into a release that
 * knows only version 1 (spec 2.1).
 */
export function writtenVersion<T extends EventType>(type: T, data: EventDataMap[T]): 1 | 2 {
  if (type === 'ItemCreated') return (data as EventDataMap['ItemCreated']).codes !== undefined ? 2 : 1;
  if (type === 'ItemUpdated') return (data as EventDataMap['ItemUpdated']).changes.codes !== undefined ? 2 : 1;
  return 1;
}

export function isEventType(t: unknown): t is EventType {
  return typeof t === 'string' && (EVENT_TYPES as readonly string[]).includes(t);
}

export const REASONS_IN = ['purchase', 'found', 'return', 'produced', 'initial'] as const;
export const REASONS_OUT = ['used', 'sold', 'lost', 'broken', 'spoiled'] as const;

export const EVENT_LABELS: Record<EventType, string> = {
  ItemCreated: 'Created',
  ItemUpdated: 'Edited',
  StockAdded: 'Added',
  StockRemoved: 'Removed',
  StockMoved: 'Moved',
  StockCounted: 'Counted',
  ItemArchived: 'Archived',
  ItemRestored: 'Restored',
  EventsReverted: 'Undone',
};

export function assertNever(x: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(x)}`);
}
