// How syncing goes, in words: role="status" for the state, role="alert" for what needs the user.
import type { SyncStatus } from '../../sync';
import { formatCount } from '../../io/describe';
import { when } from '../format';


function summary(st: SyncStatus): string {
  switch (st.phase) {
    case 'off':
      return 'Not syncing.';
    case 'starting':
      return 'Connecting to the server…';
    case 'pushing':
      return 'Sending the changes made here…';
    case 'pulling':
      return 'Receiving changes from the server…';
    case 'waiting': {
      const moved = st.last && (st.last.sent || st.last.added) ? ` Sent ${formatCount(st.last.sent)} and received ${formatCount(st.last.added)} new event${st.last.added === 1 ? '' : 's'}.` : '';
      return `In sync: changes are sent and received as they happen.${moved}`;
    }
    case 'offline':
      return 'Offline: changes made here are kept and sent when the connection returns.';
    case 'other-tab':
      return 'Another open Eventory tab is syncing; its changes show here too.';
    case 'signed-out':
      return 'Not syncing: signed out.';
    case 'error':
      return 'Not syncing right now.';
    default: {
      const never: never = st.phase;
      return never;
    }
  }
}

export function SyncState({ status }: { status: SyncStatus }) {
  return (
    <>
      <p role="status" class="sync-outcome">
        {summary(status)}
      </p>
      {/* Outside the live region: it changes with every quiet round (each ~25 s), which is no news to announce. */}
      {status.lastSyncAt && <p class="muted sync-outcome">Last synced {when(status.lastSyncAt, true)}.</p>}
      {status.error && (
        <p role="alert" class="form-alert">
          {status.error}
        </p>
      )}
      {status.skipped.length > 0 && (
        <div role="alert" class="form-alert sync-skipped">
          {status.skipped.map((s) => (
            <p key={s}>{s}</p>
          ))}
        </div>
      )}
    </>
  );
}
