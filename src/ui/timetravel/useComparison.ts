// The two states a comparison needs, re-read when the log changes (a late or imported event can change either
// moment). Latest wins: a slow answer for moments no longer asked for is dropped.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { InventoryState } from '../../domain/inventory';
import { diffStates, type StateDiff } from '../../domain/projections/compareStates';
import { inventory, logVersion, stateAt } from '../../state/app';

export type Comparison = { kind: 'idle' } | { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'done'; diff: StateDiff; after: InventoryState };

/** Compares the inventory at `from` with the one at `to` (undefined: now). */
export function useComparison(from: string | undefined, to: string | undefined): Comparison {
  const version = logVersion.value;
  const seq = useRef(0);
  const [res, setRes] = useState<Comparison>({ kind: 'idle' });
  useEffect(() => {
    if (!from) {
      setRes({ kind: 'idle' });
      return;
    }
    const my = ++seq.current;
    setRes((r) => (r.kind === 'done' ? r : { kind: 'loading' }));
    Promise.all([stateAt(from), to ? stateAt(to) : Promise.resolve(inventory.peek())]).then(
      ([before, after]) => my === seq.current && setRes({ kind: 'done', diff: diffStates(before, after), after }),
      (err: unknown) => my === seq.current && setRes({ kind: 'error', message: `Could not rebuild the inventory at those moments: ${err instanceof Error ? err.message : String(err)}` }),
    );
  }, [from, to, version]);
  return res;
}
