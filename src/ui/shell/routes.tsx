// URL path -> page. No router library: a handful of routes, matched here in one place. Only the inventory is
// in the initial bundle; every other page loads on first visit (or earlier: preloadPage, preloadLikelyPages).
import { LazyAnalyticsPage, LazyComparePage } from '../analytics/lazy';
import { InventoryPage } from '../inventory/InventoryPage';
import { lazyComponent } from '../lazy';

const NotFound = lazyComponent(() => import('./NotFound').then((m) => m.NotFound), 'page');
const LazyHistoryPage = lazyComponent(() => import('../history/HistoryPage').then((m) => m.HistoryPage), 'history page');
const LazyDataPage = lazyComponent(() => import('../io/ImportExportPanel').then((m) => m.ImportExportPanel), 'import and export page');
const LazyItemPage = lazyComponent(() => import('../item/ItemPage').then((m) => m.ItemPage), 'item page');
const LazySyncPage = lazyComponent(() => import('../sync/SyncPage').then((m) => m.SyncPage), 'sync page');
const LazyShoppingPage = lazyComponent(() => import('../shopping/ShoppingPage').then((m) => m.ShoppingPage), 'shopping list');
const LazyLocationsPage = lazyComponent(() => import('../locations/LocationsPage').then((m) => m.LocationsPage), 'locations page');
const LazyScanPage = lazyComponent(() => import('../scan/ScanPage').then((m) => m.ScanPage), 'scan page');
const LazyLabelsPage = lazyComponent(() => import('../labels/LabelsPage').then((m) => m.LabelsPage), 'labels page');
const LazyLocationPage = lazyComponent(() => import('../locations/LocationPage').then((m) => m.LocationPage), 'location page');
/** Also shown while the log cannot be opened (see App), so it loads whatever the state of the log. */
export const LazyStoragePage = lazyComponent(() => import('../storage/StoragePage').then((m) => m.StoragePage), 'storage page');

const PAGES: Record<string, { preload(): Promise<void> } | undefined> = {
  '/history': LazyHistoryPage,
  '/data': LazyDataPage,
  '/storage': LazyStoragePage,
  '/analytics': LazyAnalyticsPage,
  '/compare': LazyComparePage,
  '/locations': LazyLocationsPage,
  '/shopping': LazyShoppingPage,
  '/sync': LazySyncPage,
  '/scan': LazyScanPage,
  '/labels': LazyLabelsPage,
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
  if (p === '/history') return <LazyHistoryPage />;
  if (p === '/data') return <LazyDataPage />;
  if (p === '/storage') return <LazyStoragePage />;
  if (p === '/analytics') return <LazyAnalyticsPage />;
  if (p === '/compare') return <LazyComparePage />;
  if (p === '/locations') return <LazyLocationsPage />;
  if (p === '/shopping') return <LazyShoppingPage />;
  if (p === '/sync') return <LazySyncPage />;
  if (p === '/scan') return <LazyScanPage />;
  if (p === '/labels') return <LazyLabelsPage />;
  const id = itemIdOf(p);
  if (id !== undefined) return <LazyItemPage key={id} id={id} />;
  const place = itemIdOf(p, LOCATION);
  if (place !== undefined) return <LazyLocationPage key={place} name={place} />;
  return <NotFound path={path} />;
}

/** Starts loading the code of the page at `path` (a deep link loads it while the log opens). */
export function preloadPage(path: string): void {
  const p = normal(path);
  void (itemIdOf(p) !== undefined ? LazyItemPage : itemIdOf(p, LOCATION) !== undefined ? LazyLocationPage : PAGES[p])?.preload();
}

/** The pages one click away from the inventory (a row opens its item), fetched soon after the start (App.tsx). */
export function preloadLikelyPages(): Promise<unknown> {
  return Promise.all([LazyItemPage.preload(), LazyHistoryPage.preload()]);
}

export function titleOf(path: string): string {
  if (path.startsWith('/item/')) return 'Item';
  if (path.startsWith('/locations/')) return 'Location';
  return { '/shopping': 'Shopping list', '/locations': 'Locations', '/history': 'History', '/analytics': 'Analytics', '/compare': 'Compare', '/data': 'Import and export', '/storage': 'Storage', '/sync': 'Sync', '/labels': 'Labels', '/scan': 'Scan' }[path.replace(/\/$/, '')] ?? 'Inventory';
}
