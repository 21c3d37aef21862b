// The page's side of the import worker, against a scripted stand-in for Worker: progress is relayed, a worker
// that never ran leaves the import to the page, a crash and a cancel become messages, and once the import
// committed a cancel no longer stops it. (The worker itself runs in Chromium: test/e2e/importWorker.e2e.mjs.)
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CANCELLED } from '../../src/io/describe';
import type { ImportProgress } from '../../src/io/importPipeline';
import type { FromWorker, ToWorker } from '../../src/io/importProtocol';
import { CRASHED, importInWorker } from '../../src/io/importWorkerClient';

class FakeWorker extends EventTarget {
  static last: FakeWorker | undefined;
  received: ToWorker[] = [];
  terminated = false;
  constructor(readonly url: URL) {
    super();
    FakeWorker.last = this;
  }
  postMessage(msg: ToWorker) {
    this.received.push(msg);
  }
  terminate() {
    this.terminated = true;
  }
  say(msg: FromWorker) {
    this.dispatchEvent(new MessageEvent('message', { data: msg }));
  }
  crash() {
    this.dispatchEvent(Object.assign(new Event('error', { cancelable: true }), { message: 'boom' }));
  }
}

const job = { file: new Blob(['{}']), dbName: 'db', source: 'eventory:device:test' };
const worker = () => FakeWorker.last!;

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('importInWorker', () => {
  it('starts the worker with the job, relays progress and ends with the result', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const seen: ImportProgress[] = [];
    const running = importInWorker(job, { onProgress: (p) => seen.push(p) });
    expect(worker().url.pathname).toMatch(/importWorker\.ts$/);
    expect(worker().received).toEqual([{ type: 'start', ...job }]);
    worker().say({ type: 'ready' });
    worker().say({ type: 'progress', phase: 'reading', done: 1, total: 2 });
    worker().say({ type: 'committed', version: 3 });
    worker().say({ type: 'done', result: { ok: true, added: 5, skipped: 1 } });
    expect(await running).toEqual({ result: { ok: true, added: 5, skipped: 1 }, committed: true });
    expect(seen).toEqual([{ phase: 'reading', done: 1, total: 2 }]);
  });

  it('lets the worker finish writing its snapshots after the result, then ends it', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const running = importInWorker(job, {});
    worker().say({ type: 'ready' });
    worker().say({ type: 'committed', version: 3 });
    worker().say({ type: 'done', result: { ok: true, added: 5, skipped: 0 } });
    expect((await running)?.result).toEqual({ ok: true, added: 5, skipped: 0 });
    expect(worker().terminated).toBe(false);
    worker().say({ type: 'progress', phase: 'applying', done: 1, total: 1 });
    worker().say({ type: 'idle' });
    expect(worker().terminated).toBe(true);
  });

  it('gives the import back to the page when the worker never ran', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.stubGlobal('Worker', FakeWorker);
    const running = importInWorker(job, {});
    worker().crash();
    expect(await running).toBeUndefined();
  });

  it('turns a crash into a message that says nothing was changed', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.stubGlobal('Worker', FakeWorker);
    const running = importInWorker(job, {});
    worker().say({ type: 'ready' });
    worker().crash();
    expect(await running).toEqual({ result: { ok: false, error: CRASHED }, committed: false });
  });

  it('sends a cancel, and terminates a worker that does not answer it', async () => {
    vi.useFakeTimers();
    vi.stubGlobal('Worker', FakeWorker);
    const ctrl = new AbortController();
    const running = importInWorker(job, { signal: ctrl.signal });
    worker().say({ type: 'ready' });
    ctrl.abort();
    expect(worker().received.at(-1)).toEqual({ type: 'cancel' });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(await running).toEqual({ result: { ok: false, error: CANCELLED }, committed: false });
    expect(worker().terminated).toBe(true);
  });

  it('lets a committed import finish when cancel comes too late', async () => {
    vi.useFakeTimers();
    vi.stubGlobal('Worker', FakeWorker);
    const ctrl = new AbortController();
    const running = importInWorker(job, { signal: ctrl.signal });
    worker().say({ type: 'ready' });
    worker().say({ type: 'committed', version: 2 });
    ctrl.abort();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(worker().received.some((m) => m.type === 'cancel')).toBe(false);
    worker().say({ type: 'done', result: { ok: true, added: 3, skipped: 0 } });
    expect(await running).toEqual({ result: { ok: true, added: 3, skipped: 0 }, committed: true });
  });
});
