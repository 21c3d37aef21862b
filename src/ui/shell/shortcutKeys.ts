// Keyboard shortcuts: which key means what. Listened to from the start (a small listener); what a shortcut does
// loads on first use (src/ui/keyboard.tsx). No shortcut fires while typing in a field or with a dialog open, and
// Ctrl/Cmd+Z inside a field stays the field's own undo.
import type { Shortcut } from '../keyboard';

export type { Shortcut };

const TYPING = 'input, textarea, select, [contenteditable]:not([contenteditable="false"])';

/** The shortcut a key press means here, or undefined. */
export function shortcutOf(e: KeyboardEvent): Shortcut | undefined {
  if (e.defaultPrevented || e.altKey || e.isComposing) return undefined;
  const target = e.target instanceof Element ? e.target : null;
  if (target?.closest(TYPING) || document.querySelector('dialog[open]')) return undefined;
  const key = e.key.toLowerCase();
  if (e.ctrlKey || e.metaKey) return key === 'z' ? (e.shiftKey ? 'redo' : 'undo') : key === 'y' && e.ctrlKey ? 'redo' : undefined;
  return key === 'n' ? 'new' : key === '/' ? 'search' : key === 's' ? 'scan' : key === '?' ? 'help' : undefined;
}

export function listenForShortcuts(): void {
  window.addEventListener('keydown', (e: KeyboardEvent) => {
    const s = shortcutOf(e);
    if (!s) return;
    e.preventDefault();
    import('../keyboard').then(
      (m) => m.runShortcut(s),
      (err: unknown) => console.error('Could not load the keyboard shortcuts', err),
    );
  });
}
