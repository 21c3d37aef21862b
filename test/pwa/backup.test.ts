import { describe, expect, it } from 'vitest';
import { BACKUP_RULES, backupAdvice, formatAgo, formatBytes } from '../../src/pwa/backup';

const now = new Date('2026-11-23T12:00:00.000Z');
const daysAgo = (d: number) => new Date(now.getTime() - d * 24 * 3600 * 1000).toISOString();

describe('backupAdvice', () => {
  it('stays quiet for a small log that was never exported', () => {
    expect(backupAdvice(now, BACKUP_RULES.firstAtEvents - 1, undefined)).toBeUndefined();
  });
  it('asks for a first backup once the log holds 50 events', () => {
    expect(backupAdvice(now, 50, undefined)?.reason).toBe('never');
    expect(backupAdvice(now, 50, undefined)?.message).toContain('never been exported');
  });
  it('is quiet after a recent export', () => {
    expect(backupAdvice(now, 120, { at: daysAgo(3), eventCount: 100 })).toBeUndefined();
  });
  it('asks again when the last export is older than 14 days and changes happened since', () => {
    expect(backupAdvice(now, 101, { at: daysAgo(14.5), eventCount: 100 })?.reason).toBe('stale');
    expect(backupAdvice(now, 101, { at: daysAgo(13.5), eventCount: 100 })).toBeUndefined();
  });
  it('does not nag about an old export that still holds every event', () => {
    expect(backupAdvice(now, 100, { at: daysAgo(40), eventCount: 100 })).toBeUndefined();
  });
  it('asks again after 500 events since the last export, however recent', () => {
    expect(backupAdvice(now, 600, { at: daysAgo(0), eventCount: 100 })?.reason).toBe('many-since');
    expect(backupAdvice(now, 599, { at: daysAgo(0), eventCount: 100 })).toBeUndefined();
  });
  it('treats an unreadable export date as old', () => {
    expect(backupAdvice(now, 101, { at: 'garbage', eventCount: 100 })?.reason).toBe('stale');
  });
});

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [812, '812 B'],
    [1536, '1.5 KB'],
    [3.25 * 1024 * 1024, '3.3 MB'],
    [120 * 1024 ** 3, '120 GB'],
  ])('%d -> %s', (n, text) => expect(formatBytes(n)).toBe(text));
  it('says unknown for nonsense', () => expect(formatBytes(Number.NaN)).toBe('unknown'));
});

describe('formatAgo', () => {
  it.each([
    [new Date(now.getTime() - 20_000).toISOString(), 'just now'],
    [new Date(now.getTime() - 5 * 60_000).toISOString(), '5 minutes ago'],
    [new Date(now.getTime() - 3 * 3600_000).toISOString(), '3 hours ago'],
    [daysAgo(1), 'yesterday'],
    [daysAgo(3), '3 days ago'],
    [daysAgo(21), '3 weeks ago'],
    [daysAgo(400), 'over a year ago'],
  ])('%s -> %s', (iso, text) => expect(formatAgo(now, iso)).toBe(text));
});
