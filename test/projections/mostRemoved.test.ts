import { describe, expect, it } from 'vitest';
import { mostRemoved, NO_REASON, removalReasons, topRemoved } from '../../src/domain/projections/mostRemoved';
import { project } from '../../src/domain/projections/run';
import { eventLog } from './build';
import { expectIncrementalEqualsScratch } from './arbitraries';

describe('mostRemoved', () => {
  it('totals removals per item with a breakdown by reason, spellings of one reason merged', () => {
    const log = eventLog();
    log.add('StockAdded', { itemId: 'flour', quantity: 50 });
    log.add('StockRemoved', { itemId: 'flour', quantity: 5, reason: 'used' });
    log.add('StockRemoved', { itemId: 'flour', quantity: 2, reason: 'Spoiled ' });
    log.add('StockRemoved', { itemId: 'flour', quantity: 3, reason: 'spoiled' });
    log.add('StockRemoved', { itemId: 'rope', quantity: 1 });
    log.add('StockRemoved', { itemId: 'rope', quantity: 4, reason: 'sold' });
    const acc = project(mostRemoved, log.events);
    expect(topRemoved(acc)).toEqual([
      { itemId: 'flour', quantity: 10, reasons: [{ reason: 'spoiled', quantity: 5 }, { reason: 'used', quantity: 5 }] },
      { itemId: 'rope', quantity: 5, reasons: [{ reason: 'sold', quantity: 4 }, { reason: NO_REASON, quantity: 1 }] },
    ]);
    expect(removalReasons(acc)).toEqual([
      { reason: 'spoiled', quantity: 5 },
      { reason: 'used', quantity: 5 },
      { reason: 'sold', quantity: 4 },
      { reason: NO_REASON, quantity: 1 },
    ]);
  });

  it('leaves out undone removals and counts that find less', () => {
    const log = eventLog();
    log.add('StockAdded', { itemId: 'x', quantity: 10 });
    const r = log.add('StockRemoved', { itemId: 'x', quantity: 4, reason: 'lost' });
    log.add('StockCounted', { itemId: 'x', counted: 1 });
    expect(topRemoved(project(mostRemoved, log.events, new Set([r.id])))).toEqual([]);
  });

  it('folded incrementally in chunks equals a fold from scratch', () => {
    expectIncrementalEqualsScratch(mostRemoved, (acc) => ({ top: topRemoved(acc, 100), reasons: removalReasons(acc) }));
  });
});
