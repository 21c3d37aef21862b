// Loading code on demand: the analytics page and charts (uPlot) stay out of the initial bundle. A failed load
// (offline before the service worker cached the chunk, or a new version replaced it) says so and offers a retry.
import type { ComponentType, JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>, what: string) {
  let cached: ComponentType<P> | undefined;
  return function Lazy(props: P): JSX.Element {
    const [Comp, setComp] = useState<ComponentType<P> | undefined>(() => cached);
    const [error, setError] = useState<string>();
    const [attempt, setAttempt] = useState(0);
    useEffect(() => {
      if (Comp) return;
      let live = true;
      load().then(
        (c) => {
          cached = c;
          if (live) setComp(() => c);
        },
        (err: unknown) => live && setError(`Could not load the ${what}: ${err instanceof Error ? err.message : String(err)}. Check the connection and try again, or reload the page.`),
      );
      return () => {
        live = false;
      };
    }, [attempt]);
    if (Comp) return <Comp {...props} />;
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
  };
}

/** The analytics page (route /analytics), loaded on first visit. */
export const LazyAnalyticsPage = lazyComponent(() => import('./AnalyticsPage').then((m) => m.AnalyticsPage), 'analytics page');

/** A chart, loaded when first shown (uPlot is the largest dependency). */
export const LazyChart = lazyComponent(() => import('./Chart').then((m) => m.Chart), 'chart');

/** The compare page (route /compare), loaded on first visit. */
export const LazyComparePage = lazyComponent(() => import('../timetravel/ComparePage').then((m) => m.ComparePage), 'compare page');
