// Sorting up to millions of events by history key without one long task: sorted runs, then merges, yielding
// between slices. Exported logs are already in history order, which is detected in one pass and costs nothing.
import type { InventoryEvent } from '../domain/events';
import { historyKey } from '../domain/history';
import { makeYielder } from '../lib/yieldToMain';
import type { Keyed } from './types';


const RUN = 16_384;
const byKey = (a: Keyed, b: Keyed) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

/** `progress` is told the share done (0–1) now and then: keying is the first half, sorting (when needed) the rest. */
export async function keyAndSort(events: readonly InventoryEvent[], pause: () => Promise<void> | undefined = makeYielder(), progress?: (share: number) => void): Promise<Keyed[]> {
  const keyed: Keyed[] = new Array(events.length);
  let sorted = true;
  for (let i = 0; i < events.length; i++) {
    const k = historyKey(events[i]!);
    keyed[i] = [k, events[i]!];
    if (i > 0 && k < keyed[i - 1]![0]) sorted = false;
    if ((i & 4095) === 0) {
      if ((i & 65535) === 0) progress?.(i / events.length / 2);
      await pause();
    }
  }
  if (sorted) return keyed;
  if (keyed.length <= RUN) return keyed.sort(byKey);
  progress?.(0.5);
  let runs: Keyed[][] = [];
  for (let i = 0; i < keyed.length; i += RUN) {
    runs.push(keyed.slice(i, i + RUN).sort(byKey));
    await pause();
  }
  progress?.(0.7);
  while (runs.length > 1) {
    const next: Keyed[][] = [];
    for (let i = 0; i < runs.length; i += 2) next.push(runs[i + 1] ? await merge(runs[i]!, runs[i + 1]!, pause) : runs[i]!);
    runs = next;
  }
  return runs[0]!;
}

async function merge(a: Keyed[], b: Keyed[], pause: () => Promise<void> | undefined): Promise<Keyed[]> {
  const out: Keyed[] = new Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    out[n++] = a[i]![0] <= b[j]![0] ? a[i++]! : b[j++]!;
    if ((n & 16383) === 0) await pause();
  }
  while (i < a.length) out[n++] = a[i++]!;
  while (j < b.length) out[n++] = b[j++]!;
  return out;
}
