// Projections folded in the background must fail visibly and safely: a database closed mid-fold is reported to
// the caller (the app shows it in the storage problem banner), never raised as an unhandled rejection, and the
// projection is folded again once the log changes.
import { describe, expect, it, vi } from 'vitest';
import { mostCollected } from '../../src/domain/projections/mostCollected';
import { ProjectionCache } from '../../src/state/projections';
import { createItem, makeEngine, ok } from '../support/engine';

describe('ProjectionCache', () => {
  it('reports a fold that fails on a closed database, and stops computing', async () => {
    const { engine, db } = await makeEngine();
    await createItem(engine, 'Rope');
    const onError = vi.fn();
    const cache = new ProjectionCache(engine, onError);
    const answer = cache.get(mostCollected);
    db.close();
    await vi.waitFor(() => expect(onError).toHaveBeenCalledTimes(1));
    expect((onError.mock.calls[0]![0] as Error).name).toBe('DatabaseClosedError');
    expect(cache.computing.value).toBe(0);
    expect(answer.value).toBeUndefined();
  });

  it('folds a failed projection again with the next change of the log', async () => {
    const { engine } = await makeEngine();
    const id = await createItem(engine, 'Rope');
    const failOnce = vi.spyOn(engine.store, 'readRange').mockImplementationOnce(async function* () {
      throw new Error('disk went away');
    });
    const onError = vi.fn();
    const cache = new ProjectionCache(engine, onError);
    const answer = cache.get(mostCollected);
    await vi.waitFor(() => expect(onError).toHaveBeenCalledTimes(1));
    failOnce.mockRestore();
    await ok(engine, { type: 'addStock', itemId: id, quantity: 3 });
    await vi.waitFor(() => expect(answer.value?.totals.get(id)).toBe(3));
  });
});
