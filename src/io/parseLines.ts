// An export puts its header on the first line and each event on a line of its own (spec §1). Parsing it a few
// thousand lines at a time gives the same values as one JSON.parse of the whole text, at about the same speed,
// but with progress (and a yield) between slices: one JSON.parse of a 300 MB file is a 2–3 s silence.
// Anything laid out otherwise returns undefined, and the caller parses the whole text, which also words errors.
import { timeSlicer } from './yieldTask';

/** Characters per JSON.parse call: ~4 MB is ~13,000 events and ~40 ms. */
const SLICE_CHARS = 4 << 20;
const HEAD_END = '"events":[';

export interface LineParseOptions {
  signal?: AbortSignal;
  /** Characters parsed so far, of the text's length. */
  onProgress?: (done: number, total: number) => void;
  /** Characters per slice (SLICE_CHARS; tests make it small). */
  sliceChars?: number;
  /** Refuses a slice before parsing it (the nesting-bomb check), so the whole-text path can word the error. */
  suspicious?: (slice: string) => boolean;
}

/** Drops JSON's whitespace only: String#trimEnd would also drop characters that make the text invalid JSON. */
function jsonTrimEnd(s: string): string {
  let n = s.length;
  for (let c = s.charCodeAt(n - 1); c === 32 || c === 9 || c === 10 || c === 13; c = s.charCodeAt(n - 1)) n--;
  return n === s.length ? s : s.slice(0, n);
}

/** The parsed document, undefined when the text is not laid out as an export, or 'cancelled'. */
export async function parseByLines(text: string, opts: LineParseOptions = {}): Promise<unknown | 'cancelled' | undefined> {
  const firstBreak = text.indexOf('\n');
  if (firstBreak === -1) return undefined;
  const head = jsonTrimEnd(text.slice(0, firstBreak));
  if (!head.endsWith(HEAD_END)) return undefined;
  // The events end at the line break before the closing `]}` (and whitespace).
  const tailStart = Math.max(firstBreak, text.length - 64);
  const close = /\n[ \t\r]*\][ \t\r\n]*\}[ \t\r\n]*$/.exec(text.slice(tailStart));
  if (!close) return undefined;
  const end = tailStart + close.index;

  let doc: { events?: unknown } | undefined;
  try {
    doc = JSON.parse(`${head}]}`) as { events?: unknown };
  } catch {
    return undefined;
  }
  if (typeof doc !== 'object' || doc === null || !Array.isArray(doc.events)) return undefined;

  const events: unknown[] = [];
  const slicer = timeSlicer();
  let commaPending = false;
  let pos = firstBreak + 1;
  if (end - pos <= 8 && jsonTrimEnd(text.slice(pos, end)) === '') pos = end; // no events
  while (pos < end) {
    let cut = text.indexOf('\n', Math.min(end, pos + (opts.sliceChars ?? SLICE_CHARS)));
    if (cut === -1 || cut > end) cut = end;
    let slice = jsonTrimEnd(text.slice(pos, cut));
    // Slices are joined by commas in the file: every slice but the last ends with one, the last never does.
    // Then the slices' values, in order, are exactly the whole array's, whatever each line holds.
    commaPending = cut < end;
    if (commaPending) {
      if (!slice.endsWith(',')) return undefined;
      slice = slice.slice(0, -1);
    } else if (slice.endsWith(',')) return undefined;
    // An empty slice would let a stray comma through ("[,\n1]" is not JSON).
    if (jsonTrimEnd(slice) === '') return undefined;
    if (opts.suspicious?.(slice)) return undefined;
    let values: unknown[];
    try {
      values = JSON.parse(`[${slice}]`) as unknown[];
    } catch {
      return undefined;
    }
    for (let i = 0; i < values.length; i++) events.push(values[i]);
    pos = cut + 1;
    if (opts.signal?.aborted) return 'cancelled';
    opts.onProgress?.(pos, text.length);
    await slicer.maybeYield();
  }
  // The last slice ended with a comma and nothing followed it: "[1,\n]" is not JSON.
  if (commaPending) return undefined;
  doc.events = events;
  return doc;
}
