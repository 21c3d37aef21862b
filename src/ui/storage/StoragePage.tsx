// /storage: where the data lives, whether the browser may delete it, when it was last backed up, and which
// version runs. `children` is the export control, shown in the Backup section; without it the section links
// to the page that has it (EXPORT_PATH).
import type { ComponentChildren } from 'preact';
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { eventCount, status } from '../../state/app';
import { when } from '../format';
import { Link } from '../router';
import { changes, formatAgo, formatBytes } from '../../pwa/backup';
import { checkForUpdate, offlineError, offlineState, updateCheck, updateState } from '../../pwa/register';
import { backupDue, lastExport, lastExportLoaded, refreshBackupStatus, refreshStorage, requestPersistence, startStorageHealth, storageEstimate } from '../../pwa/storage';
import { APP_BUILD, APP_VERSION } from '../../pwa/version';
import { EXPORT_PATH } from './BackupReminder';
import './storage.css';

const NEARLY_FULL = 0.8;

const percent = (share: number | undefined): string =>
  share === undefined ? 'unknown share' : share < 0.01 ? 'less than 1%' : `${Math.round(share * 100)}%`;

export function StoragePage({ children }: { children?: ComponentChildren }) {
  useEffect(() => {
    startStorageHealth();
    void refreshStorage();
    void refreshBackupStatus();
  }, []);
  const st = status.value;
  return (
    <section class="page pwa-page" aria-labelledby="storage-title">
      <h1 id="storage-title" tabIndex={-1}>
        Storage &amp; backup
      </h1>
      {st.kind === 'error' && (
        <div class="pwa-alert pwa-actions" role="alert">
          <span>{st.message}</span>
          <button type="button" class="btn btn-secondary btn-small" onClick={() => window.location.reload()}>
            Reload
          </button>
        </div>
      )}
      <BackupSection>{children}</BackupSection>
      <DeviceSection />
      <VersionSection />
    </section>
  );
}

function BackupSection({ children }: { children?: ComponentChildren }) {
  const last = lastExport.value;
  const advice = backupDue.value;
  const now = new Date();
  return (
    <section class="card pwa-card" aria-labelledby="backup-title">
      <h2 id="backup-title">Backup</h2>
      <dl class="pwa-facts">
        <dt>Changes in the log</dt>
        <dd data-testid="event-count">{status.value.kind === 'ready' ? eventCount.value.toLocaleString('en') : '…'}</dd>
        <dt>Last export</dt>
        <dd data-testid="last-export">
          {!lastExportLoaded.value
            ? '…'
            : last
              ? `${formatAgo(now, last.at)} (${when(last.at)}), ${changes(last.eventCount)}`
              : 'Never'}
        </dd>
      </dl>
      {advice ? (
        <p class="pwa-note pwa-note-warn" role="status">{advice.message}</p>
      ) : (
        <p class="pwa-note">
          An export is a file with every change ever made. Keep it somewhere other than this browser; importing it on
          any device restores the inventory and its history.
        </p>
      )}
      <div class="pwa-actions">
        {children ?? (
          <Link to={EXPORT_PATH} class="btn btn-primary">
            Export a backup…
          </Link>
        )}
      </div>
    </section>
  );
}

function DeviceSection() {
  const est = storageEstimate.value;
  const asked = useSignal<'idle' | 'asking' | 'denied'>('idle');
  const ask = async () => {
    asked.value = 'asking';
    asked.value = (await requestPersistence()) ? 'idle' : 'denied';
  };
  const share = est.usage !== undefined && est.quota ? est.usage / est.quota : undefined;
  return (
    <section class="card pwa-card" aria-labelledby="device-title">
      <h2 id="device-title">Storage on this device</h2>
      {!est.supported ? (
        <p class="pwa-note">This browser does not say how much it stores or whether it may clear Eventory's data. Export backups regularly.</p>
      ) : (
        <>
          {est.error && <p class="pwa-alert" role="alert">{est.error}</p>}
          <dl class="pwa-facts">
            <dt>Persistent storage</dt>
            <dd data-testid="persisted">
              {est.persisted === undefined ? '…' : est.persisted ? 'Granted' : 'Not granted'}
            </dd>
            <dt>Used</dt>
            <dd data-testid="usage">
              {est.usage === undefined || est.quota === undefined
                ? '…'
                : `${formatBytes(est.usage)} of ${formatBytes(est.quota)} available to this site (${percent(share)})`}
            </dd>
          </dl>
          {share !== undefined && share >= 0.01 && (
            <meter class="pwa-meter" min={0} max={1} high={NEARLY_FULL} value={share} aria-label="Share of storage used" />
          )}
          {share !== undefined && share >= NEARLY_FULL && (
            <p class="pwa-note pwa-note-warn" role="alert">
              Storage is nearly full. New changes may fail to save: export a backup and free disk space.
            </p>
          )}
          {est.persisted ? (
            <p class="pwa-note">The browser will keep Eventory's data even when the disk runs low.</p>
          ) : (
            est.persisted === false && (
              <>
                <p class="pwa-note">
                  Without persistent storage the browser may clear Eventory's data when the disk runs low. Ask for it,
                  and keep exporting backups either way.
                </p>
                <div class="pwa-actions">
                  <button type="button" class="btn btn-secondary" disabled={asked.value === 'asking'} onClick={() => void ask()}>
                    Ask to keep data persistent
                  </button>
                </div>
                {asked.value === 'denied' && (
                  <p class="pwa-note" role="status">
                    The browser declined for now. Browsers grant it more readily to installed apps and sites you use
                    often; installing Eventory usually helps.
                  </p>
                )}
              </>
            )
          )}
        </>
      )}
    </section>
  );
}

const OFFLINE_TEXT = {
  unsupported: 'Not available in this browser: Eventory needs the network to open.',
  installing: 'Preparing…',
  ready: 'Yes: Eventory opens without a network.',
  error: 'No',
} as const;

const CHECK_TEXT = {
  idle: '',
  checking: 'Checking…',
  'up-to-date': 'You have the latest version.',
  failed: 'Could not check for updates (offline?).',
} as const;

function VersionSection() {
  const waiting = updateState.value.kind !== 'none';
  return (
    <section class="card pwa-card" aria-labelledby="version-title">
      <h2 id="version-title">Offline &amp; updates</h2>
      <dl class="pwa-facts">
        <dt>Works offline</dt>
        <dd data-testid="offline-ready">{OFFLINE_TEXT[offlineState.value]}</dd>
        <dt>Version</dt>
        <dd>
          {APP_VERSION} <span class="pwa-muted" data-testid="app-build">build {APP_BUILD}</span>
        </dd>
      </dl>
      {offlineError.value && <p class="pwa-alert" role="alert">{offlineError.value}</p>}
      <div class="pwa-actions">
        <button type="button" class="btn btn-secondary" disabled={updateCheck.value === 'checking'} onClick={() => void checkForUpdate()}>
          Check for updates
        </button>
        <span role="status" class="pwa-muted">
          {waiting ? 'A new version is ready: see the banner above.' : CHECK_TEXT[updateCheck.value]}
        </span>
      </div>
    </section>
  );
}
