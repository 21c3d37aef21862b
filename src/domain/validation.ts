// Field checks shared by decide() and the forms (which call them as the user types). Limits are the file format's (events.ts LIMITS).
import { codesProblem } from './codes';
import { LIMITS, type Attributes, type ItemFields } from './events';

const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);

/** Why `name` cannot name an attribute, or undefined when it can. */
export function reservedAttributeName(name: string): string | undefined {
  return RESERVED.has(name) ? `“${name}” cannot be used as an attribute name.` : undefined;
}

/** Field name -> message for the user. */
export type FieldErrors = Record<string, string>;

const one = (field: string, msg: string): FieldErrors => ({ [field]: msg });

export function validateText(field: string, v: string | undefined, max: number = LIMITS.text): FieldErrors | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'string') return one(field, 'Must be text.');
  if (v.length > max) return one(field, `At most ${max.toLocaleString('en')} characters (now ${v.length.toLocaleString('en')}).`);
  return undefined;
}

export function validateLocation(field: string, v: string | undefined): FieldErrors | undefined {
  return validateText(field, v?.trim() === '' ? undefined : v, LIMITS.location);
}

/** A finite number > 0, or >= 0 when `zeroOk`. */
export function validatePositive(field: string, v: number | undefined, zeroOk = false): FieldErrors | undefined {
  if (v === undefined || (typeof v === 'number' && Number.isNaN(v))) return one(field, 'Enter a number.');
  if (typeof v !== 'number' || !Number.isFinite(v)) return one(field, 'Enter a number.');
  if (zeroOk ? v < 0 : v <= 0) return one(field, zeroOk ? 'Must be 0 or more.' : 'Must be more than 0.');
  if (v > 1e15) return one(field, 'That number is too large.');
  return undefined;
}

export function validateAttributes(attrs: Attributes | undefined): FieldErrors | undefined {
  if (attrs === undefined) return undefined;
  for (const k of Object.keys(attrs)) {
    const v = attrs[k];
    if (k.trim() === '') return one('attributes', 'Attribute names cannot be empty.');
    // Files with these keys are refused on import (src/io), so the app must not write them either.
    const reserved = reservedAttributeName(k);
    if (reserved) return one('attributes', reserved);
    if (k.length > LIMITS.name) return one('attributes', `Attribute names are at most ${LIMITS.name} characters.`);
    if (typeof v === 'string' && v.length > LIMITS.text) return one('attributes', `“${k}” is longer than ${LIMITS.text} characters.`);
    if (typeof v === 'number' && !Number.isFinite(v)) return one('attributes', `“${k}” must be a finite number.`);
    if (!['string', 'number', 'boolean'].includes(typeof v)) return one('attributes', `“${k}” must be text, a number or yes/no.`);
  }
  return undefined;
}

/** Checks the descriptive fields of an item. `requireName` for creation. */
export function validateFields(f: Partial<ItemFields>, requireName: boolean): FieldErrors | undefined {
  const errors: FieldErrors = {};
  const name = f.name?.trim() ?? '';
  if ((requireName || 'name' in f) && name === '') errors.name = 'An item needs a name.';
  Object.assign(
    errors,
    validateText('name', f.name, LIMITS.name),
    validateText('sku', f.sku),
    validateText('category', f.category),
    validateText('unit', f.unit),
    validateText('notes', f.notes),
    f.minQuantity === undefined ? undefined : validatePositive('minQuantity', f.minQuantity, true),
    validateAttributes(f.attributes),
  );
  const codes = codesProblem(f.codes);
  if (codes) errors.codes = codes;
  if (name === '' && requireName) errors.name = 'An item needs a name.';
  return Object.keys(errors).length ? errors : undefined;
}
