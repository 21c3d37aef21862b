// Quantities with their unit, in the right number: "1 pack", "5 packs", "1 pc", "3 pcs", "2.5 kg". Units are the
// user's own words, usually entered once in whichever form came to mind ("pcs", "pack", "boxes"), so the form
// a count needs is derived from either: Intl.PluralRules says which form a number takes (English wording),
// and a short list of abbreviations and English spelling rules make that form. Symbols (kg, ml, %) never change.
import { qty } from './format';

const rules = new Intl.PluralRules('en');

/** Abbreviations whose plural is not the singular plus "s" by rule below, as [one, other]. */
const PAIRS: [string, string][] = [
  ['pc', 'pcs'],
  ['lb', 'lbs'],
  ['pkg', 'pkgs'],
  ['ea', 'ea'],
  ['pair', 'pairs'],
];
const SYMBOLS = new Set(['g', 'kg', 'mg', 'µg', 't', 'l', 'ml', 'cl', 'dl', 'm', 'cm', 'mm', 'km', 'oz', 'fl oz', 'gal', 'qt', 'pt', 'in', 'ft', 'yd', '%', 'm²', 'm³', 'sq ft', 'kwh', 'wh']);
const lower = (s: string) => s.toLocaleLowerCase('en');

/** The singular form of `unit` (which may be written either way). */
export function singularOf(unit: string): string {
  const u = lower(unit);
  if (SYMBOLS.has(u) || !/^[\p{L} ]+$/u.test(unit)) return unit;
  const pair = PAIRS.find(([, many]) => many === u);
  if (pair) return keepCase(unit, pair[0]);
  if (PAIRS.some(([one]) => one === u)) return unit;
  if (/[^aeiou]ies$/.test(u)) return unit.slice(0, -3) + 'y';
  if (/(x|ch|sh|ss|zz)es$/.test(u)) return unit.slice(0, -2);
  if (/[^su]s$/.test(u) && u.length > 3) return unit.slice(0, -1);
  return unit;
}

/** The plural form of `unit` (which may be written either way). */
export function pluralOf(unit: string): string {
  const u = lower(unit);
  if (SYMBOLS.has(u) || !/^[\p{L} ]+$/u.test(unit)) return unit;
  const pair = PAIRS.find(([one, many]) => one === u || many === u);
  if (pair) return keepCase(unit, pair[1]);
  const one = singularOf(unit);
  const o = lower(one);
  if (o !== u) return unit; // it was written in the plural already
  if (/[^aeiou]y$/.test(o)) return one.slice(0, -1) + 'ies';
  if (/(x|ch|sh|ss|zz|s)$/.test(o)) return `${one}es`;
  return `${one}s`;
}

const keepCase = (written: string, form: string): string => (written === written.toUpperCase() && written !== lower(written) ? form.toUpperCase() : form);

/** `unit` in the form `n` takes: "pack" for 1, "packs" for 5 and 1.5. */
export const unitFor = (n: number, unit: string): string => (rules.select(n) === 'one' ? singularOf(unit) : pluralOf(unit));

/** "5 packs", "1 pc", "2.5 kg", or just "5" without a unit. */
export const amount = (n: number, unit: string | undefined): string => (unit ? `${qty(n)} ${unitFor(Math.abs(n), unit)}` : qty(n));

/** "5 packs of Rice", "3 × Sword" (no unit). */
export const amountOfItem = (n: number, item: { name: string; unit?: string | undefined } | undefined, fallbackName = 'an unknown item'): string => {
  const name = item?.name ?? fallbackName;
  return item?.unit ? `${amount(n, item.unit)} of ${name}` : `${qty(n)} × ${name}`;
};
