// The export file (README: Files and merging), assembled from chunks of events as Blob parts: a million events never
// become one string. `events` is the last key and each event sits on its own line, so a reader may stream
// the file line by line, and a plain JSON.parse of the whole file works too.
import type { InventoryEvent } from '../domain/events';
import { EVENT_SEPARATOR, encodeEvents } from '../store/pages/codec';
import { FORMAT, FORMAT_VERSION } from './validate';
import { timeSlicer } from '../lib/yieldToMain';

export interface BuildOptions {
  signal?: AbortSignal;
  /** Events written so far, of `total` (an estimate known before the first chunk; progress only). */
  onProgress?: (done: number, total: number) => void;
  total?: number;
  exportedAt?: Date;
}
export type BuildResult = { ok: true; blob: Blob; eventCount: number } | { ok: false; error: string };

export const EXPORT_CANCELLED = 'Export cancelled.';

const GROUP = 64;

/** The opening line. `eventCount` is written before the events, so the header is made after counting them. */
export function exportHeader(eventCount: number, exportedAt: Date): string {
  return `{"format":"${FORMAT}","formatVersion":${FORMAT_VERSION},"exportedAt":${JSON.stringify(exportedAt.toISOString())},"eventCount":${eventCount},"events":[\n`;
}

/**
 * `n` events already written as export lines (`JSON.stringify` of each, joined by ",\n"): a stored page, or the
 * part of an imported file that holds it (a Blob, never read here).
 */
export interface TextChunk {
  n: number;
  text: string | Blob;
}

/**
 * Builds the file from `chunks` (the log in history order): event lists, or the text the store keeps for each
 * page. Each event is `JSON.stringify` of the stored object, so its keys keep the order they were imported or
 * recorded in: export, import, export is identical.
 */
export async function buildExport(chunks: AsyncIterable<InventoryEvent[] | TextChunk>, opts: BuildOptions = {}): Promise<BuildResult> {
  const exportedAt = opts.exportedAt ?? new Date();
  const parts: Blob[] = [];
  // Chunks are gathered into a Blob every GROUP of them: one Blob over every page part at once is one long task,
  // a Blob over a few groups a short one.
  let group: Blob[] = [];
  const slicer = timeSlicer();
  let count = 0;
  for await (const chunk of chunks) {
    if (opts.signal?.aborted) return { ok: false, error: EXPORT_CANCELLED };
    const { n, text } = Array.isArray(chunk) ? encodeEvents(chunk) : chunk;
    if (n === 0) continue;
    // A Blob per chunk lets the browser keep the bytes outside the JavaScript heap.
    group.push(new Blob([count === 0 ? '' : EVENT_SEPARATOR, text]));
    if (group.length === GROUP) {
      parts.push(new Blob(group));
      group = [];
    }
    count += n;
    opts.onProgress?.(count, Math.max(count, opts.total ?? 0));
    await slicer.maybeYield();
  }
  const blob = new Blob([exportHeader(count, exportedAt), ...parts, ...group, count === 0 ? ']}\n' : '\n]}\n'], { type: 'application/json' });
  return { ok: true, blob, eventCount: count };
}
