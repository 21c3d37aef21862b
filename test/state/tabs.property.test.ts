// Two tabs (engines on one database) taking random commands, undos and redos, sometimes at the same moment.
import fc from 'fast-check';
import { expect, it } from 'vitest';
import type { InventoryEvent } from '../../src/domain/events';
import { freshDbName, makeEngine, testClock } from '../support/engine';
import { plain } from '../support/oracle';
import { command, expectHeadMatches, negativeBuckets, stepArb } from '../support/scenario';
import { collect } from '../support/store';

const turn = fc.record({ tab: fc.nat(1), together: fc.boolean(), step: stepArb([]) });

it('property: two tabs acting in turn and at once end with one log (every event once), the same state in both, equal to the replay, nothing negative', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(turn, { minLength: 1, maxLength: 40, size: 'max' }), async (turns) => {
      const name = freshDbName();
      const clock = testClock();
      const tabs = [(await makeEngine({ name, clock, seed: 11 })).engine, (await makeEngine({ name, clock, seed: 222 })).engine];
      const accepted: InventoryEvent[] = [];
      const items = () => [...new Set(accepted.flatMap((e) => (e.type === 'ItemCreated' ? [e.data.itemId] : [])))];
      const act = async (tab: number, s: (typeof turns)[number]['step']) => {
        const engine = tabs[tab]!;
        const cmd = command(s, items());
        if (cmd) {
          const r = await engine.execute(cmd);
          if (r.ok) accepted.push(...r.events);
        } else if (s.k === 'undo' && accepted.length) {
          const r = await engine.undo([accepted[accepted.length - 1 - (s.picks[0]! % accepted.length)]!.id]);
          if (r.ok) accepted.push(...r.events);
        } else if (s.k === 'tick') clock.tick(s.ms);
      };
      for (let i = 0; i < turns.length; i++) {
        const t = turns[i]!;
        const next = turns[i + 1];
        if (t.together && next) {
          await Promise.all([act(t.tab, t.step), act(1 - t.tab, next.step)]);
          i++;
        } else await act(t.tab, t.step);
        for (const e of tabs) expect(negativeBuckets(e.state.value)).toEqual([]);
      }
      for (const e of tabs) await e.catchUp();
      const log = await collect(tabs[0]!.store.readRange('', '\uffff'));
      expect(log.map((e) => e.id).sort()).toEqual(accepted.map((e) => e.id).sort());
      expectHeadMatches(tabs[0]!.state.value, log);
      expect(plain(tabs[1]!.state.value)).toEqual(plain(tabs[0]!.state.value));
    }),
    { numRuns: 25, seed: 77 },
  );
});
