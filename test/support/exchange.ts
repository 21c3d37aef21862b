// Files between engines, as two devices exchange them: the whole log exported to a file's text, and a file's
// text parsed and imported, through the same src/io and src/state code the app uses.
import { buildExport } from '../../src/io/exportFormat';
import { parseLog } from '../../src/io/parseLog';
import type { Engine } from '../../src/state/engine';
import { importEvents } from '../../src/state/importer';

/** The export file of `engine`'s whole log, stamped `exportedAt` so that two exports compare byte for byte. */
export async function exportText(engine: Engine, exportedAt: Date): Promise<string> {
  const r = await buildExport(engine.store.readRange('', '\uffff'), { exportedAt });
  if (!r.ok) throw new Error(r.error);
  return r.blob.text();
}

/** Imports a file's text; a file that does not parse is refused as parseLog refuses it. `skipped` counts the
 * file's own repeated events too, as the app reports them. */
export async function importText(engine: Engine, text: string) {
  const parsed = await parseLog(text);
  if (!parsed.ok) return parsed;
  const r = await importEvents(engine, parsed.events);
  return r.ok ? { ...r, skipped: r.skipped + parsed.duplicates } : r;
}
