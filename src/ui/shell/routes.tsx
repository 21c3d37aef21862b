// URL path -> page. No router library: five routes, matched here in one place.
import { StoragePage } from '../../pwa';
import { LazyAnalyticsPage, LazyComparePage } from '../analytics/lazy';
import { HistoryPage } from '../history/HistoryPage';
import { InventoryPage } from '../inventory/InventoryPage';
import { ImportExportPanel } from '../io/ImportExportPanel';
import { ItemPage } from '../item/ItemPage';
import { Link } from '../router';

const ITEM = /^\/item\/([^/]+)\/?$/;

function itemIdOf(path: string): string | undefined {
  const m = ITEM.exec(path);
  if (!m) return undefined;
  try {
    return decodeURIComponent(m[1]!);
  } catch {
    return undefined;
  }
}

export function routeOf(path: string) {
  const p = path.length > 1 ? path.replace(/\/$/, '') : path;
  if (p === '/' || p === '/index.html') return <InventoryPage />;
  if (p === '/history') return <HistoryPage />;
  if (p === '/data') return <ImportExportPanel />;
  if (p === '/storage') return <StoragePage />;
  if (p === '/analytics') return <LazyAnalyticsPage />;
  if (p === '/compare') return <LazyComparePage />;
  const id = itemIdOf(p);
  if (id !== undefined) return <ItemPage key={id} id={id} />;
  return <NotFound path={path} />;
}

export function titleOf(path: string): string {
  if (path.startsWith('/item/')) return 'Item';
  return { '/history': 'History', '/analytics': 'Analytics', '/compare': 'Compare', '/data': 'Import and export', '/storage': 'Storage' }[path.replace(/\/$/, '')] ?? 'Inventory';
}

function NotFound({ path }: { path: string }) {
  return (
    <section class="page">
      <h1 tabIndex={-1}>Page not found</h1>
      <p>Eventory has no page at “{path}”.</p>
      <p>
        <Link to="/">Go to the inventory</Link>
      </p>
    </section>
  );
}
