// For tests of the whole app over a fresh database: start() before each test, with a second connection to look
// inside, closed and reset after it.
import { afterEach, beforeEach, vi } from 'vitest';
import { resetForTests, start } from '../../src/state/app';
import { EventoryDB } from '../../src/store/db';
import { freshDbName } from './engine';

/**
 * The app's module state reset before and after each test, with no BroadcastChannel: the engines of earlier tests
 * cannot talk to this one. For tests that start() the app themselves (on a fixture, say).
 */
export function useAppReset(): void {
  beforeEach(() => {
    vi.stubGlobal('BroadcastChannel', undefined);
    resetForTests();
  });
  afterEach(() => {
    resetForTests();
    vi.unstubAllGlobals();
  });
}

/** The started app's database name and a connection to it, current in each test. */
export function useStartedApp(): { name: string; db: EventoryDB } {
  const current = { name: '', db: undefined as unknown as EventoryDB };
  beforeEach(async () => {
    resetForTests();
    await start((current.name = freshDbName()));
    current.db = new EventoryDB(current.name);
    await current.db.open();
  });
  afterEach(() => {
    current.db.close();
    resetForTests();
    vi.unstubAllGlobals();
  });
  return current;
}
