// Key/value rows with add and remove. Every control is labelled per row for screen readers.
import type { AttrKind, AttrRow } from './attributes';
import { newRow } from './attributes';

interface Props {
  idPrefix: string;
  legend?: string;
  hint?: string;
  rows: AttrRow[];
  errors: Record<number, string>;
  onChange: (rows: AttrRow[]) => void;
}

export function AttributesEditor({ idPrefix, legend = 'Attributes', hint = 'Anything else worth recording, such as colour, size or origin.', rows, errors, onChange }: Props) {
  const update = (rid: number, patch: Partial<AttrRow>) => onChange(rows.map((r) => (r.rid === rid ? { ...r, ...patch } : r)));
  return (
    <fieldset class="attributes">
      <legend>{legend}</legend>
      {rows.length === 0 && <p class="field-hint">{hint}</p>}
      {rows.map((r, i) => {
        const id = `${idPrefix}-attr-${r.rid}`;
        const err = errors[r.rid];
        const n = i + 1;
        return (
          <div class={`attr-row${err ? ' field-invalid' : ''}`} key={r.rid}>
            <input
              id={`${id}-key`}
              class="attr-key"
              aria-label={`Attribute ${n} name`}
              placeholder="Name"
              value={r.key}
              aria-invalid={err ? 'true' : undefined}
              aria-describedby={err ? `${id}-error` : undefined}
              onInput={(e) => update(r.rid, { key: e.currentTarget.value })}
            />
            {r.kind === 'yesno' ? (
              <select class="attr-value" aria-label={`Attribute ${n} value`} value={r.value === 'yes' ? 'yes' : 'no'} onChange={(e) => update(r.rid, { value: e.currentTarget.value })}>
                <option value="yes">Yes</option>
                <option value="no">No</option>
              </select>
            ) : (
              <input
                class="attr-value"
                aria-label={`Attribute ${n} value`}
                placeholder="Value"
                inputMode={r.kind === 'number' ? 'decimal' : undefined}
                value={r.value}
                aria-invalid={err ? 'true' : undefined}
                aria-describedby={err ? `${id}-error` : undefined}
                onInput={(e) => update(r.rid, { value: e.currentTarget.value })}
              />
            )}
            <select class="attr-kind" aria-label={`Attribute ${n} kind`} value={r.kind} onChange={(e) => update(r.rid, { kind: e.currentTarget.value as AttrKind })}>
              <option value="text">Text</option>
              <option value="number">Number</option>
              <option value="yesno">Yes/no</option>
            </select>
            <button type="button" class="btn-icon" aria-label={`Remove attribute ${n}${r.key ? ` “${r.key}”` : ''}`} onClick={(e) => {
                // Focus would fall to <body> with the row gone; move it to "Add attribute".
                const add = e.currentTarget.closest('fieldset')?.querySelector<HTMLButtonElement>(':scope > button');
                onChange(rows.filter((x) => x.rid !== r.rid));
                requestAnimationFrame(() => add?.focus());
              }}>
              ×
            </button>
            {err && (
              <p class="field-error attr-error" id={`${id}-error`}>
                {err}
              </p>
            )}
          </div>
        );
      })}
      <button
        type="button"
        class="btn btn-secondary btn-small"
        onClick={(e) => {
          const fieldset = e.currentTarget.closest('fieldset');
          onChange([...rows, newRow()]);
          requestAnimationFrame(() => [...(fieldset?.querySelectorAll<HTMLInputElement>('.attr-key') ?? [])].pop()?.focus());
        }}
      >
        Add attribute
      </button>
    </fieldset>
  );
}
