// The meta key whose presence means "a server is set": read at start without loading the sync code.
// WARNING: stored on devices; renaming it needs a migration.
export const CONFIG_KEY = 'sync.config';
