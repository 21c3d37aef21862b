// /analytics: answers folded from the whole history, each a memoized projection that advances with every
// change. Loaded on demand (see analytics/lazy.tsx): this module and uPlot stay out of the initial bundle.
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
        <div class="analytics-grid">
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
