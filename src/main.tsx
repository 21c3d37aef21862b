// Entry point: render the shell at once (it shows the loading state) and open the log in parallel.
import { render } from 'preact';
import { compareNames } from './lib/compareNames';
import { savingChange, start } from './state/app';
import { App } from './ui/shell/App';
import { whenIdle } from './ui/lazy';
import { listenForShortcuts } from './ui/shell/shortcutKeys';
import './ui/styles.css';

render(<App />, document.getElementById('app')!);
listenForShortcuts();
// A collator takes a while to make (more on a phone) and the first render of the inventory sorts names: made in a
// task of its own while the store's code loads, not in that render.
setTimeout(() => compareNames('', ''), 0);

// A change is shown before its write commits (src/state/engine.ts foldAhead). Leaving the page in that moment
// would abort the write, so the browser asks first ("Changes you made may not be saved").
addEventListener('beforeunload', (e) => {
  if (savingChange.peek()) e.preventDefault();
});

// A failure sets `status` to 'error' with a message for the user, which the shell shows. The service worker is
// registered either way, so that a fixed version of the app can still arrive; its code loads once the browser
// is idle, after the inventory is on screen (the initial JavaScript budget).
start()
  // Sync (src/sync) loads only when a server is set: without one, no request leaves this origin.
  .then(() => import('./sync/resumeIfSet').then((m) => m.resumeSyncIfSet()))
  .catch((err: unknown) => console.error('Eventory could not start', err))
  .finally(() =>
    whenIdle(() =>
      import('./pwa').then(
        (m) => m.startPwa(),
        (err: unknown) => console.error('Eventory could not load its offline support', err),
      ),
    ),
  );
