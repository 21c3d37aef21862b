// A hand-written check of the valid event shapes of data versions 1 and 2, to spare the valibot schemas (schema.ts)
// for the million events of a large import: valibot builds an output object and issue machinery per event,
// which is many times slower. It answers only "certainly valid"; anything else — a problem, another data
// version, an odd but legal case — goes to the full check, which words the message.
//
// Invariant: `certainlyValid(x)` implies that the full check (schema.ts + validate.ts) accepts `x`. Each rule here
// is the schema's rule or a stricter one; test/io/certainlyValid.property.test.ts checks it on valid and mutated
// events.
import { LIMITS, type EventType } from '../domain/events';
import { timeKey } from '../domain/history';
import { FORBIDDEN_KEYS, isPlainObject } from './describe';
import { extensionProblem, MAX_ID, MAX_SOURCE } from './schema';

type Rule = (value: unknown) => boolean;

/** The fields of a strict object: each key's rule and whether it must be present. */
interface Shape {
  fields: ReadonlyMap<string, { rule: Rule; required: boolean }>;
  required: number;
}

function shape(required: Record<string, Rule>, optional: Record<string, Rule> = {}): Shape {
  const fields = new Map<string, { rule: Rule; required: boolean }>();
  for (const [key, rule] of Object.entries(required)) fields.set(key, { rule, required: true });
  for (const [key, rule] of Object.entries(optional)) fields.set(key, { rule, required: false });
  return { fields, required: Object.keys(required).length };
}

/**
 * True when `obj` has every required field of `s`, no other field (unless `extra` accepts it), and every value
 * follows its rule. An optional field may hold undefined, as valibot's `optional` allows.
 */
function fits(s: Shape, obj: Record<string, unknown>, extra?: (key: string, value: unknown) => boolean): boolean {
  let required = 0;
  // for…in also lists inherited enumerable keys: the full check ignores those, so seeing them is only stricter.
  for (const key in obj) {
    const value = obj[key];
    const field = s.fields.get(key);
    if (field === undefined) {
      if (extra === undefined || !extra(key, value)) return false;
    } else if (field.required) {
      if (!field.rule(value)) return false;
      required++;
    } else if (value !== undefined && !field.rule(value)) return false;
  }
  return required === s.required;
}

const strict = (s: Shape): Rule => (v) => isPlainObject(v) && fits(s, v);

const text = (min: number, max: number): Rule => (v) => typeof v === 'string' && v.length >= min && v.length <= max;
const finite = (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v);
const textOrValue = (v: unknown): boolean => (typeof v === 'string' ? v.length <= LIMITS.text : typeof v === 'boolean' || finite(v));

const freeText = text(0, LIMITS.text);
const itemId = text(1, LIMITS.itemId);
const location = text(1, LIMITS.location);
const eventId = text(1, MAX_ID);
const name: Rule = (v) => typeof v === 'string' && v.length <= LIMITS.name && v.trim() !== '';
const quantity: Rule = (v) => finite(v) && (v as number) > 0;
const zeroOrMore: Rule = (v) => finite(v) && (v as number) >= 0;

const attributes: Rule = (v) => {
  if (!isPlainObject(v)) return false;
  for (const key in v) {
    if (key.length < 1 || key.length > LIMITS.name || FORBIDDEN_KEYS.has(key) || !textOrValue(v[key])) return false;
  }
  return true;
};

const revertIds: Rule = (v) => {
  if (!Array.isArray(v) || v.length < 1 || v.length > LIMITS.revertIds) return false;
  for (let i = 0; i < v.length; i++) if (!eventId(v[i])) return false;
  return true;
};

const code = text(1, LIMITS.code);
/** 0..20 distinct codes (data version 2). */
const codes: Rule = (v) => {
  if (!Array.isArray(v) || v.length > LIMITS.codes) return false;
  for (let i = 0; i < v.length; i++) {
    if (!code(v[i])) return false;
    for (let j = 0; j < i; j++) if (v[j] === v[i]) return false;
  }
  return true;
};

const change = (rule: Rule) => strict(shape({}, { from: rule, to: rule }));

const createdFields = { sku: freeText, category: freeText, unit: freeText, minQuantity: zeroOrMore, notes: freeText, attributes };
const changeFields = {
  name: strict(shape({ to: name }, { from: name })),
  sku: change(freeText),
  category: change(freeText),
  unit: change(freeText),
  minQuantity: change(zeroOrMore),
  notes: change(freeText),
  attributes: change(attributes),
};

/** The data of each type, data version 1: the same fields and rules as DATA_V1 in schema.ts. */
const DATA_V1: ReadonlyMap<string, Shape> = new Map(
  Object.entries<Shape>({
    ItemCreated: shape({ itemId, name }, createdFields),
    ItemUpdated: shape({ itemId, changes: strict(shape({}, changeFields)) }),
    StockAdded: shape({ itemId, quantity }, { location, reason: freeText, unitCost: zeroOrMore, note: freeText, attributes }),
    StockRemoved: shape({ itemId, quantity }, { location, reason: freeText, note: freeText }),
    StockMoved: shape({ itemId, quantity }, { from: location, to: location }),
    StockCounted: shape({ itemId, counted: zeroOrMore }, { expected: finite, location }),
    ItemArchived: shape({ itemId }),
    ItemRestored: shape({ itemId }),
    EventsReverted: shape({ eventIds: revertIds }, { reason: freeText }),
  } satisfies Record<EventType, Shape>),
);

/** Data version 2 (DATA_V2 in schema.ts): version 1 with `codes` on ItemCreated and in ItemUpdated's changes. */
const DATA_V2: ReadonlyMap<string, Shape> = new Map([
  ...DATA_V1,
  ['ItemCreated', shape({ itemId, name }, { ...createdFields, codes })],
  ['ItemUpdated', shape({ itemId, changes: strict(shape({}, { ...changeFields, codes: change(codes) })) })],
]);

/** The shapes of each data version this check knows; any other version takes the full check. */
const BY_VERSION: readonly (ReadonlyMap<string, Shape> | undefined)[] = [undefined, DATA_V1, DATA_V2];

const ENVELOPE = shape(
  {
    specversion: (v) => v === '1.0',
    id: eventId,
    source: text(1, MAX_SOURCE),
    // The type is looked up in its version's shapes (which have every type) by `certainlyValid`: one lookup, not two.
    type: (v) => typeof v === 'string',
    time: (v) => typeof v === 'string' && v.length <= 64 && timeKey(v) !== undefined,
    // Only versions with shapes here; events of any other version take the full check (which words "newer").
    dataversion: (v) => v === 1 || v === 2,
    data: isPlainObject,
  },
  { datacontenttype: (v) => v === 'application/json', correlationid: text(1, MAX_SOURCE) },
);

/** An extension attribute (`subject`, …) the full check accepts; JavaScript's words ("constructor") never. */
const extension = (key: string, value: unknown): boolean => !FORBIDDEN_KEYS.has(key) && extensionProblem(key, value) === undefined;

/** True only when the full check would certainly accept `raw` as an event; false means "ask the full check". */
export function certainlyValid(raw: unknown): boolean {
  if (!isPlainObject(raw) || !fits(ENVELOPE, raw, extension)) return false;
  const data = BY_VERSION[raw.dataversion as number]!.get(raw.type as string);
  return data !== undefined && fits(data, raw.data as Record<string, unknown>);
}
