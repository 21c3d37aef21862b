// Where each event of an export was in the file, so that pages can store the file's own text of their events
// (src/store/pageCodec.ts) instead of JSON.stringify'ing them again. Measured on the 1M-event bench file (Node
// 20, this machine): stringifying 1,000 pages of 1,000 events took 2.5 s, joining the events' own lines 1.3 s,
// and taking each page as one substring of the file's text ~0 (the put then copies it once).
//
// The invariant callers rely on: the text given for events[a..b) is JSON whose values, inside `[ ]`, are exactly
// those events, because each event is the value JSON.parse made of exactly that text (parseLines.ts) and the
// events are checked by identity, never by content.

/** A piece of the file's text holding whole event lines, and how those lines are laid out. */
interface Block {
  text: string;
  /** Index (in the file's events) of the block's first event. */
  first: number;
  /** Every event line is `{…},` with nothing around it, so a run of them is already a page's text. */
  clean: boolean;
}

const SEPARATOR = ',\n';

export class SourceText {
  private readonly blocks: Block[] = [];
  private starts = new Int32Array(4096);
  private ends = new Int32Array(4096);
  private count = 0;
  /** The text the next spans are in; it becomes a block with its first event (no block holds none). */
  private text = '';
  private opened = false;

  /** The events added next are spans of `text`. */
  block(text: string): void {
    this.text = text;
    this.opened = false;
  }

  /** The next event's text is `[start, end)` of the current block; `clean`: its line is that text and a comma. */
  add(start: number, end: number, clean: boolean): void {
    if (this.count === this.starts.length) {
      this.starts = grow(this.starts);
      this.ends = grow(this.ends);
    }
    if (!this.opened) {
      this.blocks.push({ text: this.text, first: this.count, clean: true });
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

/**
 * For the store: the file's text of a run of `events`, or undefined when they are not, in this order, events
 * parsed from the file (`parsed`, what the parser returned: an upcast or otherwise new object has no text).
 * Pages are asked for in history order, which for an export is the file's order, so the next page usually
 * starts where the last one ended; otherwise one index of the file's events is built.
 */
export function pageTextOf(parsed: readonly unknown[], source: SourceText): (events: readonly object[]) => string | undefined {
  if (parsed.length !== source.size) throw new Error('pageTextOf: the spans do not match the parsed events');
  let next = 0;
  let index: Map<unknown, number> | undefined;
  return (events) => {
    if (events.length === 0) return undefined;
    const first = parsed[next] === events[0] ? next : (index ??= new Map(parsed.map((e, i) => [e, i]))).get(events[0]);
    if (first === undefined || first + events.length > parsed.length) return undefined;
    for (let j = 1; j < events.length; j++) if (parsed[first + j] !== events[j]) return undefined;
    next = first + events.length;
    return source.range(first, events.length);
  };
}
