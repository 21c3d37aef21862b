// Notifications after actions. One polite live region holds them; each toast is role="status" (errors
// role="alert"). Toasts with an action (Undo/Redo) stay longer, and no toast expires while the pointer or the
// keyboard focus is inside the region, so nobody loses an Undo while reaching for it. One is shown at a time
// (a stack covered the page), at the bottom, or at the top while the bottom one would cover the control that
// has the focus or the pointer (a +1 on the last row of the screen). The region is always there (a live region
// must exist before its first message); what fills it loads with the first toast (ToastList.tsx).
import { useRef } from 'preact/hooks';
import { lazyComponent } from '../lazy';
import { toasts } from './toastStore';

export { dismiss, toast, toasts } from './toastStore';

const ToastList = lazyComponent(() => import('./ToastList').then((m) => m.ToastList), 'notifications', { quiet: true });
export const preloadToasts = ToastList.preload;

export function Toasts() {
  const region = useRef<HTMLDivElement>(null);
  const shown = toasts.value;
  return (
    <div ref={region} class="toasts" aria-live="polite" aria-label="Notifications" role="region">
      {shown.length > 0 && <ToastList shown={shown} region={region} />}
    </div>
  );
}
