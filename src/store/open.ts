// The store as the app opens it: loaded on its own after the shell's first render (src/state/app.ts), since
// Dexie is most of the script the start needs.
export { EventoryDB } from './db';
export { EventStore } from './eventStore';
