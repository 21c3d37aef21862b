// The analytics page and charts (uPlot, the largest dependency) stay out of the initial bundle.
import { lazyComponent } from '../lazy';

/** A chart, loaded when first shown (or with the analytics page). */
export const LazyChart = lazyComponent(() => import('./Chart').then((m) => m.Chart), 'chart');

/**
 * The analytics page (route /analytics), loaded on first visit, with the chart it always shows fetched beside
 * it rather than after it renders (a chain of two lazy loads delayed the page on a slow network).
 */
export const LazyAnalyticsPage = lazyComponent(() => Promise.all([import('./AnalyticsPage'), LazyChart.preload()]).then(([m]) => m.AnalyticsPage), 'analytics page');


/** The compare page (route /compare), loaded on first visit. */
export const LazyComparePage = lazyComponent(() => import('../timetravel/ComparePage').then((m) => m.ComparePage), 'compare page');
