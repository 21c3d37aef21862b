// Where each event of an export was in the file, so that pages can store the file's own text of their events
// (src/store/pages/codec.ts) instead of JSON.stringify'ing them again: a page is then one substring of the
// file's text, which costs next to nothing (the put copies it once).
//
// The invariant callers rely on: the text given for events[a..b) is JSON whose values, inside `[ ]`, are exactly
// those events, because each event is the value JSON.parse made of exactly that text (parseLines.ts) and the
// events are checked by identity, never by content.

/** A piece of the file's text holding whole event lines, and how those lines are laid out. */
interface Block {
  text: string;
  /** Where the block's text starts in the file's text (characters, after a byte order mark). */
  at: number;
  /** Index (in the file's events) of the block's first event. */
  first: number;
  /** Every event line is `{…},` with nothing around it, so a run of them is already a page's text. */
  clean: boolean;
}

/** Where a piece of the file's text came from in its bytes (SliceDecoder): its first byte and its length. */
export interface PieceBytes {
  start: number;
  length: number;
}

const SEPARATOR = ',\n';

export class SourceText {
  private readonly blocks: Block[] = [];
  private starts = new Int32Array(4096);
  private ends = new Int32Array(4096);
  private count = 0;
  /** The text the next spans are in, and where it starts; it becomes a block with its first event. */
  private text = '';
  private at = 0;
  private opened = false;
  /** The decoded pieces whose bytes are one per character (ASCII): [first character, first byte, length]. */
  private readonly ascii: [number, number, number][] = [];

  /** The events added next are spans of `text`, which starts at character `at` of the file's text. */
  block(text: string, at = 0): void {
    this.text = text;
    this.at = at;
    this.opened = false;
  }

  /**
   * The `chars` characters of the file's text from character `at` were decoded from `bytes` of the file. Only
   * pieces of one byte per character are kept: in those a character's offset gives its byte's.
   */
  piece(at: number, chars: number, bytes: PieceBytes): void {
    if (chars > 0 && chars === bytes.length) this.ascii.push([at, bytes.start, chars]);
  }

  /** The next event's text is `[start, end)` of the current block; `clean`: its line is that text and a comma. */
  add(start: number, end: number, clean: boolean): void {
    if (this.count === this.starts.length) {
      this.starts = grow(this.starts);
      this.ends = grow(this.ends);
    }
    if (!this.opened) {
      this.blocks.push({ text: this.text, at: this.at, first: this.count, clean: true });
      this.opened = true;
    }
    this.starts[this.count] = start;
    this.ends[this.count] = end;
    this.count++;
    if (!clean) this.blocks[this.blocks.length - 1]!.clean = false;
  }

  get size(): number {
    return this.count;
  }

  /** The text of events [first, first + n), events joined by ",\n" as a page stores them. */
  range(first: number, n: number): string {
    const end = first + n;
    const pieces: string[] = [];
    let b = this.blockAt(first);
    for (let i = first; i < end; b++) {
      const block = this.blocks[b]!;
      const blockEnd = Math.min(end, this.blocks[b + 1]?.first ?? this.count);
      if (block.clean) pieces.push(block.text.slice(this.starts[i]!, this.ends[blockEnd - 1]!));
      else for (let j = i; j < blockEnd; j++) pieces.push(block.text.slice(this.starts[j]!, this.ends[j]!));
      i = blockEnd;
    }
    return pieces.length === 1 ? pieces[0]! : pieces.join(SEPARATOR);
  }

  /**
   * Where the text of events [first, first + n) (as range() gives it) is in the file's bytes, [start, end): known
   * when every line from the first to the last is clean and follows the one before with nothing but a line break
   * (the file then holds exactly that text), and both ends lie in pieces of one byte per character.
   */
  bytes(first: number, n: number): [number, number] | undefined {
    const last = first + n - 1;
    const from = this.blockAt(first);
    const to = this.blockAt(last);
    for (let b = from; b <= to; b++) {
      const block = this.blocks[b]!;
      if (!block.clean) return undefined;
      // Only ",\n" between a block's first event and the one before it (a blank line may lie between blocks).
      if (b > from && block.at + this.starts[block.first]! !== this.blocks[b - 1]!.at + this.ends[block.first - 1]! + SEPARATOR.length) return undefined;
    }
    const start = this.byteAt(this.blocks[from]!.at + this.starts[first]!, 0);
    const end = this.byteAt(this.blocks[to]!.at + this.ends[last]!, 1);
    return start === undefined || end === undefined ? undefined : [start, end];
  }

  /** The byte of character `char` (`before` 1: the byte after character `char - 1`), if its piece is ASCII. */
  private byteAt(char: number, before: 0 | 1): number | undefined {
    const c = char - before;
    let lo = 0;
    let hi = this.ascii.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const [at, byte, length] = this.ascii[mid]!;
      if (c < at) hi = mid - 1;
      else if (c >= at + length) lo = mid + 1;
      else return byte + (char - at);
    }
    return undefined;
  }

  private blockAt(index: number): number {
    let lo = 0;
    let hi = this.blocks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.blocks[mid]!.first <= index) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}

function grow(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const next = new Int32Array(a.length * 2);
  next.set(a);
  return next;
}

/** For the store (AppendOptions): a run of events' text, and where it is in the file's bytes. */
export interface PageSpans {
  textOf: (events: readonly object[]) => string | undefined;
  bytesOf: (events: readonly object[]) => [number, number] | undefined;
}

/**
 * For the store: the file's text of a run of `events`, and its bytes, or undefined when they are not, in this
 * order, events parsed from the file (`parsed`, what the parser returned: an upcast or otherwise new object has
 * no text). Pages are asked for in history order, which for an export is the file's order, so the next page
 * usually starts where the last one ended; otherwise one index of the file's events is built.
 */
export function pageSpans(parsed: readonly unknown[], source: SourceText): PageSpans {
  if (parsed.length !== source.size) throw new Error('pageSpans: the spans do not match the parsed events');
  let next = 0;
  let index: Map<unknown, number> | undefined;
  /** Runs found before (bytes first, then text for pages not kept as bytes): where each started. */
  const found = new Map<unknown, number>();
  const locate = (events: readonly object[]): number | undefined => {
    if (events.length === 0) return undefined;
    const first = parsed[next] === events[0] ? next : (found.get(events[0]) ?? (index ??= new Map(parsed.map((e, i) => [e, i]))).get(events[0]));
    if (first === undefined || first + events.length > parsed.length) return undefined;
    for (let j = 1; j < events.length; j++) if (parsed[first + j] !== events[j]) return undefined;
    next = first + events.length;
    found.set(events[0], first);
    return first;
  };
  return {
    textOf: (events) => {
      const first = locate(events);
      return first === undefined ? undefined : source.range(first, events.length);
    },
    bytesOf: (events) => {
      const first = locate(events);
      return first === undefined ? undefined : source.bytes(first, events.length);
    },
  };
}
