// /scan: find an item by its code, or count or add stock by scanning (?mode=count, ?mode=add). The field takes
// what a USB or Bluetooth scanner types (a code and Enter) and what the camera reads; a code of a listed item
// opens it, the app's own label URLs open their page, an unknown code offers to create its item.
import { useEffect, useState } from 'preact/hooks';
import { findByCode } from '../../domain/codes';
import type { ScanMode } from '../../domain/scanBatch';
import { addScan, lookUp, resolveCodes, type Found } from '../../scan';
import { inventory } from '../../state/app';
import { openDialog } from '../forms/dialogs';
import { href, itemPath, Link, location, locationPath, navigate } from '../router';
import { ScanForm } from './ScanForm';
import { LocationField, SessionPanel } from './SessionPanel';
import { useScanSession } from './useScanSession';
import './scan.css';

type Mode = 'find' | ScanMode;

const MODES: { mode: Mode; label: string; to: string }[] = [
  { mode: 'find', label: 'Find', to: '/scan' },
  { mode: 'count', label: 'Count stock', to: '/scan?mode=count' },
  { mode: 'add', label: 'Add stock', to: '/scan?mode=add' },
];

type Feedback = { tone: 'ok' | 'problem'; text: string; create?: string };

const itemOfCode = (code: string) => findByCode(inventory.value.items.values(), code)?.id;

/** What `text` names here: the app's own label URLs, as served from this origin and base path, or a code. */
const read = (text: string): Found => lookUp(text, { origin: window.location.origin, base: href('') }, inventory.value.items.values());

const unexpected = (never: never): never => {
  throw new Error(`Unknown scan ${JSON.stringify(never)}`);
};

/** The item `id` when it is in the inventory list (a label of an archived item counts nothing). */
const listedItem = (id: string) => {
  const item = inventory.value.items.get(id);
  return item?.known && !item.archived ? item : undefined;
};

function Counter({ mode }: { mode: ScanMode }) {
  const [session, update] = useScanSession(mode);
  const [feedback, setFeedback] = useState<Feedback>();
  // A code scanned before its item existed joins the item's line once it does (created here or arrived).
  const resolved = resolveCodes(session, itemOfCode);
  useEffect(() => {
    if (resolved !== session) update(resolved);
  }, [resolved, session]);

  const count = (target: { itemId: string } | { code: string }, say: (n: number) => string, create?: string) => {
    const next = addScan(resolved, target);
    update(next);
    setFeedback({ tone: 'ok', text: say(next.lines[0]!.count), ...(create === undefined ? {} : { create }) });
  };
  const onScan = (text: string) => {
    const r = read(text);
    switch (r.kind) {
      case 'problem':
        return setFeedback({ tone: 'problem', text: r.message });
      case 'location':
        update({ ...resolved, location: r.name });
        return setFeedback({ tone: 'ok', text: `Location: ${r.name}` });
      case 'item': {
        const item = listedItem(r.id);
        if (!item) return setFeedback({ tone: 'problem', text: 'This label’s item is not in the inventory list (archived, or from another inventory).' });
        return count({ itemId: item.id }, (n) => `${item.name}: ${n}`);
      }
      case 'unknown':
        return count({ code: r.code }, (n) => `No item has the code “${r.code}” (scanned ${n}×). Create its item to count it.`, r.code);
      default:
        return unexpected(r);
    }
  };
  return (
    <>
      <LocationField session={resolved} update={update} />
      <ScanForm onScan={onScan} submitLabel="Add 1" />
      <Said feedback={feedback} />
      <SessionPanel session={resolved} update={update} />
    </>
  );
}

function Finder() {
  const [feedback, setFeedback] = useState<Feedback>();
  const onScan = (text: string) => {
    const r = read(text);
    switch (r.kind) {
      case 'problem':
        return setFeedback({ tone: 'problem', text: r.message });
      case 'item':
        return navigate(itemPath(r.id));
      case 'location':
        // The location's page (src/ui/locations), without loading that page's code along with this one.
        return navigate(locationPath(r.name));
      case 'unknown':
        return setFeedback({ tone: 'ok', text: `No item has the code “${r.code}”.`, create: r.code });
      default:
        return unexpected(r);
    }
  };
  return (
    <>
      <ScanForm onScan={onScan} submitLabel="Find" />
      <Said feedback={feedback} />
    </>
  );
}

/** The outcome of the last scan, in live regions that are always there (so each new text is announced). */
function Said({ feedback }: { feedback: Feedback | undefined }) {
  const code = feedback?.create;
  // Once the item is created (here, or arriving from elsewhere), the offer becomes the way to it.
  const made = code === undefined ? undefined : itemOfCode(code);
  return (
    <div class="scan-said">
      <div role="alert">{feedback?.tone === 'problem' && <p class="banner banner-error">{feedback.text}</p>}</div>
      <div role="status">
        {feedback?.tone === 'ok' && (
          <p class="scan-result">
            {made !== undefined ? (
              <>
                Created: <Link to={itemPath(made)}>{inventory.value.items.get(made)?.name}</Link> has the code “{code}”.
              </>
            ) : (
              feedback.text
            )}
            {code !== undefined && made === undefined && (
              <button type="button" class="btn btn-primary btn-small" onClick={(e) => openDialog({ kind: 'newItem', codes: code }, e.currentTarget)}>
                Create item with this code
              </button>
            )}
          </p>
        )}
      </div>
    </div>
  );
}

export function ScanPage() {
  const asked = location.value.params.get('mode');
  const mode: Mode = asked === 'count' || asked === 'add' ? asked : 'find';
  return (
    <section class="page scan-page" aria-labelledby="scan-title">
      <div class="page-head">
        <h1 id="scan-title" tabIndex={-1}>
          Scan
        </h1>
      </div>
      <nav class="scan-modes" aria-label="What scanning does">
        {MODES.map((m) => (
          <Link key={m.mode} to={m.to} class={m.mode === mode ? 'active' : undefined} aria-current={m.mode === mode ? 'page' : undefined}>
            {m.label}
          </Link>
        ))}
      </nav>
      {mode === 'find' ? <Finder key="find" /> : <Counter key={mode} mode={mode} />}
    </section>
  );
}
