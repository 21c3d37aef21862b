// Which items the inventory table lists, in what order. Pure: the view's query string maps onto ListOptions.
import { isLowStock, quantityOf, stockAt, UNASSIGNED, type Item } from '../../domain/inventory';
import { compareNames } from '../../lib/compareNames';

export const SORT_KEYS = ['name', 'quantity', 'category', 'unit', 'sku'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDir = 'asc' | 'desc';

export interface ListOptions {
  query: string;
  /** Only items with stock at this location (UNASSIGNED: the unassigned bucket); undefined: anywhere. */
  location?: string | undefined;
  /** Only items of this category. */
  category?: string | undefined;
  /** Only items below their minimum quantity. */
  belowMin?: boolean;
  inStockOnly: boolean;
  showArchived: boolean;
  /** Show each item's value and the total (in the present). */
  showValue?: boolean;
  sort: SortKey;
  dir: SortDir;
}

export const DEFAULT_LIST: ListOptions = { query: '', belowMin: false, inStockOnly: false, showArchived: false, showValue: false, sort: 'name', dir: 'asc' };

/** Search matches name, SKU, codes, category, notes and locations (spec §6), every word somewhere, ignoring case and accents. */
export function matches(item: Item, query: string): boolean {
  return matchesWords(item, searchWords(query));
}

const searchWords = (query: string): string[] => fold(query).split(/\s+/).filter(Boolean);
const matchesWords = (item: Item, words: string[]): boolean => words.length === 0 || words.every((w) => haystack(item).includes(w));

// Items are immutable (a change makes a new object), so the folded search text can be kept per object.
const haystacks = new WeakMap<Item, string>();
function haystack(item: Item): string {
  let h = haystacks.get(item);
  if (h === undefined) haystacks.set(item, (h = fold([item.name, item.sku, ...(item.codes ?? []), item.category, item.notes, ...Object.keys(item.stock)].filter(Boolean).join('\n'))));
  return h;
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();

function compare(a: Item, b: Item, key: SortKey): number {
  switch (key) {
    case 'quantity':
      return quantityOf(a) - quantityOf(b);
    case 'name':
      return compareNames(a.name, b.name);
    default:
      return compareNames(a[key] ?? '', b[key] ?? '');
  }
}

/** Items without a category (unit, SKU) go last whichever way the column is sorted. */
function emptiesLast(a: Item, b: Item, key: SortKey): number {
  if (key !== 'category' && key !== 'unit' && key !== 'sku') return 0;
  return Number(!a[key]) - Number(!b[key]);
}

export function listItems(items: Iterable<Item>, o: ListOptions): Item[] {
  const out: Item[] = [];
  // Once per list, not per item: every append lists all items again.
  const words = searchWords(o.query);
  for (const item of items) {
    // Unknown items (stock events without a creation) are conflicts: always listed so they get resolved.
    if (item.archived && !o.showArchived) continue;
    if (o.inStockOnly && quantityOf(item) <= 0) continue;
    if (o.belowMin && !isLowStock(item)) continue;
    if (o.category !== undefined && item.category !== o.category) continue;
    if (o.location !== undefined && stockAt(item.stock, o.location) === 0) continue;
    if (!matchesWords(item, words)) continue;
    out.push(item);
  }
  const sign = o.dir === 'asc' ? 1 : -1;
  return out.sort((a, b) => emptiesLast(a, b, o.sort) || sign * compare(a, b, o.sort) || compareNames(a.name, b.name) || (a.id < b.id ? -1 : 1));
}

/** ListOptions from the URL query; unknown values fall back to the defaults. */
export function optionsFromParams(p: URLSearchParams): ListOptions {
  const sort = p.get('sort') as SortKey | null;
  return {
    query: p.get('q') ?? '',
    location: p.get('unassigned') === '1' ? UNASSIGNED : (p.get('loc') ?? undefined),
    category: p.get('cat') ?? undefined,
    belowMin: p.get('low') === '1',
    inStockOnly: p.get('instock') === '1',
    showArchived: p.get('archived') === '1',
    showValue: p.get('value') === '1',
    sort: sort && (SORT_KEYS as readonly string[]).includes(sort) ? sort : DEFAULT_LIST.sort,
    dir: p.get('dir') === 'desc' ? 'desc' : 'asc',
  };
}

export function paramsFromOptions(o: ListOptions, extra: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  return {
    ...extra,
    q: o.query || undefined,
    loc: o.location || undefined,
    unassigned: o.location === UNASSIGNED ? '1' : undefined,
    cat: o.category,
    low: o.belowMin ? '1' : undefined,
    instock: o.inStockOnly ? '1' : undefined,
    archived: o.showArchived ? '1' : undefined,
    value: o.showValue ? '1' : undefined,
    sort: o.sort === DEFAULT_LIST.sort && o.dir === 'asc' ? undefined : o.sort,
    dir: o.dir === 'desc' ? 'desc' : undefined,
  };
}
