// Why an item is marked as a conflict (merges can leave states no command would allow) and how to fix it.
import type { Item } from '../../domain/inventory';
import { shareLine, shareText, type CodeShare } from '../codeShares';
import { locationName, qty, sortedLocations } from '../format';

export function conflictReasons(item: Item, compact: boolean, shares?: readonly CodeShare[]): string[] {
  const out: string[] = [];
  if (!item.known) {
    out.push(
      compact
        ? 'Never created on this device'
        : 'Stock was recorded for this item, but the log here does not say it was ever created (events from another device, without the one that created it). Import the log of the device that created it.',
    );
  }
  for (const [loc, n] of sortedLocations(item.stock)) {
    if (n >= 0) continue;
    out.push(
      compact
        ? `${qty(n)} at ${locationName(loc)}: count it to fix`
        : `${locationName(loc)} shows ${qty(n)}: more was removed than was added, which happens when logs of two devices are merged. Count the stock there to set the real number.`,
    );
  }
  if (shares?.length) {
    if (compact) out.push(shareLine(shares)!);
    else for (const share of shares) out.push(shareText(share));
  }
  return out;
}

export function ConflictNote({ item, compact = false, shares }: { item: Item; compact?: boolean; shares?: readonly CodeShare[] | undefined }) {
  const reasons = conflictReasons(item, compact, shares);
  if (reasons.length === 0) return null;
  return compact ? (
    <p class="conflict-note">{reasons.join(' · ')}</p>
  ) : (
    <div class="conflict-panel">
      <h2>Conflict</h2>
      <ul>
        {reasons.map((r, i) => (
          <li key={i}>{r}</li>
        ))}
      </ul>
    </div>
  );
}
