// Item codes (spec 2.1, data version 2): the barcodes and QR payloads that identify an item. A code is compared
// exactly; one code names at most one listed item at a time.
import { LIMITS } from './events';
import type { Item } from './item';
import { listed } from './listed';

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

/** The listed item that has `code` (exact match), if any, other than the item `except`. */
export function findByCode(items: Iterable<Item>, code: string, except?: string): Item | undefined {
  for (const item of items) if (item.id !== except && listed(item) && item.codes?.includes(code)) return item;
  return undefined;
}

/** Why `codes` cannot be an item's codes (a message for the field), or undefined when they can. */
export function codesProblem(codes: readonly string[] | undefined): string | undefined {
  if (codes === undefined) return undefined;
  if (codes.length > LIMITS.codes) return `An item has at most ${LIMITS.codes} codes (now ${codes.length}).`;
  for (const code of codes) {
    const problem = codeProblem(code);
    if (problem) return code === '' ? problem : problem.replace(/^A code/, `Code ${short(code)}`);
  }
  if (new Set(codes).size !== codes.length) return 'A code is listed twice.';
  return undefined;
}

const short = (code: string): string => (code.length > 40 ? `${code.slice(0, 37)}…` : code);

/** Two listed items that would share a code. */
export interface CodeClash {
  code: string;
  /** The item a change gave the code. */
  item: Item;
  /** The listed item that already has it. */
  other: Item;
}

/** The refusal's words, naming the item that has the code: Code 4006381333931 is already on “Pencil”. */
export const clashMessage = (c: Pick<CodeClash, 'code' | 'other'>): string => `Code ${short(c.code)} is already on “${c.other.name}”.`;

/** Two items that a change would make share a code: “Pencil” and “Pen” would both have code 4006381333931. */
export const sharedMessage = (c: CodeClash): string => `“${c.other.name}” and “${c.item.name}” would both have code ${short(c.code)}`;

