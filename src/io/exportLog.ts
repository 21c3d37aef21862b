// "Export" of the import/export page: the whole log (every device's events, reverted ones included) in history
// order, downloaded as eventory-<YYYY-MM-DD>.json, and remembered as the last export.
import { eventCount, setMeta } from '../state/app';
import { exportText } from '../state/logReads';
import { downloadBlob, localDate } from './download';
import { buildExport, type BuildOptions } from './exportFormat';

export interface LastExport {
  at: string;
  eventCount: number;
}
export const LAST_EXPORT_KEY = 'lastExport';

export type ExportResult = { ok: true; eventCount: number; filename: string } | { ok: false; error: string };

export async function exportLog(opts: Pick<BuildOptions, 'signal' | 'onProgress'> = {}): Promise<ExportResult> {
  const now = new Date();
  try {
    const built = await buildExport(exportText(), { ...opts, total: eventCount.value, exportedAt: now });
    if (!built.ok) return built;
    const filename = `eventory-${localDate(now)}.json`;
    downloadBlob(built.blob, filename);
    const last: LastExport = { at: now.toISOString(), eventCount: built.eventCount };
    await setMeta(LAST_EXPORT_KEY, last);
    return { ok: true, eventCount: built.eventCount, filename };
  } catch (err) {
    const detail = err instanceof Error && err.message ? ` (${err.message})` : '';
    return { ok: false, error: `The export could not be made: reading the log failed${detail}. Reload the page and try again.` };
  }
}
