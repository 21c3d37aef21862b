// The event log download (a button named "Export" that downloads a .json file), with progress for
// long logs and the time of the last export, so a user knows how fresh their backup is.
import { useEffect, useRef, useState } from 'preact/hooks';
import { LAST_EXPORT_KEY, exportLog, type LastExport } from '../../io/exportLog';
import { refreshBackupStatus } from '../../pwa/storage';
import { eventCount, getMeta, status } from '../../state/app';
import { plural, when } from '../format';
import { toast } from '../shell/toasts';
import { ProgressLine } from './ProgressLine';

type Outcome = { ok: true; text: string } | { ok: false; text: string } | undefined;

export function ExportSection() {
  const [last, setLast] = useState<LastExport | undefined>();
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState({ done: 0, total: 0 });
  const [outcome, setOutcome] = useState<Outcome>();
  const abort = useRef<AbortController>();
  const mounted = useRef(true);
  const ready = status.value.kind === 'ready';

  useEffect(() => {
    if (ready) void getMeta<LastExport>(LAST_EXPORT_KEY).then(setLast, () => undefined);
  }, [ready]);
  useEffect(() => {
    mounted.current = true;
    // An export keeps going when the user leaves the page (the download still comes); its outcome is a toast.
    return () => void (mounted.current = false);
  }, []);

  const run = async () => {
    const ctrl = new AbortController();
    abort.current = ctrl;
    setBusy(true);
    setOutcome(undefined);
    setProgress({ done: 0, total: eventCount.value });
    const res = await exportLog({ signal: ctrl.signal, onProgress: (done, total) => setProgress({ done, total }) }).finally(() => setBusy(false));
    // The backup reminder (src/pwa) reads "last export" once; tell it there is a new one.
    if (res.ok) void refreshBackupStatus();
    const text = res.ok ? `Exported ${plural(res.eventCount, 'event')} to ${res.filename}.` : res.error;
    if (!mounted.current) {
      toast({ tone: res.ok ? 'ok' : 'error', message: text });
      return;
    }
    setOutcome({ ok: res.ok, text });
    if (res.ok) setLast(await getMeta<LastExport>(LAST_EXPORT_KEY).catch(() => undefined));
  };

  const count = eventCount.value;
  const since = last ? count - last.eventCount : 0;
  return (
    <section class="card io-section" aria-labelledby="export-title">
      <h2 id="export-title">Export the event log</h2>
      <p>
        One file with every change ever recorded here ({plural(count, 'event')}), to keep as a backup or to import on another device. Importing
        it merges: nothing already there is doubled.
      </p>
      <div class="io-row">
        <button type="button" class="btn btn-primary" onClick={run} disabled={busy || !ready}>
          Export event log (.json)
        </button>
        {busy && (
          <button type="button" class="btn btn-secondary" onClick={() => abort.current?.abort()}>
            Cancel export
          </button>
        )}
      </div>
      {busy && <ProgressLine label="Exporting…" done={progress.done} total={progress.total} />}
      {/* aria-live rather than role="status": role="status" is the import's outcome, which scripts look for. */}
      <p aria-live="polite" class={outcome && !outcome.ok ? 'form-alert' : 'io-done'}>
        {outcome?.text}
      </p>
      <p class="muted io-last">
        {last
          ? `Last export: ${when(last.at)} (${plural(last.eventCount, 'event')}${since > 0 ? `; ${plural(since, 'event')} added since` : ''}).`
          : 'Not exported from this device yet.'}
      </p>
    </section>
  );
}
