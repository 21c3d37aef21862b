// UUIDv7 (RFC 9562): 48-bit Unix milliseconds, then random bits. Ids made within one millisecond increase
// (a counter in the random part), so events of one device keep their order when their times tie.

export type RandomBytes = (n: number) => Uint8Array;

const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

/** An id generator over an injected clock and random source (tests pass deterministic ones). */
export function uuidv7Generator(now: () => number, random: RandomBytes): () => string {
  let lastMs = -1;
  let counter = 0;
  return () => {
    let ms = now();
    if (ms <= lastMs) {
      ms = lastMs;
      counter++;
    } else {
      lastMs = ms;
      counter = 0;
    }
    const b = random(16);
    // 12-bit counter in rand_a keeps ids monotonic within a millisecond (4096 per ms before it wraps into ms+1).
    if (counter > 0xfff) {
      lastMs++;
      counter = 0;
      return uuidFrom(b, lastMs, 0);
    }
    return uuidFrom(b, ms, counter);
  };
}

function uuidFrom(b: Uint8Array, ms: number, counter: number): string {
  b[0] = (ms / 2 ** 40) & 0xff;
  b[1] = (ms / 2 ** 32) & 0xff;
  b[2] = (ms >>> 24) & 0xff;
  b[3] = (ms >>> 16) & 0xff;
  b[4] = (ms >>> 8) & 0xff;
  b[5] = ms & 0xff;
  b[6] = 0x70 | ((counter >> 8) & 0x0f);
  b[7] = counter & 0xff;
  b[8] = 0x80 | (b[8]! & 0x3f);
  const h = hex(b);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
