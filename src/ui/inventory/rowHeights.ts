// Measured heights of the inventory's rows, by item id, for the windowed table. Kept at module level so that
// the table re-created by a seek (it unmounts while the first past state loads) starts from real figures.
// Heights depend on the row's width (locations wrap; narrow screens show cards), so a new width starts over.

const heights = new Map<string, number>();
let sum = 0;
let width = -1;

// Before anything is measured: about a one-line table row. Too small an estimate only renders more rows.
const FIRST_GUESS = 48;

/** A row's height: measured when it has been shown at this width, else the mean of the measured ones. */
export function rowHeight(id: string): number {
  return heights.get(id) ?? meanRowHeight();
}

export function meanRowHeight(): number {
  return heights.size ? sum / heights.size : FIRST_GUESS;
}

/** Records the height (including margins) of a row shown `rowWidth` wide; true when the estimate changed. */
export function recordRowHeight(id: string, rowWidth: number, height: number): boolean {
  let reset = false;
  if (Math.abs(rowWidth - width) > 1) {
    reset = width !== -1 && heights.size > 0;
    heights.clear();
    sum = 0;
    width = rowWidth;
  }
  const old = heights.get(id);
  if (old !== undefined && Math.abs(old - height) < 0.5) return reset;
  heights.set(id, height);
  sum += height - (old ?? 0);
  return true;
}

/** For tests. */
export function forgetRowHeights(): void {
  heights.clear();
  sum = 0;
  width = -1;
}
