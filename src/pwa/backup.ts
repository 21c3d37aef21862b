// When to remind the user to export a backup, and how sizes and ages read. Pure: tested without a browser.

/** Written by the export (src/io) as meta 'lastExport'. */
export interface LastExport {
  at: string;
  eventCount: number;
}

/** Thresholds of the backup reminder. */
export const BACKUP_RULES = {
  /** No export yet: remind once the log holds this many events. */
  firstAtEvents: 50,
  /** Remind when the last export is older than this. */
  maxAgeDays: 14,
  /** Remind when this many events were recorded since the last export. */
  maxEventsSince: 500,
} as const;

export type BackupAdvice =
  | { reason: 'never'; message: string }
  | { reason: 'stale'; message: string }
  | { reason: 'many-since'; message: string };

const DAY_MS = 24 * 60 * 60 * 1000;

/** "1 change", "1,234 changes". */
export const changes = (n: number): string => `${n.toLocaleString('en')} ${n === 1 ? 'change' : 'changes'}`;

/** Why a backup is due now, or undefined when the last one is recent enough. */
export function backupAdvice(now: Date, eventCount: number, last: LastExport | undefined): BackupAdvice | undefined {
  if (!last) {
    if (eventCount < BACKUP_RULES.firstAtEvents) return undefined;
    return {
      reason: 'never',
      message: `Your inventory has ${changes(eventCount)} and has never been exported. A backup file keeps them safe if this browser's data is cleared.`,
    };
  }
  const since = eventCount - last.eventCount;
  if (since >= BACKUP_RULES.maxEventsSince) {
    return {
      reason: 'many-since',
      message: `${changes(since)} ${since === 1 ? 'was' : 'were'} recorded since your last backup (${formatAgo(now, last.at)}). Export a new one to keep them safe.`,
    };
  }
  const at = Date.parse(last.at);
  // An unreadable date counts as old: better one reminder too many than a lost inventory.
  if (since > 0 && (Number.isNaN(at) || now.getTime() - at > BACKUP_RULES.maxAgeDays * DAY_MS)) {
    return {
      reason: 'stale',
      message: `Your last backup is from ${formatAgo(now, last.at)}, and ${changes(since)} ${since === 1 ? 'was' : 'were'} made since. Export a new one to keep them safe.`,
    };
  }
  return undefined;
}

/** "0 B", "812 B", "14.2 KB", "3.1 MB", "120 GB" (binary multiples, as operating systems show disk space). */
export function formatBytes(n: number): string {
  if (!Number.isFinite(n) || n < 0) return 'unknown';
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let v = n;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  const digits = i === 0 || v >= 100 ? 0 : 1;
  return `${v.toFixed(digits)} ${units[i]}`;
}

/** "just now", "5 minutes ago", "yesterday", "3 days ago", "6 weeks ago", "over a year ago". */
export function formatAgo(now: Date, iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return 'an unknown date';
  const diff = now.getTime() - t;
  if (diff < 0) return 'a moment ago';
  const min = Math.floor(diff / 60_000);
  if (min < 1) return 'just now';
  if (min < 60) return min === 1 ? '1 minute ago' : `${min} minutes ago`;
  const hours = Math.floor(min / 60);
  if (hours < 24) return hours === 1 ? '1 hour ago' : `${hours} hours ago`;
  const days = Math.floor(diff / DAY_MS);
  if (days === 1) return 'yesterday';
  if (days < 14) return `${days} days ago`;
  if (days < 60) return `${Math.floor(days / 7)} weeks ago`;
  if (days < 365) return `${Math.floor(days / 30)} months ago`;
  return 'over a year ago';
}
