import { describe, expect, it } from 'vitest';
import { burnRate, burnRates } from '../../src/domain/projections/burnRate';
import { project } from '../../src/domain/projections/run';
import { eventLog } from './build';
import { expectIncrementalEqualsScratch } from './arbitraries';

describe('burnRate', () => {
  const log = eventLog();
  log.at('2026-01-01T08:00:00Z', 'ItemCreated', { itemId: 'flour', name: 'Flour' });
  log.at('2026-01-01T08:01:00Z', 'StockAdded', { itemId: 'flour', quantity: 100 });
  log.at('2026-01-05T08:00:00Z', 'StockRemoved', { itemId: 'flour', quantity: 40 }); // outside a 30-day window
  log.at('2026-03-01T08:00:00Z', 'StockRemoved', { itemId: 'flour', quantity: 20 });
  log.at('2026-03-20T08:00:00Z', 'StockRemoved', { itemId: 'flour', quantity: 10 });
  log.at('2026-03-20T09:00:00Z', 'StockCounted', { itemId: 'flour', counted: 20 }); // a correction, not use
  log.at('2026-03-25T08:00:00Z', 'ItemCreated', { itemId: 'salt', name: 'Salt' });
  log.at('2026-03-25T08:01:00Z', 'StockAdded', { itemId: 'salt', quantity: 10 });
  log.at('2026-03-26T08:00:00Z', 'StockRemoved', { itemId: 'salt', quantity: 6 });
  log.at('2026-03-30T12:00:00Z', 'ItemCreated', { itemId: 'idle', name: 'Idle' });
  const acc = project(burnRate, log.events);

  it('averages removals over the last 30 days of history and says when the stock runs out', () => {
    // Window: 2026-03-01 .. 2026-03-30 (the last event's day). Flour: 30 over 30 days = 1/day, 20 left.
    // Salt exists since 2026-03-25: 6 over 6 days = 1/day, 4 left -> runs out first.
    expect(burnRates(acc)).toEqual([
      { itemId: 'salt', removed: 6, days: 6, perDay: 1, quantity: 4, runsOutInDays: 4 },
      { itemId: 'flour', removed: 30, days: 30, perDay: 1, quantity: 20, runsOutInDays: 20 },
    ]);
  });

  it('takes the end of the window (now) and its length as parameters', () => {
    const rows = burnRates(acc, { end: Date.parse('2026-04-28T00:00:00Z'), windowDays: 30 });
    expect(rows).toEqual([]);
    // 11 days: 2026-03-20 .. 2026-03-30 holds flour's last removal only.
    const recent = burnRates(acc, { windowDays: 11 });
    expect(recent.map((r) => [r.itemId, r.removed, r.days])).toEqual([
      ['salt', 6, 6],
      ['flour', 10, 11],
    ]);
    expect(recent[1]!.runsOutInDays).toBeCloseTo(22);
  });

  it('leaves out archived items and is empty for an empty log', () => {
    const more = eventLog('2026-04-01T00:00:00Z');
    more.add('ItemArchived', { itemId: 'salt' });
    const after = project(burnRate, [...log.events, ...more.events]);
    expect(burnRates(after).map((r) => r.itemId)).toEqual(['flour']);
    expect(burnRates(project(burnRate, []))).toEqual([]);
  });

  it('folded incrementally in chunks equals a fold from scratch', () => {
    expectIncrementalEqualsScratch(burnRate, (a) => ({ rows: burnRates(a), week: burnRates(a, { windowDays: 2 }), last: a.lastMs }));
  });
});
