// /sync: set up syncing with the user's own CouchDB (spec §6: a field labelled "Server…", a "Sync" button, the
// outcome in role="status"/role="alert"), see how it goes, sign in again, or stop. The sync code loads with
// this page (or at start when a server is set): until then no request leaves the app's origin.
import { useEffect, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { connect, resume, signInAgain, stopSyncing, syncConfig, syncNow, syncStatus } from '../../sync';
import { status } from '../../state/app';
import { ProgressLine } from '../io/ProgressLine';
import { SyncState } from './SyncState';
import './sync.css';

export function SyncPage() {
  const config = syncConfig.value;
  const ready = status.value.kind === 'ready';
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    if (ready) void resume().finally(() => setLoaded(true));
  }, [ready]);
  return (
    <section class="page sync-page">
      <div class="page-head">
        <h1 tabIndex={-1}>Sync</h1>
        <p class="muted">Keep this device and your other devices in step through your own CouchDB server. Off until you set a server.</p>
      </div>
      {!loaded ? <p class="muted">Loading…</p> : config ? <Connected url={config.url} user={config.user} /> : <SetUp />}
    </section>
  );
}

function SetUp() {
  const [url, setUrl] = useState('');
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const submit = async (e: JSX.TargetedEvent<HTMLFormElement>) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    const res = await connect({ url, user, password });
    setPassword('');
    setBusy(false);
    if (!res.ok) setError(res.error);
  };
  return (
    <form class="card sync-form" onSubmit={submit}>
      <div class="field">
        <label for="sync-url">Server (CouchDB database URL)</label>
        <input id="sync-url" type="url" required value={url} placeholder="https://example.org/couchdb/eventory" onInput={(e) => setUrl(e.currentTarget.value)} disabled={busy} />
        <p class="field-hint">The address of a database on your CouchDB. A new or empty database is set up for Eventory.</p>
      </div>
      <div class="field-row">
        <div class="field">
          <label for="sync-user">Username</label>
          <input id="sync-user" autoComplete="username" value={user} onInput={(e) => setUser(e.currentTarget.value)} disabled={busy} />
        </div>
        <div class="field">
          <label for="sync-password">Password</label>
          <input id="sync-password" type="password" autoComplete="current-password" value={password} onInput={(e) => setPassword(e.currentTarget.value)} disabled={busy} />
        </div>
      </div>
      <p class="field-hint">The password is sent once to sign in and never stored: the server's session cookie stays with this browser.</p>
      <div class="form-buttons">
        <button type="submit" class="btn btn-primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sync with this server'}
        </button>
      </div>
      <p role="status" class="sync-outcome">
        {busy ? 'Connecting to the server…' : ''}
      </p>
      {error && (
        <p role="alert" class="form-alert">
          {error}
        </p>
      )}
    </form>
  );
}

function Connected({ url, user }: { url: string; user?: string }) {
  const st = syncStatus.value;
  const [busy, setBusy] = useState(false);
  const [password, setPassword] = useState('');
  const [signInError, setSignInError] = useState<string>();
  const run = async (task: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await task();
    } finally {
      setBusy(false);
    }
  };
  const again = (e: JSX.TargetedEvent<HTMLFormElement>) => {
    e.preventDefault();
    void run(async () => {
      const res = await signInAgain(password);
      setPassword('');
      setSignInError(res.ok ? undefined : res.error);
    });
  };
  return (
    <div class="card sync-connected">
      <p>
        Syncing with <strong class="sync-url">{url}</strong>
        {user && <> as {user}</>}.
      </p>
      <SyncState status={st} />
      {st.progress && <ProgressLine label={st.progress.label} done={st.progress.done} total={st.progress.total} />}
      {st.phase === 'signed-out' && user && (
        <form class="sync-form" onSubmit={again}>
          <div class="field">
            <label for="sync-password-again">Password for {user}</label>
            <input id="sync-password-again" type="password" autoComplete="current-password" value={password} onInput={(e) => setPassword(e.currentTarget.value)} disabled={busy} />
          </div>
          <div class="form-buttons">
            <button type="submit" class="btn btn-primary" disabled={busy}>
              Sign in again
            </button>
          </div>
          {signInError && (
            <p role="alert" class="form-alert">
              {signInError}
            </p>
          )}
        </form>
      )}
      <div class="form-buttons">
        <button type="button" class="btn btn-primary" disabled={busy} onClick={() => void run(syncNow)}>
          Sync now
        </button>
        <button type="button" class="btn btn-secondary" disabled={busy} onClick={() => void run(stopSyncing)}>
          Stop syncing
        </button>
      </div>
      <p class="field-hint">Stop syncing forgets the server on this device. Nothing is deleted here or on the server.</p>
    </div>
  );
}
