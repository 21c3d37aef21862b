// A scanning session (count or add stock at one location): what was scanned so far, as a running list the user
// can correct. Pure: the page keeps it in a signal and in sessionStorage (a phone may drop the tab mid-count).
import type { Command } from '../domain/commands';
import type { ScanMode } from '../domain/scanBatch';

/** A scanned item, or a code no listed item has (kept so the user sees it and can create the item). */
export type SessionLine = { kind: 'item'; itemId: string; count: number } | { kind: 'unknown'; code: string; count: number };

export interface ScanSession {
  mode: ScanMode;
  /** Where the stock is counted or added; '' is the unassigned bucket. */
  location: string;
  /** Newest first: the line just scanned is where the eye is. */
  lines: SessionLine[];
}

export const emptySession = (mode: ScanMode, location = ''): ScanSession => ({ mode, location, lines: [] });

/** The key of a line: its item, or its unknown code. */
export const lineKey = (l: SessionLine): string => (l.kind === 'item' ? `item:${l.itemId}` : `code:${l.code}`);

const keyOf = (target: { itemId: string } | { code: string }): string => ('itemId' in target ? `item:${target.itemId}` : `code:${target.code}`);

/** One scan: +1 on the item's (or unknown code's) line, which moves to the top. */
export function addScan(s: ScanSession, target: { itemId: string } | { code: string }): ScanSession {
  const key = keyOf(target);
  const old = s.lines.find((l) => lineKey(l) === key);
  const line: SessionLine = old ? { ...old, count: old.count + 1 } : 'itemId' in target ? { kind: 'item', itemId: target.itemId, count: 1 } : { kind: 'unknown', code: target.code, count: 1 };
  return { ...s, lines: [line, ...s.lines.filter((l) => l !== old)] };
}

/** −/+ on a line (never below 0: a count of 0 records "none here"). */
export function adjust(s: ScanSession, key: string, delta: number): ScanSession {
  return { ...s, lines: s.lines.map((l) => (lineKey(l) === key ? { ...l, count: Math.max(0, l.count + delta) } : l)) };
}

export function removeLine(s: ScanSession, key: string): ScanSession {
  return { ...s, lines: s.lines.filter((l) => lineKey(l) !== key) };
}

/**
 * Unknown codes that now name an item (created meanwhile, or arrived from another device) join that item's line,
 * so a code scanned before its item existed still counts. Returns `s` itself when nothing changed.
 */
export function resolveCodes(s: ScanSession, itemOf: (code: string) => string | undefined): ScanSession {
  if (!s.lines.some((l) => l.kind === 'unknown' && itemOf(l.code) !== undefined)) return s;
  const out: SessionLine[] = [];
  for (const l of s.lines) {
    const itemId = l.kind === 'unknown' ? itemOf(l.code) : l.itemId;
    if (itemId === undefined) {
      out.push(l);
      continue;
    }
    const same = out.find((o) => o.kind === 'item' && o.itemId === itemId);
    if (same) same.count += l.count;
    else out.push({ kind: 'item', itemId, count: l.count });
  }
  return { ...s, lines: out };
}

/**
 * The command that records the session's item lines (unknown codes are not stock of anything yet); `zeroFor`:
 * items not scanned that a count records as 0 (none found there).
 */
export function sessionCommand(s: ScanSession, zeroFor: readonly string[] = []): Extract<Command, { type: 'recordScans' }> {
  const lines = s.lines.flatMap((l) => (l.kind === 'item' ? [{ itemId: l.itemId, quantity: l.count }] : []));
  for (const itemId of zeroFor) if (!lines.some((l) => l.itemId === itemId)) lines.push({ itemId, quantity: 0 });
  return { type: 'recordScans', mode: s.mode, ...(s.location.trim() ? { location: s.location.trim() } : {}), lines };
}

/** A session read back from storage, or undefined when the text is not one (old format, tampered, truncated). */
export function parseSession(text: string | null): ScanSession | undefined {
  if (!text) return undefined;
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof v !== 'object' || v === null) return undefined;
  const { mode, location, lines } = v as Record<string, unknown>;
  if ((mode !== 'count' && mode !== 'add') || typeof location !== 'string' || !Array.isArray(lines)) return undefined;
  return lines.every(isLine) ? { mode, location, lines } : undefined;
}

function isLine(l: unknown): l is SessionLine {
  if (typeof l !== 'object' || l === null) return false;
  const { kind, count, itemId, code } = l as Record<string, unknown>;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) return false;
  return (kind === 'item' && typeof itemId === 'string') || (kind === 'unknown' && typeof code === 'string');
}
