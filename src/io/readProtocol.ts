// Messages between an import and the worker that reads its file (src/io/readWorker.ts, src/io/readOffThread.ts).
import { readSlices, type ReadResult } from './readFile';

export type ToReader =
  /** Read `file`, with up to `ahead` slices handed over and not yet asked `more` for. */
  | { type: 'start'; file: Blob; ahead: number; sliceBytes?: number | undefined }
  /** One slice was taken: the reader may hand over another. */
  | { type: 'more' };

export type FromReader =
  /** The reader's module ran: from now on an error event is a failure, not a reader that could not load. */
  | { type: 'ready' }
  /** The next slice of the file (transferred, not copied): its bytes from `offset`, of `total`. */
  | { type: 'slice'; bytes: ArrayBuffer; offset: number; total: number }
  | { type: 'end'; result: ReadResult };

export interface Port {
  postMessage(msg: FromReader, transfer?: Transferable[]): void;
  onmessage: ((ev: MessageEvent<ToReader>) => void) | null;
}

/**
 * The reader's slices: 8 MB, two being read while one is handed over. Larger slices, and two in flight rather
 * than one, read a file faster (docs/benchmarks.md, "Design history").
 */
const READER_SLICE_BYTES = 8 << 20;
const READER_AHEAD = 2;

/**
 * The reader's side: reads the file's slices (readSlices) and transfers each over `port`, never more than
 * `ahead` slices ahead of the taker (a parse slower than the disk would otherwise collect the whole file).
 */
export function serveReads(port: Port): void {
  let credits = 0;
  let wake: (() => void) | undefined;
  port.onmessage = (ev) => {
    const msg = ev.data;
    if (msg.type === 'more') {
      credits++;
      wake?.();
      wake = undefined;
    } else if (msg.type === 'start') {
      credits = msg.ahead;
      void read(msg.file, msg.sliceBytes ?? READER_SLICE_BYTES);
    }
  };
  async function read(file: Blob, sliceBytes: number) {
    const result = await readSlices(
      file,
      async (bytes, offset) => {
        while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
        credits--;
        port.postMessage({ type: 'slice', bytes: bytes.buffer as ArrayBuffer, offset, total: file.size }, [bytes.buffer as ArrayBuffer]);
        return true;
      },
      { sliceBytes, readAhead: READER_AHEAD },
    );
    port.postMessage({ type: 'end', result });
  }
  port.postMessage({ type: 'ready' });
}
