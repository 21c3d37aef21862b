// Storage health as signals: persistent-storage permission, usage and quota, and the last export for the
// backup reminder. The browser may evict a non-persistent origin's data under disk pressure, and an export
// is the only copy outside this browser, so both are worth showing plainly.
import { computed, effect, signal, type ReadonlySignal } from '@preact/signals';
import { eventCount, getMeta, status } from '../state/app';
import { backupAdvice, type BackupAdvice, type LastExport } from './backup';

export interface StorageEstimate {
  /** False when the browser has no StorageManager (old browsers, some embedded views). */
  supported: boolean;
  persisted?: boolean;
  usage?: number;
  quota?: number;
  error?: string;
}

const estimate$ = signal<StorageEstimate>({ supported: hasStorageManager() });
const lastExport$ = signal<LastExport | undefined>(undefined);
const lastExportLoaded$ = signal(false);
const snoozedUntil$ = signal<number>(readSnooze());
const now$ = signal(Date.now());

export const storageEstimate: ReadonlySignal<StorageEstimate> = estimate$;
export const lastExport: ReadonlySignal<LastExport | undefined> = lastExport$;
export const lastExportLoaded: ReadonlySignal<boolean> = lastExportLoaded$;

/** Why a backup is due, or undefined. */
export const backupDue: ReadonlySignal<BackupAdvice | undefined> = computed(() =>
  lastExportLoaded$.value ? backupAdvice(new Date(now$.value), eventCount.value, lastExport$.value) : undefined,
);
/** backupDue, unless the user said "Later" recently. */
export const showBackupReminder: ReadonlySignal<boolean> = computed(
  () => backupDue.value !== undefined && now$.value >= snoozedUntil$.value,
);

const SNOOZE_KEY = 'eventory.backupReminder.snoozedUntil';
const PERSIST_ASKED_KEY = 'eventory.persist.asked';
const SNOOZE_MS = 3 * 24 * 60 * 60 * 1000;

function hasStorageManager(): boolean {
  return typeof navigator !== 'undefined' && !!navigator.storage && typeof navigator.storage.estimate === 'function';
}

// localStorage holds only these UI preferences; it can be unavailable (privacy settings), which is harmless.
function readSnooze(): number {
  try {
    return Number(globalThis.localStorage?.getItem(SNOOZE_KEY) ?? 0) || 0;
  } catch {
    return 0;
  }
}
function remember(key: string, value: string): void {
  try {
    globalThis.localStorage?.setItem(key, value);
  } catch {
    /* preference only */
  }
}
function recalled(key: string): string | null {
  try {
    return globalThis.localStorage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

export async function refreshStorage(): Promise<void> {
  if (!hasStorageManager()) return;
  try {
    const [est, persisted] = await Promise.all([
      navigator.storage.estimate(),
      typeof navigator.storage.persisted === 'function' ? navigator.storage.persisted() : Promise.resolve(undefined),
    ]);
    estimate$.value = { supported: true, persisted, usage: est.usage, quota: est.quota };
  } catch (err) {
    estimate$.value = { supported: true, error: `The browser did not report its storage: ${err instanceof Error ? err.message : String(err)}` };
  }
}

/** Asks the browser to keep Eventory's data under disk pressure. Returns whether it is persistent now. */
export async function requestPersistence(): Promise<boolean> {
  remember(PERSIST_ASKED_KEY, '1');
  if (!hasStorageManager() || typeof navigator.storage.persist !== 'function') return false;
  let granted = false;
  try {
    granted = await navigator.storage.persist();
  } catch {
    granted = false;
  }
  await refreshStorage();
  return granted;
}

/** Re-reads meta 'lastExport'; the export calls this after writing it so the reminder goes away at once. */
export async function refreshBackupStatus(): Promise<void> {
  if (status.peek().kind !== 'ready') return;
  try {
    lastExport$.value = await getMeta<LastExport>('lastExport');
    lastExportLoaded$.value = true;
  } catch {
    // Storage errors reach the user through `status`; the reminder just stays quiet.
  }
  now$.value = Date.now();
}

export function snoozeBackupReminder(): void {
  const until = Date.now() + SNOOZE_MS;
  snoozedUntil$.value = until;
  remember(SNOOZE_KEY, String(until));
}

let started = false;

/** Starts watching storage health; idempotent (the components call it on mount). */
export function startStorageHealth(): void {
  if (started || typeof window === 'undefined') return;
  started = true;
  let loadedCount: number | undefined;
  effect(() => {
    if (status.value.kind !== 'ready') return;
    const count = eventCount.value;
    if (loadedCount === undefined) {
      loadedCount = count;
      void refreshBackupStatus();
      void refreshStorage();
      return;
    }
    // The first change saved in this session is the moment to ask for persistence: the user has shown
    // they keep data here. Asked once automatically; the Storage page has a button for later.
    if (count > loadedCount && estimate$.peek().persisted === false && !recalled(PERSIST_ASKED_KEY)) {
      void requestPersistence();
    }
  });
  const tick = () => {
    now$.value = Date.now();
    void refreshBackupStatus();
  };
  window.addEventListener('focus', tick);
  setInterval(() => (now$.value = Date.now()), 60 * 60 * 1000);
}
