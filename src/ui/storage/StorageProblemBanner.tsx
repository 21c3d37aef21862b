// Problems of the database shared by all tabs: an upgrade blocked by an old tab, this tab outdated by a newer
// one, a full disk. The message comes from src/state; this only shows it with the one action that helps.
import { status, storageProblem } from '../../state/app';
import { Link } from '../router';
import './storage.css';

export function StorageProblemBanner() {
  const problem = storageProblem.value;
  const st = status.value;
  // When the problem stopped the app, the page itself shows the same message: say it once.
  if (!problem || (st.kind === 'error' && st.message === problem.message)) return null;
  return (
    <div class={`pwa-banner pwa-banner-problem pwa-banner-${problem.kind}`} role="alert" data-testid="storage-problem">
      <p class="pwa-banner-text">{problem.message}</p>
      <div class="pwa-banner-actions">
        {(problem.kind === 'outdated' || problem.kind === 'background') && (
          <button type="button" class="btn btn-primary btn-small" onClick={() => window.location.reload()}>
            Reload this tab
          </button>
        )}
        {problem.kind === 'quota' && (
          <Link to="/storage" class="btn btn-secondary btn-small">
            See storage
          </Link>
        )}
      </div>
    </div>
  );
}
