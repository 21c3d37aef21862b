// A projection over a long log is folded in slices, giving the main thread back between them: in one task per
// read it blocked input for seconds on a phone (src/state/projections.ts foldLog).
import { describe, expect, it, vi } from 'vitest';
import { mostCollected } from '../../src/domain/projections/mostCollected';
import { ProjectionCache } from '../../src/state/projections';
import { makeEngine } from '../support/engine';
import { added, created } from '../support/events';

describe('a projection over a long log', () => {
  it('is folded in slices, with the main thread given back between them, to the same answer', async () => {
    const { engine } = await makeEngine();
    const events = [created({ item: 'i-1', name: 'Rope', at: 0 }), ...Array.from({ length: 2400 }, (_, i) => added({ item: 'i-1', quantity: 1, at: 1 + i, id: `a-${i}` }))];
    vi.spyOn(engine.store, 'readRange').mockImplementation(async function* () {
      yield events;
    });
    const cache = new ProjectionCache(engine, (err) => {
      throw err;
    });
    // A clock that moves 5 ms each time it is read: a slice is used up at every second look. A yield is a message
    // through a MessageChannel (src/lib/yieldToMain.ts), counted here.
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (now += 5));
    const yields = vi.spyOn(MessagePort.prototype, 'postMessage');
    const answer = cache.get(mostCollected);
    await vi.waitFor(() => expect(answer.value?.totals.get('i-1')).toBe(2400));
    expect(yields.mock.calls.length).toBeGreaterThanOrEqual(4);
  });
});
