// New item and Edit item: the same fields; an edit sends only what changed (spec: ItemUpdated lists changes).
import { useState } from 'preact/hooks';
import { parseCodes } from '../../domain/codes';
import type { Command } from '../../domain/commands';
import type { ItemFields } from '../../domain/events';
import type { Item } from '../../domain/inventory';
import { validateFields } from '../../domain/validation';
import { knownCategories, knownUnits } from '../known';
import { AttributesEditor } from './AttributesEditor';
import { parseRows, rowsOf, type AttrRow } from './attributes';
import { Field, Suggestions } from './Field';
import { FormShell } from './FormShell';
import { EMPTY_STOCK, InitialStockFields, initialStockOf, stockErrorsOf, type StockKey } from './InitialStockFields';
import { mergeErrors } from './mergeErrors';
import { optionalText, parseNumber, useForm } from './useForm';

type Key = 'name' | 'sku' | 'codes' | 'category' | 'unit' | 'minQuantity' | 'notes' | StockKey;

const initialOf = (item?: Item): Record<Key, string> => ({
  ...EMPTY_STOCK,
  name: item?.name ?? '',
  sku: item?.sku ?? '',
  codes: item?.codes?.join('\n') ?? '',
  category: item?.category ?? '',
  unit: item?.unit ?? '',
  minQuantity: item?.minQuantity === undefined ? '' : String(item.minQuantity),
  notes: item?.notes ?? '',
});

/** The next item of a batch starts empty but keeps where things go and how they are counted. */
const nextOf = (v: Record<Key, string>): Record<Key, string> => ({ ...initialOf(), category: v.category, unit: v.unit, location: v.location });

const someCodes = (codes: string[]): string[] | undefined => (codes.length > 0 ? codes : undefined);

function fieldsOf(v: Record<Key, string>, rows: AttrRow[]): ItemFields {
  return {
    name: v.name.trim(),
    sku: optionalText(v.sku),
    codes: someCodes(parseCodes(v.codes)),
    category: optionalText(v.category),
    unit: optionalText(v.unit),
    minQuantity: parseNumber(v.minQuantity),
    notes: optionalText(v.notes),
    attributes: parseRows(rows).attributes,
  };
}

/** The fields of `next` that differ from `item`; a cleared field is present with `undefined`. */
function changesOf(item: Item, next: ItemFields): Extract<Command, { type: 'editItem' }>['changes'] {
  const changes: Record<string, unknown> = {};
  for (const k of Object.keys(next) as (keyof ItemFields)[]) {
    if (JSON.stringify(item[k]) !== JSON.stringify(next[k])) changes[k] = next[k];
  }
  return changes;
}

/** `codes`: a new item's codes to start with (after scanning a code no item has). */
export function ItemForm({ item, codes }: { item?: Item; codes?: string | undefined }) {
  const form = useForm(codes === undefined ? initialOf(item) : { ...initialOf(item), codes });
  const [rows, setRows] = useState<AttrRow[]>(() => rowsOf(item?.attributes));
  const [lastCreated, setLastCreated] = useState<string>();
  const id = item ? `edit-${item.id}` : 'new-item';
  const fields = fieldsOf(form.values, rows);
  const initial = item ? undefined : initialStockOf(form.values);
  const errors = mergeErrors(validateFields(fields, true), item ? undefined : stockErrorsOf(form.values));
  const attr = parseRows(rows);
  const changes = item ? changesOf(item, fields) : undefined;
  const nothingChanged = changes !== undefined && Object.keys(changes).length === 0;
  const valid = !errors && Object.keys(attr.errors).length === 0;
  const err = (k: Key) => form.errorFor(errors, k);

  const create = () => ({ type: 'createItem' as const, ...fields, ...(initial ? { initial } : {}) });
  const onSubmit = () => void form.submit(item ? { type: 'editItem', itemId: item.id, changes: changes! } : create());
  const addAnother = async () => {
    if (!(await form.submit(create(), { keepOpen: true }))) return;
    form.reset(nextOf(form.values));
    setRows([]);
    setLastCreated(fields.name);
    document.getElementById(`${id}-name`)?.focus();
  };

  return (
    <FormShell
      refusal={form.refusal}
      submitLabel={item ? 'Save changes' : 'Create item'}
      canSubmit={valid && !nothingChanged}
      busy={form.busy}
      onSubmit={onSubmit}
      also={item ? undefined : { label: 'Create and add another', onSubmit: () => void addAnother() }}
      blockedHint={valid && nothingChanged ? 'Nothing changed yet.' : undefined}
    >
      {lastCreated && (
        <p class="form-saved" role="status">
          Created “{lastCreated}”. Next item:
        </p>
      )}
      <Field id={`${id}-name`} label="Name" error={err('name')}>
        {(c) => <input {...c} {...form.bind('name')} required autoComplete="off" />}
      </Field>
      {!item && <InitialStockFields id={id} unit={form.values.unit} bind={form.bind} error={err} />}
      <div class="field-row">
        <Field id={`${id}-sku`} label="SKU (optional)" error={err('sku')}>
          {(c) => <input {...c} {...form.bind('sku')} autoComplete="off" />}
        </Field>
        <Field id={`${id}-category`} label="Category (optional)" error={err('category')}>
          {(c) => <input {...c} {...form.bind('category')} list={`${id}-categories`} autoComplete="off" />}
        </Field>
      </div>
      <Suggestions id={`${id}-categories`} values={knownCategories.value} />
      <Field id={`${id}-codes`} label="Barcodes / codes (optional)" hint="One per line or separated by commas. A USB or Bluetooth scanner can type them here." error={err('codes')}>
        {(c) => <textarea {...c} {...form.bind('codes')} rows={2} autoComplete="off" spellcheck={false} />}
      </Field>
      <div class="field-row">
        <Field id={`${id}-unit`} label="Unit (optional)" hint="e.g. pcs, kg, m" error={err('unit')}>
          {(c) => <input {...c} {...form.bind('unit')} list={`${id}-units`} autoComplete="off" />}
        </Field>
        <Field id={`${id}-min`} label="Minimum quantity (optional)" hint="Flags low stock below this" error={err('minQuantity')}>
          {(c) => <input {...c} {...form.bind('minQuantity')} type="number" inputMode="decimal" step="any" min="0" />}
        </Field>
      </div>
      <Suggestions id={`${id}-units`} values={knownUnits.value} />
      <Field id={`${id}-notes`} label="Notes (optional)" error={err('notes')}>
        {(c) => <textarea {...c} {...form.bind('notes')} rows={2} />}
      </Field>
      <AttributesEditor idPrefix={id} rows={rows} errors={attr.errors} onChange={setRows} />
      {(form.refusal?.fields?.attributes ?? errors?.attributes) && <p class="field-error">{form.refusal?.fields?.attributes ?? errors?.attributes}</p>}
    </FormShell>
  );
}
