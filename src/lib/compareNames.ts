// How names sort everywhere (items, locations, categories, units): numbers by value ("Bin 2" before "Bin 10"),
// case and accents aside. One collator, made on first use: building one costs about a millisecond (more on a
// phone) that the start does not need to spend, and localeCompare with options builds one per call.
let collator: Intl.Collator | undefined;

export function compareNames(a: string, b: string): number {
  collator ??= new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
  return collator.compare(a, b);
}
