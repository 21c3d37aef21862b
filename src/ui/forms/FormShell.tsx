// The frame every command form shares: the refusal alert at the top, then fields, then the buttons.
import type { ComponentChildren } from 'preact';
import type { Refusal } from './useForm';
import { closeDialog } from './dialogs';

interface Props {
  refusal: Refusal | null;
  submitLabel: string;
  canSubmit: boolean;
  busy: boolean;
  onSubmit: () => void;
  /** Why submit is disabled, when it is not obvious from the field messages. */
  blockedHint?: string | undefined;
  danger?: boolean;
  /** A second way to submit (e.g. "Create and add another"), shown before the main button. */
  also?: { label: string; onSubmit: () => void } | undefined;
  children: ComponentChildren;
}

export function FormShell({ refusal, submitLabel, canSubmit, busy, onSubmit, blockedHint, danger, also, children }: Props) {
  return (
    <form
      class="form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (canSubmit && !busy) onSubmit();
      }}
    >
      {refusal && (
        <div class="form-alert" role="alert">
          {refusal.error}
        </div>
      )}
      {children}
      <div class="form-buttons">
        {blockedHint && !canSubmit && <p class="field-hint form-blocked">{blockedHint}</p>}
        <button type="button" class="btn btn-secondary" onClick={closeDialog}>
          Cancel
        </button>
        {also && (
          <button type="button" class="btn btn-secondary" disabled={!canSubmit || busy} onClick={() => canSubmit && !busy && also.onSubmit()}>
            {also.label}
          </button>
        )}
        <button type="submit" class={`btn ${danger ? 'btn-danger' : 'btn-primary'}`} disabled={!canSubmit || busy}>
          {busy ? 'Saving…' : submitLabel}
        </button>
      </div>
    </form>
  );
}
