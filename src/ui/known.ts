// Values already in use, offered as suggestions so "Shelf A" is not typed three different ways.
import { computed } from '@preact/signals';
import { UNASSIGNED, type Item } from '../domain/inventory';
import { inventory } from '../state/app';
import { compareNames } from '../lib/compareNames';

function distinct(pick: (item: Item) => Iterable<string | undefined>): string[] {
  const out = new Set<string>();
  for (const item of inventory.value.items.values()) for (const v of pick(item)) if (v) out.add(v);
  return [...out].sort(compareNames);
}

export const knownLocations = computed(() => distinct((i) => Object.keys(i.stock).filter((l) => l !== UNASSIGNED)));
export const knownCategories = computed(() => distinct((i) => [i.category]));
export const knownUnits = computed(() => distinct((i) => [i.unit]));
