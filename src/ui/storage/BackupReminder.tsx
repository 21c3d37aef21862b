// A quiet nudge to export when the log has grown without a backup (rules in backup.ts). `action` is the
// export button when the shell has one to hand; otherwise the reminder links to the page that has it.
import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { Link, location } from '../router';
import { backupDue, showBackupReminder, snoozeBackupReminder, startStorageHealth } from '../../pwa/storage';
import { useDockSpace } from './dockSpace';
import './storage.css';

/** The route of the Export button (src/ui/io, mounted by the shell). */
export const EXPORT_PATH = '/data';
const STORAGE_PATH = '/storage';

export function BackupReminder({ action }: { action?: ComponentChildren }) {
  useEffect(startStorageHealth, []);
  const dock = useDockSpace();
  const advice = backupDue.value;
  // The Storage page gives the same advice in place.
  if (!showBackupReminder.value || !advice || location.value.path === STORAGE_PATH) return null;
  return (
    <div ref={dock} class="pwa-banner pwa-banner-backup" role="status" data-testid="backup-reminder">
      <p class="pwa-banner-text">{advice.message}</p>
      <div class="pwa-banner-actions">
        {action ?? (
          <Link to={EXPORT_PATH} class="btn btn-primary btn-small">
            Back up now
          </Link>
        )}
        <button type="button" class="btn btn-secondary btn-small" onClick={snoozeBackupReminder}>
          Later
        </button>
      </div>
    </div>
  );
}
