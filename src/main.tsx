// Entry point: render the shell at once (it shows the loading state) and open the log in parallel.
import { render } from 'preact';
import { start } from './state/app';
import { App } from './ui/shell/App';
import { whenIdle } from './ui/lazy';
import './ui/styles.css';

render(<App />, document.getElementById('app')!);

// A failure sets `status` to 'error' with a message for the user, which the shell shows. The service worker is
// registered either way, so that a fixed version of the app can still arrive; its code loads once the browser
// is idle, after the inventory is on screen (issue 6: initial JavaScript).
start()
  .catch((err: unknown) => console.error('Eventory could not start', err))
  .finally(() =>
    whenIdle(() =>
      import('./pwa').then(
        (m) => m.startPwa(),
        (err: unknown) => console.error('Eventory could not load its offline support', err),
      ),
    ),
  );
