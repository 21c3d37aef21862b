// decide(command, state) -> events or a refusal. Refusals are values with a message for the user (a
// refused command appends nothing). Time and ids come in through the context so tests are deterministic.
import { assertNever, LIMITS, type Attributes, type EventDataMap, type EventType, type InventoryEvent, type ItemChanges, type ItemFields, ITEM_FIELDS } from './events';
import { quantityAt, roundQty, type InventoryState, type Item } from './inventory';
import { groupContext, initialStockData, initialStockErrors, planRename, type InitialStock } from './groupedCommands';
import { clashMessage, findByCode } from './codes';
import { planScans, type ScanLine, type ScanMode } from './scanBatch';
import { validateAttributes, validateFields, validateLocation, validatePositive, validateText, type FieldErrors } from './validation';

export type Command =
  /** With `initial`, the item is created with stock: one action (ItemCreated + StockAdded, one correlation id). */
  | ({ type: 'createItem'; initial?: InitialStock } & ItemFields)
  | { type: 'editItem'; itemId: string; changes: Partial<{ [K in keyof ItemFields]: ItemFields[K] | undefined }> }
  | { type: 'addStock'; itemId: string; quantity: number; location?: string; reason?: string; unitCost?: number; note?: string; attributes?: Attributes }
  | { type: 'removeStock'; itemId: string; quantity: number; location?: string; reason?: string; note?: string }
  | { type: 'moveStock'; itemId: string; quantity: number; from?: string; to?: string }
  | { type: 'countStock'; itemId: string; counted: number; location?: string }
  | { type: 'archiveItem'; itemId: string }
  | { type: 'restoreItem'; itemId: string }
  /** Every item's stock at `from` moves to `to`: one StockMoved per item, one action. */
  | { type: 'renameLocation'; from: string; to: string }
  /** Scanned stock of several items at one location: one StockCounted or StockAdded per item, one action. */
  | { type: 'recordScans'; mode: ScanMode; location?: string; lines: readonly ScanLine[] };

export interface DecideContext {
  now: string;
  newId: () => string;
  source: string;
  correlationId?: string;
}

export type Refusal = { ok: false; error: string; fields?: FieldErrors };
export type Decision = { ok: true; events: InventoryEvent[] } | Refusal;

export const refuse = (error: string, fields?: FieldErrors): Refusal => (fields ? { ok: false, error, fields } : { ok: false, error });

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

export function makeEvent<T extends EventType>(type: T, data: EventDataMap[T], ctx: DecideContext): InventoryEvent {
  const clean = stripUndefined(data);
  const e = {
    specversion: '1.0',
    id: ctx.newId(),
    source: ctx.source,
    type,
    time: ctx.now,
    dataversion: writtenVersion(type, clean),
    datacontenttype: 'application/json',
    ...(ctx.correlationId ? { correlationid: ctx.correlationId } : {}),
    data: clean,
  };
  return e as InventoryEvent;
}

function stripUndefined<T extends object>(o: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined && v !== '') out[k] = v;
  return out as T;
}

const clean = (s: string | undefined): string | undefined => (s === undefined || s.trim() === '' ? undefined : s.trim());

function sameName(a: string, b: string): boolean {
  return a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();
}

function nameTaken(state: InventoryState, name: string, except?: string): Item | undefined {
  for (const item of state.items.values()) if (item.id !== except && item.known && !item.archived && sameName(item.name, name)) return item;
  return undefined;
}

/** An item that exists and is listed, or a refusal saying why not. */
function activeItem(state: InventoryState, itemId: string): Item | Refusal {
  const item = state.items.get(itemId);
  if (!item || !item.known) return refuse('This item does not exist.');
  if (item.archived) return refuse(`“${item.name}” is archived. Restore it first.`);
  return item;
}
const isRefusal = (x: Item | Refusal): x is Refusal => 'ok' in x;

/** The codes of a command: an empty list is no codes (nothing is written for it). */
const someCodes = (codes: readonly string[] | undefined): readonly string[] | undefined => (codes && codes.length > 0 ? codes : undefined);

/** A refusal when one of `codes` is on a listed item other than `except` (spec 2.1: one code, one listed item). */
function codeInUse(state: InventoryState, codes: readonly string[] | undefined, except: string | undefined): Refusal | undefined {
  for (const code of codes ?? []) {
    const other = findByCode(state.items.values(), code, except);
    if (other) return refuse(clashMessage({ code, other }), { codes: `Already on “${other.name}”.` });
  }
  return undefined;
}

const fmtLoc = (l: string | undefined) => (l ? `at “${l}”` : 'unassigned');

export function decide(cmd: Command, state: InventoryState, ctx: DecideContext): Decision {
  switch (cmd.type) {
    case 'createItem': {
      const { type: _t, initial, ...raw } = cmd;
      const fields = { ...raw, name: raw.name?.trim() ?? '', sku: clean(raw.sku), category: clean(raw.category), unit: clean(raw.unit), notes: clean(raw.notes), codes: someCodes(raw.codes) };
      const errors = validateFields(fields, true);
      const stockErrors = initial && initialStockErrors(initial);
      if (errors || stockErrors) return refuse('Please correct the highlighted fields.', { ...errors, ...stockErrors });
      const taken = nameTaken(state, fields.name);
      if (taken) return refuse(`An item named “${taken.name}” already exists.`, { name: 'Already used by another item.' });
      const codeTaken = codeInUse(state, fields.codes, undefined);
      if (codeTaken) return codeTaken;
      if (!initial) return { ok: true, events: [makeEvent('ItemCreated', { itemId: ctx.newId(), ...fields }, ctx)] };
      // Ids of one device increase, so the creation sorts before its stock although both have the same time.
      const group = groupContext(ctx);
      const itemId = ctx.newId();
      const createdEvent = makeEvent('ItemCreated', { itemId, ...fields }, group);
      return { ok: true, events: [createdEvent, makeEvent('StockAdded', initialStockData(itemId, initial), group)] };
    }
    case 'renameLocation': {
      const plan = planRename(state, cmd.from, cmd.to);
      if (!plan.ok) return plan.fields ? refuse(plan.error, plan.fields) : refuse(plan.error);
      const group = groupContext(ctx);
      return { ok: true, events: plan.moves.map((m) => makeEvent('StockMoved', { itemId: m.itemId, quantity: m.quantity, from: plan.from, to: plan.to }, group)) };
    }
    case 'recordScans': {
      const plan = planScans(state, cmd.mode, clean(cmd.location), cmd.lines);
      if (!plan.ok) return refuse(plan.error);
      const group = groupContext(ctx);
      const { location } = plan;
      return {
        ok: true,
        events: plan.lines.map((l) =>
          cmd.mode === 'count'
            ? makeEvent('StockCounted', { itemId: l.itemId, counted: l.quantity, expected: l.expected, location }, group)
            : makeEvent('StockAdded', { itemId: l.itemId, quantity: l.quantity, location }, group),
        ),
      };
    }
    case 'editItem': {
      const item = activeItem(state, cmd.itemId);
      if (isRefusal(item)) return item;
      const errors = validateFields({ name: item.name, ...cmd.changes }, false);
      if (errors) return refuse('Please correct the highlighted fields.', errors);
      const changes: ItemChanges = {};
      for (const field of ITEM_FIELDS) {
        if (!(field in cmd.changes)) continue;
        let to = cmd.changes[field];
        if (typeof to === 'string') to = clean(to);
        if (field === 'attributes' && to && Object.keys(to).length === 0) to = undefined;
        if (field === 'codes') to = someCodes(to as readonly string[] | undefined);
        if (JSON.stringify(item[field]) === JSON.stringify(to)) continue;
        (changes as Record<string, unknown>)[field] = stripUndefined({ from: item[field], to });
      }
      if (Object.keys(changes).length === 0) return refuse('Nothing was changed.');
      if (changes.name?.to === undefined && changes.name) return refuse('An item needs a name.', { name: 'Required.' });
      const taken = changes.name && nameTaken(state, changes.name.to as string, item.id);
      if (taken) return refuse(`An item named “${taken.name}” already exists.`, { name: 'Already used by another item.' });
      // Only codes this edit adds: one the item already shares after a merge is that merge's conflict, not this edit's.
      const codeTaken = codeInUse(state, changes.codes?.to?.filter((c) => !item.codes?.includes(c)), item.id);
      if (codeTaken) return codeTaken;
      return { ok: true, events: [makeEvent('ItemUpdated', { itemId: item.id, changes }, ctx)] };
    }
    case 'addStock': {
      const item = activeItem(state, cmd.itemId);
      if (isRefusal(item)) return item;
      const errors = merge(validatePositive('quantity', cmd.quantity), validateLocation('location', cmd.location), validateText('reason', cmd.reason), validateText('note', cmd.note), cmd.unitCost === undefined ? undefined : validatePositive('unitCost', cmd.unitCost, true), validateAttributes(cmd.attributes));
      if (errors) return refuse('Please correct the highlighted fields.', errors);
      const { type: _t, ...data } = cmd;
      const attributes = data.attributes && Object.keys(data.attributes).length > 0 ? data.attributes : undefined;
      return { ok: true, events: [makeEvent('StockAdded', { ...data, location: clean(data.location), reason: clean(data.reason), note: clean(data.note), attributes }, ctx)] };
    }
    case 'removeStock': {
      const item = activeItem(state, cmd.itemId);
      if (isRefusal(item)) return item;
      const errors = merge(validatePositive('quantity', cmd.quantity), validateLocation('location', cmd.location), validateText('reason', cmd.reason), validateText('note', cmd.note));
      if (errors) return refuse('Please correct the highlighted fields.', errors);
      const location = clean(cmd.location);
      const have = quantityAt(item, location);
      if (cmd.quantity > have) return refuse(`Cannot remove ${cmd.quantity}: only ${Math.max(0, have)} of “${item.name}” ${fmtLoc(location)}.`, { quantity: `At most ${Math.max(0, have)}.` });
      const { type: _t, ...data } = cmd;
      return { ok: true, events: [makeEvent('StockRemoved', { ...data, location, reason: clean(data.reason), note: clean(data.note) }, ctx)] };
    }
    case 'moveStock': {
      const item = activeItem(state, cmd.itemId);
      if (isRefusal(item)) return item;
      const from = clean(cmd.from);
      const to = clean(cmd.to);
      const errors = merge(validatePositive('quantity', cmd.quantity), validateLocation('from', from), validateLocation('to', to));
      if (errors) return refuse('Please correct the highlighted fields.', errors);
      if ((from ?? '') === (to ?? '')) return refuse('Choose two different locations.', { to: 'Same as the origin.' });
      const have = quantityAt(item, from);
      if (cmd.quantity > have) return refuse(`Cannot move ${cmd.quantity}: only ${Math.max(0, have)} of “${item.name}” ${fmtLoc(from)}.`, { quantity: `At most ${Math.max(0, have)}.` });
      return { ok: true, events: [makeEvent('StockMoved', { itemId: item.id, quantity: cmd.quantity, from, to }, ctx)] };
    }
    case 'countStock': {
      const item = activeItem(state, cmd.itemId);
      if (isRefusal(item)) return item;
      const location = clean(cmd.location);
      const errors = merge(validatePositive('counted', cmd.counted, true), validateLocation('location', location));
      if (errors) return refuse('Please correct the highlighted fields.', errors);
      const expected = roundQty(quantityAt(item, location));
      return { ok: true, events: [makeEvent('StockCounted', { itemId: item.id, counted: cmd.counted, expected, location }, ctx)] };
    }
    case 'archiveItem': {
      const item = activeItem(state, cmd.itemId);
      if (isRefusal(item)) return item;
      return { ok: true, events: [makeEvent('ItemArchived', { itemId: item.id }, ctx)] };
    }
    case 'restoreItem': {
      const item = state.items.get(cmd.itemId);
      if (!item || !item.known) return refuse('This item does not exist.');
      if (!item.archived) return refuse(`“${item.name}” is not archived.`);
      const taken = nameTaken(state, item.name, item.id);
      if (taken) return refuse(`Another listed item is already named “${taken.name}”. Rename one of them first.`);
      const codeTaken = codeInUse(state, item.codes, item.id);
      if (codeTaken) return refuse(`${codeTaken.error} Remove the code from one of them before restoring “${item.name}”.`);
      return { ok: true, events: [makeEvent('ItemRestored', { itemId: item.id }, ctx)] };
    }
    default:
      return assertNever(cmd);
  }
}

function merge(...parts: (FieldErrors | undefined)[]): FieldErrors | undefined {
  const out: FieldErrors = {};
  for (const p of parts) if (p) Object.assign(out, p);
  return Object.keys(out).length ? out : undefined;
}

export { LIMITS };
