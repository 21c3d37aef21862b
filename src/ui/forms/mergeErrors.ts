import type { FieldErrors } from '../../domain/validation';

/** Several validators' results as one; undefined when all passed. */
export function mergeErrors(...parts: (FieldErrors | undefined)[]): FieldErrors | undefined {
  const out: FieldErrors = {};
  for (const p of parts) if (p) Object.assign(out, p);
  return Object.keys(out).length ? out : undefined;
}
