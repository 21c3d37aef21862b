// keyAndSort: history order for any batch, and a share of its work told as it goes (an import's progress bar).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { historyKey } from '../../src/domain/history';
import { keyAndSort } from '../../src/store/sortKeyed';
import { series } from '../support/store';

describe('keyAndSort', () => {
  it('puts any batch in history order, every event once, keyed by its history key', async () => {
    const batch = series(40_000, 0);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(batch.length - 1), { maxLength: 40_000 }), async (picks) => {
        const events = [...new Set(picks)].map((i) => batch[i]!);
        const keyed = await keyAndSort(events, () => undefined);
        expect(keyed.map(([, e]) => e).sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual([...events].sort((a, b) => (a.id < b.id ? -1 : 1)));
        keyed.forEach(([k, e], i) => {
          expect(k).toBe(historyKey(e));
          if (i > 0) expect(k > keyed[i - 1]![0]).toBe(true);
        });
      }),
      { numRuns: 25 },
    );
  });

  it('tells the share of its work done, rising from 0 and never past 1, while it keys and while it sorts', async () => {
    const events = series(200_000, 0).reverse();
    const shares: number[] = [];
    await keyAndSort(events, () => undefined, (s) => shares.push(s));
    shares.forEach((s, i) => i > 0 && expect(s).toBeGreaterThanOrEqual(shares[i - 1]!));
    expect(shares[0]).toBe(0);
    expect(shares.filter((s) => s > 0 && s < 0.5).length).toBeGreaterThanOrEqual(2);
    expect(shares.some((s) => s > 0.5 && s <= 1)).toBe(true);
    expect(shares.every((s) => s <= 1)).toBe(true);
  });
});
