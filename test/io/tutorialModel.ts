// The Python tutorial's Inventory.get_items() in a few lines of TypeScript (ArjanCodes/examples, 2025/event v1
// and v2): a Counter of names, +1 per item_added and -1 per item_removed, keeping the names above zero in the
// order they were first seen. The oracle of the property test; test/io/tutorialFiles.test.ts checks it against
// the answers of the tutorial's own code.
export interface TutorialEvent {
  type: string;
  data: string | { name: string; [field: string]: string };
  timestamp: string;
}

export function tutorialGetItems(events: readonly TutorialEvent[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const e of events) {
    const name = typeof e.data === 'string' ? e.data : e.data.name;
    const kind = e.type.toLowerCase();
    if (kind === 'item_added') counts.set(name, (counts.get(name) ?? 0) + 1);
    else if (kind === 'item_removed') counts.set(name, (counts.get(name) ?? 0) - 1);
  }
  return [...counts].filter(([, count]) => count > 0);
}
