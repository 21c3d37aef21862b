// Building files for import tests: a valid log to start from, then one thing broken per test.
import { expect, vi } from 'vitest';
import type { InventoryEvent } from '../../src/domain/events';
import { exportLog } from '../../src/io/exportLog';
import { parseLog, type ParsedLog } from '../../src/io/parseLog';
import { added, created, ev, removed } from '../support/events';

/** A small valid log: an item created, stock added and removed, with locations and attributes. */
export function sampleEvents(): InventoryEvent[] {
  return [
    created({ item: 'i-1', name: 'Sword', id: 'id-a' }),
    ev('StockAdded', { itemId: 'i-1', quantity: 2, location: 'Armory', attributes: { rarity: 'rare', level: 3, cursed: false } }, { id: 'id-b', time: '2026-01-01T00:01:00.000Z' }),
    removed({ item: 'i-1', quantity: 1, at: 2, location: 'Armory', id: 'id-c' }),
    added({ item: 'i-1', quantity: 0.5, at: 3, id: 'id-d' }),
  ];
}

/** The text of a file holding `events` (raw objects, so tests can break them), exporter layout. */
export function logText(events: unknown[], header: Record<string, unknown> = {}): string {
  const head = { format: 'eventory.event-log', formatVersion: 1, exportedAt: '2026-11-23T10:00:00.000Z', eventCount: events.length, ...header };
  const open = JSON.stringify(head).slice(0, -1);
  return `${open},"events":[\n${events.map((e) => JSON.stringify(e)).join(',\n')}\n]}\n`;
}

/** A deep copy of a valid event to break. */
export const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

export async function parseOk(text: string): Promise<Extract<ParsedLog, { ok: true }>> {
  const r = await parseLog(text);
  if (!r.ok) throw new Error(`expected the file to be accepted, got: ${r.error}`);
  return r;
}

/** Parses `text`, expects a rejection, checks every fragment is in the message, and returns the message. */
export async function rejects(text: string, ...fragments: string[]): Promise<string> {
  const r = await parseLog(text);
  expect(r.ok, 'the file should be rejected').toBe(false);
  const error = (r as { error: string }).error;
  for (const f of fragments) expect(error).toContain(f);
  return error;
}

export const file = (parts: BlobPart[], name = 'log.json') => new File(parts, name, { type: 'application/json' });

/** Runs exportLog with the download captured: the file's text. */
export async function exported(): Promise<string> {
  const saved: { blob?: Blob } = {};
  const anchor = { click: vi.fn(), remove: vi.fn(), href: '', download: '', hidden: false };
  vi.stubGlobal('document', { createElement: () => anchor, body: { append: vi.fn() } });
  vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => ((saved.blob = b as Blob), 'blob:test'));
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  expect((await exportLog()).ok).toBe(true);
  return saved.blob!.text();
}
