// The shell: header with navigation, banners, the routed page, the open command form and the notifications.
import { useEffect, useRef } from 'preact/hooks';
import { BackupReminder, StoragePage, StorageProblemBanner, UpdateBanner } from '../../pwa';
import { status } from '../../state/app';
import { DialogHost } from '../forms/DialogHost';
import { location } from '../router';
import { Header } from './Header';
import { ErrorScreen, LoadingScreen } from './StatusScreens';
import { Toasts } from './toasts';
import { routeOf, titleOf } from './routes';

export function App() {
  const loc = location.value;
  const st = status.value;
  const mainRef = useRef<HTMLElement>(null);
  const lastPath = useRef(loc.path);

  useEffect(() => {
    document.title = `${titleOf(loc.path)} · Eventory`;
    // After a link is followed, start at the top and tell screen readers where they are; typing in a filter
    // (a replace) must not move focus.
    if (loc.pushed && lastPath.current !== loc.path) {
      window.scrollTo(0, 0);
      mainRef.current?.querySelector<HTMLElement>('h1')?.focus({ preventScroll: true });
    }
    lastPath.current = loc.path;
  }, [loc]);

  // The Storage page explains storage failures itself, so it stays reachable when the log cannot be opened.
  const storage = loc.path === '/storage';
  return (
    <>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <Header path={loc.path} />
      <div class="banners">
        <UpdateBanner />
        <StorageProblemBanner />
        {st.kind === 'ready' && <BackupReminder />}
      </div>
      <main id="main" ref={mainRef} tabIndex={-1}>
        {storage ? <StoragePage /> : st.kind === 'loading' ? <LoadingScreen /> : st.kind === 'error' ? <ErrorScreen message={st.message} /> : routeOf(loc.path)}
      </main>
      {st.kind === 'ready' && <DialogHost />}
      <Toasts />
    </>
  );
}
