// An export puts its header on the first line and each event on a line of its own (spec §1). Parsing it a block
// of lines at a time gives the same values as one JSON.parse of the whole text, at about the same speed, but
// the text can arrive in pieces (an import parses each slice of the file as soon as it is read, and never joins
// the whole 300 MB text) and there is progress, and a yield, between blocks: one JSON.parse of a 300 MB file is
// a 2–3 s silence. Anything laid out otherwise is refused (undefined), and the caller parses the whole text,
// which also words errors.
import { timeSlicer } from './yieldTask';

/** Characters fed per step by parseByLines: ~4 MB is ~13,000 events and ~40 ms. */
const SLICE_CHARS = 4 << 20;
const HEAD_END = '"events":[';
/** A header longer than this is not an export's (its first line is a few dozen characters). */
const MAX_HEAD_CHARS = 1 << 16;
/**
 * Lines waiting without a comma after them: only the end of an export has some (its last event, which may be an
 * undo naming a million ids, ~40 MB). More than this means another layout: refused before the wait for more
 * text, which copies the waiting lines at each piece, costs more than the whole-text parse it avoids.
 */
const MAX_PENDING_CHARS = 64 << 20;

/** Drops JSON's whitespace only: String#trimEnd would also drop characters that make the text invalid JSON. */
function jsonTrimEnd(s: string): string {
  let n = s.length;
  for (let c = s.charCodeAt(n - 1); c === 32 || c === 9 || c === 10 || c === 13; c = s.charCodeAt(n - 1)) n--;
  return n === s.length ? s : s.slice(0, n);
}

/**
 * Parses an export fed in pieces cut anywhere. `push` returns false once the text is known not to be laid out
 * as an export; `end` returns the document, or undefined when it is not one. Every block of lines handed to
 * JSON.parse ends with the comma that joins it to the next, so the blocks' values, in order, are exactly the
 * whole array's; a block is always cut just after a line break, which no valid JSON string contains.
 */
export class ExportLineParser {
  private buf = '';
  private doc: { events?: unknown } | undefined;
  private readonly events: unknown[] = [];
  private refused = false;

  constructor(private readonly suspicious?: (block: string) => boolean) {}

  push(piece: string): boolean {
    if (this.refused) return false;
    this.buf += piece;
    if (!this.doc && !this.readHead()) return !this.refused;
    const cut = this.buf.lastIndexOf('\n');
    if (cut === -1) return true;
    const block = jsonTrimEnd(this.buf.slice(0, cut));
    // Only the last event has no comma after it: a block without one may hold the end of the array, and waits
    // for the end of the text.
    if (!block.endsWith(',')) return block.length <= MAX_PENDING_CHARS || this.refuse();
    if (!this.parseBlock(block.slice(0, -1))) return this.refuse();
    this.buf = this.buf.slice(cut + 1);
    return true;
  }

  end(): unknown | undefined {
    if (this.refused || !this.doc) return undefined;
    // What is left: the last lines of events (none for an empty log), then `]}` on lines of their own.
    const rest = `\n${this.buf}`;
    const tailStart = Math.max(0, rest.length - 64);
    const close = /\n[ \t\r]*\][ \t\r\n]*\}[ \t\r\n]*$/.exec(rest.slice(tailStart));
    if (!close) return undefined;
    const last = jsonTrimEnd(rest.slice(1, tailStart + close.index));
    if (last === '') {
      // "[1,\n]" is not JSON: a comma ended the lines before, and nothing followed it.
      if (this.events.length > 0) return undefined;
    } else if (last.endsWith(',') || !this.parseBlock(last)) return undefined;
    this.doc.events = this.events;
    return this.doc;
  }

  private readHead(): boolean {
    const firstBreak = this.buf.indexOf('\n');
    if (firstBreak === -1) {
      if (this.buf.length > MAX_HEAD_CHARS) this.refuse();
      return false;
    }
    const head = jsonTrimEnd(this.buf.slice(0, firstBreak));
    if (!head.endsWith(HEAD_END)) return this.refuse();
    let doc: unknown;
    try {
      doc = JSON.parse(`${head}]}`);
    } catch {
      return this.refuse();
    }
    if (typeof doc !== 'object' || doc === null || !Array.isArray((doc as { events?: unknown }).events)) return this.refuse();
    this.doc = doc as { events?: unknown };
    this.buf = this.buf.slice(firstBreak + 1);
    return true;
  }

  private parseBlock(block: string): boolean {
    // An empty block would let a stray comma through ("[,\n1]" is not JSON).
    if (jsonTrimEnd(block) === '') return false;
    if (this.suspicious?.(block)) return false;
    let values: unknown[];
    try {
      values = JSON.parse(`[${block}]`) as unknown[];
    } catch {
      return false;
    }
    for (let i = 0; i < values.length; i++) this.events.push(values[i]);
    return true;
  }

  private refuse(): false {
    this.refused = true;
    this.buf = '';
    return false;
  }
}

export interface LineParseOptions {
  signal?: AbortSignal;
  /** Characters parsed so far, of the text's length. */
  onProgress?: (done: number, total: number) => void;
  /** Characters per step (SLICE_CHARS; tests make it small). */
  sliceChars?: number;
  /** Refuses a block before parsing it (the nesting-bomb check), so the whole-text path can word the error. */
  suspicious?: (block: string) => boolean;
}

/** The parsed document of a whole text, undefined when the text is not laid out as an export, or 'cancelled'. */
export async function parseByLines(text: string, opts: LineParseOptions = {}): Promise<unknown | 'cancelled' | undefined> {
  const parser = new ExportLineParser(opts.suspicious);
  const step = opts.sliceChars ?? SLICE_CHARS;
  const slicer = timeSlicer();
  for (let pos = 0; pos < text.length; ) {
    const next = Math.min(text.length, pos + step);
    if (!parser.push(text.slice(pos, next))) return undefined;
    pos = next;
    if (opts.signal?.aborted) return 'cancelled';
    opts.onProgress?.(pos, text.length);
    await slicer.maybeYield();
  }
  return parser.end();
}
