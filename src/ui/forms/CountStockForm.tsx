// Stocktake: what was counted at one location replaces what the log expected there.
import { quantityAt, UNASSIGNED, type Item } from '../../domain/inventory';
import { validateLocation, validatePositive } from '../../domain/validation';
import { locationName, qty, signed, sortedLocations } from '../format';
import { knownLocations } from '../known';
import { Field, Suggestions } from './Field';
import { FormShell } from './FormShell';
import { mergeErrors } from './mergeErrors';
import { optionalText, parseNumber, useForm } from './useForm';

export function CountStockForm({ item }: { item: Item }) {
  const locations = sortedLocations(item.stock).map(([l]) => l);
  const only = locations.length === 1 ? locations[0]! : UNASSIGNED;
  const form = useForm({ location: only, counted: '' });
  const v = form.values;
  const id = `count-${item.id}`;
  const counted = parseNumber(v.counted);
  const errors = mergeErrors(validateLocation('location', v.location), validatePositive('counted', counted, true));
  const location = optionalText(v.location);
  const expected = quantityAt(item, location);
  const diff = counted !== undefined && Number.isFinite(counted) ? counted - expected : undefined;
  const suggestions = [...new Set([...locations.filter((l) => l !== UNASSIGNED), ...knownLocations.value])];

  return (
    <FormShell
      refusal={form.refusal}
      submitLabel="Save count"
      canSubmit={!errors}
      busy={form.busy}
      onSubmit={() => void form.submit({ type: 'countStock', itemId: item.id, counted: counted!, location })}
    >
      <Field id={`${id}-location`} label="Location" hint="Leave empty for unassigned." error={form.errorFor(errors, 'location')}>
        {(c) => <input {...c} {...form.bind('location')} list={`${id}-locations`} autoComplete="off" />}
      </Field>
      <Suggestions id={`${id}-locations`} values={suggestions} />
      <p class="count-expected" aria-live="polite">
        Expected at {locationName(location)}: <strong>{qty(expected)}</strong>
        {diff !== undefined && !errors && <span class={diff === 0 ? 'diff-zero' : 'diff'}>{diff === 0 ? ' — matches' : ` — difference ${signed(diff)}`}</span>}
      </p>
      <Field id={`${id}-counted`} label={`Counted${item.unit ? ` (${item.unit})` : ''}`} error={form.errorFor(errors, 'counted')}>
        {(c) => <input {...c} {...form.bind('counted')} type="number" inputMode="decimal" step="any" min="0" />}
      </Field>
    </FormShell>
  );
}
