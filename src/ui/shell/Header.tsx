// The header and the main navigation. Pages are listed once, in NAV: a page with `primary` is a tab of the
// phone's bottom bar; the others are in its "More" menu there. On a wider screen every page is in the header.
// To add a page, add an entry here (and its route in routes.tsx).
import { Link } from '../router';
import { Menu } from './Menu';

interface NavEntry {
  to: string;
  label: string;
  /** Whether `to` is highlighted on path `p` (default: `p` is under `to`). */
  match?: (p: string) => boolean;
  primary?: boolean;
  /** Shows the past too: while a past moment is viewed, the link keeps it (`?at=`). */
  keepsAt?: boolean;
}

const active = (n: NavEntry, p: string) => (n.match ? n.match(p) : p.startsWith(n.to));

export const NAV: NavEntry[] = [
  { to: '/', label: 'Inventory', match: (p) => p === '/' || p.startsWith('/item/'), primary: true, keepsAt: true },
  { to: '/locations', label: 'Locations', primary: true, keepsAt: true },
  { to: '/shopping', label: 'Shopping', primary: true },
  { to: '/history', label: 'History', primary: true },
  { to: '/scan', label: 'Scan' },
  { to: '/labels', label: 'Labels' },
  { to: '/analytics', label: 'Analytics' },
  { to: '/compare', label: 'Compare' },
  { to: '/data', label: 'Import/Export' },
  { to: '/storage', label: 'Storage' },
  { to: '/sync', label: 'Sync' },
];

function NavLink({ n, path, at }: { n: NavEntry; path: string; at: string | undefined }) {
  // aria-current only on the exact page; an item page still highlights "Inventory" visually.
  const exact = n.to === path || (n.to !== '/' && path.startsWith(n.to));
  // While viewing the past, the pages that can show it keep the moment (the others show the present).
  const to = at && n.keepsAt ? `${n.to}?at=${encodeURIComponent(at)}` : n.to;
  return (
    <Link to={to} class={active(n, path) ? 'active' : undefined} aria-current={exact ? 'page' : undefined}>
      {n.label}
    </Link>
  );
}

export function Header({ path, at }: { path: string; at?: string | undefined }) {
  const more = NAV.filter((n) => !n.primary);
  const moreActive = more.some((n) => active(n, path));
  return (
    <header class="app-header">
      <Link to="/" class="brand" aria-label="Eventory, go to the inventory">
        <svg class="brand-mark" viewBox="0 0 24 24" aria-hidden="true" width="22" height="22">
          <rect x="3" y="3" width="18" height="18" rx="4" fill="currentColor" opacity="0.18" />
          <path d="M7 8h10M7 12h7M7 16h4" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
        </svg>
        Eventory
      </Link>
      {/* On a phone the tabs are at the bottom and Scan is under "More": this puts it one tap away, top right. */}
      <Link to="/scan" class="header-scan" aria-current={path === '/scan' ? 'page' : undefined}>
        Scan
      </Link>
      <nav aria-label="Main">
        <ul>
          {NAV.map((n) => (
            <li key={n.to} class={n.primary ? undefined : 'nav-secondary'}>
              <NavLink n={n} path={path} at={at} />
            </li>
          ))}
          <li class="nav-more">
            <Menu id="nav-more" label="More" ariaLabel="More pages" buttonClass={moreActive ? 'nav-more-button active' : 'nav-more-button'}>
              <ul>
                {more.map((n) => (
                  <li key={n.to}>
                    <NavLink n={n} path={path} at={at} />
                  </li>
                ))}
              </ul>
            </Menu>
          </li>
        </ul>
      </nav>
    </header>
  );
}
