import { describe, expect, it } from 'vitest';
import { uuidv7Generator } from '../../src/domain/ids';
import { seededRandom } from '../support/engine';

const MS = Date.parse('2026-01-01T00:00:00.000Z');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const msOf = (id: string) => parseInt(id.replace(/-/g, '').slice(0, 12), 16);

describe('uuidv7Generator', () => {
  it('makes lower-case 8-4-4-4-12 hex ids', () => {
    const next = uuidv7Generator(() => MS, seededRandom(1));
    for (let i = 0; i < 20; i++) expect(next()).toMatch(UUID);
  });

  it('sets version 7 and the RFC 9562 variant bits', () => {
    const next = uuidv7Generator(() => MS, () => new Uint8Array(16).fill(0xff));
    const id = next();
    expect(id[14]).toBe('7');
    expect(['8', '9', 'a', 'b']).toContain(id[19]);
    const zeros = uuidv7Generator(() => MS, () => new Uint8Array(16))();
    expect(zeros[14]).toBe('7');
    expect(zeros[19]).toBe('8');
  });

  it('starts with the 48-bit Unix time in milliseconds', () => {
    expect(msOf(uuidv7Generator(() => MS, seededRandom(2))())).toBe(MS);
  });

  it('increases strictly within one millisecond, past the 4,096 the counter holds', () => {
    const next = uuidv7Generator(() => MS, seededRandom(3));
    const ids = Array.from({ length: 5000 }, next);
    for (let i = 1; i < ids.length; i++) expect(ids[i]! > ids[i - 1]!).toBe(true);
    expect(new Set(ids).size).toBe(5000);
  });

  it('keeps increasing when the clock goes backwards', () => {
    let now = MS + 1000;
    const next = uuidv7Generator(() => now, seededRandom(4));
    const first = next();
    now = MS;
    const second = next();
    expect(second > first).toBe(true);
  });

  it('orders ids of later milliseconds after earlier ones', () => {
    let now = MS;
    const next = uuidv7Generator(() => now, seededRandom(5));
    const a = next();
    now += 1;
    expect(next() > a).toBe(true);
  });

  it('is deterministic for a given clock and random source', () => {
    const make = () => uuidv7Generator(() => MS, seededRandom(9));
    const x = make();
    const y = make();
    expect([x(), x(), x()]).toEqual([y(), y(), y()]);
  });

  it('gives different ids to two generators with different random sources in the same millisecond', () => {
    expect(uuidv7Generator(() => MS, seededRandom(1))()).not.toBe(uuidv7Generator(() => MS, seededRandom(2))());
  });
});
