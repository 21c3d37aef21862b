// What a user reads when syncing fails: what happened, what to do, and that nothing here was lost.
import type { CouchFailure } from './couch';

const KEPT = 'Everything on this device is kept, and is sent once syncing works again.';

export function describeFailure(f: CouchFailure, server: string, during: 'sign-in' | 'sync'): string {
  switch (f.kind) {
    case 'unauthorized':
      return during === 'sign-in'
        ? `The server refused the username or password (HTTP 401). Check them and try again. Nothing was sent.`
        : `The server signed you out (HTTP 401: the session ended, or the password changed). Enter your password to sync again. ${KEPT}`;
    case 'forbidden':
      return `The server does not let this user read and write the database at ${server} (${f.reason}). Ask its administrator to add the user to the database's members. ${KEPT}`;
    case 'unreachable':
      return `Could not reach the server at ${server}: check the address and that the server is running. (A server on another origin must also allow this app in its CORS settings, and this app must be deployed with it in its connect-src: see the README.) ${KEPT}`;
    case 'http':
      return `The server at ${server} answered with an error (${f.status ? `HTTP ${f.status}: ` : ''}${f.reason}). ${KEPT}`;
    case 'aborted':
      return `Syncing was stopped. ${KEPT}`;
    default: {
      const never: never = f;
      return never;
    }
  }
}

export const NOT_EVENTORY = (server: string) =>
  `The database at ${server} holds other data: it is not an Eventory database (it has no Eventory marker document). Nothing was sent. Enter the URL of an Eventory database, or of a new one (Eventory sets up an empty or new database itself).`;

export const rejectedBatch = (r: { id: string; error: string }) => `Batch ${r.id} from the server was skipped, and nothing of it was applied: ${r.error}`;
