// How analytics numbers read. Pure, so the wording is tested without a browser.
import { NO_REASON } from '../../domain/projections/mostRemoved';
import { DAY_MS, dayLabel } from '../../domain/projections/time';

/** "runs out in about 4 days", "is out of stock", "runs out within a day". */
export function runsOut(days: number): string {
  if (days <= 0) return 'is out of stock';
  if (days < 1) return 'runs out within a day';
  const n = Math.round(days);
  return `runs out in about ${n.toLocaleString()} ${n === 1 ? 'day' : 'days'}`;
}

/** A use rate: "1.5 a day", "0.03 a day". */
export function perDay(rate: number): string {
  const digits = rate >= 10 ? 0 : rate >= 1 ? 1 : 2;
  return `${rate.toLocaleString(undefined, { maximumFractionDigits: digits, minimumFractionDigits: 0 })} a day`;
}

/** Money without a currency (the log records none): two decimals at most. */
export const amount = (v: number): string => v.toLocaleString(undefined, { minimumFractionDigits: 0, maximumFractionDigits: 2 });

export const reasonLabel = (reason: string): string => (reason === NO_REASON ? 'no reason given' : reason);

// The date part of format.ts `when` (the app's one date style, tested so), here rather than there because only
// analytics needs it and format.ts is in the initial bundle.
const utcDay = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });

/** A UTC day as a readable date ("Mar 5, 2026"), for day-bucketed projections. */
export const dayName = (day: number): string => utcDay.format(day * DAY_MS);

/** ISO date for <time dateTime>. */
export const dayIso = dayLabel;
