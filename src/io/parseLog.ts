// From the text of a file to the events to import, or the one message that says why not. Nothing is
// written here: the whole file is checked before the engine sees any of it.
import type { InventoryEvent } from '../domain/events';
import { canonical } from '../domain/canonical';
import { CANCELLED, eventLabel, formatCount } from './describe';
import { idTable } from './idTable';
import { parseByLines } from './parseLines';
import { upcastEvent, upcastLegacy, type VersionedEvent } from './upcast';
import { checkEvent, checkHeader } from './validate';
import { timeSlicer } from '../lib/yieldToMain';

export type ParsedLog =
  | { ok: true; events: InventoryEvent[]; /** Repeats of an event inside the file, dropped. */ duplicates: number; legacy: boolean }
  | { ok: false; error: string };

export interface ParseOptions {
  signal?: AbortSignal;
  /** Progress of parsing and checking (readLog: events checked), as `done` of `total`. */
  onProgress?: (done: number, total: number) => void;
}

/** parseLog's progress scale: parsing fills the first half, checking the second. */
const PROGRESS_HALF = 1_000_000;

// 64 opening brackets in a row (only numbers or spaces between): no event log nests like that, but a "JSON
// bomb" does, and V8 takes about a microsecond per level to parse one. Refusing it up front costs ~1 ms per MB.
const NESTING_BOMB = /(?:[[{][^[\]{}"]{0,16}){64}/;
export const looksLikeBomb = (text: string): boolean => NESTING_BOMB.test(text);

/** True when the text stops inside a string or with brackets still open: cut off, not merely malformed. */
export function looksTruncated(text: string): boolean {
  // Strings are matched as a whole ("unrolled" so a long string costs no regexp backtracking per character).
  const re = /"[^"\\]*(?:\\[\s\S][^"\\]*)*("?)|[[\]{}]/g;
  let depth = 0;
  try {
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const t = m[0];
      if (t[0] === '"') {
        if (m[1] !== '"') return true;
      } else depth += t === '[' || t === '{' ? 1 : -1;
    }
  } catch {
    return false;
  }
  return depth > 0;
}

function lineAndColumn(text: string, pos: number): string {
  let line = 1;
  let last = -1;
  for (let i = text.indexOf('\n'); i !== -1 && i < pos; i = text.indexOf('\n', i + 1)) {
    line++;
    last = i;
  }
  return `line ${formatCount(line)}, column ${formatCount(pos - last)}`;
}

function parseJson(text: string): { ok: true; doc: unknown } | { ok: false; error: string } {
  if (text.trim() === '') return { ok: false, error: 'The file is empty.' };
  if (looksLikeBomb(text)) return { ok: false, error: 'The file is nested too deeply (64 levels or more) to be an event log.' };
  try {
    return { ok: true, doc: JSON.parse(text) };
  } catch (err) {
    if (!(err instanceof SyntaxError)) return { ok: false, error: 'The file is too large or too deeply nested to read.' };
    if (looksTruncated(text)) {
      return { ok: false, error: 'The file ends before its JSON is complete: it looks truncated (cut off before its end). Use a complete copy.' };
    }
    const pos = /position (\d+)/.exec(err.message);
    const where = pos ? ` (error at ${lineAndColumn(text, Number(pos[1]))})` : '';
    return { ok: false, error: `The file is not valid JSON${where}. Is it an Eventory export?` };
  }
}

/** Drops exact repeats of an event (same id, same content); the same id with other content is refused. */
function dropRepeats(events: InventoryEvent[]): { ok: true; events: InventoryEvent[]; duplicates: number } | { ok: false; error: string } {
  const seen = idTable(events.length, (j) => events[j]!.id);
  // Made at the first repeat only: most files have none, and then `events` is returned as it is.
  let kept: InventoryEvent[] | undefined;
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    const j = seen.add(e.id, i);
    if (j === -1) {
      kept?.push(e);
    } else if (canonical(events[j]) !== canonical(e)) {
      return {
        ok: false,
        error: `${eventLabel(i, e.id)} has the same id as event ${formatCount(j + 1)} but different content. The file is inconsistent; nothing was imported.`,
      };
    } else kept ??= events.slice(0, i);
  }
  const out = kept ?? events;
  return { ok: true, events: out, duplicates: events.length - out.length };
}

export async function parseLog(text: string, opts: ParseOptions = {}): Promise<ParsedLog> {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // Progress runs over parsing (first half) then checking (second half).
  const half = (done: number, total: number, second: boolean) => opts.onProgress?.(Math.round(((second ? 1 : 0) + done / Math.max(1, total)) * PROGRESS_HALF), 2 * PROGRESS_HALF);
  const byLines = await parseByLines(body, { signal: opts.signal, onProgress: (d, t) => half(d, t, false), suspicious: looksLikeBomb });
  if (byLines === 'cancelled') return { ok: false, error: CANCELLED };
  let doc = byLines;
  if (doc === undefined) {
    const parsed = parseJson(body);
    if (!parsed.ok) return parsed;
    doc = parsed.doc;
  }
  if (opts.signal?.aborted) return { ok: false, error: CANCELLED };
  return readLog(doc, { signal: opts.signal, onProgress: (d, t) => half(d, t, true) });
}

/** The events of a file already parsed from JSON (an export, or a legacy list), checked in full. */
export async function readLog(doc: unknown, opts: ParseOptions = {}): Promise<ParsedLog> {
  if (Array.isArray(doc)) {
    const legacy = await upcastLegacy(doc, opts);
    if (!legacy.ok) return legacy;
    const unique = dropRepeats(legacy.events);
    return unique.ok ? { ...unique, legacy: true } : unique;
  }

  const problem = checkHeader(doc);
  if (problem) return { ok: false, error: problem };
  const raw = (doc as { events: unknown[] }).events;
  const slicer = timeSlicer();
  const events: InventoryEvent[] = new Array(raw.length);
  for (let i = 0; i < raw.length; i++) {
    const error = checkEvent(raw[i], i);
    if (error) return { ok: false, error };
    events[i] = upcastEvent(raw[i] as VersionedEvent);
    if (i % 1024 === 0) {
      if (opts.signal?.aborted) return { ok: false, error: CANCELLED };
      opts.onProgress?.(i, raw.length);
      await slicer.maybeYield();
    }
  }
  opts.onProgress?.(raw.length, raw.length);
  const unique = dropRepeats(events);
  return unique.ok ? { ...unique, legacy: false } : unique;
}

