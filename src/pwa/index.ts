// What the app needs from the PWA layer at startup: the service worker and the watch on storage health. Its
// screens (banners, the Storage page) are in ui/storage.
import { registerPwa } from './register';
import { startStorageHealth } from './storage';

export { refreshBackupStatus } from './storage';

/** Registers the service worker and starts watching storage health. Call once, after `start()`. */
export function startPwa(): void {
  registerPwa();
  startStorageHealth();
}
