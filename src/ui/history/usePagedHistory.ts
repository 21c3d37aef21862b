// Newest-first pages of the log through readHistory's cursors. When the log changes (this tab, another tab, an
// import) the pages already shown are re-read in one query, so the list stays where the user scrolled to.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { InventoryEvent } from '../../domain/events';
import { logVersion, readHistory, type HistoryQuery } from '../../state/app';

export type Filter = Omit<HistoryQuery, 'cursor' | 'limit'>;

export interface Paged {
  events: InventoryEvent[];
  loading: boolean;
  error?: string;
  /** True when every matching event has been read. */
  done: boolean;
  loadMore: () => void;
}

/** Re-reading more than this after a change would stall the page; beyond it the list restarts at the top. */
const MAX_REFRESH = 1000;

const message = (err: unknown) => `Could not read the history: ${err instanceof Error ? err.message : String(err)}`;

export function usePagedHistory(filter: Filter, pageSize = 50): Paged {
  const key = JSON.stringify(filter);
  const version = logVersion.value;
  const seq = useRef(0);
  const shownFor = useRef<string | null>(null);
  const [st, setSt] = useState<{ events: InventoryEvent[]; cursor?: string; loading: boolean; error?: string }>({ events: [], loading: true });

  useEffect(() => {
    const my = ++seq.current;
    const sameFilter = shownFor.current === key;
    const limit = sameFilter ? Math.min(Math.max(pageSize, st.events.length), MAX_REFRESH) : pageSize;
    setSt((s) => (sameFilter ? { ...s, loading: true } : { events: [], loading: true }));
    readHistory({ ...filter, limit }).then(
      (r) => {
        if (seq.current !== my) return;
        shownFor.current = key;
        setSt({ events: r.events, cursor: r.cursor, loading: false });
      },
      (err: unknown) => seq.current === my && setSt((s) => ({ ...s, loading: false, error: message(err) })),
    );
    // `key` stands for `filter`; `st.events.length` is read, not a trigger.
  }, [key, version, pageSize]);

  const loadMore = () => {
    if (!st.cursor || st.loading) return;
    const my = ++seq.current;
    const cursor = st.cursor;
    setSt((s) => ({ ...s, loading: true }));
    readHistory({ ...filter, cursor, limit: pageSize }).then(
      (r) => seq.current === my && setSt((s) => ({ events: [...s.events, ...r.events], cursor: r.cursor, loading: false })),
      (err: unknown) => seq.current === my && setSt((s) => ({ ...s, loading: false, error: message(err) })),
    );
  };

  return { events: st.events, loading: st.loading, error: st.error, done: !st.loading && !st.cursor, loadMore };
}
