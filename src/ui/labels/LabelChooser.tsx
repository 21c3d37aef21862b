// Ticking what to print: items (found with the search box) or locations. A tick list of at most MAX_SHOWN
// entries: the search narrows longer inventories.
import type { ComponentChildren } from 'preact';

export const MAX_SHOWN = 300;

export interface Choice {
  key: string;
  name: string;
  hint?: string | undefined;
}

interface Props {
  legend: string;
  /** What can be ticked, in order. */
  choices: readonly Choice[];
  isChosen: (key: string) => boolean;
  onToggle: (key: string, chosen: boolean) => void;
  onAll?: (() => void) | undefined;
  onNone: () => void;
  /** Above the list (the search box). */
  children?: ComponentChildren;
  empty: string;
}

export function LabelChooser({ legend, choices, isChosen, onToggle, onAll, onNone, children, empty }: Props) {
  const ticked = choices.filter((c) => isChosen(c.key)).length;
  return (
    <fieldset class="labels-pick">
      <legend>{legend}</legend>
      {children}
      <div class="labels-pick-actions">
        <span class="muted">
          {ticked} of {choices.length} ticked
        </span>
        <button type="button" class="btn btn-secondary btn-small" onClick={onAll} disabled={!onAll || ticked === choices.length}>
          Tick all
        </button>
        <button type="button" class="btn btn-secondary btn-small" onClick={onNone} disabled={ticked === 0}>
          Untick all
        </button>
      </div>
      {choices.length === 0 ? (
        <p class="muted">{empty}</p>
      ) : (
        <ul class="labels-pick-list">
          {choices.slice(0, MAX_SHOWN).map((c) => (
            <li key={c.key}>
              <label class="check">
                <input type="checkbox" checked={isChosen(c.key)} onChange={(e) => onToggle(c.key, e.currentTarget.checked)} />
                <span>
                  {c.name}
                  {c.hint && <span class="muted"> · {c.hint}</span>}
                </span>
              </label>
            </li>
          ))}
        </ul>
      )}
      {choices.length > MAX_SHOWN && (
        <p class="field-hint">
          The first {MAX_SHOWN} of {choices.length} are listed: search to find the others.
        </p>
      )}
    </fieldset>
  );
}
