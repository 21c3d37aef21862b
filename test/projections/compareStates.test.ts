import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyState, fold, roundQty } from '../../src/domain/inventory';
import { diffStates } from '../../src/domain/projections/compareStates';
import { eventLog } from './build';
import { history } from './arbitraries';

describe('diffStates', () => {
  it('names created, archived, restored and renamed items and each quantity change by location', () => {
    const log = eventLog();
    log.add('ItemCreated', { itemId: 's', name: 'Sword' });
    log.add('ItemCreated', { itemId: 'r', name: 'Rope' });
    log.add('ItemCreated', { itemId: 'o', name: 'Old' });
    log.add('StockAdded', { itemId: 's', quantity: 5, location: 'Shelf' });
    log.add('ItemArchived', { itemId: 'o' });
    const cut = log.events.length;
    log.add('ItemCreated', { itemId: 'n', name: 'Net' });
    log.add('StockAdded', { itemId: 'n', quantity: 2 });
    log.add('StockMoved', { itemId: 's', quantity: 2, from: 'Shelf', to: 'Van' });
    log.add('StockRemoved', { itemId: 's', quantity: 1, location: 'Van' });
    log.add('ItemUpdated', { itemId: 'r', changes: { name: { from: 'Rope', to: 'Cord' } } });
    log.add('ItemArchived', { itemId: 'r' });
    log.add('ItemRestored', { itemId: 'o' });
    const d = diffStates(fold(emptyState(), log.events.slice(0, cut)), fold(emptyState(), log.events));
    expect(d.created.map((i) => i.id)).toEqual(['n']);
    expect(d.archived.map((i) => i.id)).toEqual(['r']);
    expect(d.restored.map((i) => i.id)).toEqual(['o']);
    expect(d.renamed.map((r) => [r.item.id, r.from, r.to])).toEqual([['r', 'Rope', 'Cord']]);
    expect(d.changes.map((c) => [c.itemId, c.location, c.before, c.after, c.diff])).toEqual([
      ['n', '', 0, 2, 2],
      ['s', 'Shelf', 5, 3, -2],
      ['s', 'Van', 0, 1, 1],
    ]);
    expect(d.totals.map((t) => [t.item.id, t.before, t.after, t.diff])).toEqual([
      ['n', 0, 2, 2],
      ['s', 5, 4, -1],
    ]);
  });

  it('for any two moments, before + difference = after at every item and location, and a state equals itself', () => {
    fc.assert(
      fc.property(history, fc.nat(), ({ events, skip }, cutSeed) => {
        const cut = events.length ? cutSeed % (events.length + 1) : 0;
        const a = fold(emptyState(), events.slice(0, cut), skip);
        const b = fold(emptyState(), events, skip);
        const d = diffStates(a, b);
        const seen = new Set<string>();
        for (const c of d.changes) {
          expect(c.before).toBe(a.items.get(c.itemId)?.stock[c.location] ?? 0);
          expect(c.after).toBe(b.items.get(c.itemId)?.stock[c.location] ?? 0);
          expect(roundQty(c.before + c.diff)).toBe(c.after);
          seen.add(`${c.itemId}\u0000${c.location}`);
        }
        for (const [id, item] of b.items)
          for (const [loc, q] of Object.entries(item.stock)) if ((a.items.get(id)?.stock[loc] ?? 0) !== q) expect(seen.has(`${id}\u0000${loc}`)).toBe(true);
        const same = diffStates(b, b);
        expect([same.created, same.archived, same.restored, same.renamed, same.changes]).toEqual([[], [], [], [], []]);
      }),
    );
  });
});
