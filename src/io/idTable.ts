// Where each event id of a file was first seen, to find repeats among a million ids. A Map<string, number> of a
// million fresh strings is slow in V8 (several cache misses per insert in its chained table, and rehashes as it
// grows); this open-addressing table of 32-bit hashes in typed arrays, sized once for the file, costs a fraction.
//
// Hostile files: FNV-1a collisions are easy to make, so a probe that runs long sends its id to a plain Map
// instead (the table only fills, so an id missing from a long run stays missing: see `add`). Equal hashes
// are always confirmed by comparing the ids themselves.

/** Occupied slots looked at before an id goes to the overflow map. */
const MAX_PROBE = 32;

export interface IdTable {
  /** Records `id` as seen at position `at`, unless seen before: returns the earlier position, or -1 when new. */
  add(id: string, at: number): number;
}

/** FNV-1a over UTF-16 code units. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  // As an int32, the way the Int32Array stores it (the offset basis alone, for "", is above 2^31).
  return h | 0;
}

/** A table for up to `capacity` ids; `idAt(position)` gives back the id recorded at a position. */
export function idTable(capacity: number, idAt: (at: number) => string): IdTable {
  // At most half full, so probes stay short.
  let size = 16;
  while (size < capacity * 2) size *= 2;
  const mask = size - 1;
  const hashes = new Int32Array(size);
  const positions = new Int32Array(size).fill(-1);
  let overflow: Map<string, number> | undefined;
  return {
    add(id, at) {
      const h = hash(id);
      let slot = h & mask;
      for (let probe = 0; probe < MAX_PROBE; probe++, slot = (slot + 1) & mask) {
        const p = positions[slot]!;
        if (p === -1) {
          hashes[slot] = h;
          positions[slot] = at;
          return -1;
        }
        if (hashes[slot] === h && idAt(p) === id) return p;
      }
      overflow ??= new Map();
      const earlier = overflow.get(id);
      if (earlier !== undefined) return earlier;
      overflow.set(id, at);
      return -1;
    },
  };
}
