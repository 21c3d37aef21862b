// Reading a user's file as text: in slices, so progress shows and a cancel takes effect between them, and
// decoded strictly, so a file that is not UTF-8 (a spreadsheet, an image, a UTF-16 export) is refused with a
// message instead of being read as garbage with U+FFFD in every name.
import { CANCELLED, formatCount } from './describe';
import type { PieceBytes } from './sourceText';

/** Largest file read: V8 strings hold at most ~536 M UTF-16 units, and parsing needs several times the size. */
export const MAX_FILE_BYTES = 500 * 1024 * 1024;

export type TextResult = { ok: true; text: string } | { ok: false; error: string };
export interface ReadOptions {
  signal?: AbortSignal;
  onProgress?: (doneBytes: number, totalBytes: number) => void;
  /** Bytes per slice (SLICE_BYTES). */
  sliceBytes?: number | undefined;
  /** Slices being read while one is handled (1). */
  readAhead?: number;
}

/**
 * Bytes read per step. file.stream() hands out 64 KB chunks, thousands of reads for a large file and several
 * times slower than one file.text(); 4 MB slices read about as fast as file.text() and still report progress
 * many times a second.
 */
const SLICE_BYTES = 4 * 1024 * 1024;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toLocaleString('en', { maximumFractionDigits: 1 })} MB`;

export type ReadResult = { ok: true } | { ok: false; error: string };

export const READ_FAILED = 'The file could not be read. It may have been moved or changed while reading; choose it again.';

function sizeProblem(file: Blob): ReadResult | undefined {
  if (file.size === 0) return { ok: false, error: 'The file is empty.' };
  if (file.size > MAX_FILE_BYTES) return { ok: false, error: `The file is too large to import (${mb(file.size)}; the limit is ${mb(MAX_FILE_BYTES)}).` };
  return undefined;
}

/**
 * Reads `file` as bytes, a slice at a time, `readAhead` slices being read while one is handled; `onSlice` gets
 * each slice with the offset of its first byte and returns false to stop reading. Not decoded: SliceDecoder
 * does that, in this thread (readPieces) or in the one the slices are handed to (readOffThread.ts).
 */
export async function readSlices(file: Blob, onSlice: (bytes: Uint8Array, offset: number) => boolean | Promise<boolean>, opts: ReadOptions = {}): Promise<ReadResult> {
  const problem = sizeProblem(file);
  if (problem) return problem;
  const sliceBytes = opts.sliceBytes ?? SLICE_BYTES;
  const ahead = Math.max(1, opts.readAhead ?? 1);
  const pending: Promise<ArrayBuffer>[] = [];
  let requested = 0;
  const request = () => {
    for (; pending.length < ahead && requested < file.size; requested += sliceBytes) {
      const read = file.slice(requested, requested + sliceBytes).arrayBuffer();
      // A slice read ahead and never awaited (a cancel, a bad byte) must not report an unhandled rejection.
      read.catch(() => undefined);
      pending.push(read);
    }
  };
  try {
    request();
    for (let done = 0; pending.length > 0; ) {
      const bytes = new Uint8Array(await pending.shift()!);
      // A slice of a file that changed on disk reads short or fails: stop rather than read on misaligned.
      if (bytes.byteLength !== Math.min(sliceBytes, file.size - done)) throw new Error('short read');
      request();
      if (opts.signal?.aborted) return { ok: false, error: CANCELLED };
      const offset = done;
      done += bytes.byteLength;
      opts.onProgress?.(done, file.size);
      if (!(await onSlice(bytes, offset))) return { ok: true };
    }
  } catch {
    return { ok: false, error: READ_FAILED };
  }
  return { ok: true };
}

/**
 * Decodes a file's slices, in order, into text pieces for `onPiece`, strictly (fatal UTF-8: a file that is not
 * UTF-8 is refused, not read as U+FFFD) and without a leading byte order mark. `take` returns false once the
 * taker has seen enough or the bytes are not UTF-8; `finish` says which, after the last slice.
 */
export class SliceDecoder {
  // fatal: invalid UTF-8 throws. The default ignoreBOM=false strips a leading byte order mark.
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private first = true;
  private stopped = false;
  private error: string | undefined;
  /** The file's bytes decoded into pieces so far (a character cut by a slice's end waits for the next). */
  private decodedTo = 0;
  /** The last (up to 3) bytes taken, to see whether the slice ended inside a character. */
  private tail: number[] = [];

  /** `onPiece` also learns where each piece is in the file's bytes (a page may refer to them: sourceText.ts). */
  constructor(private readonly onPiece: (piece: string, bytes: PieceBytes) => boolean) {}

  take(bytes: Uint8Array, offset: number): boolean {
    if (this.stopped || this.error) return false;
    let piece: string;
    try {
      piece = this.decoder.decode(bytes, { stream: true });
    } catch {
      this.error = `The file is not UTF-8 text: it has invalid bytes after byte ${formatCount(offset)}. Eventory files are UTF-8 JSON; is this the right file?`;
      return false;
    }
    this.tail = this.tail.concat(Array.from(bytes.subarray(Math.max(0, bytes.length - 3)))).slice(-3);
    const end = offset + bytes.length - unfinished(this.tail);
    let start = this.decodedTo;
    if (this.first && piece.charCodeAt(0) === 0xfeff) {
      piece = piece.slice(1);
      start += 3;
    }
    this.first = false;
    this.decodedTo = end;
    this.stopped = !this.onPiece(piece, { start, length: end - start });
    return !this.stopped;
  }

  /** After the whole file (or a stop) was taken: hands over the last characters. */
  finish(): ReadResult {
    if (this.error) return { ok: false, error: this.error };
    if (this.stopped) return { ok: true };
    let last: string;
    try {
      last = this.decoder.decode();
    } catch {
      return { ok: false, error: 'The file ends in the middle of a character: it looks truncated (cut off before its end). Use a complete copy.' };
    }
    if (last) this.onPiece(last, { start: this.decodedTo, length: unfinished(this.tail) });
    return { ok: true };
  }
}

/**
 * How many of the last bytes (`tail`, up to 3 of them) begin a character that is not complete yet: what a
 * streaming decoder holds back for the next slice.
 */
export function unfinished(tail: readonly number[]): number {
  for (let k = 1; k <= tail.length; k++) {
    const b = tail[tail.length - k]!;
    // A continuation byte: the character began further back.
    if ((b & 0xc0) === 0x80) continue;
    if (b < 0x80) return 0;
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
    return need > k ? k : 0;
  }
  return 0;
}

/**
 * Reads `file` as UTF-8 text, handing each decoded piece to `onPiece` in order. The next slice is already being
 * read while a piece is handled, and the whole text is never joined (joining hundreds of MB into one string
 * is a long task of its own). `onPiece` returns false to stop reading (what is left is then neither
 * read nor checked).
 */
export async function readPieces(file: Blob, onPiece: (piece: string, bytes: PieceBytes) => boolean, opts: ReadOptions = {}): Promise<ReadResult> {
  const decoder = new SliceDecoder(onPiece);
  const read = await readSlices(file, (bytes, offset) => decoder.take(bytes, offset), opts);
  return read.ok ? decoder.finish() : read;
}

export async function readText(file: Blob, opts: ReadOptions = {}): Promise<TextResult> {
  const parts: string[] = [];
  const read = await readPieces(file, (p) => parts.push(p) > 0, opts);
  if (!read.ok) return read;
  try {
    return { ok: true, text: parts.join('') };
  } catch {
    return { ok: false, error: `The file is too large to import (${mb(file.size)}).` };
  }
}
