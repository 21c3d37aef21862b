import { describe, expect, it } from 'vitest';
import { quantityOverTime, quantitySeries } from '../../src/domain/projections/quantityOverTime';
import { project } from '../../src/domain/projections/run';
import { eventLog } from './build';
import { expectIncrementalEqualsScratch } from './arbitraries';

const ms = (iso: string) => Date.parse(iso);

describe('quantityOverTime', () => {
  it('has a point per change of the total, none for moves or edits, and the last one per millisecond', () => {
    const log = eventLog();
    log.at('2026-03-01T09:00:00Z', 'ItemCreated', { itemId: 'a', name: 'A' });
    log.at('2026-03-01T10:00:00Z', 'StockAdded', { itemId: 'a', quantity: 5, location: 'X' });
    log.at('2026-03-01T11:00:00Z', 'StockMoved', { itemId: 'a', quantity: 5, from: 'X', to: 'Y' });
    log.at('2026-03-01T12:00:00Z', 'ItemUpdated', { itemId: 'a', changes: { name: { from: 'A', to: 'B' } } });
    log.at('2026-03-02T09:00:00Z', 'StockRemoved', { itemId: 'a', quantity: 2, location: 'Y' });
    log.at('2026-03-02T09:00:00Z', 'StockCounted', { itemId: 'a', counted: 1, location: 'Y' });
    log.at('2026-03-03T09:00:00+02:00', 'StockAdded', { itemId: 'b', quantity: 1 });
    const acc = project(quantityOverTime, log.events);
    expect(quantitySeries(acc, 'a')).toEqual({
      times: [ms('2026-03-01T09:00:00Z'), ms('2026-03-01T10:00:00Z'), ms('2026-03-02T09:00:00Z')],
      quantities: [0, 5, 1],
    });
    expect(quantitySeries(acc, 'b')).toEqual({ times: [ms('2026-03-03T07:00:00Z')], quantities: [1] });
    expect(quantitySeries(acc, 'nope')).toBeUndefined();
  });

  it('leaves out undone events', () => {
    const log = eventLog();
    log.add('StockAdded', { itemId: 'a', quantity: 5 });
    const r = log.add('StockRemoved', { itemId: 'a', quantity: 5 });
    expect(quantitySeries(project(quantityOverTime, log.events, new Set([r.id])), 'a')!.quantities).toEqual([5]);
  });

  it('folded incrementally in chunks equals a fold from scratch', () => {
    expectIncrementalEqualsScratch(quantityOverTime, (acc) => acc.byItem);
  });
});
