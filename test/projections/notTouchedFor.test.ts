import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyState, fold } from '../../src/domain/inventory';
import { notTouchedFor } from '../../src/domain/projections/notTouchedFor';
import { DAY_MS } from '../../src/domain/projections/time';
import { eventLog } from './build';
import { history } from './arbitraries';

describe('notTouchedFor', () => {
  const log = eventLog();
  log.at('2026-01-01T00:00:00Z', 'ItemCreated', { itemId: 'old', name: 'Old' });
  log.at('2026-01-02T00:00:00Z', 'ItemCreated', { itemId: 'older', name: 'Older' });
  log.at('2026-01-03T00:00:00Z', 'ItemCreated', { itemId: 'new', name: 'New' });
  log.at('2026-01-04T00:00:00Z', 'StockAdded', { itemId: 'old', quantity: 3 });
  const late = log.at('2026-02-20T00:00:00Z', 'StockAdded', { itemId: 'new', quantity: 1 });
  log.at('2026-02-21T00:00:00Z', 'ItemArchived', { itemId: 'older' });
  const now = Date.parse('2026-03-01T12:00:00Z');

  it('lists listed items whose last event is at least N days before now, longest idle first', () => {
    const rows = notTouchedFor(fold(emptyState(), log.events), now, 30);
    expect(rows.map((r) => [r.item.id, r.idleDays, r.quantity, r.lastEvent])).toEqual([['old', 56, 3, '2026-01-04T00:00:00.000Z']]);
  });

  it('an undone event does not count as a touch', () => {
    const rows = notTouchedFor(fold(emptyState(), log.events, new Set([late.id])), now, 30);
    expect(rows.map((r) => r.item.id)).toEqual(['new', 'old']);
  });

  it('for any history and threshold, lists exactly the listed items idle that long', () => {
    fc.assert(
      fc.property(history, fc.integer({ min: 0, max: 60 }), ({ events, skip }, days) => {
        const state = fold(emptyState(), events, skip);
        const end = Date.parse('2026-04-01T00:00:00Z');
        const listed = new Set(notTouchedFor(state, end, days).map((r) => r.item.id));
        for (const item of state.items.values()) {
          const idle = end - Date.parse(item.updatedAt) >= days * DAY_MS;
          expect(listed.has(item.id)).toBe(item.known && !item.archived && idle);
        }
      }),
    );
  });
});
