import { describe, expect, it } from 'vitest';
import { latestPerFrame, momentAt, positionOf, SLIDER_STEPS } from '../../src/ui/timetravel/scrub';
import { perDay, runsOut } from '../../src/ui/analytics/wording';

describe('scrubber arithmetic', () => {
  const span = { first: Date.parse('2026-01-01T00:00:00Z'), last: Date.parse('2026-01-31T00:00:00Z') };

  it('maps both ends of the slider to the first and last event exactly', () => {
    expect(momentAt(0, span)).toBe(span.first);
    expect(momentAt(SLIDER_STEPS, span)).toBe(span.last);
    expect(positionOf(span.first, span)).toBe(0);
    expect(positionOf(span.last, span)).toBe(SLIDER_STEPS);
  });

  it('rounds inner moments to the second and reads them back at the same position; clamps outside the span', () => {
    for (const p of [1, 250, 500, 999]) {
      const ms = momentAt(p, span);
      expect(ms % 1000).toBe(0);
      expect(positionOf(ms, span)).toBe(p);
    }
    expect(positionOf(span.first - 5, span)).toBe(0);
    expect(positionOf(span.last + 5, span)).toBe(SLIDER_STEPS);
    expect(positionOf(span.first, { first: 5, last: 5 })).toBe(SLIDER_STEPS);
  });

  it('runs the latest value once per frame', () => {
    const frames: (() => void)[] = [];
    const seen: number[] = [];
    const f = latestPerFrame((v: number) => seen.push(v), (cb) => frames.push(cb));
    f(1);
    f(2);
    f(3);
    expect(frames).toHaveLength(1);
    frames.shift()!();
    f(4);
    frames.shift()!();
    expect(seen).toEqual([3, 4]);
  });
});

describe('analytics wording', () => {
  it('says when stock runs out in whole days', () => {
    expect(runsOut(0)).toBe('is out of stock');
    expect(runsOut(0.4)).toBe('runs out within a day');
    expect(runsOut(1.2)).toBe('runs out in about 1 day');
    expect(runsOut(21.6)).toBe('runs out in about 22 days');
    expect(perDay(1)).toBe('1 a day');
    expect(perDay(0.333333)).toBe('0.33 a day');
    expect(perDay(12.4)).toBe('12 a day');
  });
});
