// Sync with the user's own CouchDB: the one entry point, loaded on first use (the sync page, or a start with a
// server configured). Until a server is set, nothing here runs and no request leaves the app's origin.
import { signal, type ReadonlySignal } from '@preact/signals';
import { checkDatabase, normalizeUrl, signIn } from './connect';
import { CouchClient } from './couch';
import { forgetServer, readConfig, writeConfig, type SyncConfig } from './ledger';
import { isLive, startLive, stopLive, syncNow as nextRound, syncStatus } from './live';

export { syncStatus };
export type { SyncConfig };
export type { SyncPhase, SyncStatus } from './live';

const config$ = signal<SyncConfig | undefined>(undefined);
/** The configured server, or undefined when sync is off. */
export const syncConfig: ReadonlySignal<SyncConfig | undefined> = config$;

export type Outcome = { ok: true } | { ok: false; error: string };

/** At start: resumes syncing with the server set earlier (the browser still holds the session, or not). */
export async function resume(): Promise<void> {
  config$.value = await readConfig();
  if (config$.value && !isLive()) startLive(config$.value);
}

/**
 * Signs in (when a username is given; a server open to all needs none), checks or sets up the database, keeps
 * the URL and username (never the password) and starts syncing.
 */
export async function connect(input: { url: string; user?: string; password?: string }): Promise<Outcome> {
  const url = normalizeUrl(input.url, location.origin);
  if (!url.ok) return url;
  const client = new CouchClient(url.url);
  const user = input.user?.trim() || undefined;
  if (user) {
    const signed = await signIn(client, user, input.password ?? '');
    if (!signed.ok) return signed;
  }
  const checked = await checkDatabase(client, true);
  if (!checked.ok) return checked;
  const config: SyncConfig = { url: url.url, ...(user ? { user } : {}) };
  await writeConfig(config);
  config$.value = config;
  startLive(config);
  await nextRound();
  return { ok: true };
}

/** After the server ended the session: signs in again and goes on where sync stopped. */
export async function signInAgain(password: string): Promise<Outcome> {
  const config = config$.value;
  if (!config?.user) return { ok: false, error: 'No server is set up: enter its address first.' };
  const signed = await signIn(new CouchClient(config.url), config.user, password);
  if (!signed.ok) return signed;
  startLive(config);
  await nextRound();
  return { ok: true };
}

/** Pushes and pulls now (restarting sync after an error), and resolves when that round is over. */
export async function syncNow(): Promise<void> {
  const config = config$.value;
  if (!config) return;
  if (!isLive()) startLive(config);
  await nextRound();
}

/** Stops syncing and forgets the server; the log on this device and the data on the server are untouched. */
export async function stopSyncing(): Promise<void> {
  stopLive();
  await forgetServer();
  config$.value = undefined;
}
