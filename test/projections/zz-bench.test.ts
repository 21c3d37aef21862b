import { it } from 'vitest';
import { startRun, stepRun } from '/work/main/src/domain/projections/run';
import { mostCollected } from '/work/main/src/domain/projections/mostCollected';
import { mostRemoved } from '/work/main/src/domain/projections/mostRemoved';
import { stockValueOverTime } from '/work/main/src/domain/projections/stockValueOverTime';
import { quantityOverTime } from '/work/main/src/domain/projections/quantityOverTime';
import { locationHistory } from '/work/main/src/domain/projections/locationHistory';
import { burnRate, burnRates } from '/work/main/src/domain/projections/burnRate';
import { activityPerDay } from '/work/main/src/domain/projections/activityPerDay';
import type { InventoryEvent } from '/work/main/src/domain/events';
it('1M events', () => {
  const N = 1_000_000; const evs: InventoryEvent[] = [];
  let t = Date.parse('2024-01-01T00:00:00Z');
  for (let i = 0; i < N; i++) {
    t += 60_000; const item = `i${i % 1000}`;
    const time = new Date(t).toISOString(); const id = `e${i}`;
    const base = { specversion: '1.0' as const, id, source: 's', time, dataversion: 1 };
    evs.push(i < 1000 ? { ...base, type: 'ItemCreated', data: { itemId: item, name: item } } as InventoryEvent
      : i % 3 === 0 ? { ...base, type: 'StockRemoved', data: { itemId: item, quantity: 1, reason: 'used', location: 'A' } } as InventoryEvent
      : { ...base, type: 'StockAdded', data: { itemId: item, quantity: 2, unitCost: 1.5, location: i % 2 ? 'A' : 'B' } } as InventoryEvent);
  }
  const all = [mostCollected, mostRemoved, stockValueOverTime, quantityOverTime, locationHistory, burnRate, activityPerDay] as any[];
  for (const p of all) { const r = startRun([p]); const t0 = performance.now(); stepRun(r, evs, new Set()); console.log(p.name, Math.round(performance.now() - t0), 'ms'); }
  const r = startRun(all); const t0 = performance.now(); stepRun(r, evs, new Set()); console.log('all in one run', Math.round(performance.now() - t0), 'ms');
  const t1 = performance.now(); burnRates(r.accs.get(burnRate) as any); console.log('burnRates selector', Math.round(performance.now() - t1), 'ms');
}, 120_000);
