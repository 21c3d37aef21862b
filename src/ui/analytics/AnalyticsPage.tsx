// /analytics: answers folded from the whole history, each a memoized projection that advances with every
// change. Loaded on demand (see analytics/lazy.tsx): this module and uPlot stay out of the initial bundle.
import { useEffect, useState } from 'preact/hooks';
import { eventCount, status } from '../../state/app';
import { projectionsComputing } from '../../state/projections';
import { plural } from '../format';
import { ActivityCard, StockValueCard } from './ChartCards';
import { OriginsCard } from './OriginCards';
import { MostCollectedCard, MostRemovedCard } from './RankingCards';
import { BelowMinimumCard, BurnRateCard, NotTouchedCard } from './UsageCards';
import './analytics.css';

export function AnalyticsPage() {
  const ready = status.value.kind === 'ready';
  const computing = projectionsComputing.value > 0;
  // The cards are shown once they all have their first answers: filled in one by one, each pushed the cards
  // after it down the screen (a layout shift). Until then they are laid out, unseen.
  const [settled, setSettled] = useState(false);
  useEffect(() => {
    // Read now, not as this render saw it: the cards, rendered after it, have asked for their answers since.
    if (ready && projectionsComputing.peek() === 0) setSettled(true);
  }, [ready, computing]);
  return (
    <section class="page analytics-page" aria-labelledby="analytics-title">
      <div class="page-head">
        <h1 id="analytics-title" tabIndex={-1}>
          Analytics
        </h1>
        <p class="muted analytics-sub">
          From the whole history ({plural(eventCount.value, 'change')}), up to date with every change.
          {projectionsComputing.value > 0 && <span role="status"> Reading the history…</span>}
        </p>
      </div>
      {ready && (
        <div class={settled ? 'analytics-grid' : 'analytics-grid analytics-unseen'} aria-hidden={settled ? undefined : 'true'}>
          <BurnRateCard />
          <BelowMinimumCard />
          <MostCollectedCard />
          <MostRemovedCard />
          <OriginsCard />
          <StockValueCard />
          <ActivityCard />
          <NotTouchedCard />
        </div>
      )}
    </section>
  );
}
