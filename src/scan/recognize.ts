// What a scanned or typed text names: one of the app's own label URLs (an item's or a location's page, as
// src/labels prints them: origin + base + /item/<id> or /locations/<name>), else a code to look up.
import { codeProblem, findByCode } from '../domain/codes';
import type { Item } from '../domain/inventory';

export type Scanned =
  | { kind: 'item'; id: string }
  | { kind: 'location'; name: string }
  | { kind: 'code'; code: string }
  /** Not a code (empty, too long, control characters): nothing is looked up or written. */
  | { kind: 'problem'; message: string };

/** Where the app is served: `origin` (e.g. https://example.org) and `base` (the path prefix, '' at the root). */
export interface AppPlace {
  origin: string;
  base: string;
}

const PAGE = /^\/(item|locations)\/([^/?#]+)\/?$/;

/** Reads a scanned text. Leading and trailing spaces (some scanners add them) are not part of the code. */
export function recognize(raw: string, app: AppPlace): Scanned {
  const text = raw.trim();
  const problem = codeProblem(text);
  if (problem) return { kind: 'problem', message: problem };
  const page = ownPage(text, app);
  return page ?? { kind: 'code', code: text };
}

/** What a scanned text names in this inventory: a code is looked up, and is `unknown` when no listed item has it. */
export type Found = Exclude<Scanned, { kind: 'code' }> | { kind: 'unknown'; code: string };

export function lookUp(raw: string, app: AppPlace, items: Iterable<Item>): Found {
  const r = recognize(raw, app);
  if (r.kind !== 'code') return r;
  const item = findByCode(items, r.code);
  return item ? { kind: 'item', id: item.id } : { kind: 'unknown', code: r.code };
}

function ownPage(text: string, app: AppPlace): Scanned | undefined {
  const prefix = app.origin + app.base;
  if (!text.startsWith(prefix + '/')) return undefined;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  if (url.origin !== app.origin || !url.pathname.startsWith(app.base + '/')) return undefined;
  const m = PAGE.exec(url.pathname.slice(app.base.length));
  if (!m) return undefined;
  let name: string;
  try {
    name = decodeURIComponent(m[2]!);
  } catch {
    return undefined;
  }
  return m[1] === 'item' ? { kind: 'item', id: name } : { kind: 'location', name };
}
