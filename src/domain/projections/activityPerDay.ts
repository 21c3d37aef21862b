// "How busy were we?": events per UTC day, undos included (an undo is activity), undone events excluded (they
// never happened). History is in time order, so days arrive ascending and a day is only ever appended to.
import type { Projection } from './projection';
import { msOf, utcDay } from './time';

export interface Activity {
  /** UTC day numbers with at least one event, ascending. */
  readonly days: number[];
  readonly counts: number[];
  readonly total: number;
}

export const activityPerDay: Projection<Activity> = {
  name: 'activityPerDay',
  init: () => ({ days: [], counts: [], total: 0 }),
  step(acc, { event }) {
    const day = utcDay(msOf(event.time));
    const last = acc.days.length - 1;
    if (last >= 0 && acc.days[last] === day) acc.counts[last]!++;
    else {
      acc.days.push(day);
      acc.counts.push(1);
    }
    return { ...acc, total: acc.total + 1 };
  },
};

/** The busiest days, most events first. */
export function busiestDays(acc: Activity, limit = 5): { day: number; count: number }[] {
  return acc.days
    .map((day, i) => ({ day, count: acc.counts[i]! }))
    .sort((a, b) => b.count - a.count || b.day - a.day)
    .slice(0, limit);
}
