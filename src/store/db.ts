// The IndexedDB database: its tables (row shapes in types.ts, upgrades in migrations.ts, layout constants in
// constants.ts). Dexie is most of the script the app needs to start, so this module loads after the shell's
// first render (src/state/app.ts), and what the start's own code needs of the layout is in constants.ts.
import Dexie, { type Table } from 'dexie';
import { DB_NAME } from './constants';
import { declareVersions } from './migrations';
import type { ImportFileRow, ImportIdsRow, ImportRow, JournalRow, MetaRow, RevertRow, SnapshotRow, StoredPage } from './types';

export * from './constants';

export class EventoryDB extends Dexie {
  pages!: Table<StoredPage, string>;
  snapshots!: Table<SnapshotRow, string>;
  reverts!: Table<RevertRow, string>;
  journal!: Table<JournalRow, number>;
  meta!: Table<MetaRow, string>;
  imports!: Table<ImportRow, string>;
  importIds!: Table<ImportIdsRow, string>;
  importFiles!: Table<ImportFileRow, string>;

  constructor(name = DB_NAME) {
    super(name);
    declareVersions(this);
  }
}
