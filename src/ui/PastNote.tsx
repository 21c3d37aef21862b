// Says that a page shows the past (the address has `?at=`), with the way back to the present of the same page.
import { when } from './format';
import { Link } from './router';
import { inPast, viewAt } from './shown';

export function PastNote({ here }: { here: string }) {
  const at = viewAt.value;
  if (!inPast.value || !at) return null;
  return (
    <div class="banner banner-past">
      <p>
        <strong>Viewing the past:</strong> <time dateTime={at}>{when(at, true)}</time>. Nothing can be changed here.
      </p>
      <Link to={here} class="btn btn-secondary btn-small">
        Show now
      </Link>
    </div>
  );
}
