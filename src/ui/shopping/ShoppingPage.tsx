// /shopping: what to buy to bring every item back to its minimum. Ticking an entry records the purchase as
// stock added (reason "purchase", with its cost if given), so the list shrinks as the basket fills. The list
// can be shared (the system's share sheet where there is one, else copied) or printed.
import { useState } from 'preact/hooks';
import { shoppingList, shoppingText, type ShoppingEntry } from '../../domain/shopping';
import { quickAddLocation } from '../format';
import { inventory } from '../../state/app';
import { runCommand, showRefusal } from '../actions';
import { Link, itemPath } from '../router';
import { toast } from '../shell/toasts';
import { amount } from '../units';
import './shopping.css';

const need = (e: ShoppingEntry) => amount(e.need, e.item.unit);

async function share(entries: readonly ShoppingEntry[]): Promise<void> {
  const text = `Shopping list\n${shoppingText(entries, (n, item) => amount(n, item.unit))}`;
  try {
    if (typeof navigator.share === 'function') return void (await navigator.share({ title: 'Shopping list', text }));
    await navigator.clipboard.writeText(text);
    toast({ tone: 'ok', message: 'The shopping list is copied: paste it into a message or a note.' });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') return; // the share sheet was closed
    toast({ tone: 'error', message: `Could not share the list: ${err instanceof Error ? err.message : String(err)}` });
  }
}

export function ShoppingPage() {
  const entries = shoppingList(inventory.value);
  return (
    <section class="page shopping" aria-labelledby="shopping-title">
      <div class="page-head">
        <h1 id="shopping-title" tabIndex={-1}>
          Shopping list
        </h1>
        {entries.length > 0 && (
          <div class="page-actions no-print">
            <button type="button" class="btn btn-secondary" onClick={() => void share(entries)}>
              Share list
            </button>
            <button type="button" class="btn btn-secondary" onClick={() => print()}>
              Print
            </button>
          </div>
        )}
      </div>
      {entries.length === 0 ? (
        <div class="empty">
          <h2>Nothing to buy</h2>
          <p>Every item with a minimum quantity has at least that much. Give items a minimum (Edit on the item's page) and they appear here when they run low.</p>
        </div>
      ) : (
        <>
          <p class="muted no-print">To bring each item back to its minimum. Tick what you bought: it is added to the stock, with its cost if you enter one.</p>
          <ul class="shopping-list">
            {entries.map((e) => (
              <Entry key={e.item.id} entry={e} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function Entry({ entry }: { entry: ShoppingEntry }) {
  const { item } = entry;
  const [quantity, setQuantity] = useState(String(entry.need));
  const [cost, setCost] = useState('');
  const [busy, setBusy] = useState(false);
  const id = `buy-${item.id}`;
  const bought = async () => {
    setBusy(true);
    const q = Number(quantity);
    const unitCost = cost.trim() === '' ? undefined : Number(cost);
    const r = await runCommand({ type: 'addStock', itemId: item.id, quantity: q, location: quickAddLocation(item) || undefined, reason: 'purchase', unitCost });
    setBusy(false);
    if (!r.ok) await showRefusal(r);
  };
  return (
    <li class="card shopping-entry">
      <div class="shopping-what">
        <Link to={itemPath(item.id)} class="item-link">
          {item.name}
        </Link>
        <span class="shopping-need">buy {need(entry)}</span>
        <span class="muted">
          have {amount(entry.have, item.unit)}, minimum {amount(item.minQuantity!, item.unit)}
        </span>
      </div>
      <div class="shopping-buy no-print">
        <label for={`${id}-q`}>Bought</label>
        <input id={`${id}-q`} type="number" inputMode="decimal" min="0" step="any" value={quantity} onInput={(e) => setQuantity(e.currentTarget.value)} />
        <label for={`${id}-c`}>Cost each</label>
        <input id={`${id}-c`} type="number" inputMode="decimal" min="0" step="any" value={cost} placeholder="optional" onInput={(e) => setCost(e.currentTarget.value)} />
        <button type="button" class="btn btn-primary" disabled={busy} onClick={() => void bought()}>
          <span aria-hidden="true">✓ </span>Bought<span class="visually-hidden"> {item.name}: record the purchase</span>
        </button>
      </div>
    </li>
  );
}
