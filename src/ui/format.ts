// How numbers, places and times read in the UI. Pure, so the wording is tested without a browser.
import { UNASSIGNED, quantityOf, roundQty, type Item } from '../domain/inventory';
import { compareNames } from '../lib/compareNames';

/** A quantity as a plain number ("3", "2.5", "-1"): the inventory table's cell must stay machine-readable (scripts read it). */
export const qty = (n: number): string => String(roundQty(n));

/** A signed change: "+3", "−2" (a real minus sign reads better than a hyphen). */
export const signed = (n: number): string => (n > 0 ? `+${qty(n)}` : n < 0 ? `−${qty(-n)}` : '±0');

export const locationName = (loc: string | undefined): string => (loc === undefined || loc === UNASSIGNED ? 'Unassigned' : loc);

/** "at Shelf A" or "unassigned". */
export const atLocation = (loc: string | undefined): string => (loc ? `at ${loc}` : 'unassigned');

/** Locations in display order: named ones alphabetically, the unassigned bucket last. */
export function sortedLocations(stock: Record<string, number>): [string, number][] {
  const named = Object.entries(stock)
    .filter(([l]) => l !== UNASSIGNED)
    .sort(([a], [b]) => compareNames(a, b));
  const un = stock[UNASSIGNED];
  return un === undefined ? named : [...named, [UNASSIGNED, un]];
}

/** "Shelf A 3 · Van 2 · Unassigned 1". */
export const locationBreakdown = (stock: Record<string, number>): string =>
  sortedLocations(stock)
    .map(([l, n]) => `${locationName(l)} ${qty(n)}`)
    .join(' · ');

/** The bucket a quick −1 takes from: unassigned when it has stock, else the largest location. */
export function quickRemoveLocation(item: Item): string | undefined {
  if ((item.stock[UNASSIGNED] ?? 0) > 0) return UNASSIGNED;
  let best: string | undefined;
  let most = 0;
  for (const [loc, n] of sortedLocations(item.stock)) {
    if (n > most) {
      best = loc;
      most = n;
    }
  }
  return best;
}

/** The bucket a quick +1 adds to: the one −1 would take from, so +1 then −1 is a no-op; unassigned if empty. */
export const quickAddLocation = (item: Item): string => quickRemoveLocation(item) ?? UNASSIGNED;

export const canQuickRemove = (item: Item): boolean => quantityOf(item) > 0 && quickRemoveLocation(item) !== undefined;

// Made on first use: the inventory's first render shows no time.
const timeFormats: Intl.DateTimeFormat[] = [];

/** A local, readable time; `seconds` for history rows where several events share a minute. */
export function when(iso: string, seconds = false): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const i = Number(seconds);
  timeFormats[i] ??= new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: seconds ? 'medium' : 'short' });
  return timeFormats[i]!.format(d);
}

export const plural = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString()} ${n === 1 ? one : many}`;

/** `YYYY-MM-DDTHH:MM:SS` of a Date in local time, the value format of <input type="datetime-local">. */
export function localInputValue(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/** Start (or end, inclusive) of a local calendar day given as `YYYY-MM-DD`, as an RFC 3339 UTC time. */
export function dayBoundary(day: string, end: boolean): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return undefined;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + (end ? 1 : 0));
  if (Number.isNaN(d.getTime())) return undefined;
  return new Date(d.getTime() - (end ? 1 : 0)).toISOString();
}
