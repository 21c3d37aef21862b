// Form state shared by the command forms: raw text values, which fields the user has touched (errors show once
// a field is touched, not while it is still empty on open), the engine's refusal, and the busy flag.
import { useState } from 'preact/hooks';
import type { Command } from '../../domain/commands';
import type { FieldErrors } from '../../domain/validation';
import { runCommand } from '../actions';
import { closeDialog } from './dialogs';

export interface Refusal {
  error: string;
  fields?: FieldErrors;
}

export function useForm<K extends string>(initial: Record<K, string>) {
  const [values, setValues] = useState(initial);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [busy, setBusy] = useState(false);

  const set = (name: K, value: string) => {
    setValues((v) => ({ ...v, [name]: value }));
    setTouched((t) => (t.has(name) ? t : new Set(t).add(name)));
    // The engine's complaint about this field no longer applies once it is edited.
    setRefusal((r) => {
      if (!r?.fields?.[name]) return r;
      const { [name]: _gone, ...fields } = r.fields;
      return { ...r, fields };
    });
  };

  /** Props for a text-like control bound to `name`. */
  const bind = (name: K) => ({
    name,
    value: values[name],
    onInput: (e: Event) => set(name, (e.currentTarget as HTMLInputElement).value),
  });

  /** The message to show under `name`: the engine's, else the live validation's once touched. */
  const errorFor = (errors: FieldErrors | undefined, name: K): string | undefined =>
    refusal?.fields?.[name] ?? (touched.has(name) ? errors?.[name] : undefined);

  /**
   * Runs `cmd`; closes the dialog on success (unless `keepOpen`), keeps it open with the refusal otherwise.
   * True when the command succeeded.
   */
  const submit = async (cmd: Command, opts: { keepOpen?: boolean } = {}): Promise<boolean> => {
    setBusy(true);
    setRefusal(null);
    const r = await runCommand(cmd);
    setBusy(false);
    if (r.ok && !opts.keepOpen) closeDialog();
    else if (!r.ok) setRefusal({ error: r.error, ...(r.fields ? { fields: r.fields } : {}) });
    return r.ok;
  };

  /** Starts over with `next` (e.g. for the next item of a batch): nothing touched, no refusal. */
  const reset = (next: Record<K, string>) => {
    setValues(next);
    setTouched(new Set());
    setRefusal(null);
  };

  return { values, set, bind, errorFor, submit, reset, refusal, busy, touched };
}

/** '' -> undefined, otherwise a number (NaN when not one, which validatePositive reports). */
export function parseNumber(s: string): number | undefined {
  const t = s.trim();
  return t === '' ? undefined : Number(t);
}

export const optionalText = (s: string): string | undefined => (s.trim() === '' ? undefined : s.trim());
