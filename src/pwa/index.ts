// What the shell needs from the PWA layer: one call at startup and the components to mount.
import { registerPwa } from './register';
import { startStorageHealth } from './storage';

export { BackupReminder } from './BackupReminder';
export { StoragePage } from './StoragePage';
export { StorageProblemBanner } from './StorageProblemBanner';
export { UpdateBanner } from './UpdateBanner';
export { refreshBackupStatus } from './storage';

/** Registers the service worker and starts watching storage health. Call once, after `start()`. */
export function startPwa(): void {
  registerPwa();
  startStorageHealth();
}
