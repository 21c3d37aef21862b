// URL path -> page. No router library: a handful of routes, matched here in one place. Only the inventory is
// in the initial bundle; every other page loads on first visit (or earlier: preloadPage, preloadLikelyPages).
import type { ComponentType } from 'preact';
import { LazyAnalyticsPage, LazyComparePage } from '../analytics/lazy';
import { InventoryPage } from '../inventory/InventoryPage';
import { lazyComponent, type LazyComponent } from '../lazy';

/** A page loaded on first visit, and the document title it has ("Import and export" is loaded as "the import and export page"). */
const lazyPage = <P extends object>(title: string, load: () => Promise<ComponentType<P>>): [LazyComponent<P>, string] => [lazyComponent(load, `${title.toLowerCase()} page`), title];

const NotFound = lazyComponent(() => import('./NotFound').then((m) => m.NotFound), 'page');
const [LazyItemPage] = lazyPage('Item', () => import('../item/ItemPage').then((m) => m.ItemPage));
const [LazyLocationPage] = lazyPage('Location', () => import('../locations/LocationPage').then((m) => m.LocationPage));
const [LazyHistoryPage, history] = lazyPage('History', () => import('../history/HistoryPage').then((m) => m.HistoryPage));
/** Also shown while the log cannot be opened (see App), so it loads whatever the state of the log. */
export const [LazyStoragePage, storage] = lazyPage('Storage', () => import('../storage/StoragePage').then((m) => m.StoragePage));

/** The pages at a fixed path, with their titles. */
const PAGES: Record<string, [LazyComponent<object>, string] | undefined> = {
  '/history': [LazyHistoryPage, history],
  '/data': lazyPage('Import and export', () => import('../io/ImportExportPanel').then((m) => m.ImportExportPanel)),
  '/storage': [LazyStoragePage, storage],
  '/analytics': [LazyAnalyticsPage, 'Analytics'],
  '/compare': [LazyComparePage, 'Compare'],
  '/locations': lazyPage('Locations', () => import('../locations/LocationsPage').then((m) => m.LocationsPage)),
  '/shopping': lazyPage('Shopping list', () => import('../shopping/ShoppingPage').then((m) => m.ShoppingPage)),
  '/sync': lazyPage('Sync', () => import('../sync/SyncPage').then((m) => m.SyncPage)),
  '/scan': lazyPage('Scan', () => import('../scan/ScanPage').then((m) => m.ScanPage)),
  '/labels': lazyPage('Labels', () => import('../labels/LabelsPage').then((m) => m.LabelsPage)),
};

const ITEM = /^\/item\/([^/]+)\/?$/;
const LOCATION = /^\/locations\/([^/]+)\/?$/;

function itemIdOf(path: string, pattern = ITEM): string | undefined {
  const m = pattern.exec(path);
  if (!m) return undefined;
  try {
    return decodeURIComponent(m[1]!);
  } catch {
    return undefined;
  }
}

const normal = (path: string) => (path.length > 1 ? path.replace(/\/$/, '') : path);

export function routeOf(path: string) {
  const p = normal(path);
  if (p === '/' || p === '/index.html') return <InventoryPage />;
  const Page = PAGES[p]?.[0];
  if (Page) return <Page />;
  const id = itemIdOf(p);
  if (id !== undefined) return <LazyItemPage key={id} id={id} />;
  const place = itemIdOf(p, LOCATION);
  if (place !== undefined) return <LazyLocationPage key={place} name={place} />;
  return <NotFound path={path} />;
}

/** Starts loading the code of the page at `path` (a deep link loads it while the log opens). */
export function preloadPage(path: string): void {
  const p = normal(path);
  void (itemIdOf(p) !== undefined ? LazyItemPage : itemIdOf(p, LOCATION) !== undefined ? LazyLocationPage : PAGES[p]?.[0])?.preload();
}

/** The pages one click away from the inventory (a row opens its item), fetched soon after the start (App.tsx). */
export function preloadLikelyPages(): Promise<unknown> {
  return Promise.all([LazyItemPage.preload(), LazyHistoryPage.preload()]);
}

export function titleOf(path: string): string {
  if (path.startsWith('/item/')) return 'Item';
  if (path.startsWith('/locations/')) return 'Location';
  return PAGES[normal(path)]?.[1] ?? 'Inventory';
}
