// Reading a file in a worker of its own (src/io/readOffThread.ts): the pieces, progress and messages are those of
// readPieces, the reader never runs more than a few slices ahead, and a stop, a cancel or a reader that cannot
// start loses nothing. The worker is the real reader code (serveReads) behind a MessageChannel.
import { describe, expect, it } from 'vitest';
import { CANCELLED } from '../../src/io/describe';
import { readPieces } from '../../src/io/readFile';
import { readPiecesOffThread, type ReaderWorker } from '../../src/io/readOffThread';
import { serveReads, type FromReader, type Port, type ToReader } from '../../src/io/readProtocol';

/** Small slices, so that a short text takes many; every one of them cuts a multi-byte character. */
const SLICE = 4093;
const text = `\ufeff${'aé🪚“x”\n'.repeat(4000)}{"end":1}`;
const blob = new Blob([text]);
const withoutBom = text.slice(1);

/** A reader worker over a MessageChannel, recording how far ahead of the taker it ever got. */
function channelReader() {
  const { port1, port2 } = new MessageChannel();
  const seen = { terminated: false, posted: 0, taken: 0, maxAhead: 0 };
  const server: Port = {
    postMessage(msg: FromReader, transfer?: Transferable[]) {
      if (msg.type === 'slice') seen.maxAhead = Math.max(seen.maxAhead, ++seen.posted - seen.taken);
      port2.postMessage(msg, transfer ?? []);
    },
    onmessage: null,
  };
  port2.onmessage = (ev: MessageEvent<ToReader>) => {
    if (ev.data.type === 'more') seen.taken++;
    server.onmessage?.(ev);
  };
  serveReads(server);
  port1.start();
  const worker: ReaderWorker = {
    postMessage: (msg: ToReader) => port1.postMessage(msg),
    addEventListener: (type: string, fn: (ev: never) => void) => port1.addEventListener(type, fn as never),
    terminate() {
      seen.terminated = true;
      port1.close();
      port2.close();
    },
  };
  return { worker, seen };
}

describe('readPiecesOffThread', () => {
  it('hands over the same pieces and progress as reading in this thread, and stays at most 3 slices ahead of a slow taker', async () => {
    const { worker, seen } = channelReader();
    const pieces: string[] = [];
    const progress: number[] = [];
    const slow = (p: string) => {
      for (const end = Date.now() + 2; Date.now() < end; );
      return pieces.push(p) > 0;
    };
    expect(await readPiecesOffThread(blob, slow, { sliceBytes: SLICE, onProgress: (d) => progress.push(d) }, () => worker)).toEqual({ ok: true });
    const here: string[] = [];
    const hereProgress: number[] = [];
    await readPieces(blob, (p) => here.push(p) > 0, { sliceBytes: SLICE, onProgress: (d) => hereProgress.push(d) });
    expect(pieces.length).toBeGreaterThan(10);
    expect(pieces).toEqual(here);
    expect(pieces.join('')).toBe(withoutBom);
    expect(progress).toEqual(hereProgress);
    expect(seen.maxAhead).toBeLessThanOrEqual(3);
    expect(seen.terminated).toBe(true);
  });

  it('stops the reader when the taker has seen enough', async () => {
    const { worker, seen } = channelReader();
    const pieces: string[] = [];
    expect(await readPiecesOffThread(blob, (p) => (pieces.push(p), false), { sliceBytes: SLICE }, () => worker)).toEqual({ ok: true });
    expect(pieces).toHaveLength(1);
    expect(seen.posted).toBeLessThanOrEqual(4);
    expect(seen.terminated).toBe(true);
  });

  it('answers a cancel at once, stopping the reader', async () => {
    const { worker, seen } = channelReader();
    const ctl = new AbortController();
    const r = await readPiecesOffThread(blob, () => (ctl.abort(), true), { sliceBytes: SLICE, signal: ctl.signal }, () => worker);
    expect(r).toEqual({ ok: false, error: CANCELLED });
    expect(seen.terminated).toBe(true);
  });

  it('words a file that is not UTF-8, a truncated one and an empty one exactly as reading in this thread does', async () => {
    const bad = new Blob(['x'.repeat(SLICE * 2), new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d])]);
    const cut = new Blob(['{"name":"', new Uint8Array([0xf0, 0x9f])]);
    for (const file of [bad, cut, new Blob([])]) {
      const here = await readPieces(file, () => true, { sliceBytes: SLICE });
      expect(here.ok).toBe(false);
      expect(await readPiecesOffThread(file, () => true, { sliceBytes: SLICE }, () => channelReader().worker)).toEqual(here);
    }
  });

  it('reads in this thread when the reader cannot start (its script fails before it runs)', async () => {
    const listeners: Record<string, (ev: unknown) => void> = {};
    let terminated = false;
    const broken = {
      postMessage: () => queueMicrotask(() => listeners.error?.({ message: 'failed to load', preventDefault: () => undefined })),
      addEventListener: (type: string, fn: (ev: never) => void) => void (listeners[type] = fn as never),
      terminate: () => void (terminated = true),
    } as ReaderWorker;
    const pieces: string[] = [];
    expect(await readPiecesOffThread(blob, (p) => pieces.push(p) > 0, { sliceBytes: SLICE }, () => broken)).toEqual({ ok: true });
    expect(pieces.join('')).toBe(withoutBom);
    expect(terminated).toBe(true);
  });

  it('reads in this thread where there is no Worker', async () => {
    const pieces: string[] = [];
    expect(await readPiecesOffThread(blob, (p) => pieces.push(p) > 0)).toEqual({ ok: true });
    expect(pieces.join('')).toBe(withoutBom);
  });
});
