// An address the app has no page for.
import { Link } from '../router';

export function NotFound({ path }: { path: string }) {
  return (
    <section class="page">
      <h1 tabIndex={-1}>Page not found</h1>
      <p>Eventory has no page at “{path}”.</p>
      <p>
        <Link to="/">Go to the inventory</Link>
      </p>
    </section>
  );
}
