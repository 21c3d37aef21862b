// Live sync while online: a round pushes what is new here, then waits on the server's `_changes` (longpoll) and
// imports what arrives. A local change (debounced), "Sync now" and the network coming back cut the wait short.
// One tab syncs at a time (a Web Lock); the others hear of its imports as of any write. Nothing here blocks the
// page: requests are async, and imports run in the import worker.
import { effect, signal, type ReadonlySignal } from '@preact/signals';
import { logVersion } from '../state/app';
import { checkDatabase } from './connect';
import { CouchClient, type CouchFailure } from './couch';
import { readState, writeState, type SyncConfig } from './ledger';
import { describeFailure, rejectedBatch } from './messages';
import { pull, type PullProgress } from './pull';
import { push } from './push';

export type SyncPhase = 'off' | 'starting' | 'pushing' | 'pulling' | 'waiting' | 'offline' | 'signed-out' | 'error' | 'other-tab';
export interface SyncStatus {
  phase: SyncPhase;
  /** An error to show as an alert (role="alert"). */
  error?: string;
  /** Batches from the server that were skipped, worded. */
  skipped: string[];
  progress?: { label: string; done: number; total: number };
  lastSyncAt?: string;
  /** What the last round that moved anything sent and brought (a quiet round keeps it: nothing new to announce). */
  last?: { sent: number; added: number };
}

const WAIT_MS = 25_000;
const DEBOUNCE_MS = 600;
const RETRY_MAX_MS = 60_000;

const status$ = signal<SyncStatus>({ phase: 'off', skipped: [] });
export const syncStatus: ReadonlySignal<SyncStatus> = status$;
const set = (patch: Partial<SyncStatus>) => (status$.value = { ...status$.peek(), ...patch });

let session: { stop: AbortController; wake: () => void; rounds: (() => void)[] } | undefined;

/** Starts (or restarts) live sync with `config`; `fetcher` is for tests. */
export function startLive(config: SyncConfig, fetcher?: typeof fetch): void {
  stopLive();
  const stop = new AbortController();
  let waiting = new AbortController();
  const s = { stop, wake: () => waiting.abort(), rounds: [] as (() => void)[] };
  session = s;
  const client = new CouchClient(config.url, fetcher);
  set({ phase: 'starting', error: undefined, progress: undefined });

  // A write (this tab's, or another tab's as this tab catches up) cuts the wait short, after a pause for more.
  let timer: ReturnType<typeof setTimeout> | undefined;
  let first = true;
  const dispose = effect(() => {
    void logVersion.value;
    if (first) return void (first = false);
    clearTimeout(timer);
    timer = setTimeout(s.wake, DEBOUNCE_MS);
  });
  const online = () => s.wake();
  addEventListener?.('online', online);
  stop.signal.addEventListener('abort', () => {
    for (const done of s.rounds.splice(0)) done();
    dispose();
    clearTimeout(timer);
    removeEventListener?.('online', online);
    waiting.abort();
  });

  // The loop ends on a failure only the user can fix; "Sync now" or signing in starts it again.
  const end = (patch: Partial<SyncStatus>) => {
    set({ ...patch, progress: undefined });
    stop.abort();
  };
  const run = async () => {
    const checked = await checkDatabase(client, false);
    if (!checked.ok) return end({ phase: checked.kind === 'auth' ? 'signed-out' : 'error', error: checked.error });
    let failures = 0;
    let wait = false;
    while (!stop.signal.aborted) {
      if (waiting.signal.aborted) waiting = new AbortController();
      const asked = s.rounds.splice(0);
      let failure: CouchFailure | undefined;
      try {
        failure = await round(client, config.url, wait ? waiting.signal : undefined);
      } catch (err) {
        // A bug or a storage failure, not the server: say so and stop rather than retry in a loop.
        console.error(err);
        const why = err instanceof Error ? err.message : String(err);
        return end({ phase: 'error', error: `Syncing stopped unexpectedly (${why}). Nothing was lost; press Sync now to try again.` });
      }
      if (stop.signal.aborted) break;
      for (const done of asked) done();
      if (!failure) {
        failures = 0;
        wait = !(await localPending(config.url));
        continue;
      }
      if (failure.kind === 'aborted') {
        wait = false;
        continue;
      }
      if (failure.kind === 'unauthorized' || failure.kind === 'forbidden') {
        return end({ phase: failure.kind === 'unauthorized' ? 'signed-out' : 'error', error: describeFailure(failure, config.url, 'sync') });
      }
      const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
      set({ phase: offline ? 'offline' : 'error', error: offline ? undefined : describeFailure(failure, config.url, 'sync'), progress: undefined });
      failures++;
      await pause(Math.min(RETRY_MAX_MS, 1000 * 2 ** failures), waiting.signal);
      wait = false;
    }
  };
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks) return void run();
  void locks.request('eventory-sync', { ifAvailable: true }, async (lock) => {
    if (lock) return run();
    set({ phase: 'other-tab' });
    for (const done of s.rounds.splice(0)) done();
    // Another tab syncs; this one takes over when that tab closes or stops.
    return locks.request('eventory-sync', { signal: stop.signal }, () => (stop.signal.aborted ? undefined : run())).catch(() => undefined);
  });
}

/** Whether this device wrote something (not a pull) that the server does not have yet. */
async function localPending(url: string): Promise<boolean> {
  const state = await readState(url);
  const pulls = new Set(state.pullVersions);
  for (let v = logVersion.peek(); v > state.pushedVersion; v--) if (!pulls.has(v)) return true;
  return false;
}

/** One push and one pull; undefined when both went through. */
async function round(client: CouchClient, url: string, wait: AbortSignal | undefined): Promise<CouchFailure | undefined> {
  const state = await readState(url);
  // The phase changes only while something is sent or received: a quiet round every 25 s announces nothing.
  const pushed = await push(client, state, (done, total) => set({ phase: 'pushing', progress: { label: 'Sending', done, total } }));
  if (!pushed.ok) return pushed;
  await writeState(state);
  if (status$.peek().phase === 'pushing') set({ phase: 'waiting', progress: undefined });
  const receiving = (p: PullProgress) => {
    if (p.phase === 'importing' || p.events > 0) set({ phase: 'pulling', progress: progressOf(p) });
  };
  const pulled = await pull(client, state, { wait: wait ? WAIT_MS : undefined, signal: wait, onProgress: receiving });
  if (!pulled.ok) return pulled;
  state.lastSyncAt = new Date().toISOString();
  await writeState(state);
  set({ phase: 'waiting', error: undefined, progress: undefined, lastSyncAt: state.lastSyncAt, skipped: state.rejected.map(rejectedBatch), last: pushed.sent || pulled.added ? { sent: pushed.sent, added: pulled.added } : status$.peek().last });
  return undefined;
}

function progressOf(p: PullProgress): SyncStatus['progress'] {
  if (p.phase === 'receiving') return { label: 'Receiving', done: p.events, total: 0 };
  return { label: p.step.phase === 'reading' || p.step.phase === 'checking' ? 'Checking' : 'Merging', done: p.step.done, total: p.step.total };
}

/** Cuts the wait short and resolves once the next round is over (at once when sync is not running). */
export function syncNow(): Promise<void> {
  const s = session;
  if (!s || s.stop.signal.aborted || status$.peek().phase === 'other-tab') return Promise.resolve();
  return new Promise((done) => {
    s.rounds.push(done);
    s.wake();
  });
}

/** Running: waiting for changes, or retrying after a failure it may outlive (not signed out, not stopped). */
export const isLive = (): boolean => session !== undefined && !session.stop.signal.aborted;

export function stopLive(): void {
  session?.stop.abort();
  for (const done of session?.rounds.splice(0) ?? []) done();
  session = undefined;
  status$.value = { phase: 'off', skipped: [] };
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((done) => {
    const t = setTimeout(done, ms);
    signal.addEventListener('abort', () => (clearTimeout(t), done()), { once: true });
  });
}
