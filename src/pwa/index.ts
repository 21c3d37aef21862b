// What the app needs from the PWA layer at startup: the service worker and the watch on storage health. Its
// screens (banners, the Storage page) are in ui/storage.
import { deleteUnusedImportFiles } from '../state/unusedFiles';
import { registerPwa } from './register';
import { startStorageHealth } from './storage';

export { refreshBackupStatus } from './storage';

/**
 * Registers the service worker, starts watching storage health and deletes imported files no longer needed.
 * Call once, after `start()` succeeded.
 */
export function startPwa(): void {
  registerPwa();
  startStorageHealth();
  deleteUnusedImportFiles();
}
