// Free attributes as editable rows. Each row keeps its value as text plus a kind, so "007" stays text unless
// the user says it is a number.
import type { AttributeValue, Attributes } from '../../domain/events';
import { LIMITS } from '../../domain/events';
import { reservedAttributeName } from '../../domain/validation';

export type AttrKind = 'text' | 'number' | 'yesno';
export interface AttrRow {
  rid: number;
  key: string;
  value: string;
  kind: AttrKind;
}

let nextRid = 1;
export const newRow = (key = '', value = '', kind: AttrKind = 'text'): AttrRow => ({ rid: nextRid++, key, value, kind });

export function rowsOf(attrs: Attributes | undefined): AttrRow[] {
  return Object.entries(attrs ?? {}).map(([k, v]) =>
    typeof v === 'number' ? newRow(k, String(v), 'number') : typeof v === 'boolean' ? newRow(k, v ? 'yes' : 'no', 'yesno') : newRow(k, v, 'text'),
  );
}

const blank = (r: AttrRow) => r.key.trim() === '' && (r.value.trim() === '' || r.kind === 'yesno');

/** The attributes the rows describe (undefined when none) and a message per row that is wrong. */
export function parseRows(rows: readonly AttrRow[]): { attributes: Attributes | undefined; errors: Record<number, string> } {
  const out: Attributes = {};
  const errors: Record<number, string> = {};
  const seen = new Set<string>();
  for (const r of rows) {
    if (blank(r)) continue;
    const key = r.key.trim();
    if (key === '') {
      errors[r.rid] = 'Give this attribute a name.';
      continue;
    }
    if (key.length > LIMITS.name) errors[r.rid] = `Names are at most ${LIMITS.name} characters.`;
    if (seen.has(key)) errors[r.rid] = `“${key}” is used twice.`;
    const reserved = reservedAttributeName(key);
    if (reserved) errors[r.rid] = reserved;
    seen.add(key);
    let v: AttributeValue;
    if (r.kind === 'number') {
      v = r.value.trim() === '' ? NaN : Number(r.value);
      if (!Number.isFinite(v)) errors[r.rid] = 'Enter a number.';
    } else if (r.kind === 'yesno') v = r.value === 'yes';
    else {
      v = r.value;
      if (v.length > LIMITS.text) errors[r.rid] = `At most ${LIMITS.text} characters.`;
    }
    // An own property whatever the name: plain assignment to "__proto__" would silently drop the row.
    Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
  }
  return { attributes: Object.keys(out).length ? out : undefined, errors };
}
