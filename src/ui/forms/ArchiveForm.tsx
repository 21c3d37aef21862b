// Archive asks first: the item leaves the list (its history stays, and Restore brings it back).
import type { Item } from '../../domain/inventory';
import { quantityOf } from '../../domain/inventory';
import { qty } from '../format';
import { FormShell } from './FormShell';
import { useForm } from './useForm';

export function ArchiveForm({ item }: { item: Item }) {
  const form = useForm({});
  const q = quantityOf(item);
  return (
    <FormShell refusal={form.refusal} submitLabel="Archive" canSubmit busy={form.busy} danger onSubmit={() => void form.submit({ type: 'archiveItem', itemId: item.id })}>
      <p data-autofocus tabIndex={-1}>
        “{item.name}” will leave the inventory list. Its history is kept, and you can restore it from the list with “Show archived”.
      </p>
      {q !== 0 && <p class="field-hint">It still has {qty(q)} in stock; archiving does not change that.</p>}
    </FormShell>
  );
}
