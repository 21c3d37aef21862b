// Wording shared by every message about a file. Messages quote what the file holds, but never more than a short
// excerpt: a hostile file may hold a 100 MB string or a deeply nested value, and an error must stay readable.

const EXCERPT = 40;

export const CANCELLED = 'Import cancelled. Nothing was changed.';

/** 1234567 -> "1,234,567". Messages are in English; Intl formatting costs microseconds per call. */
export const formatCount = (n: number): string => (Number.isInteger(n) ? String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',') : String(n));

/** A short, safe description of a JSON value for an error message. Never descends into objects or lists. */
export function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') {
    if (value.length <= EXCERPT) return JSON.stringify(value);
    return `${JSON.stringify(value.slice(0, EXCERPT - 10))}… (${formatCount(value.length)} characters)`;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `a list of ${plural(value.length, 'item')}`;
  if (typeof value === 'object') return 'an object';
  return typeof value;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/**
 * How messages name an event: its position counted from 1 (the first event of the file is "Event 1") and its id.
 * The engine's messages about imported events (duplicates, dangling items) should use the same words.
 */
export function eventLabel(index: number, id: unknown): string {
  const n = formatCount(index + 1);
  return typeof id === 'string' && id !== '' ? `Event ${n} (id ${show(id)})` : `Event ${n}`;
}

/** Keys that mean something to JavaScript objects. A file that uses them as field names is refused. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Path of the first forbidden key in `value`, looking `maxDepth` levels deep (events are shallower). */
export function forbiddenKeyPath(value: unknown, maxDepth = 8): string[] | undefined {
  if (maxDepth < 0 || typeof value !== 'object' || value === null) return undefined;
  // The path is built only on the way back from a find: valid events (nearly all) allocate nothing.
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length && i < 10_001; i++) {
      const found = forbiddenKeyPath(value[i], maxDepth - 1);
      if (found) return [String(i), ...found];
    }
    return undefined;
  }
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key)) return [key];
    const child = (value as Record<string, unknown>)[key];
    if (typeof child !== 'object' || child === null) continue;
    const found = forbiddenKeyPath(child, maxDepth - 1);
    if (found) return [key, ...found];
  }
  return undefined;
}

/** `a.b[3].c` for a path of keys (numeric keys are list positions). */
export function formatPath(keys: readonly string[]): string {
  let out = '';
  for (const k of keys) out += /^\d+$/.test(k) ? `[${k}]` : out === '' ? k : `.${k}`;
  return out;
}
