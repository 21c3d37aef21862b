// readPieces with the file read in a worker of its own. A Blob read makes progress only while its thread is
// idle, so in the import worker it would not overlap with the parse however far ahead it was requested. A second
// worker does nothing but wait for the slices and transfer each (no copy) to the import, which decodes and
// parses them. Bytes, not decoded text, cross over: posting large strings copies them.
// The pieces, progress and messages are those of readPieces, which is also the fallback wherever no worker
// can be started (tests, older browsers).
import { CANCELLED } from './describe';
import { READ_FAILED, readPieces, SliceDecoder, type ReadOptions, type ReadResult } from './readFile';
import type { FromReader, ToReader } from './readProtocol';
import type { PieceBytes } from './sourceText';

/** Slices the reader may hand over ahead of the parse: 3 × 8 MB keeps it busy and bounds what waits. */
const AHEAD = 3;

export interface ReaderWorker {
  postMessage(msg: ToReader): void;
  addEventListener(type: 'message', fn: (ev: MessageEvent<FromReader>) => void): void;
  addEventListener(type: 'error', fn: (ev: ErrorEvent) => void): void;
  terminate(): void;
}

function startReader(): ReaderWorker | undefined {
  if (typeof Worker === 'undefined') return undefined;
  try {
    return new Worker(new URL('./readWorker.ts', import.meta.url), { type: 'module', name: 'eventory-read' });
  } catch {
    return undefined;
  }
}

/** As readPieces (readFile.ts). `start` makes the worker (tests pass one that needs no browser). */
export function readPiecesOffThread(file: Blob, onPiece: (piece: string, bytes: PieceBytes) => boolean, opts: ReadOptions = {}, start: () => ReaderWorker | undefined = startReader): Promise<ReadResult> {
  const reader = start();
  if (!reader) return readPieces(file, onPiece, opts);
  const decoder = new SliceDecoder(onPiece);
  return new Promise((resolve) => {
    let ready = false;
    let settled = false;
    const finish = (result: ReadResult | 'here') => {
      if (settled) return;
      settled = true;
      opts.signal?.removeEventListener('abort', cancel);
      reader.terminate();
      resolve(result === 'here' ? readPieces(file, onPiece, opts) : result);
    };
    function cancel() {
      finish({ ok: false, error: CANCELLED });
    }
    reader.addEventListener('message', (ev) => {
      const msg = ev.data;
      if (settled) return;
      if (msg.type === 'ready') ready = true;
      else if (msg.type === 'end') finish(msg.result.ok ? decoder.finish() : msg.result);
      else if (msg.type === 'slice') {
        const bytes = new Uint8Array(msg.bytes);
        opts.onProgress?.(msg.offset + bytes.byteLength, msg.total);
        // A stop or bytes that are not UTF-8: what is left of the file is not read.
        if (!decoder.take(bytes, msg.offset)) return finish(decoder.finish());
        reader.postMessage({ type: 'more' });
      }
    });
    reader.addEventListener('error', (ev) => {
      ev.preventDefault?.();
      // A reader that never ran (its script failed to load) read nothing: read here instead.
      finish(ready ? { ok: false, error: READ_FAILED } : 'here');
    });
    if (opts.signal?.aborted) return cancel();
    opts.signal?.addEventListener('abort', cancel);
    reader.postMessage({ type: 'start', file, ahead: AHEAD, sliceBytes: opts.sliceBytes });
  });
}
