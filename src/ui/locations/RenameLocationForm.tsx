// Renaming a place: a form on its page. Refusals (an empty name, the name of another place) show next to the
// field; on success the page follows the new name, and the toast's Undo takes the whole rename back.
import { validateLocation } from '../../domain/validation';
import { Field } from '../forms/Field';
import { useForm } from '../forms/useForm';
import { navigate } from '../router';

export function RenameLocationForm({ from }: { from: string }) {
  const form = useForm({ to: '' });
  const to = form.values.to.trim();
  const error = form.errorFor(validateLocation('to', to), 'to');
  const onSubmit = async (e: Event) => {
    e.preventDefault();
    if (form.busy) return;
    if (await form.submit({ type: 'renameLocation', from, to }, { keepOpen: true })) navigate(`/locations/${encodeURIComponent(to)}`, { replace: true });
  };
  return (
    <form class="card form rename-location" noValidate onSubmit={(e) => void onSubmit(e)}>
      <h2>Rename this location</h2>
      {form.refusal && (
        <div class="form-alert" role="alert">
          {form.refusal.error}
        </div>
      )}
      <div class="rename-row">
        <Field id="rename-to" label="New name" hint="Everything stored here moves to the new name, as one change you can undo." error={error}>
          {(c) => <input {...c} {...form.bind('to')} autoComplete="off" />}
        </Field>
        <button type="submit" class="btn btn-primary" disabled={form.busy}>
          {form.busy ? 'Renaming…' : 'Rename'}
        </button>
      </div>
    </form>
  );
}
