// Housekeeping after a start (called by the PWA layer's storage health, loaded once the app is idle): imported
// files that no page refers to any more are deleted. Such files were left by releases that never deleted them,
// or released by a write of the import worker, which may be ended before its own deletion finishes.
import { engine, inBackground, status } from './app';

export function deleteUnusedImportFiles(): void {
  // A start that failed has no log to tidy (its error is already on screen).
  if (status.peek().kind !== 'ready') return;
  inBackground(engine().store.deleteUnreferencedFiles(), 'deleting imported files no longer needed');
}
