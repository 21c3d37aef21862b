// Reads the live video a few times a second (decoding every frame would heat a phone for nothing), one read at
// a time, and reports codes as they come into view.
import type { Reader } from './detector';

/** Frames read per second at most. */
const READS_PER_SECOND = 6;

/**
 * Accepts a code when it comes into view: the same code seen again within `quietMs` of its last sighting is the
 * same scan (a code held in front of the camera counts once; taken away and shown again, it counts again).
 */
export function repeatGuard(quietMs = 1200): (code: string, now: number) => boolean {
  let last: string | undefined;
  let seenAt = -Infinity;
  return (code, now) => {
    const fresh = code !== last || now - seenAt > quietMs;
    last = code;
    seenAt = now;
    return fresh;
  };
}

export interface LoopHandlers {
  /** A code came into view. */
  onCode(code: string): void;
  /** Reading failed (the decoder broke): the loop has stopped. */
  onError(err: unknown): void;
}

/** Starts reading `video`; returns the function that stops it. */
export function startScanLoop(video: HTMLVideoElement, reader: Reader, on: LoopHandlers): () => void {
  let stopped = false;
  let lastRead = 0;
  const accept = repeatGuard();
  const next = () => {
    if (stopped) return;
    if ('requestVideoFrameCallback' in video) video.requestVideoFrameCallback(tick);
    else requestAnimationFrame(tick);
  };
  const tick = () => {
    const now = performance.now();
    if (stopped) return;
    if (now - lastRead < 1000 / READS_PER_SECOND || video.readyState < 2) return next();
    lastRead = now;
    reader.read(video).then(
      (codes) => {
        if (stopped) return;
        for (const c of codes) if (accept(c, performance.now())) on.onCode(c);
        next();
      },
      (err: unknown) => {
        if (!stopped) on.onError(err);
        stopped = true;
      },
    );
  };
  next();
  return () => {
    stopped = true;
  };
}
