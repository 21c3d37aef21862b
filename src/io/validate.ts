// Checks of a parsed file against the file format (README: Files and merging). Each check returns the first problem as a message for the
// user, or undefined. The events themselves are stored exactly as the file holds them (never the schema's
// output, which rebuilds objects in its own key order), so an export of them matches the file byte for byte.
import * as v from 'valibot';
import { DATA_VERSION, type EventType } from '../domain/events';
import { eventLabel, forbiddenKeyPath, formatPath, isPlainObject, plural, show } from './describe';
import { certainlyValid } from './certainlyValid';
import { describeIssue } from './issues';
import { DATA_V1, DATA_V2, ENVELOPE, ENVELOPE_KEYS, extensionProblem, FILE_HEADER } from './schema';

export const FORMAT = 'eventory.event-log';
export const FORMAT_VERSION = 1;

/** The data schema of each data version this app reads; upcast.ts brings older ones to DATA_VERSION. */
const DATA_SCHEMAS: Record<number, typeof DATA_V1> = { 1: DATA_V1, 2: DATA_V2 };

const FAST = { abortEarly: true } as const;

/** The first problem of one event of the file (index counted from 0), or undefined when it is valid. */
export function checkEvent(raw: unknown, index: number): string | undefined {
  // Nearly every event of a real file passes the hand-written check; the schemas only word what it cannot vouch for.
  return certainlyValid(raw) ? undefined : checkEventFully(raw, index);
}

/** checkEvent without the fast path: every event through the schemas. Exported for the fast path's tests. */
export function checkEventFully(raw: unknown, index: number): string | undefined {
  if (!isPlainObject(raw)) return `${eventLabel(index, undefined)} must be an object, got ${show(raw)}.`;
  const problem = firstProblem(raw);
  // The label is made only for a message: formatting numbers for a million valid events costs seconds.
  return problem === undefined ? undefined : `${eventLabel(index, raw.id)}${problem}`;
}

/** The first problem of an event object, as the end of a sentence that starts with the event's label. */
function firstProblem(raw: Record<string, unknown>): string | undefined {
  const bad = forbiddenKeyPath(raw);
  // Fields of `data` are named without the prefix, as in every other message ("quantity", not "data.quantity").
  if (bad) return `: "${formatPath(bad[0] === 'data' ? bad.slice(1) : bad)}" is not allowed as a field name.`;

  const env = v.safeParse(ENVELOPE, raw, FAST);
  if (!env.success) return `: ${describeIssue(env.issues[0], { fieldsOf: 'of an event' })}.`;
  for (const key of Object.keys(raw)) {
    if (ENVELOPE_KEYS.has(key)) continue;
    const problem = extensionProblem(key, raw[key]);
    if (problem) return `: "${key}" ${problem}.`;
  }
  const { dataversion, type } = env.output as { dataversion: number; type: EventType };
  if (dataversion > DATA_VERSION) {
    return `: "dataversion" is ${dataversion}, but this version of Eventory reads data version ${DATA_VERSION} at most. Update Eventory to import this file.`;
  }
  const schemas = DATA_SCHEMAS[dataversion];
  if (!schemas) return `: "dataversion" ${dataversion} is not a data version Eventory has ever written.`;
  const data = v.safeParse(schemas[type], raw.data, FAST);
  if (data.success) return undefined;
  // A field of a later version (item codes) under an older "dataversion": say what to fix, not "not a field".
  if (dataversion < DATA_VERSION && v.safeParse(DATA_SCHEMAS[DATA_VERSION]![type], raw.data, FAST).success) {
    return `: ${describeIssue(data.issues[0], { fieldsOf: `of ${type} events` })} in data version ${dataversion}; it needs "dataversion" ${DATA_VERSION} (item codes).`;
  }
  return `: ${describeIssue(data.issues[0], { fieldsOf: `of ${type} events` })}.`;
}

/** Checks everything around the events; on success `doc.events` is a list of `doc.eventCount` values. */
export function checkHeader(doc: unknown): string | undefined {
  const not = 'This file is not an Eventory event log';
  if (!isPlainObject(doc)) return `${not}: it holds ${show(doc)} where an object was expected.`;
  const bad = Object.keys(doc).find((k) => k === '__proto__' || k === 'constructor' || k === 'prototype');
  if (bad) return `${not}: "${bad}" is not allowed as a field name.`;
  if (!('format' in doc)) return `${not}: it has no "format" field.`;
  if (doc.format !== FORMAT) return `${not}: its "format" is ${show(doc.format)}, expected "${FORMAT}".`;
  const header = v.safeParse(FILE_HEADER, doc, FAST);
  if (!header.success) return `The file's ${describeIssue(header.issues[0])}.`;
  const { formatVersion, eventCount, events } = header.output;
  if (formatVersion > FORMAT_VERSION) {
    return `This file uses format version ${formatVersion}, but this version of Eventory reads format version ${FORMAT_VERSION} only. Update Eventory to import it.`;
  }
  if (formatVersion !== FORMAT_VERSION) return `This file's "formatVersion" ${formatVersion} is not supported (Eventory reads format version ${FORMAT_VERSION}).`;
  if (eventCount !== events.length) {
    return `The file says it holds ${plural(eventCount, 'event')} ("eventCount") but contains ${plural(events.length, 'event')}. It may be damaged or edited by hand.`;
  }
  return undefined;
}
