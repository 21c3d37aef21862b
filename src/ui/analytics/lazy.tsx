// The analytics page and charts (uPlot, the largest dependency) stay out of the initial bundle.
import { lazyComponent } from '../lazy';

/** The analytics page (route /analytics), loaded on first visit. */
export const LazyAnalyticsPage = lazyComponent(() => import('./AnalyticsPage').then((m) => m.AnalyticsPage), 'analytics page');

/** A chart, loaded when first shown. */
export const LazyChart = lazyComponent(() => import('./Chart').then((m) => m.Chart), 'chart');

/** The compare page (route /compare), loaded on first visit. */
export const LazyComparePage = lazyComponent(() => import('../timetravel/ComparePage').then((m) => m.ComparePage), 'compare page');
