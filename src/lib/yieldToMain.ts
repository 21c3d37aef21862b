// Long work (import, export, rebuild, validation) gives the main thread back between slices so that input and
// progress bars stay live (budget: no task over 100 ms). A MessageChannel message is a task hop that is not
// clamped to 4 ms like nested setTimeout, and, unlike scheduler.yield(), lets rendering run before it continues.
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

/** A time slicer: `await slicer.maybeYield()` inside a loop yields only when the current slice is used up. */
export function timeSlicer(sliceMs = 16): { maybeYield(): Promise<void> } {
  let sliceStart = performance.now();
  return {
    async maybeYield() {
      if (performance.now() - sliceStart < sliceMs) return;
      await yieldToMain();
      sliceStart = performance.now();
    },
  };
}
