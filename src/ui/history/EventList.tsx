// A list of events, newest first: when, what changed, on which item; undone events struck through; Undo/Redo,
// and for an event that is one of several of one action (a `correlationid`), Undo of the whole group.
import { useEffect, useRef, useState } from 'preact/hooks';
import { EVENT_LABELS, type InventoryEvent } from '../../domain/events';
import { itemIdOf } from '../../domain/touches';
import { inventory, revertedIds } from '../../state/app';
import { redoEvent, undoEvent } from '../actions';
import { changeLine, eventSentence } from '../describe';
import { plural, when } from '../format';
import { Link, itemPath } from '../router';
import { undoGroupOf } from '../undoWhole';
import { groupCounts } from './eventFilters';
import './history.css';
import type { Paged } from './usePagedHistory';

interface Props {
  paged: Paged;
  /** Show the item's name with each event (the whole-log history); not needed on an item's own page. */
  showItem: boolean;
  /** Load further pages when the end of the list scrolls into view. */
  infinite?: boolean;
  emptyText: string;
  /** The list is the whole log, unfiltered: once fully read, it holds every event of each group. */
  wholeLog?: boolean;
  /** No Undo/Redo (a page showing the past). */
  readOnly?: boolean;
}

export function EventList({ paged, showItem, infinite = false, emptyText, wholeLog = false, readOnly = false }: Props) {
  const byId = new Map(paged.events.map((e) => [e.id, e]));
  // Group sizes are only certain when every event is in the list; elsewhere the button does not give a number.
  const sizes = wholeLog && paged.done ? groupCounts(paged.events) : undefined;
  return (
    <div class="events">
      {paged.error && (
        <p class="form-alert" role="alert">
          {paged.error}
        </p>
      )}
      {paged.events.length === 0 && !paged.loading && !paged.error && <p class="muted empty-small">{emptyText}</p>}
      <ol class="event-list">
        {paged.events.map((e) => (
          <EventRow key={e.id} e={e} showItem={showItem} byId={byId} readOnly={readOnly} groupSize={e.correlationid === undefined ? undefined : sizes?.get(e.correlationid)} />
        ))}
      </ol>
      <div class="list-end">
        {paged.loading && <p class="muted" role="status">Loading…</p>}
        {!paged.loading && !paged.done && (
          <button type="button" class="btn btn-secondary" onClick={paged.loadMore}>
            Load more
          </button>
        )}
        {paged.done && paged.events.length > 0 && <p class="muted">That is the beginning of the history.</p>}
        {/* Re-created after each page: an observer reports only changes, and the end may still be in view. */}
        {infinite && !paged.done && !paged.loading && <Sentinel key={paged.events.length} onVisible={paged.loadMore} />}
      </div>
    </div>
  );
}

function Sentinel({ onVisible }: { onVisible: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  const latest = useRef(onVisible);
  latest.current = onVisible;
  useEffect(() => {
    const io = new IntersectionObserver((entries) => entries.some((x) => x.isIntersecting) && latest.current(), { rootMargin: '400px' });
    io.observe(ref.current!);
    return () => io.disconnect();
  }, []);
  return <div ref={ref} class="sentinel" aria-hidden="true" />;
}

const known = (ids: readonly string[], byId: Map<string, InventoryEvent>): InventoryEvent[] =>
  ids.map((id) => byId.get(id)).filter((x): x is InventoryEvent => x !== undefined);

/**
 * An undo of plain events undoes them; an undo of an undo redoes what that one undid; an undo of a redo undoes
 * again. Returns which, and the plain events in the end concerned (those in the list), following the chain.
 */
function undoKind(e: InventoryEvent, byId: Map<string, InventoryEvent>, depth = 0): { redo: boolean; events: InventoryEvent[]; n: number } {
  if (e.type !== 'EventsReverted') return { redo: false, events: [e], n: 1 };
  const targets = known(e.data.eventIds, byId);
  if (depth > 20 || targets.length === 0 || !targets.every((t) => t.type === 'EventsReverted')) return { redo: false, events: targets, n: e.data.eventIds.length };
  const inner = targets.map((t) => undoKind(t, byId, depth + 1));
  return { redo: !inner[0]!.redo, events: inner.flatMap((i) => i.events), n: inner.reduce((sum, i) => sum + i.n, 0) };
}

/**
 * What an undo row says it did: "Undid: Added 3 × Sword", or for a redo "Redid: Added 3 × Sword" with the change
 * line "Redo of 1 change" (it read "Undo of 1 change / Undid: Undid 1 change").
 */
function undoWording(e: InventoryEvent, byId: Map<string, InventoryEvent>): { change: string; targets?: string } | undefined {
  if (e.type !== 'EventsReverted') return undefined;
  const { redo, events, n } = undoKind(e, byId);
  const lookup = (id: string) => inventory.value.items.get(id);
  const list = events.slice(0, 3).map((t) => eventSentence(t, lookup)).join('; ') + (events.length > 3 ? '; …' : '');
  const why = e.data.reason ? ` (${e.data.reason})` : '';
  return {
    change: `${redo ? 'Redo' : 'Undo'} of ${plural(n, 'change')}${why}`,
    ...(events.length ? { targets: `${redo ? 'Redid' : 'Undid'}: ${list}` } : {}),
  };
}

interface RowProps {
  e: InventoryEvent;
  showItem: boolean;
  byId: Map<string, InventoryEvent>;
  /** Events in e's group, when known for certain. */
  groupSize: number | undefined;
  readOnly: boolean;
}

function EventRow({ e, showItem, byId, groupSize, readOnly }: RowProps) {
  const undone = revertedIds.value.has(e.id);
  const [busy, setBusy] = useState(false);
  const itemId = itemIdOf(e);
  const item = itemId === undefined ? undefined : inventory.value.items.get(itemId);
  const sentence = eventSentence(e, (id) => inventory.value.items.get(id));
  const wording = undoWording(e, byId);
  const change = wording?.change ?? changeLine(e, item?.unit);
  const act = async (run: () => Promise<unknown>) => {
    setBusy(true);
    await run();
    setBusy(false);
  };
  // A group of one is just the event: its own Undo says it all.
  const group = e.correlationid !== undefined && !undone && groupSize !== 1;
  return (
    <li class={`event${undone ? ' event-undone' : ''}`}>
      <div class="event-meta">
        <time dateTime={e.time}>{when(e.time, true)}</time>
        <span class={`event-type type-${e.type}`}>{EVENT_LABELS[e.type]}</span>
        {undone && <span class="badge badge-muted">undone</span>}
      </div>
      <div class="event-main">
        {showItem && itemId !== undefined && (
          <Link to={itemPath(itemId)} class="event-item">
            {item?.name ?? itemId}
          </Link>
        )}
        <span class="event-change">{undone ? <s>{change}</s> : change}</span>
        {wording?.targets && <span class="event-targets">{wording.targets}</span>}
      </div>
      {!readOnly && (
        <div class="event-action event-actions">
          <button
            type="button"
            class="btn btn-small btn-secondary"
            disabled={busy}
            aria-label={`${undone ? 'Redo' : 'Undo'} “${sentence}”`}
            onClick={() => void act(() => (undone ? redoEvent(e) : undoEvent(e)))}
          >
            {undone ? 'Redo' : 'Undo'}
          </button>
          {group && (
            <button
              type="button"
              class="btn btn-small btn-secondary"
              disabled={busy}
              aria-label={groupSize === undefined ? 'Undo group: every event of this action' : `Undo all ${groupSize} events of this action`}
              onClick={() => void act(() => undoGroupOf(e))}
            >
              {groupSize === undefined ? 'Undo group' : `Undo all ${groupSize}`}
            </button>
          )}
        </div>
      )}
    </li>
  );
}
