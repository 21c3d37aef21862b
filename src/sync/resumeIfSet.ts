// At start: load the sync code only when a server is set, so that without one nothing of it runs or is fetched.
import { getMeta } from '../state/app';
import { CONFIG_KEY } from './configKey';

export async function resumeSyncIfSet(): Promise<void> {
  if (!(await getMeta(CONFIG_KEY))) return;
  const sync = await import('./index');
  await sync.resume();
}
