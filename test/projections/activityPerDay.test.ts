import { describe, expect, it } from 'vitest';
import { activityPerDay, busiestDays } from '../../src/domain/projections/activityPerDay';
import { project } from '../../src/domain/projections/run';
import { dayLabel } from '../../src/domain/projections/time';
import { eventLog } from './build';
import { expectIncrementalEqualsScratch } from './arbitraries';

describe('activityPerDay', () => {
  it('counts events per UTC day, undos included and undone events left out', () => {
    const log = eventLog();
    log.at('2026-03-01T23:59:59.999Z', 'ItemCreated', { itemId: 'a', name: 'A' });
    log.at('2026-03-02T00:30:00+01:00', 'StockAdded', { itemId: 'a', quantity: 1 }); // 2026-03-01 23:30 UTC
    const x = log.at('2026-03-02T00:00:00Z', 'StockAdded', { itemId: 'a', quantity: 1 });
    log.at('2026-03-02T01:00:00Z', 'EventsReverted', { eventIds: [x.id] });
    log.at('2026-03-05T01:00:00Z', 'StockRemoved', { itemId: 'a', quantity: 1 });
    log.at('2026-03-05T02:00:00Z', 'StockRemoved', { itemId: 'a', quantity: 1 });
    // The +01:00 event sorts before 03-01T23:59:59.999Z in history; the test list is in file order, so sort.
    const events = [log.events[1]!, log.events[0]!, ...log.events.slice(2)];
    const acc = project(activityPerDay, events, new Set([x.id]));
    expect(acc.days.map(dayLabel)).toEqual(['2026-03-01', '2026-03-02', '2026-03-05']);
    expect(acc.counts).toEqual([2, 1, 2]);
    expect(acc.total).toBe(5);
    expect(busiestDays(acc, 2).map((d) => [dayLabel(d.day), d.count])).toEqual([
      ['2026-03-05', 2],
      ['2026-03-01', 2],
    ]);
  });

  it('folded incrementally in chunks equals a fold from scratch', () => {
    expectIncrementalEqualsScratch(activityPerDay, (acc) => acc);
  });
});
