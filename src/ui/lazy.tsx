// Code loaded on demand, so the first render of the inventory only waits for what it shows (budget: initial
// JavaScript ≤ 60 KB gzip). A failed load (offline before the service worker cached the chunk, or a new version
// replaced it) says so and offers a retry; `preload()` fetches ahead of need so a click rarely sees "Loading…".
import type { ComponentType, JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export interface LazyComponent<P> {
  (props: P): JSX.Element | null;
  /** Starts loading now (deduplicated); a failure is left for the next render to show. */
  preload(): Promise<void>;
}

export interface LazyOptions {
  /**
   * For optional extras (banners): render nothing while loading or after a failure, which is logged instead.
   * A page or form must not be quiet: the user asked for it and has to learn why it is not there.
   */
  quiet?: boolean;
}

export function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>, what: string, opts: LazyOptions = {}): LazyComponent<P> {
  let cached: ComponentType<P> | undefined;
  let pending: Promise<ComponentType<P>> | undefined;
  const get = (): Promise<ComponentType<P>> => {
    pending ??= load().then(
      (c) => (cached = c),
      (err: unknown) => {
        pending = undefined; // the next attempt fetches again
        throw err;
      },
    );
    return pending;
  };

  function Lazy(props: P): JSX.Element | null {
    const [Comp, setComp] = useState<ComponentType<P> | undefined>(() => cached);
    const [error, setError] = useState<string>();
    const [attempt, setAttempt] = useState(0);
    useEffect(() => {
      if (Comp) return;
      let live = true;
      get().then(
        (c) => live && setComp(() => c),
        (err: unknown) => {
          const reason = err instanceof Error ? err.message : String(err);
          if (opts.quiet) console.error(`Could not load the ${what}`, err);
          else if (live) setError(`Could not load the ${what}: ${reason}. Check the connection and try again, or reload the page.`);
        },
      );
      return () => {
        live = false;
      };
    }, [attempt]);
    if (Comp) return <Comp {...props} />;
    if (opts.quiet) return null;
    if (error) {
      return (
        <div class="banner banner-error" role="alert">
          <p>{error}</p>
          <button
            type="button"
            class="btn btn-secondary btn-small"
            onClick={() => {
              setError(undefined);
              setAttempt((a) => a + 1);
            }}
          >
            Try again
          </button>
        </div>
      );
    }
    return (
      <p class="muted" role="status">
        Loading the {what}…
      </p>
    );
  }
  Lazy.preload = () => get().then(
    () => undefined,
    () => undefined,
  );
  return Lazy;
}

/**
 * Runs `task` when the browser is idle (after the first paint has had its turn), so preloading never competes
 * with showing the inventory. Safari has no requestIdleCallback: a short timeout stands in.
 */
export function whenIdle(task: () => void, timeout = 2000): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => task(), { timeout });
  else setTimeout(task, 200);
}

/**
 * Runs `tasks` (each loads code ahead of need) one per idle period, from the first idle moment after the start.
 * A chunk's evaluation is a main-thread task, several times longer on a phone: all of them at once made the
 * start's longest tasks (Lighthouse's total blocking time). They are not put off until the user's first input:
 * what is one click away must be here should the network drop in the first minutes, before the service worker
 * serves the app (it does from the second visit on).
 */
export function preloadLater(tasks: readonly (() => Promise<unknown> | void)[]): void {
  const next = (i: number) => i < tasks.length && whenIdle(() => void Promise.resolve(tasks[i]!()).finally(() => next(i + 1)));
  next(0);
}
