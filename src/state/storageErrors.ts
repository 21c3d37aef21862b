// Storage failures in words a user can act on. Dexie wraps the browser's DOMException in `inner`.

export type StorageProblem =
  | { kind: 'blocked'; message: string }
  | { kind: 'outdated'; message: string }
  | { kind: 'quota'; message: string }
  /** Work no user action waits for (catching up with other tabs, folding analytics) failed. */
  | { kind: 'background'; message: string };

function names(err: unknown): string[] {
  const out: string[] = [];
  let e = err as { name?: string; inner?: unknown } | undefined;
  for (let i = 0; e && i < 5; i++) {
    if (e.name) out.push(e.name);
    e = e.inner as typeof e;
  }
  return out;
}

export function isQuotaError(err: unknown): boolean {
  return names(err).includes('QuotaExceededError');
}

export function describeOpenError(err: unknown): string {
  const n = names(err);
  if (n.includes('QuotaExceededError')) {
    return 'The browser has no room left to save this change (storage quota exceeded). Nothing was saved. Free some disk space or export a backup, then try again.';
  }
  if (n.includes('VersionError')) {
    return 'This tab runs an older version of Eventory than the data saved in this browser. Reload the page to get the new version; nothing is lost.';
  }
  if (n.includes('DatabaseClosedError')) {
    return 'Eventory was updated in another tab. Reload this tab to keep working; nothing you saved is lost.';
  }
  if (n.includes('InvalidStateError') || n.includes('MissingAPIError') || n.includes('SecurityError')) {
    return 'This browser will not let Eventory store data here (private browsing, or storage is disabled for this site). Your inventory cannot be saved until storage is allowed.';
  }
  // Dexie repeats the browser's message in its own; the innermost one is what the browser said.
  let msg = err instanceof Error ? err.message : String(err);
  let inner = (err as { inner?: unknown } | undefined)?.inner as { message?: string; inner?: unknown } | undefined;
  for (let i = 0; inner && i < 5; i++, inner = inner.inner as typeof inner) if (inner.message) msg = inner.message;
  return `Eventory could not use the browser's storage: ${msg}`;
}
