// A module (or anything) loaded on first use and kept; a failed load is forgotten, so the next use tries again
// (offline before the service worker cached the chunk).
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () =>
    (pending ??= load().catch((err: unknown) => {
      pending = undefined;
      throw err;
    }));
}
