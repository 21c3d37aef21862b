// The imports made on this device, newest first, each with "Undo this import": a mistaken import is taken back
// in one step. Like any undo it appends EventsReverted, so the imported events stay in the log, shown undone,
// and Redo (in the toast) brings them back. Re-read whenever the log changes (an import, an undo, another tab).
import { useEffect, useRef, useState } from 'preact/hooks';
import { logVersion } from '../../state/app';
import { importStatus, listImports } from '../../state/logReads';
import { when } from '../format';
import { undoImportNamed } from '../undoWhole';

type PastImport = Awaited<ReturnType<typeof listImports>>[number];
type Status = Awaited<ReturnType<typeof importStatus>>;
type Row = PastImport & { status: Status };

/** Enough for the usual few; the rest behind a button so a long-used device does not get a wall of rows. */
const SHOWN = 10;

async function load(): Promise<Row[]> {
  const list = await listImports();
  const statuses = await Promise.all(list.map((i) => importStatus(i.id)));
  return list.map((i, n) => ({ ...i, status: statuses[n]! }));
}

const rowId = (id: string) => `import-${id}`;

export function PastImports() {
  const version = logVersion.value;
  const [rows, setRows] = useState<Row[]>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState<string>();
  const [all, setAll] = useState(false);
  const seq = useRef(0);

  useEffect(() => {
    const my = ++seq.current;
    load().then(
      (r) => {
        if (seq.current !== my) return;
        setRows(r);
        setError(undefined);
      },
      (err: unknown) => seq.current === my && setError(`Could not read the list of imports: ${err instanceof Error ? err.message : String(err)}`),
    );
  }, [version]);

  const undoRow = async (row: Row) => {
    setBusy(row.id);
    const done = await undoImportNamed(row);
    setBusy(undefined);
    // The button goes away with the undo; keep keyboard focus on the row, which now says "Undone".
    if (done) document.getElementById(rowId(row.id))?.focus();
  };

  const shown = rows && !all ? rows.slice(0, SHOWN) : rows;
  return (
    <section class="card io-section" aria-labelledby="past-imports-title">
      <h2 id="past-imports-title">Past imports</h2>
      {error && (
        <p role="alert" class="form-alert">
          {error}
        </p>
      )}
      {rows && rows.length === 0 && <p class="muted">Nothing has been imported on this device yet.</p>}
      {shown && shown.length > 0 && (
        <>
          <p>Undo an import to take back everything it added in one step. Its events stay in the history, marked undone, and can be redone.</p>
          <ul class="past-imports">
            {shown.map((row) => (
              <ImportRow key={row.id} row={row} busy={busy === row.id} onUndo={() => void undoRow(row)} />
            ))}
          </ul>
        </>
      )}
      {rows && !all && rows.length > SHOWN && (
        <div class="io-row">
          <button type="button" class="btn btn-secondary" onClick={() => setAll(true)}>
            Show all {rows.length.toLocaleString()} imports
          </button>
        </div>
      )}
    </section>
  );
}

function ImportRow({ row, busy, onUndo }: { row: Row; busy: boolean; onUndo: () => void }) {
  const date = when(row.at);
  const undoable = row.status === 'active' || row.status === 'partly';
  const label = row.status === 'partly' ? 'Undo the rest of this import' : 'Undo this import';
  return (
    <li class={`past-import${row.status === 'undone' ? ' past-import-undone' : ''}`} id={rowId(row.id)} tabIndex={-1}>
      <div class="past-import-what">
        <span class="past-import-name">{row.name}</span>
        <time dateTime={row.at} class="muted">
          {date}
        </time>
      </div>
      <div class="past-import-counts">
        {row.added.toLocaleString()} added, {row.skipped.toLocaleString()} already there
        {row.status === 'undone' && <span class="badge badge-muted">Undone</span>}
        {row.status === 'partly' && <span class="badge badge-low">Partly undone</span>}
      </div>
      {undoable && (
        <button type="button" class="btn btn-secondary btn-small" disabled={busy} aria-label={`${label}: “${row.name}” (${date})`} onClick={onUndo}>
          {label}
        </button>
      )}
    </li>
  );
}
