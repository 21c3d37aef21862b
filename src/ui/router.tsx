// Client-side routing without a library: the URL is the single source of truth for the view (a reload
// keeps it). Paths are relative to Vite's BASE_URL so the app also works when served from a sub-path.
import { signal } from '@preact/signals';
import type { ComponentChildren, JSX } from 'preact';

const BASE = import.meta.env.BASE_URL.replace(/\/$/, '');

export interface Loc {
  /** Path inside the app, always starting with '/'. */
  path: string;
  params: URLSearchParams;
  /** True when the last change came from a link or navigate() push (not the first load, not replace). */
  pushed: boolean;
}

function read(pushed: boolean): Loc {
  let path = window.location.pathname;
  if (BASE && path.startsWith(BASE)) path = path.slice(BASE.length);
  return { path: path || '/', params: new URLSearchParams(window.location.search), pushed };
}

export const location = signal<Loc>(read(false));

window.addEventListener('popstate', () => {
  location.value = read(false);
});

export const href = (path: string): string => BASE + path;

/** Goes to `to` (an app path with optional query). `replace` for in-place changes such as typing in a filter. */
export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  const url = href(to);
  if (url === window.location.pathname + window.location.search) return;
  if (opts.replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
  location.value = read(!opts.replace);
}

/** Replaces the query of the current path with `params` (empty values dropped). */
export function setQuery(params: Record<string, string | undefined>, opts: { replace?: boolean } = { replace: true }): void {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, v);
  const s = q.toString();
  navigate(location.value.path + (s ? `?${s}` : ''), opts);
}

/** An item's page; with `at`, as of that past moment. */
export const itemPath = (id: string, at?: string): string => `/item/${encodeURIComponent(id)}${at ? `?at=${encodeURIComponent(at)}` : ''}`;
export const locationPath = (name: string): string => `/locations/${encodeURIComponent(name)}`;

type LinkProps = Omit<JSX.HTMLAttributes<HTMLAnchorElement>, 'href'> & { to: string; children?: ComponentChildren };

/** An ordinary link (open in new tab, copy address all work) that navigates in place on a plain click. */
export function Link({ to, children, onClick, ...rest }: LinkProps) {
  const handle = (e: JSX.TargetedMouseEvent<HTMLAnchorElement>) => {
    if (typeof onClick === 'function') onClick(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
  return (
    <a href={href(to)} onClick={handle} {...rest}>
      {children}
    </a>
  );
}
