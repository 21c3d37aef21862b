// The shell: header with navigation, banners, the routed page, the open command form and the notifications.
// Only the inventory page is in the initial bundle; the rest loads on demand, and what is one click
// away is fetched from the first idle moment, a chunk per idle period.
import { useEffect, useRef } from 'preact/hooks';
import { preloadCommands, status, storageProblem } from '../../state/app';
import { preloadWording } from '../actions';
import { DialogHost, preloadForms } from '../forms/DialogHost';
import { lazyComponent, preloadLater } from '../lazy';
import { preloadTimeTravel } from '../timetravel/TimeTravelBar';
import { preloadInventoryMenu } from '../inventory/InventoryPage';
import { location } from '../router';
import { Header } from './Header';
import { LoadingScreen } from './StatusScreens';
import { preloadToasts, Toasts } from './toasts';
import { LazyStoragePage, preloadLikelyPages, preloadPage, routeOf, titleOf } from './routes';

// Loaded when there is a problem to show, or soon after the start (preloadLater: so it is at hand when another tab's update
// replaces this release's files).
const StorageProblemBanner = lazyComponent(() => import('../storage/StorageProblemBanner').then((m) => m.StorageProblemBanner), 'storage notice', { quiet: true });
const ErrorScreen = lazyComponent(() => import('./ErrorScreen').then((m) => m.ErrorScreen), 'error page');

// Optional extras: nothing to show until the service worker is registered (main.tsx, once the log is open).
const LazyUpdateBanner = lazyComponent(() => import('../storage/UpdateBanner').then((m) => m.UpdateBanner), 'update notice', { quiet: true });
const LazyBackupReminder = lazyComponent(() => import('../storage/BackupReminder').then((m) => m.BackupReminder), 'backup reminder', { quiet: true });

export function App() {
  const loc = location.value;
  const st = status.value;
  const mainRef = useRef<HTMLElement>(null);
  const lastPath = useRef(loc.path);

  useEffect(() => {
    document.title = `${titleOf(loc.path)} · Eventory`;
    // After a link is followed, start at the top and tell screen readers where they are; typing in a filter
    // (a replace) must not move focus. A page still loading has no heading yet: its region takes focus.
    if (loc.pushed && lastPath.current !== loc.path) {
      window.scrollTo(0, 0);
      const main = mainRef.current;
      (main?.querySelector<HTMLElement>('h1') ?? main)?.focus({ preventScroll: true });
    }
    lastPath.current = loc.path;
  }, [loc]);

  // A deep link (/history, /item/x) fetches its page while the log opens.
  useEffect(() => preloadPage(loc.path), []);

  useEffect(() => {
    if (st.kind !== 'ready') return;
    preloadLater([preloadCommands, preloadToasts, preloadForms, preloadLikelyPages, preloadInventoryMenu, preloadTimeTravel, preloadWording, StorageProblemBanner.preload]);
  }, [st.kind]);

  // The Storage page explains storage failures itself, so it stays reachable when the log cannot be opened.
  const storage = loc.path === '/storage';
  return (
    <>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <Header path={loc.path} at={loc.params.get('at') ?? undefined} />
      <div class="banners">{storageProblem.value && <StorageProblemBanner />}</div>
      <main id="main" ref={mainRef} tabIndex={-1}>
        {storage ? <LazyStoragePage /> : st.kind === 'loading' ? <LoadingScreen /> : st.kind === 'error' ? <ErrorScreen message={st.message} /> : routeOf(loc.path)}
      </main>
      {st.kind === 'ready' && <DialogHost />}
      {/* Notices that arrive after the page is shown sit over it, at the bottom: above it, they pushed it down. */}
      <div class="dock">
        <Toasts />
        {st.kind !== 'loading' && <LazyUpdateBanner />}
        {st.kind === 'ready' && <LazyBackupReminder />}
      </div>
    </>
  );
}
