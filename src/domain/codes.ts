// Item codes (spec 2.1, data version 2): the barcodes and QR payloads that identify an item. A code is compared
// exactly; one code names at most one listed item at a time.
import { LIMITS } from './events';
import type { Item } from './item';

/** Codes typed by a person or a scanner: one per line or comma-separated; trimmed, empties and repeats dropped. */
export function parseCodes(text: string): string[] {
  const seen = new Set<string>();
  for (const part of text.split(/[\r\n,]+/)) {
    const code = part.trim();
    if (code !== '') seen.add(code);
  }
  return [...seen];
}

// C0 and C1 controls and DEL: a scanner's stray Tab or Enter, or a pasted binary payload, is never a code.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** Why `code` cannot be an item's code (a message for the user), or undefined when it can. */
export function codeProblem(code: string): string | undefined {
  if (code.length === 0) return 'A code cannot be empty.';
  if (code.length > LIMITS.code) return `A code is at most ${LIMITS.code} characters (this one has ${code.length.toLocaleString('en')}).`;
  if (CONTROL.test(code)) return 'A code cannot contain control characters (such as tabs or line breaks).';
  return undefined;
}

/** Whether an item is in the inventory list (codes of archived and unknown items name nothing). */
const listed = (item: Item): boolean => item.known && !item.archived;

/** The listed item that has `code` (exact match), if any. */
export function findByCode(items: Iterable<Item>, code: string): Item | undefined {
  for (const item of items) if (listed(item) && item.codes?.includes(code)) return item;
  return undefined;
}
