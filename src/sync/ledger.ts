// What this device remembers about syncing, in the log's metadata (never the password: the session cookie is the
// browser's). WARNING: these keys and shapes are read by every later release; a change needs a migration here.
import { getMeta, setMeta } from '../state/app';
import { deleteMeta } from '../state/logReads';

import { CONFIG_KEY } from './configKey';

const STATE_KEY = 'sync.state';
const PUSHED_KEY = 'sync.pushed.';

export interface SyncConfig {
  /** The database URL, e.g. https://example.org/couchdb/eventory or /couchdb/eventory on this origin. */
  url: string;
  /** Who signed in (shown, and offered when signing in again); absent for a server that needs no sign-in. */
  user?: string;
}

export interface SyncState {
  /** The server this state is about: a new URL starts afresh. */
  url: string;
  /** The `_changes` sequence up to which every batch has been imported (or reported). */
  since: string | number;
  /** The log's version (its count of writes) up to which every local write is on the server. */
  pushedVersion: number;
  /** Versions after pushedVersion that were writes of pulled batches (those are on the server already). */
  pullVersions: number[];
  /** Number of parts of pushed ids kept (PUSHED_KEY + i): what was sent, for when the journal cannot tell. */
  pushedParts: number;
  lastSyncAt?: string;
  /** Batches that could not be imported, with why; each is tried again with the next batches that arrive. */
  rejected: { id: string; error: string }[];
}

export const readConfig = (): Promise<SyncConfig | undefined> => getMeta<SyncConfig>(CONFIG_KEY);
export const writeConfig = (config: SyncConfig): Promise<void> => setMeta(CONFIG_KEY, config);

export async function readState(url: string): Promise<SyncState> {
  const known = await getMeta<SyncState>(STATE_KEY);
  if (known?.url === url) return known;
  return { url, since: 0, pushedVersion: 0, pullVersions: [], pushedParts: 0, rejected: [] };
}

export const writeState = (state: SyncState): Promise<void> => setMeta(STATE_KEY, state);

/** Ids per part of pushed ids: small pushes fill the last part, so a part is one row of at most ~2 MB. */
const PUSHED_PART = 50_000;

export async function addPushedIds(state: SyncState, ids: readonly string[]): Promise<void> {
  if (state.pushedParts > 0) {
    const lastKey = PUSHED_KEY + (state.pushedParts - 1);
    const last = JSON.parse((await getMeta<string>(lastKey)) ?? '[]') as string[];
    if (last.length + ids.length <= PUSHED_PART) return setMeta(lastKey, JSON.stringify(last.concat(ids)));
  }
  await setMeta(PUSHED_KEY + state.pushedParts, JSON.stringify(ids));
  state.pushedParts++;
}

export async function* pushedIdParts(state: SyncState): AsyncGenerator<string[]> {
  for (let i = 0; i < state.pushedParts; i++) {
    const part = await getMeta<string>(PUSHED_KEY + i);
    if (part) yield JSON.parse(part) as string[];
  }
}

/** Stop syncing: forget the server and everything about it (the log itself is untouched). */
export async function forgetServer(): Promise<void> {
  const known = await getMeta<SyncState>(STATE_KEY);
  for (let i = 0; i < (known?.pushedParts ?? 0); i++) await deleteMeta(PUSHED_KEY + i);
  await deleteMeta(STATE_KEY);
  await deleteMeta(CONFIG_KEY);
}
