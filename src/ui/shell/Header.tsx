import { Link } from '../router';

const NAV: { to: string; label: string; match: (p: string) => boolean }[] = [
  { to: '/', label: 'Inventory', match: (p) => p === '/' || p.startsWith('/item/') || p.startsWith('/compare') },
  { to: '/history', label: 'History', match: (p) => p.startsWith('/history') },
  { to: '/analytics', label: 'Analytics', match: (p) => p.startsWith('/analytics') },
  { to: '/data', label: 'Import/Export', match: (p) => p.startsWith('/data') },
  { to: '/storage', label: 'Storage', match: (p) => p.startsWith('/storage') },
  { to: '/sync', label: 'Sync', match: (p) => p.startsWith('/sync') },
];

export function Header({ path }: { path: string }) {
  return (
    <header class="app-header">
      <Link to="/" class="brand" aria-label="Eventory, go to the inventory">
        <svg class="brand-mark" viewBox="0 0 24 24" aria-hidden="true" width="22" height="22">
          <rect x="3" y="3" width="18" height="18" rx="4" fill="currentColor" opacity="0.18" />
          <path d="M7 8h10M7 12h7M7 16h4" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
        </svg>
        Eventory
      </Link>
      <nav aria-label="Main">
        <ul>
          {NAV.map((n) => {
            const active = n.match(path);
            // aria-current only on the exact page; an item page still highlights "Inventory" visually.
            const exact = n.to === path || (n.to !== '/' && path.startsWith(n.to));
            return (
              <li key={n.to}>
                <Link to={n.to} class={active ? 'active' : undefined} aria-current={exact ? 'page' : undefined}>
                  {n.label}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
    </header>
  );
}
