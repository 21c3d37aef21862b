// "A new version is ready": a non-modal bar the shell keeps on screen. It reloads only when clicked. The
// shell's command forms are modal dialogs, so nobody can click it with a half-filled form open.
import { storageProblem } from '../../state/app';
import { applyUpdate, postponeUpdate, updateState } from '../../pwa/register';
import { useDockSpace } from './dockSpace';
import './storage.css';

export function UpdateBanner() {
  const dock = useDockSpace();
  const state = updateState.value;
  // The storage banner already tells an outdated tab to reload; one message is enough.
  if (state.kind === 'none' || (state.kind === 'activated-elsewhere' && storageProblem.value?.kind === 'outdated')) return null;
  const message =
    state.kind === 'activated-elsewhere'
      ? 'Eventory was updated in another tab. Reload this tab to use the new version.'
      : 'A new version of Eventory is ready.';
  return (
    <div ref={dock} class="pwa-banner pwa-banner-update" role="status" aria-live="polite" data-testid="update-banner">
      <p class="pwa-banner-text">{message}</p>
      <div class="pwa-banner-actions">
        <button type="button" class="btn btn-primary btn-small" disabled={state.kind === 'applying'} onClick={() => void applyUpdate()}>
          {state.kind === 'applying' ? 'Updating…' : state.kind === 'activated-elsewhere' ? 'Reload this tab' : 'Reload to update'}
        </button>
        {state.kind === 'waiting' && (
          <button type="button" class="btn btn-secondary btn-small" onClick={postponeUpdate}>
            Later
          </button>
        )}
      </div>
    </div>
  );
}
