// The schema of an imported event (data versions 1 and 2), in valibot. Each schema carries the
// words a user reads when it fails ("must be a number greater than 0"); issues.ts turns a failure into a sentence
// naming the event, its id and the field. Values are checked, never coerced: "3" is not a quantity.
import * as v from 'valibot';
import { EVENT_TYPES, LIMITS, type EventType } from '../domain/events';
import { MAX_ID_LENGTH, timeKey } from '../domain/history';
import { formatCount, isPlainObject } from './describe';

/** Longest event id accepted. The format fixes none; a bound keeps hostile files from bloating every history key. */
export const MAX_ID = MAX_ID_LENGTH;
/** Longest `source`, `correlationid` and extension attribute text accepted. */
export const MAX_SOURCE = LIMITS.text;

const n = formatCount;

const object = (message: string) => v.custom<Record<string, unknown>>(isPlainObject, message);
/** A JSON object with exactly these fields (unknown ones are reported, so a misspelt field is not lost silently). */
const strict = <E extends v.ObjectEntries>(entries: E, message = 'must be an object') =>
  v.pipe(object(message), v.strictObject(entries, message));

const textUpTo = (max: number) => {
  const m = `must be text of at most ${n(max)} characters`;
  return v.pipe(v.string(m), v.maxLength(max, m));
};
const textOf = (min: number, max: number) => {
  const m = `must be text of ${n(min)} to ${n(max)} characters`;
  return v.pipe(v.string(m), v.minLength(min, m), v.maxLength(max, m));
};
const nameText = (() => {
  const m = `must be a name of 1 to ${n(LIMITS.name)} characters (not only spaces)`;
  return v.pipe(v.string(m), v.maxLength(LIMITS.name, m), v.check((s) => s.trim() !== '', m));
})();
const numberWhere = (message: string, ...checks: v.PipeItem<number, number, v.BaseIssue<unknown>>[]) =>
  v.pipe(v.number(message), v.finite(message), ...checks);

const text = textUpTo(LIMITS.text);
const itemId = textOf(1, LIMITS.itemId);
const location = textOf(1, LIMITS.location);
const eventId = textOf(1, MAX_ID);
const quantity = numberWhere('must be a number greater than 0', v.gtValue(0, 'must be a number greater than 0'));
const zeroOrMore = numberWhere('must be a number, 0 or more', v.minValue(0, 'must be a number, 0 or more'));
const anyNumber = numberWhere('must be a number');

const attributeValueMessage = `must be text (at most ${n(LIMITS.text)} characters), a number or true/false`;
const attributes = v.pipe(
  object('must be an object of named values (text, numbers or true/false)'),
  v.record(
    textOf(1, LIMITS.name),
    v.union([textUpTo(LIMITS.text), numberWhere(attributeValueMessage), v.boolean(attributeValueMessage)], attributeValueMessage),
  ),
);

/** Item codes (data version 2): 0..20 distinct codes of 1..200 characters, compared exactly. */
const codes = (() => {
  const m = `must be a list of at most ${n(LIMITS.codes)} distinct codes, each text of 1 to ${n(LIMITS.code)} characters`;
  return v.pipe(
    v.custom<unknown[]>((x) => Array.isArray(x) && x.length <= LIMITS.codes, m),
    v.array(textOf(1, LIMITS.code), m),
    v.check((list) => new Set(list).size === list.length, `${m}: a code is listed twice`),
  );
})();

const itemFields = {
  sku: v.optional(text),
  category: v.optional(text),
  unit: v.optional(text),
  minQuantity: v.optional(zeroOrMore),
  notes: v.optional(text),
  attributes: v.optional(attributes),
};

const change = <S extends v.GenericSchema>(value: S) => strict({ from: v.optional(value), to: v.optional(value) });

const revertIds = (() => {
  const m = `must be a list of 1 to ${n(LIMITS.revertIds)} event ids`;
  return v.pipe(
    v.custom<unknown[]>((x) => Array.isArray(x) && x.length >= 1 && x.length <= LIMITS.revertIds, m),
    v.array(eventId, m),
  );
})();

const updateFields = {
  // A rename must say the new name: an item without a name cannot be shown.
  name: v.optional(strict({ from: v.optional(nameText), to: nameText })),
  sku: v.optional(change(text)),
  category: v.optional(change(text)),
  unit: v.optional(change(text)),
  minQuantity: v.optional(change(zeroOrMore)),
  notes: v.optional(change(text)),
  attributes: v.optional(change(attributes)),
};

/** The `data` of each event type, data version 1. A new data version adds a table beside this one. */
export const DATA_V1: { [T in EventType]: v.GenericSchema } = {
  ItemCreated: strict({ itemId, name: nameText, ...itemFields }),
  ItemUpdated: strict({ itemId, changes: strict(updateFields) }),
  StockAdded: strict({ itemId, quantity, location: v.optional(location), reason: v.optional(text), unitCost: v.optional(zeroOrMore), note: v.optional(text), attributes: v.optional(attributes) }),
  StockRemoved: strict({ itemId, quantity, location: v.optional(location), reason: v.optional(text), note: v.optional(text) }),
  StockMoved: strict({ itemId, quantity, from: v.optional(location), to: v.optional(location) }),
  StockCounted: strict({ itemId, counted: zeroOrMore, expected: v.optional(anyNumber), location: v.optional(location) }),
  ItemArchived: strict({ itemId }),
  ItemRestored: strict({ itemId }),
  EventsReverted: strict({ eventIds: revertIds, reason: v.optional(text) }),
};

/** Data version 2: version 1 with `codes` on ItemCreated and in ItemUpdated's changes (spec 2.1). */
export const DATA_V2: { [T in EventType]: v.GenericSchema } = {
  ...DATA_V1,
  ItemCreated: strict({ itemId, name: nameText, ...itemFields, codes: v.optional(codes) }),
  ItemUpdated: strict({ itemId, changes: strict({ ...updateFields, codes: v.optional(change(codes)) }) }),
};

const timeMessage = 'must be a date and time in RFC 3339 form, like "2026-11-23T09:58:00.000Z"';

/** The CloudEvents attributes Eventory reads. Others are extension attributes: see `extensionProblem`. */
export const ENVELOPE = v.looseObject({
  specversion: v.literal('1.0', 'must be "1.0" (CloudEvents 1.0)'),
  id: eventId,
  source: textOf(1, MAX_SOURCE),
  type: v.picklist(EVENT_TYPES, `must be an event type this version of Eventory knows (${EVENT_TYPES.join(', ')})`),
  time: v.pipe(v.string(timeMessage), v.maxLength(64, timeMessage), v.check((t) => timeKey(t) !== undefined, timeMessage)),
  dataversion: v.pipe(v.number('must be a whole number, 1 or more'), v.integer('must be a whole number, 1 or more'), v.minValue(1, 'must be a whole number, 1 or more')),
  datacontenttype: v.optional(v.literal('application/json', 'must be "application/json" when present')),
  correlationid: v.optional(textOf(1, MAX_SOURCE)),
  data: object('must be an object'),
});
export const ENVELOPE_KEYS: ReadonlySet<string> = new Set(Object.keys(ENVELOPE.entries));

const EXTENSION_NAME = /^[a-z0-9]{1,20}$/;

/**
 * CloudEvents receivers must accept extension attributes they do not know (`subject`, `traceparent`, …), so an
 * unknown top-level key is kept as is (and exported again) when it is a valid attribute name with a text,
 * number or true/false value. Anything else is refused: it is not CloudEvents, so likely a mistake.
 */
export function extensionProblem(key: string, value: unknown): string | undefined {
  if (!EXTENSION_NAME.test(key)) return 'is not a CloudEvents attribute (extension attribute names are 1 to 20 lower-case letters or digits)';
  const ok =
    (typeof value === 'string' && value.length <= MAX_SOURCE) || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
  return ok ? undefined : `is an extension attribute, so it must be text (at most ${n(MAX_SOURCE)} characters), a number or true/false`;
}

/** The fields of the file around the events. `exportedAt` is informational and not checked. */
export const FILE_HEADER = v.looseObject({
  formatVersion: v.pipe(v.number('must be a whole number'), v.integer('must be a whole number')),
  eventCount: v.pipe(v.number('must be a whole number, 0 or more'), v.integer('must be a whole number, 0 or more'), v.minValue(0, 'must be a whole number, 0 or more')),
  events: v.custom<unknown[]>(Array.isArray, 'must be a list of events'),
});

const legacyNameMessage = 'must be an item name or an object with a "name"';
const LEGACY_TYPES = ['ITEM_ADDED', 'ITEM_REMOVED', 'item_added', 'item_removed'] as const;
/** One entry of a legacy file: the Python tutorial's serialised `Event(type, data, timestamp)`. */
export const LEGACY_ENTRY = strict(
  {
    // The enum's names, or its values: the tutorial's EventType is a StrEnum, so its own events serialise as values.
    type: v.picklist(LEGACY_TYPES, 'must be "item_added" or "item_removed" (or "ITEM_ADDED", "ITEM_REMOVED")'),
    // Checked by LEGACY_NAME or LEGACY_OBJECT depending on its kind, so the message fits what the file holds.
    data: v.custom<unknown>((x) => typeof x === 'string' || isPlainObject(x), legacyNameMessage),
    timestamp: v.pipe(v.string('must be a date and time like "2025-06-01T12:00:00"'), v.maxLength(64, 'must be a date and time like "2025-06-01T12:00:00"')),
  },
  'must be an object with "type", "data" and "timestamp"',
);
export const LEGACY_NAME = nameText;
/** `{name, ...attributes}`: the other fields become the attributes of the stock added. */
export const LEGACY_OBJECT = v.pipe(
  v.looseObject({ name: nameText }),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    for (const [key, value] of Object.entries(dataset.value)) {
      if (key === 'name') continue;
      if (key.length === 0 || key.length > LIMITS.name) addIssue({ message: `must have field names of 1 to ${n(LIMITS.name)} characters`, input: key });
      else if (!(typeof value === 'string' && value.length <= LIMITS.text) && typeof value !== 'boolean' && !(typeof value === 'number' && Number.isFinite(value)))
        addIssue({ message: `may hold only text (at most ${n(LIMITS.text)} characters), numbers or true/false besides "name"; "${key}" does not`, input: value });
    }
  }),
);
