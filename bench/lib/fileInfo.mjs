// First and last event times of an export file, read from its ends (the file can be hundreds of MB).
import { open } from 'node:fs/promises';

export async function timeSpan(path) {
  const fh = await open(path, 'r');
  try {
    const { size } = await fh.stat();
    const head = Buffer.alloc(Math.min(size, 4096));
    await fh.read(head, 0, head.length, 0);
    const tail = Buffer.alloc(Math.min(size, 4096));
    await fh.read(tail, 0, tail.length, size - tail.length);
    const times = (b) => [...b.toString('utf8').matchAll(/"time":"([^"]+)"/g)].map((m) => m[1]);
    return { first: times(head)[0], last: times(tail).at(-1), bytes: size };
  } finally {
    await fh.close();
  }
}
