// What shows while the log opens (when it cannot be opened at all: ErrorScreen.tsx).

export function LoadingScreen() {
  return (
    <div class="status-screen" role="status" aria-live="polite">
      <div class="spinner" aria-hidden="true" />
      <p>Opening your inventory…</p>
    </div>
  );
}
