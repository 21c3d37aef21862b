// The inventory's note on codes that a merge left on more than one listed item (spec 2.1: a merge that does so is
// kept and shown as a conflict): which code, on which items, each a link to the item whose page explains the fix.
import { Fragment } from 'preact';
import { useMemo } from 'preact/hooks';
import { codeConflicts } from '../../domain/listed';
import type { Item } from '../../domain/inventory';
import { Link, itemPath } from '../router';

export function CodeConflicts({ items, at }: { items: readonly Item[]; at?: string | undefined }) {
  const shared = useMemo(() => [...codeConflicts(items)], [items]);
  if (shared.length === 0) return null;
  const href = (item: Item) => itemPath(item.id, at);
  return (
    <div class="conflict-panel" role="note" aria-labelledby="code-conflicts-title">
      <h2 id="code-conflicts-title">Conflict: codes on more than one item</h2>
      <p>Logs of two devices were merged, and each gave a code to a different item. Edit one of them and remove the code, so that scanning it opens the right item.</p>
      <ul>
        {shared.map(([code, holders]) => (
          <li key={code}>
            Code <code>{code}</code> is on{' '}
            {holders.map((item, i) => (
              <Fragment key={item.id}>
                {i > 0 && (i === holders.length - 1 ? ' and ' : ', ')}
                <Link to={href(item)}>{item.name}</Link>
              </Fragment>
            ))}
            .
          </li>
        ))}
      </ul>
    </div>
  );
}
