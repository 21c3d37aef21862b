// Long work (import, export, rebuild) gives the main thread back between slices so input stays responsive
// (budget: no task over 100 ms). A MessageChannel hop is not clamped to 4 ms like nested setTimeout.
let channel: MessageChannel | undefined;
const waiting: (() => void)[] = [];

export function yieldToMain(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((r) => setTimeout(r, 0));
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => waiting.shift()?.();
  }
  return new Promise((resolve) => {
    waiting.push(resolve);
    channel!.port2.postMessage(0);
  });
}

/** Calls `yieldToMain` when more than `sliceMs` have passed since the last yield. */
export function makeYielder(sliceMs = 30): () => Promise<void> | undefined {
  let last = performance.now();
  return () => {
    const now = performance.now();
    if (now - last < sliceMs) return undefined;
    last = now;
    return yieldToMain().then(() => {
      last = performance.now();
    });
  };
}
