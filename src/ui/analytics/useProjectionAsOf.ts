// A projection as of the moment viewed (time travel, `?at=`): for now, the memoized answer that advances with
// every append; for a past moment, a fold of the history up to it, redone when the moment or the log changes.
import { useEffect, useState } from 'preact/hooks';
import type { Projection } from '../../domain/projections/projection';
import { logVersion } from '../../state/app';
import { projection, projectionAt } from '../../state/projections';
import { viewAt } from '../../state/timeTravel';

export interface AsOf<S> {
  /** The answer; undefined while it is being folded. */
  value: S | undefined;
  /** The past moment shown (RFC 3339), or undefined for now. */
  at: string | undefined;
  error?: string;
}

type Past<S> = { at: string; version: number; value?: S; error?: string };

export function useProjectionAsOf<S>(p: Projection<S>): AsOf<S> {
  const at = viewAt.value;
  const version = logVersion.value;
  const [past, setPast] = useState<Past<S> | undefined>(undefined);
  useEffect(() => {
    if (at === undefined) return;
    let current = true;
    projectionAt(p, at).then(
      (value) => current && setPast({ at, version, value }),
      (err: unknown) => current && setPast({ at, version, error: `Could not read the history up to that moment: ${err instanceof Error ? err.message : String(err)}` }),
    );
    return () => {
      current = false;
    };
  }, [p, at, version]);
  if (at === undefined) return { value: projection(p).value, at };
  const fresh = past?.at === at && past.version === version ? past : undefined;
  return { value: fresh?.value, at, error: fresh?.error };
}
