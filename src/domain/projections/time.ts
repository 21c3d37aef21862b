// Times of events as numbers for projections and charts. Event times are RFC 3339 with any offset and up to
// nanosecond precision; the history key's normalised UTC prefix is the one parse every view agrees on.
import { timeKey } from '../history';

export const DAY_MS = 86_400_000;

/** Epoch milliseconds (UTC) of an RFC 3339 time; NaN when it is not one. */
export function msOf(time: string): number {
  const k = timeKey(time);
  return k === undefined ? Number.NaN : Date.parse(`${k.slice(0, 23)}Z`);
}

/** Days since the epoch of the UTC day holding `ms`: projections bucket by UTC day so every device agrees. */
export const utcDay = (ms: number): number => Math.floor(ms / DAY_MS);

/** `YYYY-MM-DD` of a UTC day number. */
export const dayLabel = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

// Running totals of decimals drift (0.1 + 0.2); rounding each step keeps a from-scratch fold and an
// incremental one bit-identical, since both round after the same sequence of operations.
export const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;
