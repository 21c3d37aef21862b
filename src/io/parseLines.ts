// An export puts its header on the first line and each event on a line of its own (the file format). Parsing it
// a line at a time gives the same values as one JSON.parse of the whole text, faster (and a whole-text parse
// needs the whole text joined first), the text can arrive in pieces (an import parses each slice of the file as soon as it is read,
// and never joins the whole 300 MB text), and the parser knows where each event's text is (SourceText): pages
// store that text as it is. Anything laid out otherwise is refused (undefined), and the caller parses the whole
// text, which also words errors.
import { SourceText, type PieceBytes } from './sourceText';
import { timeSlicer } from '../lib/yieldToMain';

/** Characters fed per step by parseByLines: ~4 MB is ~13,000 events and ~40 ms. */
const SLICE_CHARS = 4 << 20;
const HEAD_END = '"events":[';
/** A header longer than this is not an export's (its first line is a few dozen characters). */
const MAX_HEAD_CHARS = 1 << 16;
/**
 * Text waiting after a line without a comma: only the end of an export has one (its last event, which may be an
 * undo naming many ids), followed by the end of the array. More than this means another layout: refused before
 * the wait for more text, which copies the waiting text at each piece, costs more than the whole-text parse.
 */
const MAX_PENDING_CHARS = 64 << 20;

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

/** Drops JSON's whitespace only: String#trimEnd would also drop characters that make the text invalid JSON. */
function jsonTrimEnd(s: string): string {
  let n = s.length;
  for (let c = s.charCodeAt(n - 1); isSpace(c); c = s.charCodeAt(n - 1)) n--;
  return n === s.length ? s : s.slice(0, n);
}

/**
 * Parses an export fed in pieces cut anywhere. `push` returns false once the text is known not to be laid out
 * as an export; `end` returns the document, or undefined when it is not one. Every line but the last event's is
 * one JSON value and the comma that joins it to the next (blank lines are whitespace), so the lines' values, in
 * order, are exactly the whole array's; a line break is never inside a valid JSON string.
 */
export class ExportLineParser {
  private buf = '';
  private doc: { events?: unknown } | undefined;
  private readonly events: unknown[] = [];
  private refused = false;
  /** Characters of the text pushed so far, and those of them before `buf`. */
  private pushed = 0;
  private consumed = 0;
  /** Where each parsed event's text is, for pages to store (sourceText.ts). */
  readonly source = new SourceText();

  constructor(private readonly suspicious?: (block: string) => boolean) {}

  /** `bytes`: where the piece is in the file's bytes, when known (pages may then refer to them). */
  push(piece: string, bytes?: PieceBytes): boolean {
    if (this.refused) return false;
    if (bytes) this.source.piece(this.pushed, piece.length, bytes);
    this.pushed += piece.length;
    this.buf += piece;
    if (!this.doc && !this.readHead()) return !this.refused;
    const cut = this.buf.lastIndexOf('\n');
    if (cut === -1) return true;
    const block = this.buf.slice(0, cut);
    const used = this.takeLines(block, false);
    if (used === -1) return this.refuse();
    this.buf = this.buf.slice(used);
    this.consumed += used;
    // What waits is a line without a comma (the last event) and what followed it.
    return cut - used <= MAX_PENDING_CHARS || this.refuse();
  }

  end(): unknown | undefined {
    if (this.refused || !this.doc) return undefined;
    // What is left: the last event's line (none for an empty log), then `]}` on lines of their own.
    const rest = `\n${this.buf}`;
    const tailStart = Math.max(0, rest.length - 64);
    const close = /\n[ \t\r]*\][ \t\r\n]*\}[ \t\r\n]*$/.exec(rest.slice(tailStart));
    if (!close) return undefined;
    const last = jsonTrimEnd(rest.slice(1, tailStart + close.index));
    // "[1,\n]" is not JSON: when the lines before ended with a comma, a value must follow.
    if (last === '' ? this.events.length > 0 : this.takeLines(last, true) !== last.length) return undefined;
    this.doc.events = this.events;
    return this.doc;
  }

  /**
   * Parses the lines of `block` (whole lines, without the final line break) up to the first line without a comma,
   * which only the last event has. Returns how many characters were used (up to and with that line's start), or
   * -1 when the block is not laid out as an export's events. With `final`, the block ends the events: its last
   * line must be the one without a comma.
   */
  private takeLines(block: string, final: boolean): number {
    if (this.suspicious?.(block)) return -1;
    // Every block starts at the start of `buf` (end() parses what is left of it).
    this.source.block(block, this.consumed);
    let tidy = true;
    for (let s = 0; s < block.length; ) {
      let nl = block.indexOf('\n', s);
      if (nl === -1) nl = block.length;
      let end = nl;
      while (end > s && isSpace(block.charCodeAt(end - 1))) end--;
      if (end === s) {
        // A blank line is whitespace between values; the page text around it is no longer ",\n"-joined.
        tidy = false;
        s = nl + 1;
        continue;
      }
      const comma = block.charCodeAt(end - 1) === 44;
      if (!comma) {
        // The last event's line has no comma: clean when nothing was skipped before it (the text between it
        // and the event before is then ",\n").
        if (final) return nl >= block.length && this.take(block, s, end, tidy && !isSpace(block.charCodeAt(s))) ? block.length : -1;
        // The last event, if what follows it is the end of the array; anything else is another layout.
        const after = nextNonSpace(block, nl);
        return after === -1 || block.charCodeAt(after) === 93 ? s : -1;
      }
      if (final && nextNonSpace(block, nl) === -1) return -1;
      if (!this.take(block, s, end - 1, tidy && end === nl && !isSpace(block.charCodeAt(s)))) return -1;
      tidy = true;
      s = nl + 1;
    }
    return block.length + 1;
  }

  /** Parses one event's text, [start, end) of `block`. */
  private take(block: string, start: number, end: number, tidy: boolean): boolean {
    // An empty value would let a stray comma through ("[,\n1]" is not JSON).
    if (end <= start) return false;
    let value: unknown;
    try {
      value = JSON.parse(block.slice(start, end));
    } catch {
      return false;
    }
    this.events.push(value);
    this.source.add(start, end, tidy);
    return true;
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
    this.consumed += firstBreak + 1;
    return true;
  }

  private refuse(): false {
    this.refused = true;
    this.buf = '';
    return false;
  }
}

/** The index of the first non-whitespace character of `text` after `from`, or -1. */
function nextNonSpace(text: string, from: number): number {
  for (let i = from + 1; i < text.length; i++) if (!isSpace(text.charCodeAt(i))) return i;
  return -1;
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
