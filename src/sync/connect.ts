// Setting up a server: sign in (CouchDB's cookie session), then make sure the database is Eventory's. A new or
// empty database is claimed with a marker document; one holding anything else is refused, so that Eventory never
// mixes its batches into another application's data.
import { CouchClient, type Couch } from './couch';
import { describeFailure, NOT_EVENTORY } from './messages';

export const MARKER_ID = 'eventory';
export const MARKER = { eventory: 'event-log', version: 1, about: 'Eventory event log: batches of events (eventory-batch-<sha256 of their lines>).' } as const;

export type Checked = { ok: true; client: CouchClient } | { ok: false; error: string; kind: 'input' | 'auth' | 'server' };

/** The database URL as typed, made absolute (a path is on this origin), or why it cannot be one. */
export function normalizeUrl(input: string, base: string): { ok: true; url: string } | { ok: false; error: string } {
  let url: URL;
  try {
    url = new URL(input.trim(), base);
  } catch {
    return { ok: false, error: `"${input}" is not a URL. Enter the address of a CouchDB database, e.g. https://example.org/couchdb/eventory.` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, error: 'The server address must start with https:// (or http:// for a server on this computer).' };
  const name = decodeURIComponent(url.pathname.replace(/\/+$/, '').split('/').pop() ?? '');
  // CouchDB's rule for database names.
  if (!/^[a-z][a-z0-9_$()+/-]*$/.test(name)) {
    return { ok: false, error: 'The address must end with the name of the database (lower-case letters, digits and _$()+-/, starting with a letter), e.g. https://example.org/couchdb/eventory.' };
  }
  if (url.username || url.password) return { ok: false, error: 'Put the username and password in their own fields, not in the address: the password is never stored.' };
  return { ok: true, url: `${url.origin}${url.pathname.replace(/\/+$/, '')}` };
}

export async function signIn(client: CouchClient, user: string, password: string): Promise<Checked> {
  const res = await client.signIn(user, password);
  return res.ok ? { ok: true, client } : { ok: false, kind: res.kind === 'unauthorized' ? 'auth' : 'server', error: describeFailure(res, client.db, 'sign-in') };
}

/** Checks that the database is Eventory's, creating it and claiming it when it is new or empty. */
export async function checkDatabase(client: CouchClient, claim: boolean): Promise<Checked> {
  const fail = (res: Couch<unknown> & { ok: false }): Checked => ({ ok: false, kind: res.kind === 'unauthorized' ? 'auth' : 'server', error: describeFailure(res, client.db, 'sync') });
  const marker = await client.getDoc(MARKER_ID);
  if (!marker.ok) return fail(marker);
  if (marker.value.doc) return marker.value.doc.eventory === MARKER.eventory ? { ok: true, client } : { ok: false, kind: 'server', error: NOT_EVENTORY(client.db) };
  if (!claim) return { ok: false, kind: 'server', error: NOT_EVENTORY(client.db) };
  if (marker.value.dbMissing) {
    const made = await client.createDb();
    if (!made.ok && (made.kind === 'unauthorized' || made.kind === 'forbidden')) {
      return { ok: false, kind: 'server', error: `The database at ${client.db} does not exist, and only a CouchDB admin may create it. Create it (e.g. in CouchDB's Fauxton), add this user to its members, and try again. Nothing was sent.` };
    }
    if (!made.ok) return fail(made);
  } else {
    const some = await client.someIds(1);
    if (!some.ok) return fail(some);
    if (some.value.length > 0) return { ok: false, kind: 'server', error: NOT_EVENTORY(client.db) };
  }
  const put = await client.putDoc({ _id: MARKER_ID, ...MARKER });
  // Another device claimed it at the same moment: its marker is as good as ours.
  if (!put.ok && !(put.kind === 'http' && put.status === 409)) return fail(put);
  return { ok: true, client };
}
