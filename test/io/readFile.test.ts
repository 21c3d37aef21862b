// Reading a file in decoded pieces: the pieces join to the file's text, and a reader that has seen enough stops.
import { describe, expect, it } from 'vitest';
import { readPieces } from '../../src/io/readFile';

// Two 4 MB slices and a bit: a two-byte character straddles the first slice boundary.
const text = `${'a'.repeat(4 * 1024 * 1024 - 1)}é${'b'.repeat(1000)}`;
const blob = new Blob([text]);

describe('readPieces', () => {
  it('hands over the whole text in order, a character cut by a slice boundary decoded once', async () => {
    const pieces: string[] = [];
    expect(await readPieces(blob, (p) => pieces.push(p) > 0)).toEqual({ ok: true });
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.join('')).toBe(text);
  });

  it('stops reading when the reader returns false', async () => {
    const pieces: string[] = [];
    const progress: number[] = [];
    expect(await readPieces(blob, (p) => (pieces.push(p), false), { onProgress: (done) => progress.push(done) })).toEqual({ ok: true });
    expect(pieces).toHaveLength(1);
    expect(progress).toEqual([4 * 1024 * 1024]);
  });
});
