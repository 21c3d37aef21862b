// Projections over the whole log, each memoized in a signal. A projection is folded from scratch once (one
// streamed pass over the log, shared by every projection asked for in the same tick), then advanced with each
// append at the end of history; a late event or an undo refolds it from scratch. Loaded with the first page that
// shows one (analytics, an item's page), not at start.
import { computed, signal, type ReadonlySignal, type Signal } from '@preact/signals';
import { keyAtTime, revertedAt } from '../domain/history';
import type { Projection } from '../domain/projections/projection';
import { startRun, stepRun, type ProjectionRun } from '../domain/projections/run';
import { timeSlicer } from '../lib/yieldToMain';
import { engine, engineSignal, reportBackgroundFailure } from './app';
import type { Engine, LogChange } from './engine';

interface Entry {
  sig: Signal<unknown>;
  run?: ProjectionRun;
  version: number;
}

export class ProjectionCache {
  private readonly entries = new Map<Projection<unknown>, Entry>();
  private pending = new Set<Projection<unknown>>();
  private scheduled = false;
  /** Folds of projections from scratch under way or asked for (a batch each). */
  readonly computing = signal(0);

  /** `onError` hears of a fold that failed (a closed or broken database): its projections wait for the next change. */
  constructor(
    private readonly engine: Engine,
    private readonly onError: (err: unknown) => void,
  ) {
    engine.onChange((c) => this.onChange(c));
  }

  get<S>(p: Projection<S>): ReadonlySignal<S | undefined> {
    const key = p as Projection<unknown>;
    let entry = this.entries.get(key);
    if (!entry) {
      entry = { sig: signal<unknown>(undefined), version: -1 };
      this.entries.set(key, entry);
      this.schedule(key);
    }
    return entry.sig as ReadonlySignal<S | undefined>;
  }

  private onChange(c: LogChange): void {
    // Projections folded together share one run (one item map): step each run once.
    const stepped = new Set<ProjectionRun>();
    for (const [p, entry] of this.entries) {
      if (c.appended && entry.run && entry.version === c.version - 1) {
        if (!stepped.has(entry.run)) stepRun(entry.run, c.appended, this.engine.revertedNow());
        stepped.add(entry.run);
        entry.version = c.version;
        entry.sig.value = entry.run.accs.get(p);
      } else {
        entry.run = undefined;
        this.schedule(p);
      }
    }
  }

  private schedule(p: Projection<unknown>): void {
    this.pending.add(p);
    if (this.scheduled) return;
    this.scheduled = true;
    // Counted from now, not from the fold's start: a page that waits for its answers knows they are coming.
    this.computing.value++;
    setTimeout(() => this.refold().catch(this.onError), 0);
  }

  /**
   * `p` as it was at history key `toKey` (time travel): folded afresh over the history up to then, with the
   * undos of that moment, and not kept (each moment is asked for once, and the answer for now stays memoized).
   */
  async at<S>(p: Projection<S>, toKey: string): Promise<S> {
    const skip = revertedAt(await this.engine.store.reverts(), toKey);
    const run = startRun([p as Projection<unknown>]);
    await foldLog(this.engine, run, toKey, skip);
    return run.accs.get(p as Projection<unknown>) as S;
  }

  /** One pass over the log for every pending projection. */
  private async refold(): Promise<void> {
    this.scheduled = false;
    const batch = [...this.pending];
    this.pending = new Set();
    let done = false;
    try {
      if (batch.length === 0) return;
      const version = this.engine.head.version;
      const skip = this.engine.revertedNow();
      const run = startRun(batch);
      await foldLog(this.engine, run, '\uffff', skip);
      for (const p of batch) {
        const entry = this.entries.get(p)!;
        // The log moved on while folding: fold again rather than show a stale answer.
        if (this.engine.head.version !== version) {
          this.schedule(p);
          continue;
        }
        entry.run = run;
        entry.version = version;
        entry.sig.value = run.accs.get(p);
      }
      done = true;
    } finally {
      this.computing.value--;
      // Folded again with the next change of the log (or a later get), not in a loop against a broken database.
      if (!done) for (const p of batch) this.pending.add(p);
    }
  }
}

/**
 * Folding the whole log is the longest main-thread work of /analytics and an item's page: in one task per read of
 * 16 pages it was seconds of blocked input on a phone, and slices of 500 events still took ~25 ms each on a 4×
 * slower CPU (Lighthouse's total blocking time counts every task past 50 ms). So the fold looks at the clock every
 * FOLD_STEP events and gives the main thread back once a slice has taken SLICE_MS, whatever the CPU.
 */
const FOLD_STEP = 100;
const SLICE_MS = 8;
const FOLD_PAGES = 2;

/** Steps `run` over the log up to `toKey`, in slices of about SLICE_MS of main thread. */
async function foldLog(e: Engine, run: ProjectionRun, toKey: string, skip: ReadonlySet<string>): Promise<void> {
  const slicer = timeSlicer(SLICE_MS);
  for await (const chunk of e.store.readRange('', toKey, FOLD_PAGES)) {
    for (let i = 0; i < chunk.length; i += FOLD_STEP) {
      stepRun(run, chunk.slice(i, i + FOLD_STEP), skip);
      await slicer.maybeYield();
    }
  }
}

const projectionCaches = new WeakMap<Engine, ProjectionCache>();
function cacheOf(e: Engine): ProjectionCache {
  let c = projectionCaches.get(e);
  if (!c) projectionCaches.set(e, (c = new ProjectionCache(e, (err) => void reportBackgroundFailure(err, 'computing analytics'))));
  return c;
}
/** The memoized answer of a projection over the whole log (undefined until first folded). */
export const projection = <S>(p: Projection<S>): ReadonlySignal<S | undefined> => cacheOf(engine()).get(p);
/** A projection as it was at `time` (RFC 3339): the fold of the history up to then, with that moment's undos. */
export const projectionAt = <S>(p: Projection<S>, time: string): Promise<S> => cacheOf(engine()).at(p, keyAtTime(time));
/** Number of projections being folded from scratch (show a spinner while > 0). */
export const projectionsComputing: ReadonlySignal<number> = computed(() => (engineSignal.value ? cacheOf(engineSignal.value).computing.value : 0));
