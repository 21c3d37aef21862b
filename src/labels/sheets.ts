// The label sheets Eventory prints on, and where each label of a run falls on them. Sizes are the products'
// published ones: page size, the first label's offset from the page's top left corner, label size and the gaps
// between labels, in the unit the product is specified in (so no rounding creeps in).

export type SheetId = 'a4-3x8' | 'letter-2x5' | 'roll-62x29';
export type SheetUnit = 'mm' | 'in';

export interface SheetSpec {
  id: SheetId;
  /** What the sheet selector says. */
  name: string;
  unit: SheetUnit;
  page: { width: number; height: number };
  /** The first label's top left corner, from the page's. */
  offset: { top: number; left: number };
  label: { width: number; height: number };
  gap: { x: number; y: number };
  columns: number;
  rows: number;
}

export const SHEETS: readonly SheetSpec[] = [
  // 24 labels of 70 × 37 mm edge to edge across A4 (e.g. Avery 3475, Herma 4453): 0.5 mm above and below.
  { id: 'a4-3x8', name: 'A4, 3 × 8 labels of 70 × 37 mm', unit: 'mm', page: { width: 210, height: 297 }, offset: { top: 0.5, left: 0 }, label: { width: 70, height: 37 }, gap: { x: 0, y: 0 }, columns: 3, rows: 8 },
  // Avery 5163 (and 8163, 5963…): 4 × 2 in, ½ in top margin, 5⁄32 in side margins, 3⁄16 in between the columns.
  { id: 'letter-2x5', name: 'Letter, 2 × 5 labels of 4 × 2 in (Avery 5163)', unit: 'in', page: { width: 8.5, height: 11 }, offset: { top: 0.5, left: 0.15625 }, label: { width: 4, height: 2 }, gap: { x: 0.1875, y: 0 }, columns: 2, rows: 5 },
  // A label printer's roll (e.g. Brother DK-11209, 62 × 29 mm): one label per page.
  { id: 'roll-62x29', name: 'Label printer, 62 × 29 mm roll', unit: 'mm', page: { width: 62, height: 29 }, offset: { top: 0, left: 0 }, label: { width: 62, height: 29 }, gap: { x: 0, y: 0 }, columns: 1, rows: 1 },
];

export const sheetById = (id: string | null | undefined): SheetSpec | undefined => SHEETS.find((s) => s.id === id);

export const labelsPerSheet = (s: SheetSpec): number => s.columns * s.rows;

// Regions whose offices buy US Letter rather than A4.
const LETTER_REGIONS = new Set(['US', 'CA', 'MX', 'PH', 'CL', 'CO', 'VE', 'PR']);

/** The sheet offered first for a locale such as "en-US": Letter where Letter paper is the norm, else A4. */
export function defaultSheet(locale: string): SheetSpec {
  const region = /[-_]([A-Za-z]{2})\b/.exec(locale)?.[1]?.toUpperCase();
  return SHEETS.find((s) => s.id === (region && LETTER_REGIONS.has(region) ? 'letter-2x5' : 'a4-3x8'))!;
}

/** The labels to leave blank at the start of a partly used sheet: a whole number from 0 to one less than a sheet. */
export function clampSkip(s: SheetSpec, skip: number): number {
  if (!Number.isFinite(skip)) return 0;
  return Math.min(Math.max(0, Math.trunc(skip)), labelsPerSheet(s) - 1);
}

/**
 * The pages of a run of `count` labels: each page lists its slots in reading order (row by row), holding the
 * label's index in the run or null for a slot left blank (the `skip` first ones of the first page, and the rest
 * of the last page). No labels: no pages.
 */
export function layoutSheets(count: number, s: SheetSpec, skip = 0): (number | null)[][] {
  const per = labelsPerSheet(s);
  const first = clampSkip(s, skip);
  const pages: (number | null)[][] = [];
  for (let slot = first; slot < first + count; slot++) {
    const page = Math.floor(slot / per);
    pages[page] ??= Array.from({ length: per }, () => null);
    pages[page]![slot % per] = slot - first;
  }
  return pages;
}

/** Where the slot's label sits on its page (top left corner, in the sheet's unit). */
export function slotPosition(s: SheetSpec, slot: number): { top: number; left: number } {
  const row = Math.floor(slot / s.columns) % s.rows;
  const col = slot % s.columns;
  return { top: s.offset.top + row * (s.label.height + s.gap.y), left: s.offset.left + col * (s.label.width + s.gap.x) };
}

/** How far the labels reach (right and bottom edge of the last column and row): must stay on the page. */
export function usedArea(s: SheetSpec): { width: number; height: number } {
  const last = slotPosition(s, labelsPerSheet(s) - 1);
  return { width: last.left + s.label.width, height: last.top + s.label.height };
}

const CSS_PX: Record<SheetUnit, number> = { mm: 96 / 25.4, in: 96 };

/** A length of the sheet's unit in CSS pixels (96 per inch), for scaling the preview to the screen. */
export const toCssPx = (s: SheetSpec, length: number): number => length * CSS_PX[s.unit];
