// Import: an <input type="file"> that accepts .json, or a file dropped on the area. The outcome
// is shown in role="status" (counts) or role="alert" (the error); the whole file is checked before anything
// is written, so an error means the log is exactly as it was.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { describeImport, importLogFile, type ImportProgress } from '../../io/importLog';
import { status } from '../../state/app';
import { Link } from '../router';
import { toast } from '../shell/toasts';
import { ProgressLine } from './ProgressLine';

type Outcome = { ok: true; text: string } | { ok: false; text: string } | undefined;

const PHASE_LABEL: Record<ImportProgress['phase'], string> = {
  reading: 'Reading the file…',
  checking: 'Checking every event…',
  writing: 'Merging into the log…',
  saving: 'Saving; updating the inventory…',
  applying: 'Saved; updating the inventory…',
  snapshots: 'Saved; preparing time travel…',
};

/** Phases after the write began to commit: a cancel could no longer take the events back. */
const AFTER_COMMIT = new Set<ImportProgress['phase']>(['saving', 'applying', 'snapshots']);

const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');

export function ImportSection() {
  const [busy, setBusy] = useState(false);
  const [over, setOver] = useState(false);
  const [progress, setProgress] = useState<ImportProgress>({ phase: 'reading', done: 0, total: 0 });
  const [outcome, setOutcome] = useState<Outcome>();
  const abort = useRef<AbortController>();
  const mounted = useRef(true);
  const ready = status.value.kind === 'ready';

  // A file dropped beside the area would otherwise replace the app with the file's text.
  useEffect(() => {
    const stop = (e: DragEvent) => {
      if (hasFiles(e)) e.preventDefault();
    };
    window.addEventListener('dragover', stop);
    window.addEventListener('drop', stop);
    mounted.current = true;
    return () => {
      window.removeEventListener('dragover', stop);
      window.removeEventListener('drop', stop);
      // An import keeps going when the user leaves the page; its outcome then comes as a toast.
      mounted.current = false;
    };
  }, []);

  const report = (o: NonNullable<Outcome>) => {
    if (mounted.current) setOutcome(o);
    else toast({ tone: o.ok ? 'ok' : 'error', message: o.ok ? o.text : `Import: ${o.text}` });
  };

  const run = async (file: File) => {
    const ctrl = new AbortController();
    abort.current = ctrl;
    setBusy(true);
    setOutcome(undefined);
    setProgress({ phase: 'reading', done: 0, total: file.size });
    try {
      const res = await importLogFile(file, { signal: ctrl.signal, onProgress: setProgress });
      report(res.ok ? { ok: true, text: describeImport(res.added, res.skipped, res.future) } : { ok: false, text: res.error });
    } catch (err) {
      // A bug, not a bad file: say so rather than leave the page busy forever. The engine wrote nothing.
      console.error(err);
      report({ ok: false, text: `The import failed unexpectedly (${err instanceof Error ? err.message : String(err)}). Nothing was changed.` });
    } finally {
      setBusy(false);
    }
  };

  const choose = (e: JSX.TargetedEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const file = input.files?.[0];
    // Cleared so that choosing the same file again (after fixing it) is a change too.
    input.value = '';
    if (file) void run(file);
  };

  const drop = (e: JSX.TargetedDragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setOver(false);
    if (busy || !ready) return;
    const files = e.dataTransfer?.files;
    if (!files || files.length === 0) return;
    if (files.length > 1) setOutcome({ ok: false, text: 'Drop one file at a time.' });
    else void run(files[0]!);
  };

  return (
    <section class="card io-section" aria-labelledby="import-title">
      <h2 id="import-title">Import</h2>
      <p>
        Import an Eventory export from another device (or an older backup), or an event list from the Python inventory tutorial. Events already
        here are skipped; every new event takes its place in history by its time.
      </p>
      <div
        class={`io-drop${over ? ' io-drop-over' : ''}`}
        onDragOver={(e) => {
          if (!hasFiles(e)) return;
          e.preventDefault();
          if (e.dataTransfer) e.dataTransfer.dropEffect = busy ? 'none' : 'copy';
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={drop}
      >
        <label for="import-file" class="io-drop-label">
          Choose a file to import (.json)
        </label>
        <input id="import-file" type="file" accept=".json,application/json" onChange={choose} disabled={busy || !ready} />
        <p class="muted io-drop-hint">or drop it here</p>
      </div>
      {busy && (
        <div class="io-row">
          <ProgressLine label={PHASE_LABEL[progress.phase]} done={progress.done} total={progress.total} />
          {/* Once the events are saved a cancel could not take them back (Undo in "Past imports" can). */}
          {!AFTER_COMMIT.has(progress.phase) && (
            <button type="button" class="btn btn-secondary" onClick={() => abort.current?.abort()}>
              Cancel import
            </button>
          )}
        </div>
      )}
      <p role="status" class="io-done">
        {outcome?.ok ? outcome.text : ''}
      </p>
      {outcome?.ok && (
        <p class="io-next">
          <Link to="/">See the inventory</Link>
        </p>
      )}
      {outcome && !outcome.ok && (
        <p role="alert" class="form-alert">
          {outcome.text}
        </p>
      )}
    </section>
  );
}
