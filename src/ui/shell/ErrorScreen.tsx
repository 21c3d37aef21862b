// What shows when the log cannot be opened at all. Its own module: a normal start never needs it.
import { Link } from '../router';

export function ErrorScreen({ message }: { message: string }) {
  return (
    <section class="status-screen status-error" aria-labelledby="error-title">
      <h1 id="error-title" tabIndex={-1}>
        Eventory cannot open your inventory
      </h1>
      <p role="alert" class="form-alert">
        {message}
      </p>
      <p>Nothing has been changed or deleted. Reloading often helps; if it does not, the Storage page shows what this browser allows.</p>
      <div class="empty-choices-inline">
        <button type="button" class="btn btn-primary" onClick={() => window.location.reload()}>
          Reload
        </button>
        <Link to="/storage" class="btn btn-secondary">
          Storage and backup
        </Link>
      </div>
    </section>
  );
}
