// +1 / −1 per row. Both use the same bucket (unassigned when it has stock, else the largest location), so a
// slip of the finger is undone by the other button as well as by the toast's Undo.
import { quantityOf, type Item } from '../../domain/inventory';
import { runQuick } from '../actions';
import { canQuickRemove, quickAddLocation, quickRemoveLocation } from '../format';

export function QuickButtons({ item }: { item: Item }) {
  if (!item.known || item.archived) return null;
  const removable = canQuickRemove(item) && quantityOf(item) > 0;
  return (
    <div class="quick">
      <button
        type="button"
        class="btn btn-small btn-quick"
        aria-label={`Remove 1 ${item.name}`}
        disabled={!removable}
        onClick={() => void runQuick({ type: 'removeStock', itemId: item.id, quantity: 1, location: quickRemoveLocation(item) || undefined })}
      >
        −1
      </button>
      <button
        type="button"
        class="btn btn-small btn-quick"
        aria-label={`Add 1 ${item.name}`}
        onClick={() => void runQuick({ type: 'addStock', itemId: item.id, quantity: 1, location: quickAddLocation(item) || undefined })}
      >
        +1
      </button>
    </div>
  );
}
