// Entry point: render the shell at once (it shows the loading state) and open the log in parallel.
import { render } from 'preact';
import { startPwa } from './pwa';
import { start } from './state/app';
import { App } from './ui/shell/App';
import './ui/styles.css';

render(<App />, document.getElementById('app')!);

// A failure sets `status` to 'error' with a message for the user, which the shell shows. The service worker is
// registered either way, so that a fixed version of the app can still arrive.
start()
  .catch((err: unknown) => console.error('Eventory could not start', err))
  .finally(startPwa);
