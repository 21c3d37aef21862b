// What /labels prints, held in its address so that a reload, a bookmark or a shared link prints the same:
//   ?item=<id>&item=<id>…       those items (the item page's "Print label", a selection)
//   ?location=<name>&location=… labels for those locations (each opens the location's page)
//   ?locations=all              a label for every location
//   otherwise                   the items the inventory lists with the same filter (`q`, `loc`, `cat`, `low`…,
//                               as on `/`), so the inventory's "Print labels" keeps its search; none: every item
// and how: `sheet=<id>` (src/labels/sheets.ts; absent: the locale's usual paper) and `skip=<n>` labels left blank.
import { clampSkip, defaultSheet, sheetById, type SheetId, type SheetSpec } from './sheets';

/** The inventory's filter and sort parameters (src/ui/inventory/listing.ts) that /labels passes through. */
export const FILTER_KEYS = ['q', 'loc', 'unassigned', 'cat', 'low', 'instock', 'archived', 'sort', 'dir'] as const;

export type LabelChoice =
  | { kind: 'items'; ids: string[] }
  | { kind: 'locations'; names: string[] }
  | { kind: 'allLocations' }
  | { kind: 'filter'; filter: [string, string][] };

export interface LabelsView {
  choice: LabelChoice;
  /** The search of the item chooser (`q`; in a filter choice it is part of the filter too). */
  search: string;
  /** The sheet named in the address, if any (sheetOf gives the one to use). */
  sheet: SheetId | undefined;
  skip: number;
}

const distinct = (values: string[]): string[] => [...new Set(values.filter((v) => v !== ''))];

export function parseLabelsView(p: URLSearchParams): LabelsView {
  // `?item=` alone is a choice of no items (all unticked), not "no choice": it prints nothing.
  const choice: LabelChoice = p.has('item')
    ? { kind: 'items', ids: distinct(p.getAll('item')) }
    : p.has('location')
      ? { kind: 'locations', names: distinct(p.getAll('location')) }
      : p.get('locations') === 'all'
        ? { kind: 'allLocations' }
        : { kind: 'filter', filter: FILTER_KEYS.flatMap((k) => (p.get(k) ? [[k, p.get(k)!] as [string, string]] : [])) };
  const sheet = sheetById(p.get('sheet'))?.id;
  const skip = Number(p.get('skip') ?? 0);
  return { choice, search: p.get('q') ?? '', sheet, skip: Number.isFinite(skip) && skip > 0 ? Math.trunc(skip) : 0 };
}

/** The sheet to print on: the one chosen, else the locale's usual paper. */
export const sheetOf = (v: LabelsView, locale: string): SheetSpec => sheetById(v.sheet) ?? defaultSheet(locale);

/** The address of a view (the inverse of parseLabelsView; a skip is kept only as far as the sheet allows). */
export function labelsPath(v: LabelsView, locale: string): string {
  const q = new URLSearchParams();
  const c = v.choice;
  switch (c.kind) {
    case 'items':
      for (const id of c.ids.length > 0 ? c.ids : ['']) q.append('item', id);
      if (v.search) q.set('q', v.search);
      break;
    case 'locations':
      for (const name of c.names.length > 0 ? c.names : ['']) q.append('location', name);
      break;
    case 'allLocations':
      q.set('locations', 'all');
      break;
    case 'filter':
      for (const [k, value] of c.filter) q.set(k, value);
      break;
    default: {
      const never: never = c;
      throw new Error(`Unknown label choice ${JSON.stringify(never)}`);
    }
  }
  if (v.sheet) q.set('sheet', v.sheet);
  const skip = clampSkip(sheetOf(v, locale), v.skip);
  if (skip > 0) q.set('skip', String(skip));
  const s = q.toString();
  return s ? `/labels?${s}` : '/labels';
}
