// What an event touches: the item it acts on and the stock locations whose quantity it changes. The one place
// that answers it for every event type, exhaustively, so that a new type must say what it touches before it
// compiles: undo's check for negative stock (revert.ts), the projections and the history's filters ask here.
import { assertNever, type EventType, type InventoryEvent } from './events';
import { UNASSIGNED } from './item';

const NOWHERE: readonly string[] = [];

/** The item `e` acts on, or undefined for events about the log itself (an undo). */
export function itemIdOf(e: InventoryEvent): string | undefined {
  switch (e.type) {
    case 'ItemCreated':
    case 'ItemUpdated':
    case 'StockAdded':
    case 'StockRemoved':
    case 'StockMoved':
    case 'StockCounted':
    case 'ItemArchived':
    case 'ItemRestored':
      return e.data.itemId;
    case 'EventsReverted':
      return undefined;
    default:
      return assertNever(e);
  }
}

/** The locations whose stock `e` changes ('' = the unassigned bucket, as in Item.stock); none for most types. */
export function locationsOf(e: InventoryEvent): readonly string[] {
  switch (e.type) {
    case 'StockAdded':
    case 'StockRemoved':
    case 'StockCounted':
      return [e.data.location ?? UNASSIGNED];
    case 'StockMoved':
      return [e.data.from ?? UNASSIGNED, e.data.to ?? UNASSIGNED];
    case 'ItemCreated':
    case 'ItemUpdated':
    case 'ItemArchived':
    case 'ItemRestored':
    case 'EventsReverted':
      return NOWHERE;
    default:
      return assertNever(e);
  }
}

/** Whether events of each type change stock at a location (what `locationsOf` answers, per type). */
const CHANGES_STOCK: Record<EventType, boolean> = {
  ItemCreated: false,
  ItemUpdated: false,
  StockAdded: true,
  StockRemoved: true,
  StockMoved: true,
  StockCounted: true,
  ItemArchived: false,
  ItemRestored: false,
  EventsReverted: false,
};

/** The event types that change the stock at a location. */
export const STOCK_TYPES: readonly EventType[] = (Object.keys(CHANGES_STOCK) as EventType[]).filter((t) => CHANGES_STOCK[t]);
